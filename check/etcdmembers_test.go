package check

import "testing"

// Outputs of `etcdctl member list`.
const (
	// v1.15.3 docs/07, as printed by etcdctl 3.3 (five columns).
	etcdV115Doc = `3a57933972cb5131, started, controller-2, https://10.240.0.12:2380, https://10.240.0.12:2379
f98dc20bce6225a0, started, controller-0, https://10.240.0.10:2380, https://10.240.0.10:2379
ffed16798470cab5, started, controller-1, https://10.240.0.11:2380, https://10.240.0.11:2379
`
	// etcd 3.4+ (lab.md, same cluster): the IS LEARNER column.
	etcdV34 = `3a57933972cb5131, started, controller-2, https://10.240.0.12:2380, https://10.240.0.12:2379, false
f98dc20bce6225a0, started, controller-0, https://10.240.0.10:2380, https://10.240.0.10:2379, false
ffed16798470cab5, started, controller-1, https://10.240.0.11:2380, https://10.240.0.11:2379, false
`
	etcdTable = `+------------------+---------+--------------+--------------------------+--------------------------+------------+
|        ID        | STATUS  |     NAME     |        PEER ADDRS        |       CLIENT ADDRS       | IS LEARNER |
+------------------+---------+--------------+--------------------------+--------------------------+------------+
| 3a57933972cb5131 | started | controller-2 | https://10.240.0.12:2380 | https://10.240.0.12:2379 |      false |
| f98dc20bce6225a0 | started | controller-0 | https://10.240.0.10:2380 | https://10.240.0.10:2379 |      false |
| ffed16798470cab5 | started | controller-1 | https://10.240.0.11:2380 | https://10.240.0.11:2379 |      false |
+------------------+---------+--------------+--------------------------+--------------------------+------------+
`
	// The current tutorial (docs/07): one member on plain HTTP.
	etcdCurrent = "6702b0a34e2cfd39, started, controller, http://127.0.0.1:2380, http://127.0.0.1:2379, false\n"

	// controller-1 was added to the cluster but its etcd never started:
	// no name, no client URL. etcdctl prints "..., " with a trailing space.
	etcdUnstartedSpace = "3a57933972cb5131, started, controller-2, https://10.240.0.12:2380, https://10.240.0.12:2379\n" +
		"8e9e05c52164694d, unstarted, , https://10.240.0.11:2380, \n" +
		"f98dc20bce6225a0, started, controller-0, https://10.240.0.10:2380, https://10.240.0.10:2379\n"
	// The same, pasted: the trailing space is gone.
	etcdUnstartedNoSpace = "3a57933972cb5131, started, controller-2, https://10.240.0.12:2380, https://10.240.0.12:2379\n" +
		"8e9e05c52164694d, unstarted, , https://10.240.0.11:2380,\n" +
		"f98dc20bce6225a0, started, controller-0, https://10.240.0.10:2380, https://10.240.0.10:2379\n"
	// etcd 3.4+: the unstarted member with its IS LEARNER column.
	etcdUnstarted34 = "3a57933972cb5131, started, controller-2, https://10.240.0.12:2380, https://10.240.0.12:2379, false\n" +
		"8e9e05c52164694d, unstarted, , https://10.240.0.11:2380, , false\n" +
		"f98dc20bce6225a0, started, controller-0, https://10.240.0.10:2380, https://10.240.0.10:2379, false\n"
	etcdUnstartedTable = `+------------------+-----------+--------------+--------------------------+--------------------------+------------+
|        ID        |  STATUS   |     NAME     |        PEER ADDRS        |       CLIENT ADDRS       | IS LEARNER |
+------------------+-----------+--------------+--------------------------+--------------------------+------------+
| 3a57933972cb5131 |   started | controller-2 | https://10.240.0.12:2380 | https://10.240.0.12:2379 |      false |
| 8e9e05c52164694d | unstarted |              | https://10.240.0.11:2380 |                          |      false |
| f98dc20bce6225a0 |   started | controller-0 | https://10.240.0.10:2380 | https://10.240.0.10:2379 |      false |
+------------------+-----------+--------------+--------------------------+--------------------------+------------+
`
	// controller-1 joined with `etcdctl member add --learner`.
	etcdLearner = `3a57933972cb5131, started, controller-2, https://10.240.0.12:2380, https://10.240.0.12:2379, false
f98dc20bce6225a0, started, controller-0, https://10.240.0.10:2380, https://10.240.0.10:2379, false
ffed16798470cab5, started, controller-1, https://10.240.0.11:2380, https://10.240.0.11:2379, true
`
	// INTERNAL_IP was wrong on controller-1 when its unit was written.
	etcdWrongPeer = `3a57933972cb5131, started, controller-2, https://10.240.0.12:2380, https://10.240.0.12:2379, false
f98dc20bce6225a0, started, controller-0, https://10.240.0.10:2380, https://10.240.0.10:2379, false
ffed16798470cab5, started, controller-1, http://10.240.0.11:2380, https://10.240.0.11:2379, false
`
	etcdWrongClient = `3a57933972cb5131, started, controller-2, https://10.240.0.12:2380, https://10.240.0.12:2379, false
f98dc20bce6225a0, started, controller-0, https://10.240.0.10:2380, https://10.240.0.10:2379, false
ffed16798470cab5, started, controller-1, https://10.240.0.11:2380, https://127.0.0.1:2379, false
`
	// A fourth, unexpected member (a worker mistakenly ran the etcd chapter).
	etcdExtra = `3a57933972cb5131, started, controller-2, https://10.240.0.12:2380, https://10.240.0.12:2379, false
6e2a4c2e5f3c9b11, started, worker-0, https://10.240.0.20:2380, https://10.240.0.20:2379, false
f98dc20bce6225a0, started, controller-0, https://10.240.0.10:2380, https://10.240.0.10:2379, false
ffed16798470cab5, started, controller-1, https://10.240.0.11:2380, https://10.240.0.11:2379, false
`
	etcdDeadline = "Error: context deadline exceeded\n"
	// etcd 3.5: a zap JSON warning on stderr, then the error.
	etcdDeadline35 = `{"level":"warn","ts":"2021-08-16T09:54:41.385Z","logger":"etcd-client","caller":"v3/retry_interceptor.go:62","msg":"retrying of unary invoker failed","target":"etcd-endpoints://0xc0003c2a80/127.0.0.1:2379","attempt":0,"error":"rpc error: code = DeadlineExceeded desc = latest balancer error: last connection error: connection error: desc = \"transport: Error while dialing dial tcp 127.0.0.1:2379: connect: connection refused\""}
Error: context deadline exceeded
`
	// lab.md: one member down while the others answer.
	etcdDeadlineTransient = `{"level":"warn","ts":"2026-11-22T03:10:12.123Z","caller":"clientv3/retry_interceptor.go:62","msg":"retrying of unary invoker failed","target":"endpoint://client-0d2b4a6e-07c3-4d57-9d4f-3c1e5e1ee0b4/127.0.0.1:2379","attempt":0,"error":"rpc error: code = DeadlineExceeded desc = latest balancer error: all SubConns are in TransientFailure"}
Error: context deadline exceeded
`
	// etcd 3.4 with a client certificate the server rejects: the warning
	// names the cause, the last line only the symptom.
	etcdBadCert34 = `{"level":"warn","ts":"2020-07-18T19:03:52.301Z","caller":"clientv3/retry_interceptor.go:61","msg":"retrying of unary invoker failed","target":"endpoint://client-5d5c1d7e-0a7b-4d4e-8b7d-9b5fd1a3c6c2/127.0.0.1:2379","attempt":0,"error":"rpc error: code = DeadlineExceeded desc = latest balancer error: connection error: desc = \"transport: authentication handshake failed: remote error: tls: bad certificate\""}
Error: context deadline exceeded
`
	etcdBadCert = "Error: remote error: tls: bad certificate\n"
	etcdX509    = "Error: x509: certificate signed by unknown authority\n"
	etcdNoCmd   = "sudo: etcdctl: command not found\n"
	etcdNoPerm  = "Error: open /etc/etcd/kubernetes-key.pem: permission denied\n"
	etcdRefused = "Error: dial tcp 127.0.0.1:2379: connect: connection refused\n"
)

