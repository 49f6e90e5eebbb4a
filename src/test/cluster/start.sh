#!/usr/bin/env bash
# Starts a Kubernetes 1.20 control plane (etcd, kube-apiserver, kube-controller-manager,
# kube-scheduler) on free 127.0.0.1 ports, with everything it writes in <workdir>.
#
#   start.sh <workdir> [--cluster-cidr CIDR] [--node-cidr-mask-size N] [--service-cidr CIDR]
#
# Environment (flags win): BALLAST_CLUSTER_CIDR (10.244.0.0/16), BALLAST_NODE_CIDR_MASK_SIZE (24),
# BALLAST_SERVICE_CIDR (10.96.0.0/16), BALLAST_KUBE_CACHE (~/.cache/ballast/kube),
# BALLAST_KUBE_VERSION (the cache's `current`), BALLAST_START_TIMEOUT seconds (180).
# Writes admin.kubeconfig, reader.kubeconfig, cluster.env, *.pid and logs/ into <workdir>.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
die() { echo "start.sh: ERROR: $*" >&2; exit 1; }
log() { echo "start.sh: $*" >&2; }

[ $# -ge 1 ] || die "usage: start.sh <workdir> [--cluster-cidr CIDR] [--node-cidr-mask-size N] [--service-cidr CIDR]"
W="$1"; shift
CLUSTER_CIDR="${BALLAST_CLUSTER_CIDR:-10.244.0.0/16}"
NODE_CIDR_MASK_SIZE="${BALLAST_NODE_CIDR_MASK_SIZE:-24}"
SERVICE_CIDR="${BALLAST_SERVICE_CIDR:-10.96.0.0/16}"
TIMEOUT="${BALLAST_START_TIMEOUT:-180}"
while [ $# -gt 0 ]; do
  case "$1" in
    --cluster-cidr) CLUSTER_CIDR="$2"; shift 2 ;;
    --cluster-cidr=*) CLUSTER_CIDR="${1#*=}"; shift ;;
    --node-cidr-mask-size) NODE_CIDR_MASK_SIZE="$2"; shift 2 ;;
    --node-cidr-mask-size=*) NODE_CIDR_MASK_SIZE="${1#*=}"; shift ;;
    --service-cidr) SERVICE_CIDR="$2"; shift 2 ;;
    --service-cidr=*) SERVICE_CIDR="${1#*=}"; shift ;;
    *) die "unknown argument: $1" ;;
  esac
done

CACHE_ROOT="${BALLAST_KUBE_CACHE:-$HOME/.cache/ballast/kube}"
VERSION="${BALLAST_KUBE_VERSION:-$(cat "$CACHE_ROOT/current" 2>/dev/null || true)}"
BIN="$CACHE_ROOT/$VERSION"
for c in kube-apiserver kube-controller-manager kube-scheduler; do
  [ -n "$VERSION" ] && [ -x "$BIN/$c" ] || die "control plane binaries not found under $CACHE_ROOT; run src/test/cluster/prepare.sh"
done
command -v etcd >/dev/null || die "etcd not found; run src/test/cluster/prepare.sh"
for tool in openssl curl; do command -v "$tool" >/dev/null || die "$tool is required"; done

