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
cp scripts/faiss/binding.gyp scripts/faiss/faiss-idx-t.h "$pkg/"
. scripts/native/node-gyp.sh
gyp_rebuild "$pkg" build-faiss-node
# A round trip through faiss's own file format, the part a wrong build breaks first.
node -e "
const f = require('./$pkg'), p = require('os').tmpdir() + '/faiss-node-check-' + process.pid;
const i = new f.IndexFlatIP(2); i.add([1, 0, 0, 1]); i.write(p);
const r = f.IndexFlatIP.read(p); require('fs').unlinkSync(p);
if (r.ntotal() !== 2 || r.search([0, 1], 1).labels[0] !== 1) process.exit(1);
"
echo "faiss-node built: $pkg/build/Release/faiss-node.node"
