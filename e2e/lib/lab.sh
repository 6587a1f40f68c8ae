# The four hosts: systemd-nspawn containers (real systemd as PID 1) on an
# overlay of the cached root filesystem, each in a network namespace on the
# bridge kthwbr0. Sourced by e2e/run.sh after common.sh.
#
# Nothing may leave the lab: the guard routes go in first, the machine must not
# forward (ip_forward 0) and FORWARD drops everything crossing the bridge.

GUARD_NETS="10.240.0.0/16 10.32.0.0/16 10.200.0.0/16"
# Values the kubelet and kube-proxy would try to write into the containers'
# read-only /proc/sys; set on the machine, restored by lab_down.
HOST_SYSCTLS="vm.overcommit_memory=1 kernel.panic=10 kernel.panic_on_oops=1 net.netfilter.nf_conntrack_max=131072"
# Modules the kernel has built in, for modprobe inside the nodes.
BUILTIN_MODULES="kernel/fs/overlayfs/overlay.ko kernel/net/bridge/br_netfilter.ko kernel/net/bridge/bridge.ko kernel/net/netfilter/nf_conntrack.ko"

host_dir() { echo "$LAB/hosts/$1"; }
pid1_of() { cat "$(host_dir "$1")/pid" 2>/dev/null; }
# in HOST CMD...: run CMD inside a host's namespaces, without ssh.
in_host() {
  local h=$1; shift
  nsenter -t "$(pid1_of "$h")" -m -u -i -n -p -- "$@"
}
lab_ssh() { ssh -F "$LAB/ssh_config" "$@"; }

guard_routes() {
  local n
  for n in $GUARD_NETS; do ip route replace unreachable "$n" metric 4242; done
}

