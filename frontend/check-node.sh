#!/bin/sh
# Called by the Maven build before the front-end build: fail early and plainly when Node is missing.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Ballast's build needs Node.js 20 or newer with npm on the PATH (to build frontend/)." >&2
  echo "Install it (e.g. 'apt-get install nodejs npm', or from your platform's packages) and build again." >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "Ballast's build needs Node.js 20 or newer; found $(node --version)." >&2
  exit 1
fi
