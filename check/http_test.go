package check

import (
	"reflect"
	"testing"
)

// Outputs of `curl -i` / `curl -I` / `curl -w '%{http_code}'`.
const (
	// v1.15.3 docs/08: the nginx health-check proxy.
	httpV115Healthz = `HTTP/1.1 200 OK
Server: nginx/1.14.0 (Ubuntu)
Date: Sat, 14 Sep 2019 18:34:11 GMT
Content-Type: text/plain; charset=utf-8
Content-Length: 2
Connection: keep-alive
X-Content-Type-Options: nosniff

ok`
	// Seed 002 (on-prem v1.18.6): haproxy, after the API servers are up.
	// The doc stops before the body.
	httpHaproxy200 = `HTTP/1.1 200 OK
Cache-Control: no-cache, private
Content-Type: text/plain; charset=utf-8
X-Content-Type-Options: nosniff
Date: Fri, 19 Feb 2021 15:21:21 GMT
Content-Length: 2

ok`
	// Seed 002: haproxy before any API server listens.
	httpHaproxy503 = `HTTP/1.0 503 Service Unavailable
Cache-Control: no-cache
Connection: close
Content-Type: text/html

<html><body><h1>503 Service Unavailable</h1>
No server is available to handle this request.
</body></html>
`
	// The current tutorial's smoke test (`curl --head`), with the status
	// line the doc sample leaves out.
	httpHead = `HTTP/1.1 200 OK
Server: nginx/1.27.4
Date: Sun, 06 Apr 2025 17:17:12 GMT
Content-Type: text/html
Content-Length: 615
Last-Modified: Wed, 05 Feb 2025 11:06:32 GMT
Connection: keep-alive
ETag: "67a34638-267"
Accept-Ranges: bytes
`
	// The current docs/12 sample as printed: no status line at all.
	httpHeadDocSample = `Server: nginx/1.27.4
Date: Sun, 06 Apr 2025 17:18:36 GMT
Content-Type: text/html
Content-Length: 615
`
	httpHTTP2 = "HTTP/2 200 \r\n" +
		"audit-id: 6e3b1f0a-2f77-4f55-9a4b-0b4c1f0e7f1a\r\n" +
		"cache-control: no-cache, private\r\n" +
		"content-type: text/plain; charset=utf-8\r\n" +
		"x-content-type-options: nosniff\r\n" +
		"x-kubernetes-pf-flowschema-uid: 1a2b\r\n" +
		"content-length: 2\r\n" +
		"date: Sun, 06 Apr 2025 17:20:01 GMT\r\n" +
		"\r\n" +
		"ok"
	httpContinue = "HTTP/1.1 100 Continue\r\n" +
		"\r\n" +
		"HTTP/1.1 200 OK\r\n" +
		"Server: nginx/1.14.0 (Ubuntu)\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\n" +
		"Content-Length: 2\r\n" +
		"\r\n" +
		"ok"
	httpCurl7Old = "curl: (7) Failed to connect to 127.0.0.1 port 80: Connection refused\n"
	httpCurl7New = "curl: (7) Failed to connect to 127.0.0.1 port 80 after 0 ms: Couldn't connect to server\n"
	httpCurl28   = "curl: (28) Failed to connect to node-0 port 30080 after 130914 ms: Connection timed out\n"
)

// nginx's own 502 page, CRLF and all, when the API server behind it is down.
var httpNginx502 = crlf(`HTTP/1.1 502 Bad Gateway
Server: nginx/1.14.0 (Ubuntu)
Date: Sat, 14 Sep 2019 18:30:02 GMT
Content-Type: text/html
Content-Length: 182
Connection: keep-alive

<html>
<head><title>502 Bad Gateway</title></head>
<body bgcolor="white">
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx/1.14.0 (Ubuntu)</center>
</body>
</html>
`)

type httpCase struct {
	check HTTP
	evalCase
}

