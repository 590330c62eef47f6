#!/bin/sh
# code-server's postinstall fetches ripgrep from GitHub, which is unreachable offline. @vscode/ripgrep
# first looks for a cached tarball under $TMPDIR and takes any it finds as the download, so Debian's
# rg in that cache lets the normal postinstall succeed without patching anything.
# Arguments: the @vscode/ripgrep version and the rg release tag code-server's lib/vscode pins.
set -eu
PKGV="${1:-1.15.11}"
TAG="${2:-v13.0.0-10}"
case "$(uname -m)" in
  x86_64) T=x86_64-unknown-linux-musl ;;
  aarch64) T=aarch64-unknown-linux-musl ;;
  *) echo "seed-ripgrep: unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac
D="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$PKGV"
mkdir -p "$D"
W=$(mktemp -d)
cp /usr/bin/rg "$W/rg"
tar czf "$D/ripgrep-$TAG-$T.tar.gz" -C "$W" rg
rm -rf "$W"
