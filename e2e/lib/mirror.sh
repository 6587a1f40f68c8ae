# The mirror directory `hardway mirror serve` serves in place of the internet:
# DIR/HOST/PATH for https://HOST/PATH, and the tutorial's repository as a bare
# git repository. Sourced by e2e/run.sh after common.sh.
#
# Substitutions (no internet here): Kubernetes is built from the module proxy
# (build-binaries.sh); etcd, containerd, runc and the CNI plugins are Debian
# 12's packages, repacked under the tutorial's file names and inner layout.

DEBS=$CACHE/debs
DEB_PACKAGES="etcd-server etcd-client containerd runc containernetworking-plugins nginx"
REPO_SRC=${KTHW_REPO_SRC:-$(cd "$E2E/../.." && pwd)/shared/reference/kthw-upstream/current}

# fetch_debs: the Debian packages, downloaded once (never installed here) and
# each unpacked into $DEBS/root.
fetch_debs() {
  mkdir -p "$DEBS/root"
  local p missing=()
  for p in $DEB_PACKAGES; do compgen -G "$DEBS/${p}_*.deb" >/dev/null || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    (cd "$DEBS" && apt-get download -q -o APT::Sandbox::User=root "${missing[@]}") || die "apt-get download ${missing[*]} failed (apt-get update first?)"
    for p in "${missing[@]}"; do dpkg-deb -x "$DEBS/${p}"_*.deb "$DEBS/root"; done
  fi
}

# repack DEST DIR ENTRY...: a gzip tarball of DIR's ENTRYs, owned by root
# (entry names as the tutorial's tar commands expect them).
repack() {
  local dest=$1 dir=$2; shift 2
  mkdir -p "$(dirname "$dest")"
  tar -C "$dir" --owner=0 --group=0 --numeric-owner -czf "$dest.tmp" "$@" && mv "$dest.tmp" "$dest"
}

build_tutorial_repo() {
  local git_dir=$MIRROR_DIR/github.com/kelseyhightower/kubernetes-the-hard-way.git
  [ -f "$git_dir/HEAD" ] && return 0
  [ -f "$REPO_SRC/downloads-amd64.txt" ] || die "no tutorial repository at $REPO_SRC (set KTHW_REPO_SRC)"
  local src; src=$(mktemp -d)
  cp -r "$REPO_SRC/." "$src/"
  git -C "$src" init -q -b master
  git -C "$src" add -A
  GIT_AUTHOR_NAME=e2e GIT_AUTHOR_EMAIL=e2e@hardway.invalid GIT_COMMITTER_NAME=e2e \
    GIT_COMMITTER_EMAIL=e2e@hardway.invalid GIT_AUTHOR_DATE=2025-04-07T00:00:00Z \
    GIT_COMMITTER_DATE=2025-04-07T00:00:00Z \
    git -C "$src" commit -q -m "kubernetes-the-hard-way at 52eb26d (from the reference copy)"
  rm -rf "$git_dir.tmp"
  git clone -q --bare "$src" "$git_dir.tmp"
  rm -rf "$src"
  git --git-dir="$git_dir.tmp" update-server-info
  mv "$git_dir.tmp" "$git_dir"
}

# build_mirror: every URL of downloads-amd64.txt, filled.
build_mirror() {
  local t0 gh=$MIRROR_DIR/github.com b=$CACHE/bin r=$DEBS/root stage c
  t0=$(now)
  fetch_debs
  build_tutorial_repo
  local k8s=$MIRROR_DIR/dl.k8s.io/v1.32.3/bin/linux/amd64
  mkdir -p "$k8s"
  for c in kubectl kube-apiserver kube-controller-manager kube-scheduler kube-proxy kubelet; do
    [ -x "$b/$c" ] || die "$b/$c missing: build-binaries.sh did not finish"
    cmp -s "$b/$c" "$k8s/$c" || install -m 755 "$b/$c" "$k8s/$c"
  done
  stage=$(mktemp -d)
  local crictl=$gh/kubernetes-sigs/cri-tools/releases/download/v1.32.0/crictl-v1.32.0-linux-amd64.tar.gz
  if [ ! -f "$crictl" ]; then
    mkdir "$stage/crictl"; install -m 755 "$b/crictl" "$stage/crictl/crictl"
    repack "$crictl" "$stage/crictl" crictl
  fi
  local runc=$gh/opencontainers/runc/releases/download/v1.3.0-rc.1/runc.amd64
  [ -f "$runc" ] || { mkdir -p "$(dirname "$runc")"; install -m 755 "$r/usr/sbin/runc" "$runc"; }
  local cni=$gh/containernetworking/plugins/releases/download/v1.6.2/cni-plugins-linux-amd64-v1.6.2.tgz
  [ -f "$cni" ] || repack "$cni" "$r/usr/lib/cni" .
  local ctrd=$gh/containerd/containerd/releases/download/v2.1.0-beta.0/containerd-2.1.0-beta.0-linux-amd64.tar.gz
  if [ ! -f "$ctrd" ]; then
    mkdir -p "$stage/containerd/bin"
    install -m 755 "$r/usr/bin/containerd" "$r/usr/bin/containerd-shim-runc-v2" "$r/usr/bin/ctr" "$stage/containerd/bin/"
    # Debian does not ship containerd-stress (a load generator the tutorial
    # copies but never runs): a script that says so stands in its place.
    printf '#!/bin/sh\necho "containerd-stress: not in Debian'\''s containerd package (hardway e2e)" >&2\nexit 1\n' \
      > "$stage/containerd/bin/containerd-stress"
    chmod 755 "$stage/containerd/bin/containerd-stress"
    repack "$ctrd" "$stage/containerd" bin
  fi
  local etcd=$gh/etcd-io/etcd/releases/download/v3.6.0-rc.3/etcd-v3.6.0-rc.3-linux-amd64.tar.gz
  if [ ! -f "$etcd" ]; then
    mkdir -p "$stage/etcd/etcd-v3.6.0-rc.3-linux-amd64"
    install -m 755 "$r/usr/bin/etcd" "$r/usr/bin/etcdctl" "$stage/etcd/etcd-v3.6.0-rc.3-linux-amd64/"
    repack "$etcd" "$stage/etcd" etcd-v3.6.0-rc.3-linux-amd64
  fi
  rm -rf "$stage"
  # every URL the tutorial downloads must now be a file
  local url complete=true
  while read -r url; do
    [ -f "$MIRROR_DIR/${url#https://}" ] || { log "mirror lacks $url"; complete=false; }
  done < "$REPO_SRC/downloads-amd64.txt"
  [ $complete = true ] || die "mirror incomplete"
  # SHA256SUMS as `hardway mirror pull` writes it (the repository is not a download)
  (cd "$MIRROR_DIR" && find . -type f ! -path '*.git/*' ! -name SHA256SUMS ! -name '.*' | sed 's|^\./||' |
    LC_ALL=C sort | xargs sha256sum) > "$MIRROR_DIR/SHA256SUMS"
  "$HARDWAY" mirror verify "$MIRROR_DIR" >/dev/null || die "hardway mirror verify $MIRROR_DIR failed"
  log "mirror ready in $(since "$t0")s: $MIRROR_DIR"
}
