package check

import "testing"

// Outputs of `kubectl get nodes`.
const (
	nodesV115 = `NAME       STATUS   ROLES    AGE   VERSION
worker-0   Ready    <none>   15s   v1.15.3
worker-1   Ready    <none>   15s   v1.15.3
worker-2   Ready    <none>   15s   v1.15.3
`
	nodesOneNotReady = `NAME       STATUS     ROLES    AGE   VERSION
worker-0   Ready      <none>   35m   v1.15.3
worker-1   NotReady   <none>   35m   v1.15.3
worker-2   Ready      <none>   35m   v1.15.3
`
	// On-prem v1.18.6 docs/09: before the CNI is installed.
	nodesOnpremNotReady = `NAME           STATUS     ROLES    AGE    VERSION
k8s-worker-1   NotReady   <none>   109s   v1.15.3
k8s-worker-2   NotReady   <none>   109s   v1.15.3
k8s-worker-3   NotReady   <none>   109s   v1.15.3
`
	nodesOneMissing = `NAME       STATUS   ROLES    AGE   VERSION
worker-0   Ready    <none>   2m9s   v1.15.3
worker-2   Ready    <none>   2m9s   v1.15.3
`
	// worker-2 kept an old kubelet.
	nodesWrongVersion = `NAME       STATUS   ROLES    AGE     VERSION
worker-0   Ready    <none>   3d      v1.15.3
worker-1   Ready    <none>   3d      v1.15.3
worker-2   Ready    <none>   3d      v1.14.1
`
	nodesWide = `NAME       STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION    CONTAINER-RUNTIME
worker-0   Ready    <none>   35m   v1.15.3   10.240.0.20   <none>        Ubuntu 18.04.3 LTS   4.15.0-1044-gcp   containerd://1.2.9
worker-1   Ready    <none>   35m   v1.15.3   10.240.0.21   <none>        Ubuntu 18.04.3 LTS   4.15.0-1044-gcp   containerd://1.2.9
worker-2   Ready    <none>   35m   v1.15.3   10.240.0.22   <none>        Ubuntu 18.04.3 LTS   4.15.0-1044-gcp   containerd://1.2.9
`
	// The current tutorial (docs/09), run through ssh.
	nodesCurrent = `NAME     STATUS   ROLES    AGE    VERSION
node-0   Ready    <none>   1m     v1.32.3
node-1   Ready    <none>   10s    v1.32.3
`
	nodesCurrentWide = `NAME     STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION   CONTAINER-RUNTIME
node-0   Ready    <none>   10m   v1.32.3   10.0.0.21     <none>        Debian GNU/Linux 12 (bookworm)   6.1.0-31-arm64   containerd://2.1.0-beta.0
node-1   Ready    <none>   10m   v1.32.3   10.0.0.22     <none>        Debian GNU/Linux 12 (bookworm)   6.1.0-31-arm64   containerd://2.1.0-beta.0
`
	nodesCordoned = `NAME     STATUS                     ROLES    AGE   VERSION
node-0   Ready,SchedulingDisabled   <none>   10m   v1.32.3
node-1   Ready                      <none>   10m   v1.32.3
`
	nodesNone115 = "No resources found.\n"
	nodesNone    = "No resources found\n"
)

var workers3 = []string{"worker-0", "worker-1", "worker-2"}

type nodesCase struct {
	check Nodes
	evalCase
}

