#!/usr/bin/env bash
# Builds the container images of the gateway and of the sidecar services (one root filesystem, two entry
# points) without any registry but Debian's mirror and the npm registry:
#   1. a Debian root filesystem by debootstrap (Node.js, tini and CA certificates from Debian's packages),
#   2. the app staged here: compiled TypeScript and production dependencies only (npm ci --omit=dev),
#   3. the image assembled with buildah from scratch (no RUN step: containers cannot start on every machine,
#      see docs/DEPLOYMENT.md), as a non-root user, with a HEALTHCHECK and tini as PID 1 for signals.
# Needs: debootstrap, buildah (apt-get install debootstrap buildah), root. Writes localhost/llm-router:<tag>,
# localhost/llm-router-services:<tag> and localhost/llm-router-web:<tag> (the web UIs).
#
#   bash scripts/image/build-images.sh [tag]      (DEBIAN_MIRROR, DEBIAN_SUITE, IMAGE_WORK to override)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TAG="${1:-latest}"
SUITE="${DEBIAN_SUITE:-trixie}" # trixie's nodejs is 20.19 (the gateway wants >= 20.18.1)
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
WORK="${IMAGE_WORK:-$(mktemp -d /tmp/llm-router-image.XXXXXX)}"
IMAGE="localhost/llm-router:${TAG}"
SERVICES_IMAGE="localhost/llm-router-services:${TAG}"
WEB_IMAGE="localhost/llm-router-web:${TAG}"
UID_GID=10001

