package check

import "testing"

// Outputs of `curl --cacert ca.pem https://<api>:6443/version`.
const (
	versionV115 = `{
  "major": "1",
  "minor": "15",
  "gitVersion": "v1.15.3",
  "gitCommit": "2d3c76f9091b6bec110a5e63777c332469e0cba2",
  "gitTreeState": "clean",
  "buildDate": "2019-08-19T11:05:50Z",
  "goVersion": "go1.12.9",
  "compiler": "gc",
  "platform": "linux/amd64"
}`
	versionV132 = `{
  "major": "1",
  "minor": "32",
  "gitVersion": "v1.32.3",
  "gitCommit": "32cc146f75aad04beaaa245a7157eb35063a9f99",
  "gitTreeState": "clean",
  "buildDate": "2025-03-11T19:52:21Z",
  "goVersion": "go1.23.6",
  "compiler": "gc",
  "platform": "linux/arm64"
}`
	// An anonymous request where system:public-info-viewer is not bound.
	versionForbidden = `{
  "kind": "Status",
  "apiVersion": "v1",
  "metadata": {
    
  },
  "status": "Failure",
  "message": "forbidden: User \"system:anonymous\" cannot get path \"/version\"",
  "reason": "Forbidden",
  "details": {
    
  },
  "code": 403
}`
	// --anonymous-auth=false and no client certificate.
	versionUnauthorized = `{
  "kind": "Status",
  "apiVersion": "v1",
  "metadata": {},
  "status": "Failure",
  "message": "Unauthorized",
  "reason": "Unauthorized",
  "code": 401
}`
	versionCurl60 = `curl: (60) SSL certificate problem: unable to get local issuer certificate
More details here: https://curl.haxx.se/docs/sslcerts.html

curl failed to verify the legitimacy of the server and therefore could not
establish a secure connection to it. To learn more about this situation and
how to fix it, please visit the web page mentioned above.
`
	versionCurl7 = "curl: (7) Failed to connect to 35.233.180.14 port 6443: Connection timed out\n"
	// Plain HTTP to the TLS port.
	versionPlainHTTP = "Client sent an HTTP request to an HTTPS server.\n"
	versionGarbage   = "<html><head><title>404 Not Found</title></head><body>{oops</body></html>\n"
	// curl -i: headers first.
	versionWithHeaders = "HTTP/2 200 \r\naudit-id: 0b0d\r\ncache-control: no-cache, private\r\ncontent-type: application/json\r\ncontent-length: 263\r\n\r\n" + versionV132
	// kubectl version -o json: no top-level gitVersion.
	versionKubectlJSON = `{
  "clientVersion": {
    "major": "1",
    "minor": "32",
    "gitVersion": "v1.32.3"
  },
  "kustomizeVersion": "v5.5.0"
}`
)

type versionCase struct {
	gitVersion string
	evalCase
}

var versionCases = []versionCase{
	{"v1.15.3", evalCase{"v1.15.3 docs", pasted(versionV115), true, []want{pass("gitVersion", VersionOK, "v1.15.3")}}},
	{"v1.32.3", evalCase{"v1.32.3 docs", ran(versionV132+"\n", 0), true, []want{pass("gitVersion", VersionOK, "v1.32.3")}}},
	{"v1.32.3", evalCase{"v1.32.3 over a PTY", ran(crlf(versionV132)+"\x1b]0;root@jumpbox: ~\x07", 0), true, []want{pass("gitVersion", VersionOK, "v1.32.3")}}},
	{"v1.32.3", evalCase{"curl -i", ran(versionWithHeaders, 0), true, []want{pass("gitVersion", VersionOK, "v1.32.3")}}},
	{"v1.32.3", evalCase{"wrong version", pasted(versionV115), false, []want{bad("gitVersion", VersionWrong, "v1.15.3", "v1.32.3")}}},
	{"v1.15.3", evalCase{"newer cluster than the track", pasted(versionV132), false, []want{bad("gitVersion", VersionWrong, "v1.32.3", "v1.15.3")}}},
	{"v1.32.3", evalCase{"403 for system:anonymous", ran(versionForbidden, 0), false, []want{
		bad("version", VersionAPIErr, "403", `forbidden: User "system:anonymous" cannot get path "/version"`),
	}}},
	{"v1.32.3", evalCase{"401 Unauthorized", ran(versionUnauthorized, 0), false, []want{bad("version", VersionAPIErr, "401", "Unauthorized")}}},
	{"v1.15.3", evalCase{"curl (60) unknown CA", ran(versionCurl60, 60), false, []want{
		bad("version", HTTPCurlError, "curl: (60) SSL certificate problem: unable to get local issuer certificate"),
	}}},
	{"v1.15.3", evalCase{"curl (7) timeout", ran(versionCurl7, 7), false, []want{
		bad("version", HTTPCurlError, "curl: (7) Failed to connect to 35.233.180.14 port 6443: Connection timed out"),
	}}},
	{"v1.32.3", evalCase{"plain HTTP to the TLS port", ran(versionPlainHTTP, 0), false, []want{
		bad("version", VersionNoJSON, "Client sent an HTTP request to an HTTPS server."),
	}}},
	{"v1.32.3", evalCase{"garbage with a brace", ran(versionGarbage, 0), false, []want{
		bad("version", VersionNoJSON, "<html><head><title>404 Not Found</title></head><body>{oops</body></html>"),
	}}},
	{"v1.32.3", evalCase{"broken JSON", pasted("{\n  \"gitVersion\": \"v1.32.3\",\n"), false, []want{bad("version", VersionNoJSON, "{")}}},
	{"v1.32.3", evalCase{"kubectl version -o json", pasted(versionKubectlJSON), false, []want{bad("version", VersionNoField)}}},
	{"v1.32.3", evalCase{"empty", ran("", 0), false, []want{bad("version", EmptyOutput)}}},
	{"v1.32.3", evalCase{"curl -s, failed silently", ran("", 60), false, []want{bad("version", CommandFailed, "60", "")}}},
	{"v1.32.3", evalCase{"curl missing", ran("-bash: curl: command not found\n", 127), false, []want{bad("version", CommandNotFoundPackage, "curl", "-bash: curl: command not found", "curl")}}},
}

func TestVersion(t *testing.T) {
	for _, tc := range versionCases {
		t.Run(tc.name, func(t *testing.T) {
			c := &Version{GitVersion: tc.gitVersion}
			if err := c.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			assertResult(t, c.Evaluate(tc.out), tc.pass, tc.items)
		})
	}
}

func TestVersionValidate(t *testing.T) {
	runValidate(t, []validateCase{
		{"empty", &Version{}, true},
		{"no v", &Version{GitVersion: "1.15.3"}, true},
		{"v1.15.3", &Version{GitVersion: "v1.15.3"}, false},
		{"v1.32.3", &Version{GitVersion: "v1.32.3"}, false},
	})
}