var nodesCases = []nodesCase{
	{Nodes{Nodes: workers3, Version: "v1.15.3"}, evalCase{"v1.15.3 docs, three Ready", pasted(nodesV115), true, []want{
		pass("worker-0", NodeReady, "v1.15.3"), pass("worker-1", NodeReady, "v1.15.3"), pass("worker-2", NodeReady, "v1.15.3"),
	}}},
	{Nodes{Nodes: workers3, Version: "v1.15.3"}, evalCase{"one NotReady", ran(nodesOneNotReady, 0), false, []want{
		pass("worker-0", NodeReady), bad("worker-1", NodeNotReady, "NotReady"), pass("worker-2", NodeReady),
	}}},
	{Nodes{Nodes: []string{"k8s-worker-1", "k8s-worker-2", "k8s-worker-3"}}, evalCase{"on-prem before CNI", pasted(nodesOnpremNotReady), false, []want{
		bad("k8s-worker-1", NodeNotReady, "NotReady"), bad("k8s-worker-2", NodeNotReady, "NotReady"), bad("k8s-worker-3", NodeNotReady, "NotReady"),
	}}},
	{Nodes{Nodes: workers3, Version: "v1.15.3"}, evalCase{"one missing", pasted(nodesOneMissing), false, []want{
		pass("worker-0", NodeReady), bad("worker-1", NodeMissing), pass("worker-2", NodeReady),
	}}},
	{Nodes{Nodes: workers3, Version: "v1.15.3"}, evalCase{"wrong version", pasted(nodesWrongVersion), false, []want{
		pass("worker-0", NodeReady), pass("worker-1", NodeReady), bad("worker-2", NodeWrongVersion, "v1.14.1", "v1.15.3"),
	}}},
	{Nodes{Nodes: workers3}, evalCase{"no version expected", pasted(nodesWrongVersion), true, []want{
		pass("worker-0", NodeReady), pass("worker-1", NodeReady), pass("worker-2", NodeReady, "v1.14.1"),
	}}},
	{Nodes{Nodes: workers3, Version: "v1.15.3"}, evalCase{"-o wide", ran(nodesWide, 0), true, []want{
		pass("worker-0", NodeReady, "v1.15.3"), pass("worker-1", NodeReady, "v1.15.3"), pass("worker-2", NodeReady, "v1.15.3"),
	}}},
	{Nodes{Nodes: []string{"node-0", "node-1"}, Version: "v1.32.3"}, evalCase{"current docs", ran(nodesCurrent, 0), true, []want{
		pass("node-0", NodeReady, "v1.32.3"), pass("node-1", NodeReady, "v1.32.3"),
	}}},
	{Nodes{Nodes: []string{"node-0", "node-1"}, Version: "v1.32.3"}, evalCase{"current -o wide over a PTY", ran(crlf(nodesCurrentWide), 0), true, []want{
		pass("node-0", NodeReady, "v1.32.3"), pass("node-1", NodeReady, "v1.32.3"),
	}}},
	{Nodes{Nodes: []string{"node-0", "node-1"}, Version: "v1.32.3"}, evalCase{"cordoned", ran(nodesCordoned, 0), false, []want{
		bad("node-0", NodeNotReady, "Ready,SchedulingDisabled"), pass("node-1", NodeReady),
	}}},
	{Nodes{Nodes: workers3, Version: "v1.15.3"}, evalCase{"v1.32.3 cluster, v1.15.3 track", pasted(nodesCurrent), false, []want{
		bad("worker-0", NodeMissing), bad("worker-1", NodeMissing), bad("worker-2", NodeMissing),
	}}},
	{Nodes{Nodes: workers3}, evalCase{"no resources (v1.15)", ran(nodesNone115, 0), false, []want{bad("nodes", NodeNoTable, "No resources found.")}}},
	{Nodes{Nodes: workers3}, evalCase{"no resources", ran(nodesNone, 0), false, []want{bad("nodes", NodeNoTable, "No resources found")}}},
	{Nodes{Nodes: workers3}, evalCase{"localhost:8080 refused", ran(csLocalhost8080, 1), false, []want{bad("nodes", ConnectionError)}}},
	{Nodes{Nodes: workers3}, evalCase{"empty", ran("", 0), false, []want{bad("nodes", EmptyOutput)}}},
	{Nodes{Nodes: workers3}, evalCase{"ssh: kubectl missing", ran("bash: line 1: kubectl: command not found\n", 127), false, []want{bad("nodes", CommandNotFound)}}},
}

func TestNodes(t *testing.T) {
	for _, tc := range nodesCases {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.check
			if err := c.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			assertResult(t, c.Evaluate(tc.out), tc.pass, tc.items)
		})
	}
}

func TestNodesValidate(t *testing.T) {
	runValidate(t, []validateCase{
		{"no nodes", &Nodes{}, true},
		{"version only", &Nodes{Version: "v1.15.3"}, true},
		{"nodes", &Nodes{Nodes: workers3}, false},
		{"nodes and version", &Nodes{Nodes: []string{"node-0", "node-1"}, Version: "v1.32.3"}, false},
	})
}
