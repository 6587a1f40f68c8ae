#!/usr/bin/env bash
# hardway end to end: the current track's chapters 02-12 on four real hosts
# (systemd-nspawn containers on a private bridge), every verdict checked again
# without hardway, then fault runs that must turn the dependent checks red.
# Debian 12, as root. See e2e/README.md.
#
#   e2e/run.sh [--keep] [--faults-only] [--no-faults] [--report FILE]
#
#   --keep         leave the lab up (and the mirror and registry down) at the end
#   --faults-only  only the checks and fault runs, on a lab left up by --keep
#   --no-faults    skip the fault runs
#   --report FILE  the JSON report (default /var/cache/hardway-e2e/report.json)
#
# Exit 0 when every chapter passed, every check confirmed it and every fault
# turned its checks red (and green again once restored); 1 otherwise; 2 when
# the harness itself could not run.
set -euo pipefail
E2E=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$E2E/.." && pwd)
. "$E2E/lib/common.sh"
. "$E2E/lib/lab.sh"
. "$E2E/lib/mirror.sh"
. "$E2E/lib/images.sh"
. "$E2E/lib/tutorial.sh"
. "$E2E/lib/checks.sh"
. "$E2E/lib/faults.sh"
. "$E2E/lib/report.sh"

KEEP=false FAULTS=true TUTORIAL=true REPORT=$CACHE/report.json
while [ $# -gt 0 ]; do
  case $1 in
    --keep) KEEP=true ;;
    --faults-only) TUTORIAL=false ;;
    --no-faults) FAULTS=false ;;
    --report) REPORT=${2:?--report needs a file}; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ "$(id -u)" = 0 ] || die "run as root (it builds containers, a bridge and routes)"
[ "$TUTORIAL" = true ] || [ "$FAULTS" = true ] || die "--faults-only and --no-faults leave nothing to do"

# phase NAME COMMAND...: a timed part of the run.
phase() {
  local name=$1 t0 rc=0; shift
  t0=$(now)
  log "== $name"
  "$@" || rc=$?
  record phase name="$name" seconds="$(since "$t0")" ok="$([ $rc = 0 ] && echo true || echo false)"
  return $rc
}

install_packages() {
  local need=() p
  for p in debootstrap systemd-container openssh-client iptables iproute2 jq curl git; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || need+=("$p")
  done
  if [ ${#need[@]} -gt 0 ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
  fi
  command -v go >/dev/null || die "Go is needed (the project's go.mod says which)"
}

build_binaries() {
  local cold=false c
  for c in kubectl kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy crictl; do
    [ -x "$CACHE/bin/$c" ] || cold=true
  done
  record build cached="$([ $cold = true ] && echo false || echo true)"
  "$E2E/build-binaries.sh" "$CACHE" >> "$CACHE/build.log" 2>&1 || die "building Kubernetes failed: see $CACHE/build.log"
}

build_rootfs() { "$E2E/build-rootfs.sh" "$CACHE/rootfs" >> "$CACHE/rootfs.log" 2>&1 || die "the root filesystem failed: see $CACHE/rootfs.log"; }
build_hardway() { (cd "$REPO" && go build -o "$HARDWAY" .) || die "hardway does not build"; }
fresh_lab() { lab_down >/dev/null 2>&1; lab_up; }

cleanup() {
  [ -f "$WORK/killer.pid" ] && kill "$(cat "$WORK/killer.pid")" 2>/dev/null
  mirror_stop
  registry_stop
  if [ "$KEEP" = true ]; then log "lab kept: ssh -F $LAB/ssh_config jumpbox"; else lab_down; fi
}

main() {
  local t0 ok=true
  t0=$(now)
  # a run's logs start empty; --faults-only keeps the chapters' of the run it follows
  [ "$TUTORIAL" = true ] && rm -rf "$WORK/logs"
  mkdir -p "$CACHE" "$WORK/logs"
  : > "$RESULTS"
  record run started="$(date -u +%FT%TZ)" keep="$KEEP" tutorial="$TUTORIAL" faults="$FAULTS"
  trap cleanup EXIT
  phase packages install_packages
  if [ "$TUTORIAL" = true ]; then
    phase binaries build_binaries
    phase rootfs build_rootfs
    phase hardway build_hardway
    phase mirror build_mirror
    phase images build_images
    phase lab fresh_lab
  else
    [ -n "$(pid1_of server)" ] || die "--faults-only needs a lab left up by --keep"
  fi
  registry_start
  mirror_start
  if [ "$TUTORIAL" = true ]; then
    phase chapters run_tutorial || ok=false
  fi
  if [ $ok = true ]; then
    phase checks independent_checks || ok=false
  fi
  if [ $ok = true ] && [ "$FAULTS" = true ]; then
    phase faults fault_runs || ok=false
    # restored: the cluster must be whole again
    CHECKS_WHEN=after-faults phase checks-after-faults independent_checks || ok=false
  fi
  record run seconds="$(since "$t0")"
  write_report "$REPORT"
  log "report: $REPORT"
  jq -r '.summary' "$REPORT" >&2
  [ "$(jq -r .ok "$REPORT")" = true ]
}

main
