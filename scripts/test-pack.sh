#!/usr/bin/env bash
# Proves the npm package works as users get it: build and pack the tarball, check that it holds
# only what the CLI needs, install it offline into an empty folder (it must need no dependencies,
# because dist/cli.js bundles them), and run `npx smlint` on the examples.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { printf "test-pack: FAIL: %b\n" "$*" >&2; exit 1; }

cd "$repo"
# `npm pack` runs the prepack script, which builds dist/ for production.
pack_json="$(npm pack --json --pack-destination "$work" 2>/dev/null)"
read -r tarball size unpacked count < <(node -e '
  const [p] = JSON.parse(process.argv[1]);
  console.log(p.filename, p.size, p.unpackedSize, p.entryCount);
' "$pack_json")
echo "packed $tarball: $size bytes, $unpacked unpacked, $count files"

unexpected="$(node -e '
  const [p] = JSON.parse(process.argv[1]);
  const allowed = /^(package\.json|dist\/cli\.js|docs\/rules\/[a-z0-9-]+\.md|README\.md|LICENSE|CHANGELOG\.md)$/;
  console.log(p.files.map((f) => f.path).filter((path) => !allowed.test(path)).join(" "));
' "$pack_json")"
[ -z "$unexpected" ] || fail "unexpected files in the tarball: $unexpected"
tar -tzf "$work/$tarball" > "$work/contents"
grep -qx 'package/dist/cli.js' "$work/contents" || fail "dist/cli.js is missing"
grep -q '^package/docs/rules/.*\.md$' "$work/contents" || fail "docs/rules is missing"
node -e 'const p = require(process.argv[1]); if (p.dependencies && Object.keys(p.dependencies).length) process.exit(1)' "$repo/package.json" \
  || fail "package.json has runtime dependencies; dist/cli.js should bundle them"

mkdir "$work/app"
cd "$work/app"
echo '{ "name": "smlint-pack-test", "private": true }' > package.json
npm install --offline --no-audit --no-fund "$work/$tarball" >/dev/null 2>&1 || fail "offline install of the tarball failed"

# Runs the installed CLI; sets $out (stdout), $err (stderr) and $code. --no-install: never fetch a
# registry package of the same name instead.
smlint() {
  set +e
  out="$(npx --no-install smlint "$@" 2>"$work/stderr")"
  code=$?
  set -e
  err="$(grep -v '^npm warn' "$work/stderr" || true)"
}

version="$(node -p 'require(process.argv[1]).version' "$repo/package.json")"
smlint --version
[ "$code" = 0 ] && [ "$out" = "$version" ] || fail "--version printed '$out' (exit $code), expected $version"

start=$(date +%s%N)
smlint "$repo/examples/byo-train-serve" --no-color
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$code" = 0 ] || fail "the good example should pass (exit $code):\n$out"
grep -q '^0 errors, ' <<<"$out" || fail "no clean summary for the good example:\n$out"
echo "npx smlint examples/byo-train-serve: exit 0 in ${elapsed_ms} ms"

smlint "$repo/examples/broken" --fail-level warning --format json
[ "$code" = 1 ] || fail "the broken example should fail at --fail-level warning (exit $code):\n$out"
node -e '
  const [report] = JSON.parse(process.argv[1]);
  if (!report.findings.some((f) => f.ruleId === "entrypoint-shell-form")) process.exit(1);
' "$out" || fail "the broken example has no entrypoint-shell-form finding:\n$out"
echo "npx smlint examples/broken --fail-level warning: exit 1 with findings"

smlint --explain entrypoint-shell-form
grep -q '^# entrypoint-shell-form' <<<"$out" || fail "--explain did not find the docs page shipped in the package"

smlint "$repo/examples/missing"
[ "$code" = 2 ] && [ "$err" = "smlint: $repo/examples/missing: no such file or directory" ] \
  || fail "a missing path should exit 2 with one line (exit $code): $err"

echo "test-pack: OK"
