#!/usr/bin/env bash
# Builds faiss-node's native addon against Debian's libfaiss, offline. faiss-node's own install script downloads a
# prebuilt binary and then clones faiss from GitHub, so package.json keeps npm from running it ("allowScripts").
# Needs: apt-get install libfaiss-dev (faiss 1.7.3, with its BLAS/LAPACK and OpenMP), g++, make, python3, and
# Node's headers (Debian's nodejs ships them in /usr/include/node). Run from the project root after npm ci.
# With --if-needed (npm test uses it), an addon that is built and loads is kept.
set -euo pipefail
cd "$(dirname "$0")/../.."
pkg=node_modules/faiss-node
if [ "${1:-}" = "--if-needed" ] && node -e "require('./$pkg')" 2>/dev/null; then exit 0; fi
[ -d "$pkg" ] || { echo "build-faiss-node: $pkg is missing; run npm ci first" >&2; exit 1; }
[ -e /usr/include/faiss/IndexFlat.h ] || { echo "build-faiss-node: libfaiss-dev is not installed (apt-get install libfaiss-dev)" >&2; exit 1; }
node_bin="$(readlink -f "$(command -v node)")"
node_dir="$(dirname "$(dirname "$node_bin")")"
[ -e "$node_dir/include/node/node_api.h" ] || { echo "build-faiss-node: Node's headers are not in $node_dir/include/node" >&2; exit 1; }
# The node-gyp inside npm, so nothing is fetched: --nodedir points it at the installed headers.
# The node-gyp inside npm, or Debian's node-gyp package (Debian's npm does not bundle one).
npm_dir="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")"
gyp="$npm_dir/node_modules/node-gyp/bin/node-gyp.js"
[ -e "$gyp" ] || gyp="/usr/share/nodejs/node-gyp/bin/node-gyp.js"
[ -e "$gyp" ] || { echo "build-faiss-node: node-gyp not found (in $npm_dir, or apt-get install node-gyp)" >&2; exit 1; }
cp scripts/faiss/binding.gyp scripts/faiss/faiss-idx-t.h "$pkg/"
log="$(mktemp)"
if ! (cd "$pkg" && node "$gyp" rebuild --nodedir="$node_dir" --loglevel=warn) >"$log" 2>&1; then
  tail -40 "$log" >&2
  echo "build-faiss-node: the build failed (whole log: $log)" >&2
  exit 1
fi
rm -f "$log"
# A round trip through faiss's own file format, the part a wrong build breaks first.
node -e "
const f = require('./$pkg'), p = require('os').tmpdir() + '/faiss-node-check-' + process.pid;
const i = new f.IndexFlatIP(2); i.add([1, 0, 0, 1]); i.write(p);
const r = f.IndexFlatIP.read(p); require('fs').unlinkSync(p);
if (r.ntotal() !== 2 || r.search([0, 1], 1).labels[0] !== 1) process.exit(1);
"
echo "faiss-node built: $pkg/build/Release/faiss-node.node"