lab_network_up() {
  guard_routes
  [ "$(sysctl -n net.ipv4.ip_forward)" = 0 ] || die "ip_forward is 1: the lab's default routes would leak; set it to 0"
  # (traffic between two hosts of the bridge also passes FORWARD when the
  # kernel's br_netfilter is on: that stays allowed)
  iptables -C FORWARD -i "$BRIDGE" ! -o "$BRIDGE" -j DROP 2>/dev/null || iptables -I FORWARD -i "$BRIDGE" ! -o "$BRIDGE" -j DROP
  iptables -C FORWARD -o "$BRIDGE" ! -i "$BRIDGE" -j DROP 2>/dev/null || iptables -I FORWARD -o "$BRIDGE" ! -i "$BRIDGE" -j DROP
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge
    sysctl -qw "net.ipv6.conf.$BRIDGE.disable_ipv6=1"
    ip addr add "$GATEWAY/24" dev "$BRIDGE"
  fi
  ip link set "$BRIDGE" up
  local h ip ns veth
  while read -r h ip; do
    ns=kthw-$h veth=vk${ip##*.}
    [ -e "/run/netns/$ns" ] || ip netns add "$ns"
    if ! ip -n "$ns" link show eth0 >/dev/null 2>&1; then
      ip link del "$veth" 2>/dev/null || true
      ip link add "$veth" type veth peer name eth0 netns "$ns"
    fi
    ip link set "$veth" master "$BRIDGE" up
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
    ip -n "$ns" addr replace "$ip/24" dev eth0
    ip -n "$ns" link set lo up
    ip -n "$ns" link set eth0 up
    # kube-apiserver and the kubelet refuse to start without a default route;
    # it points at the bridge, where the machine drops what it cannot answer.
    ip -n "$ns" route replace default via "$GATEWAY" dev eth0
  done <<<"$HOSTS"
}

host_sysctls_set() {
  local kv k
  [ -f "$LAB/sysctl.saved" ] || for kv in $HOST_SYSCTLS; do
    k=${kv%%=*}; echo "$k=$(sysctl -n "$k")"
  done > "$LAB/sysctl.saved"
  for kv in $HOST_SYSCTLS; do sysctl -qw "$kv"; done
}

host_sysctls_restore() {
  [ -f "$LAB/sysctl.saved" ] || return 0
  local kv
  while read -r kv; do sysctl -qw "$kv" || true; done < "$LAB/sysctl.saved"
  rm -f "$LAB/sysctl.saved"
}

lab_keys() {
  mkdir -p "$LAB"; chmod 700 "$LAB"
  [ -f "$LAB/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C hardway-e2e -f "$LAB/id_ed25519"
}

# prepare_host NAME: a fresh upper layer that makes the shared root
# filesystem this machine: its own host keys, hostname, the harness's key for
# root (a cloud image's provisioning key), and no way to resolve names outside.
prepare_host() {
  local h=$1 d up t
  d=$(host_dir "$h") up=$(host_dir "$h")/upper
  rm -rf "$d"; mkdir -p "$up/etc/ssh" "$up/root/.ssh" "$d/work" "$d/merged"
  for t in ed25519 rsa ecdsa; do
    ssh-keygen -q -t "$t" -N '' -C "root@$h" -f "$up/etc/ssh/ssh_host_${t}_key"
  done
  echo "$h" > "$up/etc/hostname"
  printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n::1\tlocalhost ip6-localhost ip6-loopback\n' "$h" > "$up/etc/hosts"
  # Nothing answers DNS on the bridge: lookups fail at once instead of timing out.
  echo "nameserver $GATEWAY" > "$up/etc/resolv.conf"
  install -m 600 "$LAB/id_ed25519.pub" "$up/root/.ssh/authorized_keys"
  chmod 700 "$up/root" "$up/root/.ssh"
  case $h in node-*) mkdir -p "$d/containerd";; esac
}

# boot_host NAME: systemd-nspawn --boot in a mount namespace of its own, where
# the overlay is mounted, in a cgroup of its own in every v1 hierarchy (two
# kubelets must not share the kubepods cgroups).
boot_host() {
  local h=$1 d extra=() i p nspawn
  d=$(host_dir "$h")
  case $h in node-*)
    # the kubelet reads /dev/kmsg; overlayfs snapshots cannot live on an
    # overlay; runc joins a session keyring, which nspawn's seccomp filter denies
    extra=(--bind=/dev/kmsg "--bind=$d/containerd:/var/lib/containerd"
      --system-call-filter="add_key keyctl request_key");;
  esac
  mkdir -p /run/systemd/nspawn
  setsid unshare --mount --propagation private -- "$E2E/lab/boot-host.sh" \
    "$h" "$CACHE/rootfs" "$d" --capability=all "${extra[@]}" \
    </dev/null >"$d/nspawn.log" 2>&1 &
  nspawn=$!
  echo "$nspawn" > "$d/nspawn.pid"
  for ((i = 0; i < 500; i++)); do
    # boot-host.sh execs systemd-nspawn, whose child in the new pid namespace
    # becomes systemd (its short-lived helpers live there too)
    for p in $(pgrep -P "$nspawn"); do
      if [ "$(cat "/proc/$p/comm" 2>/dev/null)" = systemd ] &&
         [ "$(readlink "/proc/$p/ns/pid")" != "$(readlink /proc/self/ns/pid)" ]; then
        echo "$p" > "$d/pid"; return 0
      fi
    done
    sleep 0.02
  done
  die "$h did not boot: $(tail -5 "$d/nspawn.log")"
}

