# Checks of the finished cluster that do not use hardway: OpenSSH with the
# harness's own key, the tutorial's tools on the hosts, curl from the machine.
# Each confirms (or refutes) the verdicts of the hardway steps it names.
# Sourced by e2e/run.sh after lab.sh.

KUBECTL_SERVER="kubectl --kubeconfig admin.kubeconfig"
CURL_API="curl -sS -m 5 --cacert /var/lib/kubernetes/ca.crt https://127.0.0.1:6443"

# icheck NAME CONFIRMS EXPECT-REGEX HOST COMMAND: runs COMMAND on HOST (or on
# this machine for HOST "-") and passes when its output, each line ended by
# ";", matches EXPECT-REGEX (extended).
icheck() {
  local name=$1 confirms=$2 expect=$3 host=$4 cmd=$5 out ok=false
  if [ "$host" = - ]; then
    out=$(bash -c "$cmd" 2>&1) || true
  else
    out=$(lab_ssh -n "$host" "$cmd" 2>&1) || true
  fi
  [[ $(tr '\n' ';' <<<"$out") =~ $expect ]] && ok=true
  record check name="$name" ok="$ok" confirms="$confirms" host="$host" when="${CHECKS_WHEN:-after-chapters}" \
    output="$(head -c 600 <<<"$out")"
  log "independent check $name: $([ $ok = true ] && echo ok || echo FAILED)"
  [ $ok = true ] || { printf '%s\n' "$out" | head -20 >&2; return 1; }
}

pod_name() { lab_ssh -n server "$KUBECTL_SERVER get pods -l app=nginx -o jsonpath='{.items[0].metadata.name}'"; }

independent_checks() {
  local bad=0 pod node port
  icheck etcd-members "07/start-etcd 07/verify-members" \
    '^[0-9a-f]+, started, controller, http://127\.0\.0\.1:2380, http://127\.0\.0\.1:2379, false;$' \
    server 'etcdctl member list' || bad=1
  icheck control-plane-units "08/start-services 08/verify-active" \
    '^(active;){4}$' \
    server 'systemctl is-active etcd kube-apiserver kube-controller-manager kube-scheduler' || bad=1
  icheck healthz "08/verify-cluster-info" '^ok;$' server "$CURL_API/healthz" || bad=1
  icheck readyz "08/verify-cluster-info" '^ok;$' server "$CURL_API/readyz" || bad=1
  icheck livez "08/verify-cluster-info" '^ok;$' server "$CURL_API/livez" || bad=1
  icheck version "08/verify-version 10/verify-api-server 10/verify-version" \
    '"gitVersion": "v1.32.3"' server "$CURL_API/version" || bad=1
  icheck kubernetes-service-ip "08/service-ip" '^10\.32\.0\.1;$' \
    server "$KUBECTL_SERVER get svc kubernetes -o jsonpath='{.spec.clusterIP}'" || bad=1
  icheck rbac "08/rbac" 'clusterrole.rbac.authorization.k8s.io/system:kube-apiserver-to-kubelet' \
    server "$KUBECTL_SERVER get clusterrole system:kube-apiserver-to-kubelet -o name" || bad=1
  icheck node-services "09/start-services 09/verify-kubelet" \
    '^(active;){6}$' \
    - "for n in $NODES; do ssh -F $LAB/ssh_config -n \$n systemctl is-active containerd kubelet kube-proxy; done" || bad=1
  icheck nodes-ready "09/verify-nodes 10/verify-nodes" '^node-0=True;node-1=True;$' \
    server "$KUBECTL_SERVER get nodes -o jsonpath='{range .items[*]}{.metadata.name}={.status.conditions[?(@.type==\"Ready\")].status}{\"\\n\"}{end}'" || bad=1
  icheck server-routes "11/server-routes 11/verify-server-routes" \
    '10\.200\.0\.0/24 via 10\.240\.0\.20 dev eth0.*10\.200\.1\.0/24 via 10\.240\.0\.21 dev eth0' \
    server 'ip route' || bad=1
  icheck node-0-route "11/node-0-route 11/verify-node-0-routes" '10\.200\.1\.0/24 via 10\.240\.0\.21 dev eth0' \
    node-0 'ip route' || bad=1
  icheck node-1-route "11/node-1-route 11/verify-node-1-routes" '10\.200\.0\.0/24 via 10\.240\.0\.20 dev eth0' \
    node-1 'ip route' || bad=1
  icheck secret-encrypted "12/create-secret 12/verify-encryption" '^k8s:enc:aescbc:v1:key1:' \
    server 'etcdctl get /registry/secrets/default/kubernetes-the-hard-way --print-value-only | head -c 23' || bad=1
  icheck deployment-running "12/create-deployment 12/verify-deployment" '^1 Running;$' \
    server "$KUBECTL_SERVER get deployment nginx -o jsonpath='{.status.readyReplicas}' && printf ' ' && $KUBECTL_SERVER get pods -l app=nginx -o jsonpath='{.items[0].status.phase}'" || bad=1
  pod=$(pod_name)
  # a port-forward of our own, from the server, next to the learner's on the jumpbox
  icheck port-forward "12/port-forward 12/verify-port-forward" '^200;$' server \
    "$KUBECTL_SERVER port-forward $pod 18080:80 >/tmp/e2e-pf.log 2>&1 & pf=\$!
     for i in \$(seq 50); do
       c=\$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:18080/); [ \$c = 200 ] && break; sleep 0.2
     done
     kill \$pf; echo \$c" || bad=1
  icheck logs "12/verify-logs" '"(GET|HEAD) / HTTP/1\.1" 200' server "$KUBECTL_SERVER logs $pod" || bad=1
  icheck exec "12/verify-exec" 'nginx version: nginx/1\.22\.1' server "$KUBECTL_SERVER exec $pod -- nginx -v" || bad=1
  node=$(lab_ssh -n server "$KUBECTL_SERVER get pod $pod -o jsonpath='{.spec.nodeName}'")
  port=$(lab_ssh -n server "$KUBECTL_SERVER get svc nginx -o jsonpath='{.spec.ports[0].nodePort}'")
  icheck node-port "12/expose 12/node-port 12/verify-node-port" '^200;$' - \
    "curl -s -m 5 -o /dev/null -w '%{http_code}' http://$(address_of "$node"):$port/" || bad=1
  return $bad
}
