#!/usr/bin/env bash
# Builds better-sqlite3's native addon offline, with the SQLite amalgamation the package ships (deps/sqlite3).
# Its own install script runs prebuild-install first, which downloads a binary from GitHub, so package.json keeps
# npm from running it ("allowScripts"). Needs g++, make, python3 and Node's headers. Run from the project root after
# npm ci. With --if-needed (npm test uses it), an addon that is built and loads is kept.
set -euo pipefail
cd "$(dirname "$0")/../.."
pkg=node_modules/better-sqlite3
check="const D = require('./$pkg'); const d = new D(':memory:'); if (d.prepare('select 1 + 1 as n').get().n !== 2) process.exit(1);"
if [ "${1:-}" = "--if-needed" ] && node -e "$check" 2>/dev/null; then exit 0; fi
[ -d "$pkg" ] || { echo "build-better-sqlite3: $pkg is missing; run npm ci first" >&2; exit 1; }
. scripts/native/node-gyp.sh
gyp_rebuild "$pkg" build-better-sqlite3
node -e "$check"
echo "better-sqlite3 built: $pkg/build/Release/better_sqlite3.node"