var etcdExpect3 = []EtcdMember{
	{Name: "controller-0", Peer: "https://10.240.0.10:2380", Client: "https://10.240.0.10:2379"},
	{Name: "controller-1", Peer: "https://10.240.0.11:2380", Client: "https://10.240.0.11:2379"},
	{Name: "controller-2", Peer: "https://10.240.0.12:2380", Client: "https://10.240.0.12:2379"},
}

func etcdAllStarted() []want {
	return []want{pass("controller-0", EtcdStarted), pass("controller-1", EtcdStarted), pass("controller-2", EtcdStarted)}
}

func etcdUnstartedWant() []want {
	return []want{
		pass("controller-0", EtcdStarted),
		bad("controller-1", EtcdUnstarted, "unstarted"),
		pass("controller-2", EtcdStarted),
	}
}

var etcdCases = []evalCase{
	{"v1.15.3 docs, five columns", pasted(etcdV115Doc), true, etcdAllStarted()},
	{"etcd 3.4+, six columns", ran(etcdV34, 0), true, etcdAllStarted()},
	{"-w table", ran(etcdTable, 0), true, etcdAllStarted()},
	{"six columns over a PTY", ran(crlf(etcdV34), 0), true, etcdAllStarted()},
	{"unstarted, trailing space", ran(etcdUnstartedSpace, 0), false, etcdUnstartedWant()},
	{"unstarted, trailing space lost", pasted(etcdUnstartedNoSpace), false, etcdUnstartedWant()},
	{"unstarted, etcd 3.4+", pasted(etcdUnstarted34), false, etcdUnstartedWant()},
	{"unstarted, -w table", pasted(etcdUnstartedTable), false, etcdUnstartedWant()},
	{"learner", pasted(etcdLearner), false, []want{
		pass("controller-0", EtcdStarted), bad("controller-1", EtcdLearner), pass("controller-2", EtcdStarted),
	}},
	{"wrong peer URL", pasted(etcdWrongPeer), false, []want{
		pass("controller-0", EtcdStarted),
		bad("controller-1", EtcdWrongPeer, "http://10.240.0.11:2380", "https://10.240.0.11:2380"),
		pass("controller-2", EtcdStarted),
	}},
	{"wrong client URL", pasted(etcdWrongClient), false, []want{
		pass("controller-0", EtcdStarted),
		bad("controller-1", EtcdWrongClient, "https://127.0.0.1:2379", "https://10.240.0.11:2379"),
		pass("controller-2", EtcdStarted),
	}},
	{"extra member", pasted(etcdExtra), false, []want{
		pass("controller-0", EtcdStarted), pass("controller-1", EtcdStarted), pass("controller-2", EtcdStarted),
		bad("worker-0", EtcdUnexpected, "6e2a4c2e5f3c9b11", "https://10.240.0.20:2380"),
	}},
	{"one member missing", pasted("3a57933972cb5131, started, controller-2, https://10.240.0.12:2380, https://10.240.0.12:2379, false\n" +
		"f98dc20bce6225a0, started, controller-0, https://10.240.0.10:2380, https://10.240.0.10:2379, false\n"), false, []want{
		pass("controller-0", EtcdStarted), bad("controller-1", EtcdMissing), pass("controller-2", EtcdStarted),
	}},
	{"current tutorial's single member is not the classic cluster", pasted(etcdCurrent), false, []want{
		bad("controller-0", EtcdMissing), bad("controller-1", EtcdMissing), bad("controller-2", EtcdMissing),
		bad("controller", EtcdUnexpected, "6702b0a34e2cfd39", "http://127.0.0.1:2380"),
	}},
	{"context deadline exceeded", ran(etcdDeadline, 1), false, []want{bad("etcd", EtcdDeadline)}},
	{"etcd 3.5 warn log then deadline", ran(etcdDeadline35, 1), false, []want{bad("etcd", EtcdDeadline)}},
	{"lab: TransientFailure then deadline", ran(etcdDeadlineTransient, 1), false, []want{bad("etcd", EtcdDeadline)}},
	{"etcd 3.4 handshake failure names the bad certificate", ran(etcdBadCert34, 1), false, []want{bad("etcd", EtcdBadCertificate)}},
	{"tls: bad certificate", ran(etcdBadCert, 1), false, []want{bad("etcd", EtcdBadCertificate, "Error: remote error: tls: bad certificate")}},
	{"x509 unknown authority", ran(etcdX509, 1), false, []want{bad("etcd", EtcdBadCertificate, "Error: x509: certificate signed by unknown authority")}},
	{"etcdctl not installed", ran(etcdNoCmd, 1), false, []want{bad("etcd", CommandNotFound, "etcdctl", "sudo: etcdctl: command not found")}},
	{"key not readable without sudo", ran(etcdNoPerm, 1), false, []want{bad("etcd", PermissionError, "Error: open /etc/etcd/kubernetes-key.pem: permission denied")}},
	{"etcd not listening", ran(etcdRefused, 1), false, []want{bad("etcd", ConnectionError, "Error: dial tcp 127.0.0.1:2379: connect: connection refused")}},
	{"empty output", ran("", 0), false, []want{bad("etcd", EmptyOutput)}},
	{"empty output, exit 1", ran("", 1), false, []want{bad("etcd", CommandFailed, "1", "")}},
	{"v2 API output is not a member list", pasted("f98dc20bce6225a0: name=controller-0 peerURLs=https://10.240.0.10:2380 clientURLs=https://10.240.0.10:2379 isLeader=true\n"), false, []want{
		bad("etcd", EtcdNoMembers, "f98dc20bce6225a0: name=controller-0 peerURLs=https://10.240.0.10:2380 clientURLs=https://10.240.0.10:2379 isLeader=true"),
	}},
}

