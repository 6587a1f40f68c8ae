package check

import "testing"

const readyzOK = `[+]ping ok
[+]log ok
[+]etcd ok
[+]etcd-readiness ok
[+]informer-sync ok
[+]poststarthook/start-apiserver-admission-initializer ok
[+]poststarthook/rbac/bootstrap-roles ok
[+]shutdown ok
readyz check passed
[+]ping ok
[+]log ok
[+]etcd ok
[+]poststarthook/rbac/bootstrap-roles ok
livez check passed
`

// kubectl get --raw prints a failing body inside its error, with \n.
const readyzEtcdDown = `Error from server (InternalError): an error on the server ("[+]ping ok\n[+]log ok\n[-]etcd failed: reason withheld\n[-]etcd-readiness failed: reason withheld\n[+]informer-sync ok\n[+]shutdown ok\nreadyz check failed") has prevented the request from succeeding
Error from server (InternalError): an error on the server ("[+]ping ok\n[+]log ok\n[-]etcd failed: reason withheld\nlivez check failed") has prevented the request from succeeding
`

func TestReadyz(t *testing.T) {
	c := &Readyz{Endpoints: []string{"readyz", "livez"}}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if r := c.Evaluate(Output{Text: readyzOK, Exit: 0}); !r.Pass {
		t.Errorf("healthy: %+v", r)
	}
	r := c.Evaluate(Output{Text: readyzEtcdDown, Exit: 1})
	if r.Pass || r.Items[0].Reason.Code != ReadyzFailed || r.Items[0].Reason.Args[0] != "etcd, etcd-readiness" {
		t.Errorf("etcd down, readyz: %+v", r.Items[0])
	}
	if r.Items[1].Reason.Code != ReadyzFailed || r.Items[1].Reason.Args[0] != "etcd" {
		t.Errorf("etcd down, livez: %+v", r.Items[1])
	}
	// Only one endpoint answered: the other has no verdict.
	only := "[+]ping ok\nreadyz check passed\n"
	if r := c.Evaluate(Output{Text: only, Exit: 0}); r.Pass || r.Items[1].OK {
		t.Errorf("livez missing: %+v", r)
	}
	refused := "The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?\n"
	if r := c.Evaluate(Output{Text: refused, Exit: 1}); r.Pass || r.Items[0].Reason.Code != ConnectionError {
		t.Errorf("refused: %+v", r)
	}
	if err := (&Readyz{Endpoints: []string{"metrics"}}).Validate(); err == nil {
		t.Error("metrics accepted as an endpoint")
	}
}

func TestKernelModules(t *testing.T) {
	c := &KernelModules{Modules: []string{"br-netfilter", "ip_vs_rr"}}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, out string
		pass      bool
	}{
		{"loaded", "kernel module br_netfilter: loaded\nkernel module ip_vs_rr: loaded\n", true},
		{"built in, lsmod silent", "kernel module br_netfilter: built-in\nkernel module ip_vs_rr: loaded\n", true},
		{"pasted lsmod", "br_netfilter           22256  0\nip_vs_rr               12600  0\n", true},
		{"missing", "kernel module br_netfilter: missing\nkernel module ip_vs_rr: loaded\n", false},
		{"nothing", "", false},
	} {
		if r := c.Evaluate(Output{Text: tc.out, Exit: 0}); r.Pass != tc.pass {
			t.Errorf("%s: %+v", tc.name, r)
		}
	}
	if err := (&KernelModules{Modules: []string{"x; rm -rf /"}}).Validate(); err == nil {
		t.Error("a shell command accepted as a module name")
	}
}
