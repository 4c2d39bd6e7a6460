#!/usr/bin/env bash
# Starts the sidecar services (guards, PII masker, embeddings) with configs/services.json.
# Any LLM_ROUTER_* variable already set wins; see README.md, "Sidecar services".
set -euo pipefail

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  cat <<'USAGE'
usage: scripts/run-services.sh [--tiny]
  --tiny   build the tiny test models (resources/models/tiny-*) and serve them with configs/services.tiny.json;
           they know a few dozen words: for trying the wiring, never as a real guard
Variables: LLM_ROUTER_SERVICES_CONFIG, LLM_ROUTER_API_HOST (127.0.0.1), LLM_ROUTER_API_PORT (5000),
           LLM_ROUTER_{NASK_PIB_GUARD,SOJKA_GUARD,PII_MASKER,EMBEDDINGS}_{ENABLED,MODEL_PATH},
           LLM_ROUTER_SERVICES_WORKERS, LLM_ROUTER_SERVICES_CACHE_SIZE
USAGE
  exit 0
fi

cd "$(dirname "$0")/.."
if [[ ! -f dist/services/main.js || -n "$(find core services scripts -newer dist/services/main.js -name '*.ts' -print -quit)" ]]; then
  npm run --silent build
fi
if [[ "${1:-}" == "--tiny" ]]; then
  node dist/scripts/models/build-tiny-models.js resources/models
  export LLM_ROUTER_SERVICES_CONFIG="${LLM_ROUTER_SERVICES_CONFIG:-configs/services.tiny.json}"
fi
export LLM_ROUTER_SERVICES_CONFIG="${LLM_ROUTER_SERVICES_CONFIG:-configs/services.json}"
exec node dist/services/main.js
