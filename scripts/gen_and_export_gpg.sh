#!/usr/bin/env bash
# Makes the auditor's key pair with gpg and exports it: the public key goes to resources/keys/ next to the
# gateway, the private key stays with whoever reads the audit log.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: scripts/gen_and_export_gpg.sh [-a ed25519|rsa4096] [-o DIR]
  -a   key algorithm: ed25519 (signing key with a cv25519 encryption subkey, default) or rsa4096
  -o   where to write llm-router-auditor-pub.asc and llm-router-auditor-priv.asc (default: .)
Non-interactive when EMAIL and PASSPHRASE are set (an empty PASSPHRASE makes a key without one);
otherwise both are asked for. GNUPGHOME picks the keyring, as for gpg itself.
Then: cp llm-router-auditor-pub.asc resources/keys/   (and keep the private key away from the gateway)
USAGE
}

algo=ed25519
out=.
while getopts "a:o:h" opt; do
  case "$opt" in
    a) algo="$OPTARG" ;;
    o) out="$OPTARG" ;;
    h) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
[[ "${1:-}" == "--help" ]] && { usage; exit 0; }

if [[ -z "${EMAIL:-}" ]]; then
  [[ -t 0 ]] || { echo "set EMAIL (and PASSPHRASE) to run without a terminal" >&2; exit 2; }
  read -r -p "Enter email: " EMAIL
fi
if [[ -z "${PASSPHRASE+set}" ]]; then
  [[ -t 0 ]] || { echo "set PASSPHRASE (empty for a key without one) to run without a terminal" >&2; exit 2; }
  read -r -s -p "Enter passphrase: " PASSPHRASE
  echo
fi

case "$algo" in
  ed25519) key_spec=$'Key-Type: EDDSA\nKey-Curve: ed25519\nSubkey-Type: ECDH\nSubkey-Curve: cv25519' ;;
  rsa4096) key_spec=$'Key-Type: RSA\nKey-Length: 4096\nSubkey-Type: RSA\nSubkey-Length: 4096' ;;
  *) echo "unknown algorithm '$algo' (ed25519 or rsa4096)" >&2; exit 2 ;;
esac
if [[ -n "$PASSPHRASE" ]]; then protection="Passphrase: $PASSPHRASE"; else protection="%no-protection"; fi

mkdir -p "$out"
gpg --batch --pinentry-mode loopback --generate-key <<PARAMS
$key_spec
Name-Real: LLM Router auditor key
Name-Comment: llm-router-auditor
Name-Email: $EMAIL
Expire-Date: 0
$protection
%commit
PARAMS

fpr=$(gpg --list-secret-keys --with-colons "$EMAIL" | awk -F: '/^fpr:/ { print $10; exit }')
[[ -n "$fpr" ]] || { echo "gpg made no key for $EMAIL" >&2; exit 1; }
gpg --batch --yes --armor --output "$out/llm-router-auditor-pub.asc" --export "$fpr"
gpg --batch --yes --pinentry-mode loopback --passphrase-fd 3 --armor \
  --output "$out/llm-router-auditor-priv.asc" --export-secret-keys "$fpr" 3<<<"$PASSPHRASE"
chmod 600 "$out/llm-router-auditor-priv.asc"
echo "$out/llm-router-auditor-pub.asc"
echo "$out/llm-router-auditor-priv.asc"