var httpCases = []httpCase{
	{HTTP{Status: 200, Body: "ok"}, evalCase{"v1.15.3 nginx healthz", pasted(httpV115Healthz), true, []want{
		pass("status", HTTPStatusOK, "200 OK"), pass("body", HTTPBodyOK, "ok"),
	}}},
	{HTTP{Status: 200, Body: "ok"}, evalCase{"v1.15.3 nginx healthz, CRLF", ran(crlf(httpV115Healthz), 0), true, []want{
		pass("status", HTTPStatusOK, "200 OK"), pass("body", HTTPBodyOK, "ok"),
	}}},
	{HTTP{Status: 200, Body: "ok"}, evalCase{"haproxy 200", pasted(httpHaproxy200), true, []want{
		pass("status", HTTPStatusOK, "200 OK"), pass("body", HTTPBodyOK, "ok"),
	}}},
	{HTTP{Status: 200, Body: "ok"}, evalCase{"nginx 502 Bad Gateway", ran(httpNginx502, 0), false, []want{
		bad("status", HTTPWrongStatus, "502 Bad Gateway", "200"),
		bad("body", HTTPWrongBody),
	}}},
	{HTTP{Status: 200}, evalCase{"haproxy 503, status only", ran(httpHaproxy503, 0), false, []want{
		bad("status", HTTPWrongStatus, "503 Service Unavailable", "200"),
	}}},
	{HTTP{Status: 503, BodyContains: "No server is available"}, evalCase{"haproxy 503 expected before the API servers start", ran(httpHaproxy503, 0), true, []want{
		pass("status", HTTPStatusOK, "503 Service Unavailable"), pass("body", HTTPBodyOK, "No server is available"),
	}}},
	{HTTP{Status: 200}, evalCase{"curl --head", ran(httpHead, 0), true, []want{pass("status", HTTPStatusOK, "200 OK")}}},
	{HTTP{Status: 200, Body: "ok"}, evalCase{"curl --head has no body", ran(httpHead, 0), false, []want{
		pass("status", HTTPStatusOK, "200 OK"), bad("body", HTTPBodyNotFound, "ok"),
	}}},
	{HTTP{Status: 200}, evalCase{"doc sample without status line", pasted(httpHeadDocSample), false, []want{
		bad("http", HTTPNoResponse, "Server: nginx/1.27.4"),
	}}},
	{HTTP{Status: 200, Body: "ok"}, evalCase{"HTTP/2 status line", ran(httpHTTP2, 0), true, []want{
		pass("status", HTTPStatusOK, "200"), pass("body", HTTPBodyOK, "ok"),
	}}},
	{HTTP{Status: 200, Body: "ok"}, evalCase{"100 Continue before the response", ran(httpContinue, 0), true, []want{
		pass("status", HTTPStatusOK, "200 OK"), pass("body", HTTPBodyOK, "ok"),
	}}},
	{HTTP{Status: 200}, evalCase{"bare code from -w %{http_code}", ran("200", 0), true, []want{pass("status", HTTPStatusOK, "200")}}},
	{HTTP{Status: 200}, evalCase{"bare code with newline", ran("200\n", 0), true, []want{pass("status", HTTPStatusOK, "200")}}},
	{HTTP{Status: 200, Body: "ok"}, evalCase{"bare code cannot show a body", ran("200", 0), false, []want{
		pass("status", HTTPStatusOK, "200"), bad("body", HTTPBodyNotFound, "ok"),
	}}},
	{HTTP{Status: 200}, evalCase{"bare 404", ran("404", 0), false, []want{bad("status", HTTPWrongStatus, "404", "200")}}},
	{HTTP{Status: 200}, evalCase{"bare 000: curl could not connect (-s)", ran("000", 7), false, []want{bad("http", HTTPNoResponse, "000")}}},
	{HTTP{Status: 200}, evalCase{"curl -sS error then 000", ran(httpCurl7New+"000", 7), false, []want{
		bad("http", HTTPCurlError, "curl: (7) Failed to connect to 127.0.0.1 port 80 after 0 ms: Couldn't connect to server"),
	}}},
	{HTTP{Status: 200, Body: "ok"}, evalCase{"curl (7) connection refused", ran(httpCurl7Old, 7), false, []want{
		bad("http", HTTPCurlError, "curl: (7) Failed to connect to 127.0.0.1 port 80: Connection refused"),
	}}},
	{HTTP{Status: 200}, evalCase{"curl (28) timeout", ran(httpCurl28, 28), false, []want{
		bad("http", HTTPCurlError, "curl: (28) Failed to connect to node-0 port 30080 after 130914 ms: Connection timed out"),
	}}},
	{HTTP{Status: 200}, evalCase{"curl -s, nothing printed", ran("", 7), false, []want{bad("http", CommandFailed, "7", "")}}},
	{HTTP{Status: 200}, evalCase{"empty", pasted(""), false, []want{bad("http", EmptyOutput)}}},
	{HTTP{Status: 200}, evalCase{"curl missing", ran("bash: curl: command not found\n", 127), false, []want{
		bad("http", CommandNotFoundPackage, "curl", "bash: curl: command not found", "curl"),
	}}},
	{HTTP{Status: 200, Body: "ok"}, evalCase{"wrong body", ran("HTTP/1.1 200 OK\nContent-Length: 7\n\nnot ok\n", 0), false, []want{
		pass("status", HTTPStatusOK, "200 OK"), bad("body", HTTPWrongBody, "not ok", "ok"),
	}}},
	{HTTP{Status: 200, BodyContains: "ok"}, evalCase{"body_contains", ran(httpV115Healthz, 0), true, []want{
		pass("status", HTTPStatusOK, "200 OK"), pass("body", HTTPBodyOK, "ok"),
	}}},
	{HTTP{Status: 200, BodyContains: "healthz check passed"}, evalCase{"body_contains missing", ran(httpV115Healthz, 0), false, []want{
		pass("status", HTTPStatusOK, "200 OK"), bad("body", HTTPWrongBody, "ok", "healthz check passed"),
	}}},
	{HTTP{Status: 200, Body: "ok"}, evalCase{"coloured PTY output", ran("\x1b[?2004l\r"+crlf("\x1b[1mHTTP/1.1\x1b[0m \x1b[1m200\x1b[0m OK\nContent-Length: 2\n\nok\n"), 0), true, []want{
		pass("status", HTTPStatusOK, "200 OK"), pass("body", HTTPBodyOK, "ok"),
	}}},
}

