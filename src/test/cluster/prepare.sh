#!/usr/bin/env bash
# Builds kube-apiserver, kube-controller-manager and kube-scheduler from Debian's
# `kubernetes` source package and caches them under ${BALLAST_KUBE_CACHE:-~/.cache/ballast/kube}/<version>/.
# Idempotent: with a warm cache it only checks the binaries (and installs etcd if missing).
set -euo pipefail

CACHE_ROOT="${BALLAST_KUBE_CACHE:-$HOME/.cache/ballast/kube}"
SRC_ROOT="${BALLAST_KUBE_SRC:-$(dirname "$CACHE_ROOT")/kube-src}"
COMPONENTS=(kube-apiserver kube-controller-manager kube-scheduler)
# Bumped whenever the build below changes, so that older caches are rebuilt.
RECIPE="debian-rules+reflect2-1.0.2"
export DEBIAN_FRONTEND=noninteractive

log() { echo "prepare.sh: $*" >&2; }
die() { echo "prepare.sh: ERROR: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root (or sudo) for: $*"; fi
}

# Prints the cached version when all three binaries are present and run.
cached_version() {
  local version
  [ -r "$CACHE_ROOT/current" ] || return 1
  version="$(cat "$CACHE_ROOT/current")"
  [ -n "$version" ] || return 1
  [ "$(cat "$CACHE_ROOT/$version/.recipe" 2>/dev/null)" = "$RECIPE" ] || return 1
  local pids=() pid
  for c in "${COMPONENTS[@]}"; do
    [ -x "$CACHE_ROOT/$version/$c" ] || return 1
    "$CACHE_ROOT/$version/$c" --version >/dev/null 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || return 1; done
  echo "$version"
}

apt_updated=false
apt_update() {
  $apt_updated && return 0
  log "apt-get update"
  as_root apt-get update -q >&2 || die "apt-get update failed: Debian's package repositories cannot be reached"
  apt_updated=true
}

ensure_etcd() {
  command -v etcd >/dev/null 2>&1 && return 0
  apt_update
  log "installing etcd-server"
  as_root apt-get install -y -q --no-install-recommends etcd-server >&2 \
    || die "cannot install etcd-server from Debian's repositories"
}

# --- warm cache: no apt at all unless etcd is missing -------------------------
if version="$(cached_version)"; then
  ensure_etcd
  log "control plane $version ready in $CACHE_ROOT/$version"
  exit 0
fi

# --- cold: deb-src, toolchain, source, build ---------------------------------
has_bookworm_deb_src() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -r "$f" ] || continue
    grep -Eq '^[[:space:]]*deb-src[[:space:]].*[[:space:]]bookworm[[:space:]].*\bmain\b' "$f" && return 0
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -r "$f" ] || continue
    # deb822: one stanza per blank-line separated paragraph
    awk 'BEGIN{RS=""; IGNORECASE=1}
         /(^|\n)Types:[^\n]*deb-src/ && /(^|\n)Suites:[^\n]*[[:space:]]bookworm([[:space:]]|$|\n)/ \
           && /(^|\n)Components:[^\n]*main/ && !/(^|\n)Enabled:[[:space:]]*no/ {found=1}
         END{exit found?0:1}' "$f" && return 0
  done
  return 1
}

# URI the machine already uses for bookworm main (default: deb.debian.org).
bookworm_uri() {
  local f uri
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -r "$f" ] || continue
    uri="$(awk 'BEGIN{RS=""; IGNORECASE=1}
         /(^|\n)Types:[^\n]*deb/ && /(^|\n)Suites:[^\n]*[[:space:]]bookworm([[:space:]]|$|\n)/ {
           n=split($0, lines, "\n");
           for (i=1;i<=n;i++) if (lines[i] ~ /^URIs:/) { sub(/^URIs:[[:space:]]*/, "", lines[i]); split(lines[i], u, " "); print u[1]; exit } }' "$f")"
    [ -n "$uri" ] && { echo "$uri"; return; }
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -r "$f" ] || continue
    uri="$(awk '$1=="deb" { i=2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ } if ($(i+1)=="bookworm") { print $i; exit } }' "$f")"
    [ -n "$uri" ] && { echo "$uri"; return; }
  done
  echo "http://deb.debian.org/debian"
}

