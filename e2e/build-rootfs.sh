#!/usr/bin/env bash
# The root filesystem the four lab hosts share (each host writes to an overlay
# of its own): Debian 12 minbase with systemd, sshd and what the current
# tutorial's commands use. The hosts have no network out, so what the
# tutorial would apt-get install must be there already. Kept between runs.
# Usage: e2e/build-rootfs.sh ROOTFS
set -euo pipefail
ROOTFS=${1:?usage: build-rootfs.sh ROOTFS}
# vim, not vim-tiny: chapter 02 checks that the package `vim` is installed.
PKGS="systemd systemd-sysv dbus openssh-server iproute2 sudo procps ca-certificates libpam-systemd wget curl openssl git socat conntrack ipset kmod iptables less gettext-base bsdextrautils vim"
MIRROR=$(awk '/^URIs:/{print $2; exit} /^deb /{print $2; exit}' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null | head -1)
if [ ! -f "$ROOTFS/.hardway-e2e-complete" ]; then
  rm -rf "$ROOTFS.tmp"
  debootstrap --variant=minbase --include="${PKGS// /,}" \
    bookworm "$ROOTFS.tmp" "${MIRROR:-http://deb.debian.org/debian}"
  touch "$ROOTFS.tmp/.hardway-e2e-complete"
  rm -rf "$ROOTFS"; mv "$ROOTFS.tmp" "$ROOTFS"
fi
# A root filesystem from an older package list gets what it lacks.
missing=()
for p in $PKGS; do
  chroot "$ROOTFS" dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  chroot "$ROOTFS" apt-get update -q
  chroot "$ROOTFS" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  chroot "$ROOTFS" apt-get clean
fi
