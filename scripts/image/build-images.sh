#!/usr/bin/env bash
# Builds the container images of the gateway and of the sidecar services (one root filesystem, two entry
# points) without any registry but Debian's mirror and the npm registry:
#   1. a Debian root filesystem by debootstrap (Node.js, tini and CA certificates from Debian's packages),
#   2. the app staged here: compiled TypeScript and production dependencies only (npm ci --omit=dev),
#   3. the image assembled with buildah from scratch (no RUN step: containers cannot start on every machine,
#      see docs/DEPLOYMENT.md), as a non-root user, with a HEALTHCHECK and tini as PID 1 for signals.
# Needs: debootstrap, buildah (apt-get install debootstrap buildah), root. Writes localhost/llm-router:<tag>
# and localhost/llm-router-services:<tag>.
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
mkdir -p "$app/resources" && cp -r "$ROOT/resources/guard" "$ROOT/resources/routing" "$app/resources/"
# RAG: faiss-node's addon built inside the root filesystem against its own Debian faiss (faiss-node's install
# script would download; scripts/faiss/build-faiss-node.sh builds offline), then the build tools removed and the
# libraries the addon loads kept. WITH_RAG=0 leaves it out (the gateway loads faiss only for RAG).
if [ "${WITH_RAG:-1}" = 1 ]; then
  mkdir -p "$app/scripts" && cp -r "$ROOT/scripts/faiss" "$ROOT/scripts/native" "$app/scripts/"
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  mount -t proc proc "$rootfs/proc" && mount --bind /dev "$rootfs/dev"
  trap 'umount "$rootfs/proc" "$rootfs/dev" 2>/dev/null || true' EXIT
  build_deps="libfaiss-dev g++ make python3 npm node-gyp"
  chroot "$rootfs" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $build_deps" >/dev/null
  chroot "$rootfs" sh -c 'cd /app && bash scripts/faiss/build-faiss-node.sh'
  cat > "$rootfs/tmp/runtime-libs.sh" <<'LIBS'
# BLAS and LAPACK are reached through alternatives' symlinks: the package owns the file they point to.
ldd /app/node_modules/faiss-node/build/Release/faiss-node.node | awk '$3 ~ /^\// { print $3 }' | xargs -r readlink -f |
  xargs -r dpkg -S 2>/dev/null | cut -d: -f1 | sort -u
LIBS
  runtime="$(chroot "$rootfs" sh /tmp/runtime-libs.sh | tr '\n' ' ')"
  [ -n "$runtime" ] && chroot "$rootfs" apt-mark manual $runtime >/dev/null
  chroot "$rootfs" sh -c "DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq $build_deps >/dev/null && apt-get autoremove -y -qq --purge >/dev/null && apt-get clean"
  chroot "$rootfs" node -e "require('/app/node_modules/faiss-node')" # still loads without the build tools
  rm -rf "$app/scripts" "$rootfs/tmp/runtime-libs.sh" "$rootfs"/var/lib/apt/lists/* "$app/node_modules/faiss-node/build/Release/obj.target"
  umount "$rootfs/proc" "$rootfs/dev"
  trap - EXIT
fi
# Models and keys are mounted, never baked in; the audit log goes to a volume.
mkdir -p "$app/resources/keys" "$app/resources/models" "$app/logs/auditor"
chown -R "$UID_GID:$UID_GID" "$app/logs"

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
trap - EXIT
echo "$IMAGE $SERVICES_IMAGE (work dir $WORK)"
