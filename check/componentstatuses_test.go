package check

import "testing"

// Outputs of `kubectl get componentstatuses`, as the tools print them.
const (
	// v1.15.3 docs/08: etcd 3.4 answers with a space after the colon.
	csV115 = `NAME                 STATUS    MESSAGE              ERROR
controller-manager   Healthy   ok
scheduler            Healthy   ok
etcd-2               Healthy   {"health": "true"}
etcd-0               Healthy   {"health": "true"}
etcd-1               Healthy   {"health": "true"}
`
	// v1.15.3 docs/10 and the v1.18.6 tutorial: no space.
	csV118 = `NAME                 STATUS    MESSAGE             ERROR
controller-manager   Healthy   ok
scheduler            Healthy   ok
etcd-1               Healthy   {"health":"true"}
etcd-2               Healthy   {"health":"true"}
etcd-0               Healthy   {"health":"true"}
`
	// v1.22+ with etcd 3.5: the deprecation warning (stderr) first, and a
	// reason field in the etcd message.
	csV122 = `Warning: v1 ComponentStatus is deprecated in v1.19+
NAME                 STATUS    MESSAGE                         ERROR
scheduler            Healthy   ok                              
controller-manager   Healthy   ok                              
etcd-0               Healthy   {"health":"true","reason":""}   
etcd-1               Healthy   {"health":"true","reason":""}   
etcd-2               Healthy   {"health":"true","reason":""}   
`
	// v1.15-v1.18 (Go < 1.14 error text): the scheduler is down, or the
	// probe hits a port it no longer opens.
	csSchedulerRefused = `NAME                 STATUS      MESSAGE                                                                                     ERROR
scheduler            Unhealthy   Get http://127.0.0.1:10251/healthz: dial tcp 127.0.0.1:10251: connect: connection refused
controller-manager   Healthy     ok
etcd-0               Healthy     {"health":"true"}
etcd-1               Healthy     {"health":"true"}
etcd-2               Healthy     {"health":"true"}
`
	// v1.20+ (Go >= 1.14 quotes the URL): both insecure probes refused.
	csObsoleteQuoted = `Warning: v1 ComponentStatus is deprecated in v1.19+
NAME                 STATUS      MESSAGE                                                                                       ERROR
scheduler            Unhealthy   Get "http://127.0.0.1:10251/healthz": dial tcp 127.0.0.1:10251: connect: connection refused   
controller-manager   Unhealthy   Get "http://127.0.0.1:10252/healthz": dial tcp 127.0.0.1:10252: connect: connection refused   
etcd-0               Healthy     {"health":"true"}                                                                             
`
	// kthw.md §4 row 1: the pre-Go-1.11 "getsockopt" spelling.
	csGetsockopt = `NAME                 STATUS      MESSAGE                                                                                        ERROR
controller-manager   Healthy     ok
scheduler            Unhealthy   Get http://127.0.0.1:10251/healthz: dial tcp 127.0.0.1:10251: getsockopt: connection refused
etcd-0               Healthy     {"health": "true"}
`
	// etcd-1 is really down: the API server cannot reach its client port.
	csEtcd1Refused = `NAME                 STATUS      MESSAGE                                                                                       ERROR
controller-manager   Healthy     ok
scheduler            Healthy     ok
etcd-1               Unhealthy   Get https://10.240.0.11:2379/health: dial tcp 10.240.0.11:2379: connect: connection refused
etcd-0               Healthy     {"health": "true"}
etcd-2               Healthy     {"health": "true"}
`
	// etcd-1 hangs (host down, packets dropped).
	csEtcd1Timeout = `NAME                 STATUS      MESSAGE                                                                                             ERROR
controller-manager   Healthy     ok
scheduler            Healthy     ok
etcd-0               Healthy     {"health":"true"}
etcd-1               Unhealthy   Get https://10.240.0.11:2379/health: net/http: request canceled (Client.Timeout exceeded while awaiting headers)
etcd-2               Healthy     {"health":"true"}
`
	// etcd-2 is not in --etcd-servers (typo in the unit): its row is missing.
	csNoEtcd2 = `NAME                 STATUS    MESSAGE             ERROR
controller-manager   Healthy   ok
scheduler            Healthy   ok
etcd-0               Healthy   {"health":"true"}
etcd-1               Healthy   {"health":"true"}
`
	csLocalhost8080 = "The connection to the server localhost:8080 was refused - did you specify the right host or port?\n"
	csIOTimeout     = "Unable to connect to the server: dial tcp 35.233.180.14:6443: i/o timeout\n"
	csUnauthorized  = "error: You must be logged in to the server (Unauthorized)\n"
	csNotFound      = "-bash: kubectl: command not found\n"
)

var csExpect = []string{"controller-manager", "scheduler", "etcd-0", "etcd-1", "etcd-2"}

func csAllHealthy() []want {
	var w []want
	for _, n := range csExpect {
		w = append(w, pass(n, CSHealthy))
	}
	return w
}

