# Chapters 02-12 of the current track through `hardway run`, step by step,
# with the learner's own hands where the tutorial asks for them. Sourced by
# e2e/run.sh after lab.sh and images.sh.

CHAPTERS="02 03 04 05 06 07 08 09 10 11 12"
STATE=$WORK/state
MIRROR_ADDR=$GATEWAY:8080

hw() { "$HARDWAY" --inventory "$WORK/hardway.yaml" --state "$STATE" "$@"; }

write_inventory() {
  local h ip
  {
    echo "# written by e2e/run.sh: the lab's four containers"
    echo "track: current"
    echo "lang: en"
    echo "known_hosts: [$LAB/known_hosts]"
    echo "mirror: http://$MIRROR_ADDR"
    echo "defaults: {user: root, identity: $LAB/id_ed25519}"
    echo "hosts:"
    while read -r h ip; do
      printf '  - name: %s\n    ssh: %s\n    address: %s\n' "$h" "$ip" "$ip"
    done <<<"$HOSTS"
    echo "# the versions of the substitutes (Debian 12's packages; crictl from the module proxy)"
    echo "vars: {etcd_version: \"3.4\", containerd_version: \"1.6\", runc_version: \"1.1\", crictl_version: \"1.34\"}"
  } > "$WORK/hardway.yaml"
}

mirror_start() {
  "$HARDWAY" mirror serve "$MIRROR_DIR" --listen "$MIRROR_ADDR" >"$WORK/mirror.log" 2>&1 &
  echo $! > "$WORK/mirror.pid"
  local i
  for ((i = 0; i < 100; i++)); do
    curl -fsS -o /dev/null "http://$MIRROR_ADDR/dl.k8s.io/v1.32.3/bin/linux/amd64/kubectl" -r 0-0 2>/dev/null && return 0
    sleep 0.1
  done
  die "hardway mirror serve did not start: $(tail -3 "$WORK/mirror.log")"
}

mirror_stop() {
  [ -f "$WORK/mirror.pid" ] && kill "$(cat "$WORK/mirror.pid")" 2>/dev/null || true
  rm -f "$WORK/mirror.pid"
}

# --- the learner's part -----------------------------------------------------
# Steps the tutorial leaves to the learner (an editor, a password prompt, a
# second terminal) and what a container lacks compared with a VM, done before
# the step named; hardway then runs the step, or verifies it.

# 03/machine-database: the learner writes machines.txt with an editor.
learner_03_machine_database() {
  lab_ssh jumpbox 'cat > kubernetes-the-hard-way/machines.txt' <<EOF
$(address_of server) server.kubernetes.local server
$(address_of node-0) node-0.kubernetes.local node-0 10.200.0.0/24
$(address_of node-1) node-1.kubernetes.local node-1 10.200.1.0/24
EOF
}

# 03/generate-ssh-key: ssh-keygen, enter three times.
learner_03_generate_ssh_key() {
  lab_ssh -n jumpbox 'test -f ~/.ssh/id_rsa || ssh-keygen -q -t rsa -N "" -f ~/.ssh/id_rsa'
}

# 03/copy-ssh-keys: ssh-copy-id types root's password, which these machines
# do not have; the key goes where ssh-copy-id puts it. The learner also
# answers "yes" to each new host key, by address and, later, by name.
learner_03_copy_ssh_keys() {
  local key h ip t
  key=$(lab_ssh -n jumpbox 'cat ~/.ssh/id_rsa.pub')
  for h in server $NODES; do
    lab_ssh "$h" 'cat >> ~/.ssh/authorized_keys' <<<"$key"
  done
  for h in server $NODES; do
    ip=$(address_of "$h")
    for t in ed25519 rsa ecdsa; do
      echo "$ip,$h,$h.kubernetes.local $(cut -d' ' -f1,2 "$(host_dir "$h")/upper/etc/ssh/ssh_host_${t}_key.pub")"
    done
  done | lab_ssh jumpbox 'cat >> ~/.ssh/known_hosts'
}

# 09/start-services: containerd as these containers need it, before it
# starts: no CAP_SYS_RESOURCE here, so runc may not lower oom_score_adj; and
# images come from the lab's registry (no internet).
learner_09_start_services() {
  local h
  for h in $NODES; do
    lab_ssh "$h" 'cat > /tmp/e2e-containerd.sh && sh /tmp/e2e-containerd.sh' <<EOF
set -e
f=/etc/containerd/config.toml
grep -q restrict_oom_score_adj \$f || sed -i '/^\[plugins."io.containerd.grpc.v1.cri"\]\$/a\  restrict_oom_score_adj = true' \$f
[ -z "\$(tail -c 1 \$f)" ] || echo >> \$f   # the tutorial's file has no final newline
grep -q 'registry.mirrors' \$f || cat >> \$f <<'TOML'
[plugins."io.containerd.grpc.v1.cri".registry.mirrors."docker.io"]
  endpoint = ["http://$REGISTRY_ADDR"]
[plugins."io.containerd.grpc.v1.cri".registry.mirrors."registry.k8s.io"]
  endpoint = ["http://$REGISTRY_ADDR"]
TOML
EOF
  done
}

