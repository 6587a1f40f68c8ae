#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls this). It installs what
# the tests need on a fresh Debian 12 machine, then runs formatting, vet and
# every test. Usage: ./test.sh [go test flags...]
set -euo pipefail
cd "$(dirname "$0")"

export PATH="$PATH:/usr/local/go/bin"
need=()
command -v go >/dev/null || { echo "test.sh: Go is not installed (https://go.dev/dl/)" >&2; exit 2; }
command -v bash >/dev/null || need+=(bash)
# The remote tests start real OpenSSH servers on 127.0.1.x; the fault tests
# drop packets with iptables; the classic steps use sudo.
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v ssh-keygen >/dev/null || need+=(openssh-client)
command -v iptables >/dev/null || need+=(iptables)
command -v sudo >/dev/null || need+=(sudo)
if ((${#need[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "test.sh: please install: ${need[*]}" >&2; exit 2
  fi
fi

echo "== gofmt"
bad=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$bad" ]; then echo "gofmt would change:"; echo "$bad"; exit 1; fi
echo "== go vet"
go vet ./...
# As root the tests can and must use the real sshd hosts: a missing sshd
# fails them instead of skipping.
[ "$(id -u)" = 0 ] && export HARDWAY_REQUIRE_SSHD=1
echo "== go test"
go test -race -count=1 "$@" ./...
