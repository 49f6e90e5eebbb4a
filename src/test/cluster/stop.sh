#!/usr/bin/env bash
# Stops the control plane that start.sh started in <workdir>: only the processes whose
# pid files it wrote there (and only if they still are those programs), then removes
# the work directory's data. BALLAST_KEEP_LOGS=1 keeps <workdir>/logs.
set -uo pipefail

[ $# -ge 1 ] || { echo "usage: stop.sh <workdir>" >&2; exit 2; }
W="$1"
[ -d "$W" ] || exit 0
W="$(cd "$W" && pwd)"

# The pid still belongs to the process we started: same program, same work dir.
ours() { # pid program
  [ -r "/proc/$1/cmdline" ] || return 1
  local cmd
  cmd="$(tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null)" || return 1
  case "$cmd" in *"$2"*"$W"*) return 0 ;; *) return 1 ;; esac
}

stop_one() { # name program
  local f="$W/$1.pid" pid i
  [ -r "$f" ] || return 0
  pid="$(cat "$f")"
  if [ -n "$pid" ] && ours "$pid" "$2"; then
    kill -TERM "$pid" 2>/dev/null
    for i in $(seq 1 100); do ours "$pid" "$2" || break; sleep 0.1; done
    if ours "$pid" "$2"; then kill -KILL "$pid" 2>/dev/null; sleep 0.2; fi
  fi
  rm -f "$f"
}

stop_one kube-controller-manager kube-controller-manager
stop_one kube-scheduler kube-scheduler
stop_one kube-apiserver kube-apiserver
stop_one etcd etcd

rm -rf "$W/etcd" "$W/pki" "$W/cluster.env" "$W/admin.kubeconfig" "$W/reader.kubeconfig" "$W/audit-policy.yaml"
if [ "${BALLAST_KEEP_LOGS:-0}" != 1 ]; then rm -rf "$W/logs"; fi
rmdir "$W" 2>/dev/null || true
exit 0