func TestHTTP(t *testing.T) {
	for _, tc := range httpCases {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.check
			if err := c.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			assertResult(t, c.Evaluate(tc.out), tc.pass, tc.items)
		})
	}
}

func TestParseHTTP(t *testing.T) {
	tests := []struct {
		name string
		text string
		ok   bool
		want Response
	}{
		{"v1.15.3 healthz", httpV115Healthz, true, Response{Proto: "HTTP/1.1", Code: 200, Reason: "OK", Header: map[string]string{
			"server": "nginx/1.14.0 (Ubuntu)", "date": "Sat, 14 Sep 2019 18:34:11 GMT",
			"content-type": "text/plain; charset=utf-8", "content-length": "2",
			"connection": "keep-alive", "x-content-type-options": "nosniff",
		}, Body: "ok"}},
		{"HTTP/2 with trailing space", httpHTTP2, true, Response{Proto: "HTTP/2", Code: 200, Header: map[string]string{
			"audit-id": "6e3b1f0a-2f77-4f55-9a4b-0b4c1f0e7f1a", "cache-control": "no-cache, private",
			"content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff",
			"x-kubernetes-pf-flowschema-uid": "1a2b", "content-length": "2", "date": "Sun, 06 Apr 2025 17:20:01 GMT",
		}, Body: "ok"}},
		{"100 Continue", httpContinue, true, Response{Proto: "HTTP/1.1", Code: 200, Reason: "OK", Header: map[string]string{
			"server": "nginx/1.14.0 (Ubuntu)", "content-type": "text/plain; charset=utf-8", "content-length": "2",
		}, Body: "ok"}},
		{"haproxy 503", httpHaproxy503, true, Response{Proto: "HTTP/1.0", Code: 503, Reason: "Service Unavailable", Header: map[string]string{
			"cache-control": "no-cache", "connection": "close", "content-type": "text/html",
		}, Body: "<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n"}},
		{"redirect followed with -L", "HTTP/1.1 301 Moved Permanently\nLocation: https://x/\n\nHTTP/1.1 200 OK\nContent-Length: 2\n\nok", true,
			Response{Proto: "HTTP/1.1", Code: 200, Reason: "OK", Header: map[string]string{"content-length": "2"}, Body: "ok"}},
		{"bare code", "204\n", true, Response{Code: 204, Header: map[string]string{}}},
		{"multiple spaces in the status line", "HTTP/1.1  404  Not Found\n\n", true, Response{Proto: "HTTP/1.1", Code: 404, Reason: "Not Found", Header: map[string]string{}}},
		{"tab in the status line", "HTTP/1.1\t200\n\n", true, Response{Proto: "HTTP/1.1", Code: 200, Header: map[string]string{}}},
		{"bare 000", "000", false, Response{}},
		{"bare 1000", "1000", false, Response{}},
		{"status out of range", "HTTP/1.1 700 Weird\n\n", false, Response{}},
		{"curl error", httpCurl7Old, false, Response{}},
		{"empty", "", false, Response{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := ParseHTTP(tc.text)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v (%+v)", ok, tc.ok, got)
			}
			if !ok {
				return
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("ParseHTTP =\n %#v\nwant\n %#v", got, tc.want)
			}
		})
	}
}

func TestHTTPValidate(t *testing.T) {
	runValidate(t, []validateCase{
		{"zero status", &HTTP{}, true},
		{"status below 100", &HTTP{Status: 99, Body: "ok"}, true},
		{"status above 599", &HTTP{Status: 600}, true},
		{"negative status", &HTTP{Status: -200}, true},
		{"200", &HTTP{Status: 200}, false},
		{"200 with body", &HTTP{Status: 200, Body: "ok"}, false},
		{"503 with body_contains", &HTTP{Status: 503, BodyContains: "No server"}, false},
		{"100", &HTTP{Status: 100}, false},
		{"599", &HTTP{Status: 599}, false},
	})
}