var csCases = []evalCase{
	{"v1.15.3 docs, health with space", pasted(csV115), true, csAllHealthy()},
	{"v1.18.6, health without space", pasted(csV118), true, csAllHealthy()},
	{"v1.22 deprecation warning and reason field", ran(csV122, 0), true, csAllHealthy()},
	{"v1.15.3 docs over a PTY: CRLF and colour", ran("\x1b[?2004l\r"+crlf(
		"\x1b[1mNAME                 STATUS    MESSAGE              ERROR\x1b[0m\n"+
			"controller-manager   \x1b[32mHealthy\x1b[0m   ok\n"+
			"scheduler            \x1b[32mHealthy\x1b[0m   ok\n"+
			"etcd-2               \x1b[32mHealthy\x1b[0m   {\"health\": \"true\"}\n"+
			"etcd-0               \x1b[32mHealthy\x1b[0m   {\"health\": \"true\"}\n"+
			"etcd-1               \x1b[32mHealthy\x1b[0m   {\"health\": \"true\"}\n")+"\x1b]0;root@controller-0: ~\x07", 0),
		true, csAllHealthy()},
	{"scheduler probe refused on 10251", pasted(csSchedulerRefused), false, []want{
		pass("controller-manager", CSHealthy),
		bad("scheduler", CSObsolete, "Get http://127.0.0.1:10251/healthz: dial tcp 127.0.0.1:10251: connect: connection refused"),
		pass("etcd-0", CSHealthy), pass("etcd-1", CSHealthy), pass("etcd-2", CSHealthy),
	}},
	{"v1.20+ quoted URL on 10251 and 10252", ran(csObsoleteQuoted, 0), false, []want{
		bad("controller-manager", CSObsolete, `Get "http://127.0.0.1:10252/healthz": dial tcp 127.0.0.1:10252: connect: connection refused`),
		bad("scheduler", CSObsolete, `Get "http://127.0.0.1:10251/healthz": dial tcp 127.0.0.1:10251: connect: connection refused`),
		pass("etcd-0", CSHealthy), bad("etcd-1", CSMissing), bad("etcd-2", CSMissing),
	}},
	{"getsockopt spelling", pasted(csGetsockopt), false, []want{
		pass("controller-manager", CSHealthy),
		bad("scheduler", CSObsolete),
		pass("etcd-0", CSHealthy), bad("etcd-1", CSMissing), bad("etcd-2", CSMissing),
	}},
	{"etcd-1 refused is a real failure, not a connection error", pasted(csEtcd1Refused), false, []want{
		pass("controller-manager", CSHealthy), pass("scheduler", CSHealthy), pass("etcd-0", CSHealthy),
		bad("etcd-1", CSUnhealthy, "Unhealthy", "Get https://10.240.0.11:2379/health: dial tcp 10.240.0.11:2379: connect: connection refused"),
		pass("etcd-2", CSHealthy),
	}},
	{"etcd-1 timeout", pasted(csEtcd1Timeout), false, []want{
		pass("controller-manager", CSHealthy), pass("scheduler", CSHealthy), pass("etcd-0", CSHealthy),
		bad("etcd-1", CSUnhealthy, "Unhealthy", "Get https://10.240.0.11:2379/health: net/http: request canceled (Client.Timeout exceeded while awaiting headers)"),
		pass("etcd-2", CSHealthy),
	}},
	{"etcd-2 row missing", pasted(csNoEtcd2), false, []want{
		pass("controller-manager", CSHealthy), pass("scheduler", CSHealthy),
		pass("etcd-0", CSHealthy), pass("etcd-1", CSHealthy), bad("etcd-2", CSMissing),
	}},
	{"no kubeconfig: localhost:8080 refused", ran(csLocalhost8080, 1), false, []want{
		bad("componentstatuses", ConnectionError, "The connection to the server localhost:8080 was refused - did you specify the right host or port?"),
	}},
	{"API server unreachable", ran(csIOTimeout, 1), false, []want{
		bad("componentstatuses", ConnectionError, "Unable to connect to the server: dial tcp 35.233.180.14:6443: i/o timeout"),
	}},
	{"wrong credentials: no table", ran(csUnauthorized, 1), false, []want{
		bad("componentstatuses", CSNoTable, "error: You must be logged in to the server (Unauthorized)"),
	}},
	{"kubectl not installed", ran(csNotFound, 127), false, []want{
		bad("componentstatuses", CommandNotFound, "kubectl", "-bash: kubectl: command not found"),
	}},
	{"empty output", pasted(""), false, []want{bad("componentstatuses", EmptyOutput)}},
	{"blank output", ran(" \r\n\n", 0), false, []want{bad("componentstatuses", EmptyOutput)}},
	{"empty output, exit 1", ran("", 1), false, []want{bad("componentstatuses", CommandFailed, "1", "")}},
	{"header only", pasted("NAME                 STATUS    MESSAGE   ERROR\n"), false, []want{
		bad("controller-manager", CSMissing), bad("scheduler", CSMissing),
		bad("etcd-0", CSMissing), bad("etcd-1", CSMissing), bad("etcd-2", CSMissing),
	}},
}

func TestComponentStatuses(t *testing.T) {
	runCases(t, func() Check { return &ComponentStatuses{Expect: csExpect} }, csCases)
}

// The current tutorial has no etcd-N rows to check when the expectation
// names only the control plane.
func TestComponentStatusesSubset(t *testing.T) {
	c := &ComponentStatuses{Expect: []string{"scheduler"}}
	assertResult(t, c.Evaluate(pasted(csEtcd1Refused)), true, []want{pass("scheduler", CSHealthy)})
	// An Unknown status (the probe could not run) is a failure with its detail.
	out := "NAME        STATUS    MESSAGE   ERROR\nscheduler   Unknown             some error\n"
	assertResult(t, c.Evaluate(pasted(out)), false, []want{bad("scheduler", CSUnhealthy, "Unknown", "some error")})
}

func TestComponentStatusesValidate(t *testing.T) {
	runValidate(t, []validateCase{
		{"nil expect", &ComponentStatuses{}, true},
		{"empty expect", &ComponentStatuses{Expect: []string{}}, true},
		{"one", &ComponentStatuses{Expect: []string{"scheduler"}}, false},
		{"all", &ComponentStatuses{Expect: csExpect}, false},
	})
}
