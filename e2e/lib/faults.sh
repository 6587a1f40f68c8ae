# Fault runs: break one thing the cluster depends on, and `hardway verify`
# must turn the checks that depend on it red (exit 1); restored, they must be
# green again. Each check is also verified before the fault, so a check that
# was red anyway proves nothing. Sourced by e2e/run.sh after tutorial.sh.

API_READY="curl -fsS -m 3 --cacert /var/lib/kubernetes/ca.crt https://127.0.0.1:6443/readyz"

# wait_for SECONDS HOST COMMAND: until COMMAND succeeds on HOST.
wait_for() {
  local limit=$1 host=$2 cmd=$3 i
  for ((i = 0; i < limit; i++)); do
    lab_ssh -n "$host" "$cmd" >/dev/null 2>&1 && return 0
    sleep 1
  done
  log "gave up after ${limit}s waiting on $host for: $cmd"
  return 1
}

api_ready() { wait_for 120 server "$API_READY"; }
node_ready() {  # NODE True|False|Unknown
  wait_for 150 server "kubectl --kubeconfig admin.kubeconfig get node $1 -o jsonpath='{.status.conditions[?(@.type==\"Ready\")].status}' | grep -qx $2"
}

# verify_phase FAULT PHASE WANT STEP...: hardway verify each step; WANT is
# the exit status it must have. Returns 1 when any differs.
verify_phase() {
  local fault=$1 phase=$2 want=$3 step rc ts bad=0; shift 3
  for step in "$@"; do
    ts=$(now) rc=0
    hw verify "$step" >> "$WORK/logs/fault-$fault.log" 2>&1 || rc=$?
    record fault fault="$fault" phase="$phase" step="$step" want="$want" exit="$rc" \
      as_expected="$([ "$rc" = "$want" ] && echo true || echo false)" seconds="$(since "$ts")"
    if [ "$rc" != "$want" ]; then
      log "fault $fault, $phase: verify $step exited $rc, expected $want"
      bad=1
    else
      log "fault $fault, $phase: verify $step exited $rc as expected"
    fi
  done
  return $bad
}

# fault_run NAME INJECT RESTORE STEP...: baseline green, red under the fault,
# green again once restored.
fault_run() {
  local name=$1 inject=$2 restore=$3 t0 bad=0; shift 3
  t0=$(now)
  echo "### fault $name" > "$WORK/logs/fault-$name.log"
  verify_phase "$name" before 0 "$@" || bad=1
  "$inject" >> "$WORK/logs/fault-$name.log" 2>&1 || { log "fault $name: could not inject"; bad=1; }
  verify_phase "$name" during 1 "$@" || bad=1
  "$restore" >> "$WORK/logs/fault-$name.log" 2>&1 || { log "fault $name: could not restore"; bad=1; }
  verify_phase "$name" after 0 "$@" || bad=1
  record fault_run fault="$name" ok="$([ $bad = 0 ] && echo true || echo false)" seconds="$(since "$t0")"
  return $bad
}

# (1) kube-apiserver killed each time systemd restarts it: a crash loop.
inject_apiserver_crashloop() {
  (
    while :; do
      # give each new process a second, as a crash during start-up would
      if in_host server pidof kube-apiserver >/dev/null 2>&1; then
        sleep 1
        in_host server pkill -KILL -x kube-apiserver && echo "$(date +%T) killed kube-apiserver"
      fi
      sleep 0.3
    done
  ) >> "$WORK/logs/fault-apiserver-crashloop.log" 2>&1 &
  echo $! > "$WORK/killer.pid"
  sleep 8   # at least one kill and one restart by systemd
}
restore_apiserver_crashloop() {
  kill "$(cat "$WORK/killer.pid")"; rm -f "$WORK/killer.pid"
  lab_ssh -n server 'systemctl reset-failed kube-apiserver; systemctl restart kube-apiserver'
  api_ready
}

# (2) etcd stopped: the API server loses its storage.
inject_etcd_stopped() { lab_ssh -n server 'systemctl stop etcd'; }
restore_etcd_stopped() { lab_ssh -n server 'systemctl start etcd'; api_ready; }

# (3) the kubelet stopped on node-1, until the control plane marks it NotReady.
inject_kubelet_stopped() { lab_ssh -n node-1 'systemctl stop kubelet'; node_ready node-1 Unknown; }
restore_kubelet_stopped() { lab_ssh -n node-1 'systemctl start kubelet'; node_ready node-1 True; }

# (4) the API server's certificate reissued without the SAN
# server.kubernetes.local (by the tutorial's CA, on the jumpbox).
inject_cert_without_san() {
  lab_ssh jumpbox 'cat > /tmp/e2e-cert.sh && sh /tmp/e2e-cert.sh' <<'EOF'
set -e
rm -rf /tmp/e2e-cert && mkdir /tmp/e2e-cert && cd /tmp/e2e-cert
cp ~/kubernetes-the-hard-way/ca.crt ~/kubernetes-the-hard-way/ca.key ~/kubernetes-the-hard-way/kube-api-server.key .
sed '/^DNS.* = server\.kubernetes\.local$/d' ~/kubernetes-the-hard-way/ca.conf > ca.conf
openssl req -new -key kube-api-server.key -sha256 -config ca.conf -section kube-api-server -out kube-api-server.csr
openssl x509 -req -days 1 -in kube-api-server.csr -copy_extensions copyall -sha256 \
  -CA ca.crt -CAkey ca.key -CAcreateserial -out kube-api-server.crt
! openssl x509 -in kube-api-server.crt -noout -ext subjectAltName | grep -q server.kubernetes.local
scp -q kube-api-server.crt root@server:/root/e2e-kube-api-server-nosan.crt
EOF
  lab_ssh -n server 'cd /var/lib/kubernetes && cp -p kube-api-server.crt /root/e2e-kube-api-server.crt.orig &&
    cp /root/e2e-kube-api-server-nosan.crt kube-api-server.crt && systemctl restart kube-apiserver'
  api_ready
}
restore_cert_without_san() {
  lab_ssh -n server 'cp -p /root/e2e-kube-api-server.crt.orig /var/lib/kubernetes/kube-api-server.crt &&
    systemctl restart kube-apiserver'
  api_ready
}

fault_runs() {
  local bad=0
  fault_run apiserver-crashloop inject_apiserver_crashloop restore_apiserver_crashloop \
    08/start-services 08/verify-active || bad=1
  fault_run etcd-stopped inject_etcd_stopped restore_etcd_stopped \
    07/start-etcd 07/verify-members 08/verify-cluster-info 08/service-ip 08/rbac || bad=1
  fault_run kubelet-stopped inject_kubelet_stopped restore_kubelet_stopped \
    09/verify-kubelet 09/verify-nodes 10/verify-nodes || bad=1
  fault_run cert-without-san inject_cert_without_san restore_cert_without_san \
    08/verify-version 10/verify-api-server || bad=1
  return $bad
}
