#!/usr/bin/env bash
# Decrypts every .audit file under a directory to a .json file beside it, with gpg and the auditor's
# private key in the keyring (GNUPGHOME). Works from any working directory.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: scripts/decrypt_auditor_logs.sh [--pinentry-mode loopback] [DIR]
  DIR  directory to decrypt, searched recursively (default: logs/auditor of this checkout)
The passphrase comes from PASSPHRASE if set (never shown in the process list); otherwise gpg asks for it,
at the terminal with --pinentry-mode loopback. The .json files hold the original personal data: they are
created readable by you only.
USAGE
}

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pinentry=()
dir=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --pinentry-mode) pinentry=(--pinentry-mode "$2"); shift 2 ;;
    -*) usage >&2; exit 2 ;;
    *) dir="$1"; shift ;;
  esac
done
dir="${dir:-$root/logs/auditor}"
[[ -d "$dir" ]] || { echo "no such directory: $dir" >&2; exit 2; }

umask 077
ok=0
failed=0
while IFS= read -r -d '' file; do
  out="${file%.audit}.json"
  if [[ -n "${PASSPHRASE+set}" ]]; then
    status=0
    gpg --batch --yes --quiet --pinentry-mode loopback --passphrase-fd 3 --output "$out" --decrypt "$file" 3<<<"$PASSPHRASE" || status=$?
  else
    status=0
    gpg --yes --quiet "${pinentry[@]}" --output "$out" --decrypt "$file" || status=$?
  fi
  if [[ $status -eq 0 ]]; then
    ok=$((ok + 1))
  else
    failed=$((failed + 1))
    echo "could not decrypt $file" >&2
  fi
done < <(find "$dir" -type f -name '*.audit' -print0 | sort -z)

if [[ $failed -gt 0 ]]; then echo "decrypted $ok file(s) in $dir, $failed failed"; else echo "decrypted $ok file(s) in $dir"; fi
[[ $failed -eq 0 ]]
