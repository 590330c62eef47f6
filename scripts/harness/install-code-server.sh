#!/bin/bash
# Installs code-server (a real VS Code, served to a browser) plus Debian Chromium for the
# integration tests. Idempotent: a second run returns at once. The prefix lives outside the repo so a
# fresh clone on a kept machine reuses it, and code-server stays out of devDependencies so `npm ci`
# does not spend a minute on its native builds. Recipe and pitfalls: ../shared/reference/vscode-harness.md.
set -euo pipefail
CS_VERSION=${CS_VERSION:-4.100.3}
CS_PREFIX=${CS_PREFIX:-$HOME/.cache/code-server-$CS_VERSION}
APT_PACKAGES="build-essential python3 pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep chromium"

# The package.json, not `code-server --version`: that call writes ~/.config/code-server.
pj="$CS_PREFIX/node_modules/code-server/package.json"
rg_bin="$CS_PREFIX/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
installed() {
  [ -f "$pj" ] && [ "$(node -p "require('$pj').version")" = "$CS_VERSION" ] && [ -x "$rg_bin" ] && [ -x /usr/bin/chromium ]
}
if installed; then exit 0; fi

need=""
for p in $APT_PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"; done
if [ -n "$need" ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need
fi

"$(dirname "$0")/seed-ripgrep.sh" 1.15.11 v13.0.0-10
mkdir -p "$CS_PREFIX"
cd "$CS_PREFIX"
[ -f package.json ] || echo '{"name":"code-server-harness","private":true}' > package.json
# unsafe_perm: the postinstall refuses to run as root without it. yes: node-pty's postinstall runs
# npx, which aborts under `yes=false` and rolls back the whole install. nodedir: node-gyp would
# otherwise download Node headers.
npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr \
  npm install --no-audit --no-fund --no-save --foreground-scripts "code-server@$CS_VERSION"
test -x "$rg_bin"
test -f node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node
echo "code-server $CS_VERSION installed in $CS_PREFIX"
