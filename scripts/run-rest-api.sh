#!/usr/bin/env bash
# Starts LLM Router with configs/models-config.json. Any LLM_ROUTER_* variable already set wins.
set -euo pipefail

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  echo "usage: scripts/run-rest-api.sh   (configure with LLM_ROUTER_* variables; see README.md)"
  exit 0
fi

cd "$(dirname "$0")/.."
export LLM_ROUTER_MODELS_CONFIG="${LLM_ROUTER_MODELS_CONFIG:-configs/models-config.json}"
export LLM_ROUTER_PROMPTS_DIR="${LLM_ROUTER_PROMPTS_DIR:-prompts}"
export LLM_ROUTER_SERVER_HOST="${LLM_ROUTER_SERVER_HOST:-127.0.0.1}"
export LLM_ROUTER_SERVER_PORT="${LLM_ROUTER_SERVER_PORT:-8080}"

if [[ ! -f dist/core/main.js || -n "$(find core -newer dist/core/main.js -name '*.ts' -print -quit)" ]]; then
  npm run --silent build
fi
exec node dist/core/main.js