func TestEtcdMembers(t *testing.T) {
	runCases(t, func() Check { return &EtcdMembers{Members: etcdExpect3} }, etcdCases)
}

func TestEtcdMembersCurrent(t *testing.T) {
	c := &EtcdMembers{Members: []EtcdMember{{Name: "controller", Peer: "http://127.0.0.1:2380", Client: "http://127.0.0.1:2379"}}}
	assertResult(t, c.Evaluate(pasted(etcdCurrent)), true, []want{pass("controller", EtcdStarted)})
	// URLs are optional: names alone are compared.
	c = &EtcdMembers{Members: []EtcdMember{{Name: "controller-0"}, {Name: "controller-1"}, {Name: "controller-2"}}}
	assertResult(t, c.Evaluate(pasted(etcdWrongPeer)), true, etcdAllStarted())
	// Without a peer URL the unstarted member cannot be recognised: it is
	// reported missing, and its row unexpected under its peer URL.
	assertResult(t, c.Evaluate(pasted(etcdUnstarted34)), false, []want{
		pass("controller-0", EtcdStarted), bad("controller-1", EtcdMissing), pass("controller-2", EtcdStarted),
		bad("https://10.240.0.11:2380", EtcdUnexpected, "8e9e05c52164694d", "https://10.240.0.11:2380"),
	})
}

func TestEtcdMembersValidate(t *testing.T) {
	runValidate(t, []validateCase{
		{"no members", &EtcdMembers{}, true},
		{"member without name", &EtcdMembers{Members: []EtcdMember{{Peer: "https://10.240.0.10:2380"}}}, true},
		{"second member without name", &EtcdMembers{Members: []EtcdMember{{Name: "controller-0"}, {}}}, true},
		{"names only", &EtcdMembers{Members: []EtcdMember{{Name: "controller"}}}, false},
		{"classic three", &EtcdMembers{Members: etcdExpect3}, false},
	})
}