mkdir -p "$W"
W="$(cd "$W" && pwd)"
[ ! -e "$W/cluster.env" ] || die "$W already holds a control plane (cluster.env); stop it with stop.sh first"
mkdir -p "$W/pki" "$W/logs"
started=()
on_exit() {
  local rc=$?
  if [ "$rc" != 0 ] && [ ${#started[@]} -gt 0 ]; then
    log "start failed; stopping what was started (logs kept in $W/logs)"
    BALLAST_KEEP_LOGS=1 "$here/stop.sh" "$W" >&2 || true
  fi
  exit "$rc"
}
trap on_exit EXIT

# --- ports: free 127.0.0.1 ports below the ephemeral range ----------------------
taken=" "
free_port() { # variable: a port nobody listens on, not handed out before
  local p i
  for i in $(seq 1 200); do
    p=$((15000 + RANDOM % 17000))
    case "$taken" in *" $p "*) continue ;; esac
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then taken+="$p "; printf -v "$1" %s "$p"; return; fi
  done
  die "no free port on 127.0.0.1"
}
free_port ETCD_PORT; free_port ETCD_PEER_PORT; free_port API_PORT; free_port CM_PORT; free_port SCHED_PORT
API_URL="https://127.0.0.1:$API_PORT"

# --- first address of the service range (the `kubernetes` Service's ClusterIP) --
first_ip() {
  local ip="${1%/*}" a b c d n
  IFS=. read -r a b c d <<<"$ip"
  n=$(( (a << 24 | b << 16 | c << 8 | d) + 1 ))
  echo "$(( n >> 24 & 255 )).$(( n >> 16 & 255 )).$(( n >> 8 & 255 )).$(( n & 255 ))"
}
SERVICE_IP="$(first_ip "$SERVICE_CIDR")"

# --- PKI -------------------------------------------------------------------------
P="$W/pki"
openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=ballast-test-ca" \
  -keyout "$P/ca.key" -out "$P/ca.crt" 2>/dev/null
cat > "$P/apiserver.ext" <<EXT
basicConstraints=CA:FALSE
keyUsage=digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost,IP:$SERVICE_IP,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local
EXT
openssl req -newkey rsa:2048 -nodes -subj "/CN=kube-apiserver" \
  -keyout "$P/apiserver.key" -out "$P/apiserver.csr" 2>/dev/null
openssl x509 -req -in "$P/apiserver.csr" -CA "$P/ca.crt" -CAkey "$P/ca.key" -CAcreateserial \
  -days 3650 -extfile "$P/apiserver.ext" -out "$P/apiserver.crt" 2>/dev/null
openssl genrsa -out "$P/sa.key" 2048 2>/dev/null
openssl rsa -in "$P/sa.key" -pubout -out "$P/sa.pub" 2>/dev/null

token() { openssl rand -hex 24; }
ADMIN_TOKEN=$(token); READER_TOKEN=$(token); CM_TOKEN=$(token); SCHED_TOKEN=$(token)
cat > "$P/tokens.csv" <<TOK
$ADMIN_TOKEN,admin,admin,"system:masters"
$READER_TOKEN,ballast-reader,ballast-reader
$CM_TOKEN,system:kube-controller-manager,system:kube-controller-manager,"system:masters"
$SCHED_TOKEN,system:kube-scheduler,system:kube-scheduler,"system:masters"
TOK
chmod 600 "$P"/*.key "$P/tokens.csv"

kubeconfig() { # file token user
  cat > "$1" <<KC
apiVersion: v1
kind: Config
clusters:
- name: ballast-test
  cluster:
    server: $API_URL
    certificate-authority: $P/ca.crt
users:
- name: $3
  user:
    token: $2
contexts:
- name: $3@ballast-test
  context:
    cluster: ballast-test
    user: $3
current-context: $3@ballast-test
KC
  chmod 600 "$1"
}
kubeconfig "$W/admin.kubeconfig" "$ADMIN_TOKEN" admin
kubeconfig "$W/reader.kubeconfig" "$READER_TOKEN" ballast-reader
kubeconfig "$P/controller-manager.kubeconfig" "$CM_TOKEN" system:kube-controller-manager
kubeconfig "$P/scheduler.kubeconfig" "$SCHED_TOKEN" system:kube-scheduler

cat > "$W/audit-policy.yaml" <<'POL'
apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: ["RequestReceived"]
rules:
- level: Metadata
POL

cat > "$W/cluster.env" <<ENV
KUBE_VERSION=$VERSION
KUBE_API_URL=$API_URL
KUBE_API_PORT=$API_PORT
KUBE_ADMIN_TOKEN=$ADMIN_TOKEN
KUBE_READER_TOKEN=$READER_TOKEN
KUBE_READER_USER=ballast-reader
KUBE_CA_FILE=$P/ca.crt
KUBE_ADMIN_KUBECONFIG=$W/admin.kubeconfig
KUBE_READER_KUBECONFIG=$W/reader.kubeconfig
KUBE_AUDIT_LOG=$W/logs/audit.log
KUBE_CLUSTER_CIDR=$CLUSTER_CIDR
KUBE_NODE_CIDR_MASK_SIZE=$NODE_CIDR_MASK_SIZE
KUBE_SERVICE_CIDR=$SERVICE_CIDR
ETCD_URL=http://127.0.0.1:$ETCD_PORT
ETCD_PORT=$ETCD_PORT
ETCD_PEER_PORT=$ETCD_PEER_PORT
CONTROLLER_MANAGER_PORT=$CM_PORT
SCHEDULER_PORT=$SCHED_PORT
ENV

# --- processes ---------------------------------------------------------------------
launch() { # name command...
  local name="$1"; shift
  "$@" </dev/null >"$W/logs/$name.log" 2>&1 &
  local pid=$!
  echo "$pid" > "$W/$name.pid"
  started+=("$name")
  echo "$(echo "$name" | tr a-z- A-Z_)_PID=$pid" >> "$W/cluster.env"
}

failed() { # name message
  echo "start.sh: ERROR: $2" >&2
  echo "--- last lines of $W/logs/$1.log ---" >&2
  tail -n 40 "$W/logs/$1.log" >&2 || true
  false
}

wait_http() { # name url [auth header]
  local name="$1" url="$2" deadline=$((SECONDS + TIMEOUT)) code pid
  pid="$(cat "$W/$name.pid")"
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 --cacert "$P/ca.crt" -k \
      ${3:+-H "$3"} "$url" || true)
    [ "$code" = 200 ] && return 0
    kill -0 "$pid" 2>/dev/null || { failed "$name" "$name exited before it became ready"; return 1; }
    [ "$SECONDS" -lt "$deadline" ] || { failed "$name" "$name not ready after ${TIMEOUT}s ($url answered $code)"; return 1; }
    sleep 0.3
  done
}

launch etcd etcd --name=ballast --data-dir="$W/etcd" \
  --listen-client-urls="http://127.0.0.1:$ETCD_PORT" --advertise-client-urls="http://127.0.0.1:$ETCD_PORT" \
  --listen-peer-urls="http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls="http://127.0.0.1:$ETCD_PEER_PORT" \
  --initial-cluster="ballast=http://127.0.0.1:$ETCD_PEER_PORT" --initial-cluster-state=new \
  --quota-backend-bytes=8589934592 --logger=zap --log-level=warn
wait_http etcd "http://127.0.0.1:$ETCD_PORT/health"

launch kube-apiserver "$BIN/kube-apiserver" \
  --etcd-servers="http://127.0.0.1:$ETCD_PORT" \
  --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port="$API_PORT" --insecure-port=0 \
  --cert-dir="$P" --tls-cert-file="$P/apiserver.crt" --tls-private-key-file="$P/apiserver.key" \
  --client-ca-file="$P/ca.crt" --token-auth-file="$P/tokens.csv" \
  --requestheader-client-ca-file="$P/ca.crt" --requestheader-allowed-names=front-proxy-client \
  --requestheader-username-headers=X-Remote-User --requestheader-group-headers=X-Remote-Group \
  --requestheader-extra-headers-prefix=X-Remote-Extra- \
  --authorization-mode=Node,RBAC --allow-privileged=true \
  --service-cluster-ip-range="$SERVICE_CIDR" \
  --service-account-issuer=https://kubernetes.default.svc.cluster.local \
  --service-account-key-file="$P/sa.pub" --service-account-signing-key-file="$P/sa.key" \
  --audit-policy-file="$W/audit-policy.yaml" --audit-log-path="$W/logs/audit.log" \
  --audit-log-maxsize=1024 --audit-log-maxbackup=1 \
  --max-requests-inflight=1000 --max-mutating-requests-inflight=500 \
  --profiling=false --v=0
wait_http kube-apiserver "$API_URL/readyz" "Authorization: Bearer $ADMIN_TOKEN"

launch kube-controller-manager "$BIN/kube-controller-manager" \
  --kubeconfig="$P/controller-manager.kubeconfig" \
  --authentication-kubeconfig="$P/controller-manager.kubeconfig" \
  --authorization-kubeconfig="$P/controller-manager.kubeconfig" \
  --bind-address=127.0.0.1 --secure-port="$CM_PORT" --port=0 --cert-dir="$W/pki/controller-manager" \
  --leader-elect=false --controllers='*,-nodelifecycle' \
  --allocate-node-cidrs=true --cluster-cidr="$CLUSTER_CIDR" --node-cidr-mask-size="$NODE_CIDR_MASK_SIZE" \
  --service-cluster-ip-range="$SERVICE_CIDR" \
  --service-account-private-key-file="$P/sa.key" --root-ca-file="$P/ca.crt" \
  --cluster-signing-cert-file="$P/ca.crt" --cluster-signing-key-file="$P/ca.key" \
  --kube-api-qps=500 --kube-api-burst=1000 --profiling=false --v=0

launch kube-scheduler "$BIN/kube-scheduler" \
  --kubeconfig="$P/scheduler.kubeconfig" \
  --authentication-kubeconfig="$P/scheduler.kubeconfig" \
  --authorization-kubeconfig="$P/scheduler.kubeconfig" \
  --bind-address=127.0.0.1 --secure-port="$SCHED_PORT" --port=0 --cert-dir="$W/pki/scheduler" \
  --leader-elect=false --kube-api-qps=500 --kube-api-burst=1000 --profiling=false --v=0

# --- the read-only role Ballast is given (no Secrets, no write verbs) --------------
api() { # method path [json]
  curl -sS --http1.1 -o "$W/logs/last-response.json" -w '%{http_code}' --cacert "$P/ca.crt" \
    -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -X "$1" "$API_URL$2" ${3:+--data-binary "$3"} \
    || failed kube-apiserver "$1 $API_URL$2 failed"
}
apply() { # collection-path name json
  local code
  code=$(api POST "$1" "$3")
  if [ "$code" = 409 ]; then code=$(api PUT "$1/$2" "$3"); fi
  case "$code" in 200|201) ;; *) die "applying $1/$2 answered $code: $(cat "$W/logs/last-response.json")" ;; esac
}
R='"get","list","watch"'
apply /apis/rbac.authorization.k8s.io/v1/clusterroles ballast-reader '{
  "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
  "metadata": {"name": "ballast-reader", "labels": {"app.kubernetes.io/name": "ballast"}},
  "rules": [
    {"apiGroups": [""], "resources": ["nodes", "namespaces", "pods", "services", "endpoints", "configmaps",
      "serviceaccounts", "limitranges", "resourcequotas", "persistentvolumeclaims", "persistentvolumes",
      "replicationcontrollers", "events"], "verbs": ['"$R"']},
    {"apiGroups": ["apps"], "resources": ["deployments", "statefulsets", "daemonsets", "replicasets"], "verbs": ['"$R"']},
    {"apiGroups": ["batch"], "resources": ["jobs", "cronjobs"], "verbs": ['"$R"']},
    {"apiGroups": ["networking.k8s.io"], "resources": ["ingresses", "ingressclasses", "networkpolicies"], "verbs": ['"$R"']},
    {"apiGroups": ["extensions"], "resources": ["ingresses"], "verbs": ['"$R"']},
    {"apiGroups": ["discovery.k8s.io"], "resources": ["endpointslices"], "verbs": ['"$R"']},
    {"apiGroups": ["policy"], "resources": ["poddisruptionbudgets"], "verbs": ['"$R"']},
    {"apiGroups": ["autoscaling"], "resources": ["horizontalpodautoscalers"], "verbs": ['"$R"']},
    {"apiGroups": ["scheduling.k8s.io"], "resources": ["priorityclasses"], "verbs": ['"$R"']},
    {"apiGroups": ["storage.k8s.io"], "resources": ["storageclasses"], "verbs": ['"$R"']},
    {"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles", "rolebindings", "clusterroles", "clusterrolebindings"], "verbs": ['"$R"']},
    {"apiGroups": ["apiextensions.k8s.io"], "resources": ["customresourcedefinitions"], "verbs": ['"$R"']},
    {"apiGroups": ["metrics.k8s.io"], "resources": ["nodes", "pods"], "verbs": ['"$R"']}
  ]}'
apply /apis/rbac.authorization.k8s.io/v1/clusterrolebindings ballast-reader '{
  "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
  "metadata": {"name": "ballast-reader", "labels": {"app.kubernetes.io/name": "ballast"}},
  "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "ballast-reader"},
  "subjects": [{"apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": "ballast-reader"}]}'

wait_http kube-controller-manager "https://127.0.0.1:$CM_PORT/healthz"
wait_http kube-scheduler "https://127.0.0.1:$SCHED_PORT/healthz"
# Pods need the `default` ServiceAccount, created by the controller-manager.
deadline=$((SECONDS + TIMEOUT))
until [ "$(api GET /api/v1/namespaces/default/serviceaccounts/default)" = 200 ]; do
  [ "$SECONDS" -lt "$deadline" ] || failed kube-controller-manager "no default ServiceAccount after ${TIMEOUT}s"
  sleep 0.3
done

trap - EXIT
# With BALLAST_OWNER_PID set (the test JVM does), a watchdog stops the plane when that process
# is gone, even if it was killed without running its shutdown hook.
if [ -n "${BALLAST_OWNER_PID:-}" ]; then
  nohup setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; [ -d "$2" ] && "$3" "$2"' \
    watchdog "$BALLAST_OWNER_PID" "$W" "$here/stop.sh" </dev/null >/dev/null 2>&1 &
fi
log "control plane $VERSION ready at $API_URL (workdir $W)"
echo "$W/cluster.env"