rootfs="$WORK/rootfs"
if [ ! -x "$rootfs/usr/bin/node" ]; then
  debootstrap --variant=minbase --include=ca-certificates,nodejs,tini "$SUITE" "$rootfs" "$MIRROR"
  # No package cache, docs or apt lists in the image.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
    "$rootfs"/usr/share/man/*
fi
grep -q '^llmrouter:' "$rootfs/etc/passwd" || {
  echo "llmrouter:x:${UID_GID}:${UID_GID}:LLM Router:/app:/usr/sbin/nologin" >> "$rootfs/etc/passwd"
  echo "llmrouter:x:${UID_GID}:" >> "$rootfs/etc/group"
}

# The app: what the gateway reads at run time, nothing of the tests, benchmarks or sources.
app="$rootfs/app"
rm -rf "$app" && mkdir -p "$app"
(cd "$ROOT" && npx tsc -p tsconfig.json --outDir "$WORK/dist")
cp "$ROOT/package.json" "$ROOT/package-lock.json" "$app/"
(cd "$app" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
mkdir -p "$app/dist"
for part in core plugins services; do cp -r "$WORK/dist/$part" "$app/dist/"; done
find "$app/dist" -name '*.d.ts' -delete -o -name '*.map' -delete
cp -r "$ROOT/configs" "$ROOT/prompts" "$app/"
# The web pages' own script and styles are served as they are (they are not compiled).
mkdir -p "$app/services/web" && cp -r "$ROOT/services/web/static" "$app/services/web/"
mkdir -p "$app/resources" && cp -r "$ROOT/resources/guard" "$ROOT/resources/routing" "$app/resources/"
# Native addons built inside the root filesystem against its own Node (and, for RAG, its Debian faiss), then the
# build tools removed and the libraries the addons load kept: better-sqlite3 for the web service (its install
# script would download; scripts/sqlite/ builds the SQLite it ships) and faiss-node (its install script would
# download too; scripts/faiss/ builds it offline). WITH_RAG=0 leaves faiss out (the gateway loads it only for RAG).
mkdir -p "$app/scripts" && cp -r "$ROOT/scripts/native" "$ROOT/scripts/sqlite" "$app/scripts/"
build_deps="g++ make python3 npm node-gyp"
if [ "${WITH_RAG:-1}" = 1 ]; then
  cp -r "$ROOT/scripts/faiss" "$app/scripts/"
  build_deps="libfaiss-dev $build_deps"
fi
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
mount -t proc proc "$rootfs/proc" && mount --bind /dev "$rootfs/dev"
trap 'umount "$rootfs/proc" "$rootfs/dev" 2>/dev/null || true' EXIT
chroot "$rootfs" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $build_deps" >/dev/null
chroot "$rootfs" sh -c 'cd /app && bash scripts/sqlite/build-better-sqlite3.sh'
addons=/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node
if [ "${WITH_RAG:-1}" = 1 ]; then
  chroot "$rootfs" sh -c 'cd /app && bash scripts/faiss/build-faiss-node.sh'
  addons="$addons /app/node_modules/faiss-node/build/Release/faiss-node.node"
fi
cat > "$rootfs/tmp/runtime-libs.sh" <<'LIBS'
# BLAS and LAPACK are reached through alternatives' symlinks: the package owns the file they point to.
for addon in "$@"; do ldd "$addon"; done | awk '$3 ~ /^\// { print $3 }' | xargs -r readlink -f |
  xargs -r dpkg -S 2>/dev/null | cut -d: -f1 | sort -u
LIBS
# shellcheck disable=SC2086 # the addons are a list of paths
runtime="$(chroot "$rootfs" sh /tmp/runtime-libs.sh $addons | tr '\n' ' ')"
[ -n "$runtime" ] && chroot "$rootfs" apt-mark manual $runtime >/dev/null
chroot "$rootfs" sh -c "DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq $build_deps >/dev/null && apt-get autoremove -y -qq --purge >/dev/null && apt-get clean"
# Both still load without the build tools.
chroot "$rootfs" node -e "new (require('/app/node_modules/better-sqlite3'))(':memory:').prepare('select 1').get()"
[ "${WITH_RAG:-1}" = 1 ] && chroot "$rootfs" node -e "require('/app/node_modules/faiss-node')"
rm -rf "$app/scripts" "$rootfs/tmp/runtime-libs.sh" "$rootfs"/var/lib/apt/lists/* \
  "$app/node_modules/faiss-node/build/Release/obj.target" "$app/node_modules/better-sqlite3/build/Release/obj.target" \
  "$app/node_modules/better-sqlite3/deps/sqlite3/sqlite3.c"
umount "$rootfs/proc" "$rootfs/dev"
trap - EXIT
# Models and keys are mounted, never baked in; the audit log goes to a volume.
mkdir -p "$app/resources/keys" "$app/resources/models" "$app/logs/auditor" "$app/data"
chown -R "$UID_GID:$UID_GID" "$app/logs" "$app/data"

container="$(buildah from scratch)"
trap 'buildah rm "$container" >/dev/null 2>&1 || true' EXIT
mountpoint="$(buildah mount "$container")"
cp -a "$rootfs"/. "$mountpoint"/
buildah umount "$container" >/dev/null
buildah config \
  --user "${UID_GID}:${UID_GID}" \
  --workingdir /app \
  --env PATH=/usr/local/bin:/usr/bin:/bin \
  --env NODE_ENV=production \
  --env LLM_ROUTER_SERVER_HOST=0.0.0.0 \
  --env LLM_ROUTER_SERVER_PORT=8080 \
  --port 8080 \
  --entrypoint '["/usr/bin/tini", "--", "node", "dist/core/main.js"]' \
  --cmd '[]' \
  --stop-signal SIGTERM \
  --healthcheck 'CMD node -e "fetch(`http://127.0.0.1:${process.env.LLM_ROUTER_SERVER_PORT}/api/ping`).then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"' \
  --healthcheck-interval 10s \
  --label org.opencontainers.image.title=llm-router \
  --label org.opencontainers.image.source="$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)" \
  "$container"
buildah commit --format docker --rm "$container" "$IMAGE" >/dev/null

# The sidecar services: the same files, their own entry point and port (models mounted at resources/models).
container="$(buildah from "$IMAGE")"
buildah config \
  --env LLM_ROUTER_API_HOST=0.0.0.0 \
  --env LLM_ROUTER_API_PORT=5000 \
  --port 5000 \
  --entrypoint '["/usr/bin/tini", "--", "node", "dist/services/main.js"]' \
  --healthcheck 'CMD node -e "fetch(`http://127.0.0.1:${process.env.LLM_ROUTER_API_PORT}/api/ping`).then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"' \
  --label org.opencontainers.image.title=llm-router-services \
  "$container"
buildah commit --format docker --rm "$container" "$SERVICES_IMAGE" >/dev/null

# The web UIs: the same files again; their SQLite file in /app/data (a volume), or PostgreSQL by URL.
container="$(buildah from "$IMAGE")"
buildah config \
  --env LLM_ROUTER_WEB_HOST=0.0.0.0 \
  --env LLM_ROUTER_WEB_PORT=8081 \
  --env LLM_ROUTER_WEB_DATABASE=/app/data/llm-router-web.db \
  --port 8081 \
  --volume /app/data \
  --entrypoint '["/usr/bin/tini", "--", "node", "dist/services/web/main.js"]' \
  --healthcheck 'CMD node -e "fetch(`http://127.0.0.1:${process.env.LLM_ROUTER_WEB_PORT}/healthz`).then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"' \
  --label org.opencontainers.image.title=llm-router-web \
  "$container"
buildah commit --format docker --rm "$container" "$WEB_IMAGE" >/dev/null
trap - EXIT
echo "$IMAGE $SERVICES_IMAGE $WEB_IMAGE (work dir $WORK)"
