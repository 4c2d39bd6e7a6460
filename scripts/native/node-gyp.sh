#!/usr/bin/env bash
# Sourced by the scripts that build a native addon offline: `gyp_rebuild <package dir> <name>` runs the node-gyp
# that came with npm (or Debian's) against the installed Node headers, so node-gyp fetches nothing.
gyp_rebuild() {
  local pkg="$1" name="$2"
  local node_bin node_dir npm_dir gyp log
  node_bin="$(readlink -f "$(command -v node)")"
  node_dir="$(dirname "$(dirname "$node_bin")")"
  [ -e "$node_dir/include/node/node_api.h" ] || { echo "$name: Node's headers are not in $node_dir/include/node" >&2; return 1; }
  # The node-gyp inside npm, or Debian's node-gyp package (Debian's npm does not bundle one).
  npm_dir="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")"
  gyp="$npm_dir/node_modules/node-gyp/bin/node-gyp.js"
  [ -e "$gyp" ] || gyp="/usr/share/nodejs/node-gyp/bin/node-gyp.js"
  [ -e "$gyp" ] || { echo "$name: node-gyp not found (in $npm_dir, or apt-get install node-gyp)" >&2; return 1; }
  log="$(mktemp)"
  if ! (cd "$pkg" && node "$gyp" rebuild --release --nodedir="$node_dir" --loglevel=warn -j 2) >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "$name: the build failed (whole log: $log)" >&2
    return 1
  fi
  rm -f "$log"
}
