package check

import (
	"fmt"
	"strconv"
	"strings"
)

// HTTP checks a response as `curl -i` (or `curl -I`) prints it: the status
// code and, optionally, the body. With redirects or `100 Continue` the last
// response counts. A bare three-digit output (`curl -w '%{http_code}'`) is
// read as the status alone.
type HTTP struct {
	Status       int    `yaml:"status"`
	Body         string `yaml:"body"`          // exact body, surrounding blanks ignored
	BodyContains string `yaml:"body_contains"` // or a part of it
}

const (
	HTTPStatusOK     Code = "http.status_ok"
	HTTPWrongStatus  Code = "http.wrong_status"
	HTTPBodyOK       Code = "http.body_ok"
	HTTPWrongBody    Code = "http.wrong_body"
	HTTPNoResponse   Code = "http.no_response"
	HTTPCurlError    Code = "http.curl_error"
	HTTPBodyNotFound Code = "http.body_missing"
)

func init() {
	register("http", "an HTTP response (`curl -i`): status code and body",
		func() Check { return &HTTP{} })
}

func (c *HTTP) Validate() error {
	if c.Status < 100 || c.Status > 599 {
		return fmt.Errorf("status: want an HTTP status code between 100 and 599, got %d", c.Status)
	}
	return nil
}

// Response is a parsed HTTP response.
type Response struct {
	Proto  string
	Code   int
	Reason string
	Header map[string]string // keys lower-cased
	Body   string
}

// ParseHTTP finds the last HTTP response in a curl output.
func ParseHTTP(text string) (Response, bool) {
	ls := lines(text)
	// The first status line starts the response; curl prints further ones
	// only after an interim (1xx) or redirect (3xx) response's headers, so a
	// status-like line inside a body is body, not a new response.
	start := -1
	for i, l := range ls {
		if isStatusLine(l) {
			start = i
			break
		}
	}
	if start < 0 {
		if t := strings.TrimSpace(StripANSI(text)); len(t) == 3 {
			if n, err := strconv.Atoi(t); err == nil && n >= 100 && n <= 599 {
				return Response{Code: n, Header: map[string]string{}}, true
			}
		}
		return Response{}, false
	}
	for {
		r := Response{Header: map[string]string{}}
		r.Proto, r.Code, r.Reason, _ = parseStatusLine(ls[start])
		i := start + 1
		for ; i < len(ls); i++ {
			if strings.TrimSpace(ls[i]) == "" {
				i++
				break
			}
			if k, v, found := strings.Cut(ls[i], ":"); found {
				r.Header[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
			}
		}
		next := i
		for next < len(ls) && strings.TrimSpace(ls[next]) == "" {
			next++
		}
		if (r.Code < 200 || r.Code >= 300 && r.Code < 400) && next < len(ls) && isStatusLine(ls[next]) {
			start = next
			continue
		}
		if i < len(ls) {
			r.Body = strings.Join(ls[i:], "\n")
		}
		return r, true
	}
}

func isStatusLine(l string) bool {
	_, _, _, ok := parseStatusLine(l)
	return ok
}

// parseStatusLine reads "HTTP/1.1 200 OK" or "HTTP/2 200", splitting on any
// run of blanks as isStatusLine always did.
func parseStatusLine(l string) (proto string, code int, reason string, ok bool) {
	f := strings.Fields(l)
	if len(f) < 2 || !strings.HasPrefix(f[0], "HTTP/") || len(f[1]) != 3 {
		return "", 0, "", false
	}
	n, err := strconv.Atoi(f[1])
	if err != nil || n < 100 || n > 599 {
		return "", 0, "", false
	}
	rest := strings.TrimSpace(l)
	rest = strings.TrimSpace(rest[len(f[0]):])
	rest = strings.TrimSpace(rest[len(f[1]):])
	return f[0], n, rest, true
}

func (c *HTTP) Evaluate(out Output) Result {
	r, found := ParseHTTP(out.Text)
	if !found {
		if msg := curlError(out.Text); msg != "" {
			return result([]Item{fail("http", HTTPCurlError, msg)})
		}
		if it, bad := preflight("http", out); bad {
			return result([]Item{it})
		}
		return result([]Item{fail("http", HTTPNoResponse, firstLine(out.Text))})
	}
	status := strconv.Itoa(r.Code)
	if r.Reason != "" {
		status += " " + r.Reason
	}
	var items []Item
	if r.Code == c.Status {
		items = append(items, ok("status", HTTPStatusOK, status))
	} else {
		items = append(items, fail("status", HTTPWrongStatus, status, strconv.Itoa(c.Status)))
	}
	body := strings.TrimSpace(r.Body)
	switch {
	case c.Body != "" && body == strings.TrimSpace(c.Body):
		items = append(items, ok("body", HTTPBodyOK, body))
	case c.Body != "" && body == "":
		items = append(items, fail("body", HTTPBodyNotFound, c.Body))
	case c.Body != "":
		items = append(items, fail("body", HTTPWrongBody, clip(body, 200), c.Body))
	case c.BodyContains != "" && strings.Contains(body, c.BodyContains):
		items = append(items, ok("body", HTTPBodyOK, c.BodyContains))
	case c.BodyContains != "":
		items = append(items, fail("body", HTTPWrongBody, clip(body, 200), c.BodyContains))
	}
	return result(items)
}

// curlError returns curl's own error line, e.g.
// "curl: (7) Failed to connect to 127.0.0.1 port 80: Connection refused".
func curlError(text string) string {
	for _, l := range lines(text) {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "curl: (") {
			return t
		}
	}
	return ""
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
