#!/usr/bin/env bash
# Compare hardway with pssh and ansible on 6 real sshd hosts on loopback:
# the same 20-command step, medians of 5 runs each. Needs root (the hosts get
# their own hostnames) and Debian's pssh and ansible packages, installed here.
set -euo pipefail
cd "$(dirname "$0")"
export PATH="$PATH:/usr/local/go/bin"
need=()
command -v parallel-ssh >/dev/null || need+=(pssh)
command -v ansible >/dev/null || need+=(ansible)
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
if ((${#need[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
HARDWAY_REQUIRE_SSHD=1 HARDWAY_BENCH_PEERS=1 go test -run TestCompareWithPeers -v -count=1 -timeout 30m . | grep -E 'median|ratios|ok|FAIL'
