#!/bin/sh
# boot-host.sh NAME ROOTFS HOSTDIR NSPAWN-OPTION...: run by lab.sh in a mount
# namespace of its own; mounts NAME's overlay and execs systemd-nspawn --boot.
set -e
h=$1 rootfs=$2 d=$3; shift 3
# A cgroup of its own in every hierarchy: on cgroup v1 two kubelets in the
# same cgroup would share, and clean up, each other's kubepods.
while IFS=: read -r _ ctl path; do
  case $ctl in
    "") dir=/sys/fs/cgroup/unified ;;
    name=systemd) dir=/sys/fs/cgroup/systemd ;;
    *) dir=/sys/fs/cgroup/$ctl ;;
  esac
  [ -d "$dir$path" ] || continue
  mkdir -p "$dir$path/kthw-$h"
  if [ "$ctl" = cpuset ]; then
    cat "$dir$path/cpuset.cpus" > "$dir$path/kthw-$h/cpuset.cpus"
    cat "$dir$path/cpuset.mems" > "$dir$path/kthw-$h/cpuset.mems"
  fi
  echo $$ > "$dir$path/kthw-$h/cgroup.procs"
done < /proc/self/cgroup
# nspawn removes its propagation directory under /run/systemd/nspawn, which it
# refuses to do on a disk-backed /run: a tmpfs here, seen by nobody else.
mount -t tmpfs tmpfs /run/systemd/nspawn
mount -t overlay "kthw-$h" -o "lowerdir=$rootfs,upperdir=$d/upper,workdir=$d/work" "$d/merged"
# No system bus outside (systemd is not PID 1 on the machine): not registered.
exec systemd-nspawn -q -D "$d/merged" --boot --machine="$h" --hostname="$h" \
  --network-namespace-path="/run/netns/kthw-$h" --register=no --keep-unit \
  --console=passive --resolv-conf=off --timezone=off "$@"
