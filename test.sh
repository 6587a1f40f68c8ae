#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls this). It installs what
# the tests need on a fresh Debian 12 machine, then runs formatting, vet and
# every test. Usage: ./test.sh [go test flags...]
set -euo pipefail

# apt_install installs packages, waiting (up to APT_LOCK_WAIT seconds) for
# another apt or dpkg to finish instead of failing on its lock: apt-get
# install waits by itself with DPkg::Lock::Timeout, but apt 2.6's update
# does not honour it for the lists lock, so update is retried.
APT_LOCK_WAIT=${APT_LOCK_WAIT:-300}
apt_install() {
  local waited=0 out
  until out=$(LC_ALL=C apt-get -o DPkg::Lock::Timeout="$APT_LOCK_WAIT" update -qq 2>&1); do
    if ! grep -q 'Could not get lock' <<<"$out" || ((waited >= APT_LOCK_WAIT)); then
      echo "$out" >&2
      return 100
    fi
    ((waited == 0)) && echo "test.sh: another apt holds its lock; waiting up to ${APT_LOCK_WAIT}s" >&2
    sleep "${APT_LOCK_POLL:-5}"
    waited=$((waited + ${APT_LOCK_POLL:-5}))
  done
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout="$APT_LOCK_WAIT" install -y -qq "$@" >/dev/null
}
# Sourced (by its test), it only defines apt_install.
[[ "${BASH_SOURCE[0]}" != "$0" ]] && return 0

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
# The mirror tests clone over git's smart HTTP and fetch lists with wget;
# the hardening tests act as a second local user (useradd, runuser).
command -v git >/dev/null || need+=(git)
command -v wget >/dev/null || need+=(wget)
command -v useradd >/dev/null || need+=(passwd)
command -v runuser >/dev/null || need+=(util-linux)
if ((${#need[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt_install "${need[@]}"
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