# node_fixes NODE: what a node container lacks compared with a VM.
node_fixes() {
  in_host "$1" sh -ec '
    v=$(uname -r); mkdir -p /lib/modules/$v
    for m in '"$BUILTIN_MODULES"'; do echo "$m"; done > /lib/modules/$v/modules.builtin
    : > /lib/modules/$v/modules.order
    depmod "$v" 2>/dev/null   # (no modules.builtin.modinfo: nothing to describe)
    # nspawn mounts /proc/sys and the cgroup hierarchies read-only: the CNI
    # bridge and kube-proxy write net sysctls, the kubelet and runc cgroups
    grep -q " /proc/sys/net proc rw" /proc/self/mounts ||
      { mount --bind /proc/sys/net /proc/sys/net && mount -o remount,rw,bind /proc/sys/net; }
    mount -o remount,rw /sys/fs/cgroup 2>/dev/null || true
    for m in /sys/fs/cgroup/*; do mountpoint -q "$m" && mount -o remount,rw,bind "$m"; done
    modprobe overlay && modprobe br-netfilter'
}

wait_ssh() {
  local h=$1 ip i
  ip=$(address_of "$h")
  for ((i = 0; i < 600; i++)); do
    timeout 0.3 bash -c "exec 3<>/dev/tcp/$ip/22" 2>/dev/null && return 0
    sleep 0.1
  done
  die "$h: sshd did not answer on $ip:22"
}

write_ssh_files() {
  local h ip t
  {
    while read -r h ip; do printf 'Host %s\n  HostName %s\n' "$h" "$ip"; done <<<"$HOSTS"
    printf 'Host *\n  User root\n  IdentityFile %s\n  IdentitiesOnly yes\n  UserKnownHostsFile %s\n  GlobalKnownHostsFile /dev/null\n  StrictHostKeyChecking yes\n  BatchMode yes\n  ConnectTimeout 5\n  LogLevel ERROR\n' \
      "$LAB/id_ed25519" "$LAB/known_hosts"
  } > "$LAB/ssh_config"
  while read -r h ip; do
    for t in ed25519 rsa ecdsa; do
      echo "$h,$ip $(cut -d' ' -f1,2 "$(host_dir "$h")/upper/etc/ssh/ssh_host_${t}_key.pub")"
    done
  done <<<"$HOSTS" > "$LAB/known_hosts"
}

lab_up() {
  local t0 h ip
  t0=$(now)
  lab_keys
  lab_network_up
  host_sysctls_set
  while read -r h ip; do prepare_host "$h"; boot_host "$h"; done <<<"$HOSTS"
  write_ssh_files
  for h in $(host_names); do wait_ssh "$h"; done
  for h in $NODES; do node_fixes "$h" >/dev/null; done
  for h in $(host_names); do
    [ "$(lab_ssh -n "$h" hostname)" = "$h" ] || die "$h: ssh login did not answer with its name"
  done
  log "lab up in $(since "$t0")s: $(host_names | tr '\n' ' ')"
}

stop_host() {
  local h=$1 d p n i
  d=$(host_dir "$h")
  p=$(pid1_of "$h" || true) n=$(cat "$d/nspawn.pid" 2>/dev/null || true)
  # PID 1 of a pid namespace dies: the kernel kills everything in it
  [ -n "$p" ] && kill -KILL "$p" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    [ -n "$n" ] && kill -0 "$n" 2>/dev/null || break
    sleep 0.05
  done
  [ -n "$n" ] && kill -KILL "$n" 2>/dev/null || true
  rm -f "$d/pid" "$d/nspawn.pid"
  if [ -e "/run/netns/kthw-$h" ]; then
    for p in $(ip netns pids "kthw-$h" 2>/dev/null); do kill -KILL "$p" 2>/dev/null || true; done
    ip netns del "kthw-$h"
  fi
  # the empty cgroups boot-host.sh made
  find /sys/fs/cgroup -depth -type d -name "kthw-$h" -exec rmdir {} + 2>/dev/null || true
}

# lab_down: the hosts, their namespaces and the bridge go; the guard routes
# stay (with the bridge gone, a stale ssh_config would send 10.240.0.x out of
# the machine's default route).
lab_down() {
  local h
  for h in $(host_names); do stop_host "$h"; done
  ip link del "$BRIDGE" 2>/dev/null || true
  iptables -D FORWARD -i "$BRIDGE" ! -o "$BRIDGE" -j DROP 2>/dev/null || true
  iptables -D FORWARD -o "$BRIDGE" ! -i "$BRIDGE" -j DROP 2>/dev/null || true
  host_sysctls_restore
  guard_routes
  log "lab down"
}