if ! has_bookworm_deb_src; then
  uri="$(bookworm_uri)"
  log "adding deb-src for bookworm main ($uri)"
  keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  {
    echo "Types: deb-src"
    echo "URIs: $uri"
    echo "Suites: bookworm"
    echo "Components: main"
    [ -r "$keyring" ] && echo "Signed-By: $keyring"
  } | as_root tee /etc/apt/sources.list.d/ballast-deb-src.sources >/dev/null
  apt_updated=false
fi

apt_update
PACKAGES="etcd-server golang-go rsync dpkg-dev golang-github-modern-go-reflect2-dev"
log "installing $PACKAGES"
as_root apt-get install -y -q --no-install-recommends $PACKAGES >&2 \
  || die "cannot install $PACKAGES from Debian's repositories"

mkdir -p "$SRC_ROOT"
work="$(mktemp -d "$SRC_ROOT/build.XXXXXX")"
chmod 755 "$work"  # lets apt's _apt user write the download
trap 'rm -rf "$work"' EXIT
log "fetching the kubernetes source package into $work"
(cd "$work" && apt-get source -q kubernetes >&2) \
  || die "apt-get source kubernetes failed: is Debian's source repository reachable?"
dsc="$(ls "$work"/kubernetes_*.dsc | head -n1)"
version="$(awk '/^Version:/ {print $2; exit}' "$dsc")"
srcdir="$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'kubernetes-*' | head -n1)"
[ -n "$version" ] && [ -d "$srcdir" ] || die "unexpected layout of the kubernetes source package in $work"

# Kubernetes 1.20 vendors github.com/modern-go/reflect2 1.0.1, whose map iteration crashes
# binaries built with Go >= 1.18 (bookworm has 1.19): the API server dies with "fatal error:
# fault" on the first JSON response holding a map. Debian's reflect2 1.0.2 fixes it.
reflect2=/usr/share/gocode/src/github.com/modern-go/reflect2
[ -r "$reflect2/go_above_118.go" ] || die "$reflect2 (golang-github-modern-go-reflect2-dev) has no Go 1.18 support"
rm -f "$srcdir/vendor/github.com/modern-go/reflect2/"*.go "$srcdir/vendor/github.com/modern-go/reflect2/"*.s
cp "$reflect2/"*.go "$reflect2/"*.s "$srcdir/vendor/github.com/modern-go/reflect2/"

# As debian/rules does: a GOPATH (.go) whose src/k8s.io/kubernetes links back to the
# source tree, CGO_ENABLED=0, and the upstream `make WHAT=...` (hack/ forces GOPATH mode
# with the vendor/ tree and stamps the version, v1.20.2, into the binaries).
log "building ${COMPONENTS[*]} of kubernetes $version (10-20 minutes on 2 cores)"
mkdir -p "$srcdir/.go/src/k8s.io"
[ -L "$srcdir/.go/src/k8s.io/kubernetes" ] || ln -s ../../.. "$srcdir/.go/src/k8s.io/kubernetes"
(
  cd "$srcdir"
  unset GOFLAGS GO111MODULE GOBIN
  export GOPATH="$srcdir/.go" CGO_ENABLED=0 GOPROXY=off
  export PATH="/usr/lib/go/bin:$PATH"
  make WHAT="${COMPONENTS[*]/#/cmd/}" >&2
) || die "building the kubernetes binaries failed (see the output above)"

mkdir -p "$CACHE_ROOT/$version"
for c in "${COMPONENTS[@]}"; do
  install -m 0755 "$srcdir/_output/bin/$c" "$CACHE_ROOT/$version/$c"
done
echo "$RECIPE" > "$CACHE_ROOT/$version/.recipe"
echo "$version" > "$CACHE_ROOT/current.tmp" && mv "$CACHE_ROOT/current.tmp" "$CACHE_ROOT/current"
cached_version >/dev/null || die "built binaries in $CACHE_ROOT/$version do not run"
log "control plane $version ready in $CACHE_ROOT/$version"
