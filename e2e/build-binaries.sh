#!/usr/bin/env bash
# Builds the Kubernetes v1.32.3 commands and crictl the current track installs,
# from the Go module proxy, into $CACHE/bin. Each binary is kept between runs:
# a warm run builds nothing. Usage: e2e/build-binaries.sh CACHE
set -euo pipefail
CACHE=${1:?usage: build-binaries.sh CACHE}
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$CACHE/bin"
# A build cache of its own, kept with the binaries: a cold run is cold
# whatever else this machine has built.
export GOCACHE=$CACHE/gocache
V=v1.32.3
LD="-s -w"
# The version the binaries report (kubectl version, /version); the commit is
# not the release's: these are built from the module proxy, not from git.
for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  LD="$LD -X $p.gitVersion=$V -X $p.gitMajor=1 -X $p.gitMinor=32 -X $p.gitTreeState=clean -X $p.buildDate=2025-03-11T00:00:00Z"
done
cd "$HERE/k8s"
for c in kubectl kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy; do
  [ -x "$CACHE/bin/$c" ] && continue
  s=$(date +%s)
  CGO_ENABLED=0 go build -trimpath -ldflags "$LD" -o "$CACHE/bin/$c.tmp" k8s.io/kubernetes/cmd/$c
  mv "$CACHE/bin/$c.tmp" "$CACHE/bin/$c"
  echo "built $c in $(( $(date +%s) - s ))s"
done
# crictl: the proxy refuses cri-tools v1.32.0; v1.34.0 builds and speaks the same CRI.
if [ ! -x "$CACHE/bin/crictl" ]; then
  s=$(date +%s)
  GOBIN="$CACHE/gobin" CGO_ENABLED=0 go install -trimpath \
    -ldflags "-s -w -X sigs.k8s.io/cri-tools/pkg/version.Version=v1.34.0" sigs.k8s.io/cri-tools/cmd/crictl@v1.34.0
  mv "$CACHE/gobin/crictl" "$CACHE/bin/crictl"
  echo "built crictl in $(( $(date +%s) - s ))s"
fi