# 12/port-forward: the learner's second terminal, once the pod runs.
learner_12_port_forward() {
  lab_ssh -n jumpbox 'cd kubernetes-the-hard-way
    pod=$(kubectl get pods -l app=nginx -o jsonpath="{.items[0].metadata.name}")
    nohup kubectl port-forward "$pod" 8080:80 >/tmp/port-forward.log 2>&1 </dev/null &'
}

# --- the learner follows a failed check's hint -------------------------------
# Checks that fail on the tutorial as published; the learner does what the
# hint says, then verifies again.

# 08/service-ip: kube-apiserver.service lacks --service-cluster-ip-range
# (KTHW issue #905); the hint: add it, restart, delete the service.
remedy_08_service_ip() {
  lab_ssh server 'cat > /tmp/e2e-remedy.sh && sh /tmp/e2e-remedy.sh' <<'EOF'
set -e
u=/etc/systemd/system/kube-apiserver.service
grep -q -- --service-cluster-ip-range $u ||
  sed -i '/--service-node-port-range/i\  --service-cluster-ip-range=10.32.0.0/24 \\' $u
systemctl daemon-reload
systemctl restart kube-apiserver
for i in $(seq 60); do
  curl -fsS --cacert /var/lib/kubernetes/ca.crt https://127.0.0.1:6443/readyz >/dev/null 2>&1 && break
  sleep 1
done
kubectl delete svc kubernetes --kubeconfig admin.kubeconfig
for i in $(seq 30); do
  [ "$(kubectl get svc kubernetes -o jsonpath='{.spec.clusterIP}' --kubeconfig admin.kubeconfig 2>/dev/null)" = 10.32.0.1 ] && exit 0
  sleep 1
done
exit 1
EOF
}

step_function() {  # PREFIX STEP-ID: the name of a step's learner or remedy function
  local ch=${2%%-*} step=${2#*/}
  echo "${1}_${ch}_${step//-/_}"
}

# run_chapter NN: every step in order, as `hardway run CHAPTER` would, stopping
# at the first that does not pass; records per-step and per-chapter times.
run_chapter() {
  local ch=$1 from=${2:-} slug t0 ts id hook remedy remedied rc ok=true out
  slug=$(hw steps "$ch" --json | jq -r '.chapters[0].slug')
  out=$WORK/logs/$slug.log
  [ -n "$from" ] || : > "$out"
  t0=$(now)
  for id in $(hw steps "$ch" --json | jq -r '.chapters[0].steps[].id'); do
    # FROM: resume a chapter at that step (when working on the harness)
    if [ -n "$from" ]; then [ "${id#*/}" = "$from" ] && from= || continue; fi
    ts=$(now)
    hook=$(step_function learner "$id") remedy=$(step_function remedy "$id") remedied=false
    if declare -F "$hook" >/dev/null; then
      echo "### learner: $hook" >> "$out"
      "$hook" >> "$out" 2>&1 || { log "$id: the learner's part failed"; ok=false; }
    fi
    rc=0
    if [ $ok = true ]; then hw run "$id" --yes --accept-new >> "$out" 2>&1 || rc=$?; else rc=1; fi
    if [ $ok = true ] && [ "$rc" = 1 ] && declare -F "$remedy" >/dev/null; then
      log "$id: failed as the tutorial is published; following its hint ($remedy)"
      echo "### learner follows the hint: $remedy" >> "$out"
      rc=0
      "$remedy" >> "$out" 2>&1 && hw verify "$id" >> "$out" 2>&1 || rc=$?
      remedied=true
    fi
    record step id="$id" chapter="$slug" exit="$rc" seconds="$(since "$ts")" remedied="$remedied" \
      learner="$(declare -F "$hook" >/dev/null && echo true || echo false)"
    if [ "$rc" != 0 ]; then
      log "$id: hardway run exited $rc (log: $out)"
      tail -n 25 "$out" >&2
      ok=false
      break
    fi
  done
  record chapter chapter="$slug" ok="$ok" seconds="$(since "$t0")"
  log "chapter $slug: $([ $ok = true ] && echo passed || echo FAILED) in $(since "$t0")s"
  [ $ok = true ]
}

run_tutorial() {
  local ch
  mkdir -p "$WORK/logs"
  rm -rf "$STATE"
  write_inventory
  for ch in $CHAPTERS; do
    run_chapter "$ch" || return 1
  done
}
