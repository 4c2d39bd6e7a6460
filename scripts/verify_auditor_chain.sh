#!/usr/bin/env bash
# Checks the hash chain of an audit directory: names every missing, altered or reordered record.
# Needs no key: the chain is in the files' armor headers. Exit status 0 only when every chain is whole.
set -euo pipefail

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  echo "usage: scripts/verify_auditor_chain.sh [DIR]   (default: logs/auditor of this checkout)"
  exit 0
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$(cd "${1:-$root/logs/auditor}" && pwd)"
if [[ ! -f "$root/dist/scripts/audit/verify-chain.js" ]]; then
  (cd "$root" && npm run --silent build)
fi
exec node "$root/dist/scripts/audit/verify-chain.js" "$dir"
