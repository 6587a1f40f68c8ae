# Shared by every part of the harness: paths, logging, timing, results.
# Sourced by e2e/run.sh; nothing here runs on its own.

CACHE=${HARDWAY_E2E_CACHE:-/var/cache/hardway-e2e}
LAB=$CACHE/lab            # the lab's state: keys, known_hosts, per-host overlays
WORK=$CACHE/work          # what one run writes: inventory, hardway state, logs
MIRROR_DIR=$CACHE/mirror  # served by `hardway mirror serve`
HARDWAY=$CACHE/hardway
BRIDGE=kthwbr0
GATEWAY=10.240.0.1
# name address: the current track's four machines
HOSTS="jumpbox 10.240.0.10
server 10.240.0.11
node-0 10.240.0.20
node-1 10.240.0.21"
NODES="node-0 node-1"
RESULTS=$WORK/results.jsonl   # one JSON object per verdict, timing or finding

log() { printf '%s e2e: %s\n' "$(date +%T)" "$*" >&2; }
die() { log "FATAL: $*"; exit 2; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
address_of() { awk -v h="$1" '$1 == h { print $2 }' <<<"$HOSTS"; }
host_names() { awk '{ print $1 }' <<<"$HOSTS"; }

# record KIND key=value...: one line of the report (values are strings unless
# they look like numbers, true or false; an output is always a string).
record() {
  local kind=$1; shift
  local args=(--arg kind "$kind") expr='{kind: $kind' kv k v
  for kv in "$@"; do
    k=${kv%%=*}; v=${kv#*=}
    if [[ $k != output && ( $v =~ ^-?[0-9]+(\.[0-9]+)?$ || $v == true || $v == false ) ]]; then
      args+=(--argjson "$k" "$v")
    else
      args+=(--arg "$k" "$v")
    fi
    expr+=", $k: \$$k"
  done
  jq -cn "${args[@]}" "$expr}" >> "$RESULTS"
}
