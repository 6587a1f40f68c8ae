package check

import "testing"

// Cases found in review after the main tables were written.

func TestHTTPStatusLikeLineInBodyIsBody(t *testing.T) {
	out := "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nlog excerpt:\r\nHTTP/1.1 500 Internal Server Error\r\n"
	r, ok := ParseHTTP(out)
	if !ok || r.Code != 200 {
		t.Fatalf("ParseHTTP = %+v, %v; want the 200 response", r, ok)
	}
	// A redirect followed by the final response: the final one counts.
	r, ok = ParseHTTP("HTTP/1.1 301 Moved Permanently\nLocation: /healthz\n\nHTTP/1.1 200 OK\nContent-Length: 2\n\nok\n")
	if !ok || r.Code != 200 || r.Body != "ok\n" && r.Body != "ok" {
		t.Fatalf("after a redirect: %+v", r)
	}
}

func TestEtcdMemberWithSeveralURLs(t *testing.T) {
	c := &EtcdMembers{Members: []EtcdMember{{Name: "controller-0", Peer: "https://10.240.0.10:2380", Client: "https://10.240.0.10:2379"}}}
	out := "f98dc20bce6225a0, started, controller-0, https://10.240.0.10:2380, https://10.240.0.10:2379,https://127.0.0.1:2379, false\n"
	if res := c.Evaluate(pasted(out)); !res.Pass {
		t.Fatalf("a member that also advertises 127.0.0.1 must pass: %s", dump(res))
	}
}
