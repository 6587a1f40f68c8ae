package check

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// Native fuzz targets. Every table-test output seeds every Evaluate target
// (its own kind's first), so each parser also meets the others' outputs.
//
// Properties checked on every input (checkEvaluate):
//   - Evaluate never panics;
//   - Pass holds exactly when there is at least one item and none failed;
//   - every item has a Subject and a reason Code;
//   - Evaluate is deterministic (same input, same Result);
//   - for outputs without escape sequences, CRLF line ends and SGR colour
//     codes around the lines (a PTY capture) give the same Result as the
//     plain text (a paste), as the package promises.

// allOutputs gathers the table-test outputs, those of the given kind first.
func allOutputs(first string) []Output {
	byKind := map[string][]Output{}
	for _, c := range csCases {
		byKind["componentstatuses"] = append(byKind["componentstatuses"], c.out)
	}
	for _, c := range etcdCases {
		byKind["etcd-members"] = append(byKind["etcd-members"], c.out)
	}
	for _, c := range httpCases {
		byKind["http"] = append(byKind["http"], c.out)
	}
	for _, c := range versionCases {
		byKind["version"] = append(byKind["version"], c.out)
	}
	for _, c := range objCases {
		byKind["objects"] = append(byKind["objects"], c.out)
	}
	for _, c := range nodesCases {
		byKind["nodes"] = append(byKind["nodes"], c.out)
	}
	for _, c := range systemdCases {
		byKind["systemd-active"] = append(byKind["systemd-active"], c.out)
	}
	for _, c := range matchCases {
		byKind["output"] = append(byKind["output"], c.out)
	}
	out := append([]Output(nil), byKind[first]...)
	for _, k := range Kinds() {
		if k != first {
			out = append(out, byKind[k]...)
		}
	}
	return out
}

func seedOutputs(f *testing.F, kind string) {
	for _, o := range allOutputs(kind) {
		f.Add(o.Text, o.Exit)
	}
}

// colourise dresses a plain output the way a terminal capture may: bold
// first line, SGR reset and CR before every LF, a window-title OSC at the end.
func colourise(s string) string {
	s = strings.ReplaceAll(s, "\n", "\x1b[0m\r\n")
	return "\x1b[1m" + s + "\x1b]0;root@controller-0: ~\x07"
}

func checkEvaluate(t *testing.T, c Check, out Output) Result {
	t.Helper()
	r := c.Evaluate(out)
	failures := len(r.Failures())
	if r.Pass != (len(r.Items) > 0 && failures == 0) {
		t.Fatalf("Pass=%v with %d items, %d failing: %s", r.Pass, len(r.Items), failures, dump(r))
	}
	for i, it := range r.Items {
		if it.Reason.Code == "" {
			t.Fatalf("item %d has no reason code: %+v", i, it)
		}
		if it.Subject == "" {
			t.Fatalf("item %d has no subject: %+v", i, it)
		}
	}
	if r2 := c.Evaluate(out); !reflect.DeepEqual(r, r2) {
		t.Fatalf("Evaluate not deterministic:%s\nthen:%s", dump(r), dump(r2))
	}
	if !strings.ContainsRune(out.Text, 0x1b) {
		if r2 := c.Evaluate(Output{Text: crlf(out.Text), Exit: out.Exit}); !reflect.DeepEqual(r, r2) {
			t.Fatalf("CRLF changed the verdict on %q:%s\nCRLF:%s", out.Text, dump(r), dump(r2))
		}
		if r2 := c.Evaluate(Output{Text: colourise(out.Text), Exit: out.Exit}); !reflect.DeepEqual(r, r2) {
			t.Fatalf("colour codes changed the verdict on %q:%s\ncoloured:%s", out.Text, dump(r), dump(r2))
		}
	}
	return r
}

func FuzzComponentStatuses(f *testing.F) {
	seedOutputs(f, "componentstatuses")
	f.Fuzz(func(t *testing.T, text string, exit int) {
		c := &ComponentStatuses{Expect: csExpect}
		r := checkEvaluate(t, c, Output{Text: text, Exit: exit})
		// Either one item per expected component, or one preflight item.
		if len(r.Items) != len(csExpect) && len(r.Items) != 1 {
			t.Fatalf("%d items:%s", len(r.Items), dump(r))
		}
	})
}

func FuzzEtcdMembers(f *testing.F) {
	seedOutputs(f, "etcd-members")
	f.Fuzz(func(t *testing.T, text string, exit int) {
		c := &EtcdMembers{Members: etcdExpect3}
		r := checkEvaluate(t, c, Output{Text: text, Exit: exit})
		if len(r.Items) < 1 {
			t.Fatalf("no items")
		}
		// An expected member is reported once, in order, when any row parsed.
		if len(r.Items) >= len(etcdExpect3) && r.Items[0].Subject == "controller-0" {
			for i, m := range etcdExpect3 {
				if r.Items[i].Subject != m.Name {
					t.Fatalf("item %d is %q, want %q:%s", i, r.Items[i].Subject, m.Name, dump(r))
				}
			}
		}
	})
}

func FuzzHTTP(f *testing.F) {
	seedOutputs(f, "http")
	f.Fuzz(func(t *testing.T, text string, exit int) {
		for _, c := range []*HTTP{{Status: 200, Body: "ok"}, {Status: 503, BodyContains: "No server"}, {Status: 200}} {
			r := checkEvaluate(t, c, Output{Text: text, Exit: exit})
			resp, found := ParseHTTP(text)
			if found {
				// A parsed response always gets a status item that agrees with it.
				if r.Items[0].Subject != "status" || r.Items[0].OK != (resp.Code == c.Status) {
					t.Fatalf("status item disagrees with ParseHTTP %+v:%s", resp, dump(r))
				}
			} else if len(r.Items) != 1 || r.Pass {
				t.Fatalf("no response but:%s", dump(r))
			}
		}
	})
}

func FuzzVersion(f *testing.F) {
	seedOutputs(f, "version")
	f.Fuzz(func(t *testing.T, text string, exit int) {
		c := &Version{GitVersion: "v1.32.3"}
		r := checkEvaluate(t, c, Output{Text: text, Exit: exit})
		if len(r.Items) != 1 {
			t.Fatalf("version checks give one item:%s", dump(r))
		}
	})
}

// FuzzVersionJSON builds a real /version document around any gitVersion:
// the check passes exactly when it is the expected one.
func FuzzVersionJSON(f *testing.F) {
	f.Add("v1.32.3", "v1.32.3")
	f.Add("v1.15.3", "v1.32.3")
	f.Add("", "v1.15.3")
	f.Add("v1.32.3}{\"", "v1.32.3")
	f.Fuzz(func(t *testing.T, got, wantV string) {
		if !utf8.ValidString(got) {
			return // json.Marshal would replace the bad bytes
		}
		c := &Version{GitVersion: wantV}
		if c.Validate() != nil {
			return
		}
		doc, err := json.MarshalIndent(map[string]string{
			"major": "1", "minor": "32", "gitVersion": got, "platform": "linux/arm64",
		}, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		r := checkEvaluate(t, c, ran(string(doc)+"\n", 0))
		switch {
		case got == "":
			assertResult(t, r, false, []want{bad("version", VersionNoField)})
		case got == wantV:
			assertResult(t, r, true, []want{pass("gitVersion", VersionOK, got)})
		default:
			assertResult(t, r, false, []want{bad("gitVersion", VersionWrong, got, wantV)})
		}
	})
}

func FuzzObjects(f *testing.F) {
	for _, o := range allOutputs("objects") {
		f.Add(o.Text, o.Exit, "clusterrole/system:kube-apiserver-to-kubelet")
	}
	f.Add("NAME   AGE\nx      1m\n", 0, "x")
	f.Fuzz(func(t *testing.T, text string, exit int, obj string) {
		c := &Objects{Objects: []string{obj, "clusterrolebinding/system:kube-apiserver"}}
		if c.Validate() != nil {
			return
		}
		r := checkEvaluate(t, c, Output{Text: text, Exit: exit})
		if len(r.Items) != 2 && len(r.Items) != 1 {
			t.Fatalf("%d items:%s", len(r.Items), dump(r))
		}
	})
}

// FuzzObjectsName: an object listed by `-o name` is found, whatever its name.
func FuzzObjectsName(f *testing.F) {
	f.Add("clusterrole", "rbac.authorization.k8s.io", "system:kube-apiserver-to-kubelet")
	f.Add("service", "", "kubernetes")
	f.Fuzz(func(t *testing.T, kind, group, name string) {
		if !isToken(kind) || !isToken(name) || (group != "" && !isToken(group)) || strings.Contains(kind, ".") {
			return
		}
		ref := kind
		if group != "" {
			ref += "." + group
		}
		ref += "/" + name
		c := &Objects{Objects: []string{kind + "/" + name}}
		if c.Validate() != nil {
			return
		}
		r := checkEvaluate(t, c, ran(ref+"\n", 0))
		assertResult(t, r, true, []want{pass(kind+"/"+name, ObjectFound)})
	})
}

// isToken: non-empty, printable ASCII without blanks, slashes or quotes,
// as kinds and object names are.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || c == '/' || c == '"' {
			return false
		}
	}
	return true
}

func FuzzNodes(f *testing.F) {
	seedOutputs(f, "nodes")
	f.Fuzz(func(t *testing.T, text string, exit int) {
		c := &Nodes{Nodes: workers3, Version: "v1.15.3"}
		r := checkEvaluate(t, c, Output{Text: text, Exit: exit})
		if len(r.Items) != len(workers3) && len(r.Items) != 1 {
			t.Fatalf("%d items:%s", len(r.Items), dump(r))
		}
	})
}

func FuzzSystemdActive(f *testing.F) {
	seedOutputs(f, "systemd-active")
	f.Fuzz(func(t *testing.T, text string, exit int) {
		c := &SystemdActive{Units: controllerUnits}
		r := checkEvaluate(t, c, Output{Text: text, Exit: exit})
		if len(r.Items) != len(controllerUnits) && len(r.Items) != 1 {
			t.Fatalf("%d items:%s", len(r.Items), dump(r))
		}
	})
}

func FuzzMatch(f *testing.F) {
	for _, o := range allOutputs("output") {
		f.Add(o.Text, o.Exit, `^ID=debian$`, "Version")
	}
	f.Add("ok\n", 0, `(`, "")
	f.Add("a\nb", ExitUnknown, `(?s)a.b`, "b")
	f.Fuzz(func(t *testing.T, text string, exit int, pattern, needle string) {
		c := &Match{Exit: intp(0), Contains: []string{needle}, NotContains: []string{needle}, Matches: []string{pattern}}
		if err := c.Validate(); err != nil {
			// Validate and Evaluate agree on bad patterns.
			r := c.Evaluate(Output{Text: text, Exit: exit})
			if r.Pass {
				t.Fatalf("bad pattern %q passed", pattern)
			}
			return
		}
		r := checkEvaluate(t, c, Output{Text: text, Exit: exit})
		// contains and not_contains of the same text can never both pass.
		if r.Pass {
			t.Fatalf("contains and not_contains %q both passed:%s", needle, dump(r))
		}
		e := &Match{Equals: strp(text)}
		if err := e.Validate(); err != nil {
			t.Fatal(err)
		}
		if !strings.ContainsRune(text, '\r') && !strings.ContainsRune(text, 0x1b) {
			// An output always equals itself.
			assertResult(t, e.Evaluate(Output{Text: text, Exit: exit}), true, []want{pass("output", MatchEquals)})
		}
	})
}

func FuzzParseHTTP(f *testing.F) {
	for _, o := range allOutputs("http") {
		f.Add(o.Text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r, ok := ParseHTTP(text)
		r2, ok2 := ParseHTTP(text)
		if ok != ok2 || !reflect.DeepEqual(r, r2) {
			t.Fatalf("not deterministic")
		}
		if !ok {
			return
		}
		if r.Header == nil {
			t.Fatalf("nil Header")
		}
		if r.Code < 100 || r.Code > 599 {
			t.Fatalf("code %d out of range", r.Code)
		}
		if r.Proto == "" {
			// The bare `-w '%{http_code}'` form.
			if r.Body != "" || len(r.Header) != 0 || strings.TrimSpace(StripANSI(text)) != strconv.Itoa(r.Code) {
				t.Fatalf("bare code parse %+v from %q", r, text)
			}
		} else if !strings.HasPrefix(r.Proto, "HTTP/") {
			t.Fatalf("proto %q", r.Proto)
		}
		if !strings.ContainsRune(text, 0x1b) {
			if c, _ := ParseHTTP(crlf(text)); !reflect.DeepEqual(r, c) {
				t.Fatalf("CRLF changed the parse:\n%#v\n%#v", r, c)
			}
		}
	})
}

// FuzzParseHTTPRoundTrip prints a response the way curl -i does and parses
// it back.
func FuzzParseHTTPRoundTrip(f *testing.F) {
	f.Add(uint16(200), "OK", "Content-Type", "text/plain; charset=utf-8", "ok", false)
	f.Add(uint16(503), "Service Unavailable", "Connection", "close", "<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n", true)
	f.Add(uint16(200), "", "content-length", "2", "ok", true)
	f.Fuzz(func(t *testing.T, code uint16, reason, key, val, body string, useCRLF bool) {
		n := 100 + int(code)%500
		if strings.ContainsAny(reason+val, "\r\n\x1b") || strings.ContainsAny(body, "\r\x1b") || !isToken(key) || strings.Contains(key, ":") {
			return
		}
		for _, l := range strings.Split(body, "\n") {
			if isStatusLine(l) {
				return // a body that holds another response is ambiguous
			}
		}
		text := "HTTP/1.1 " + strconv.Itoa(n) + " " + reason + "\n" + key + ": " + val + "\n\n" + body
		if useCRLF {
			text = crlf(text)
		}
		r, ok := ParseHTTP(text)
		if !ok {
			t.Fatalf("no response in %q", text)
		}
		if r.Proto != "HTTP/1.1" || r.Code != n || r.Reason != strings.TrimSpace(reason) {
			t.Fatalf("status line: %+v", r)
		}
		if got := r.Header[strings.ToLower(key)]; got != strings.TrimSpace(val) {
			t.Fatalf("header %q = %q, want %q", key, got, strings.TrimSpace(val))
		}
		if r.Body != body {
			t.Fatalf("body %q, want %q", r.Body, body)
		}
	})
}

// FuzzStripANSI checks, on any input, that no ESC survives, that the output
// never grows and that stripping twice changes nothing; and on text
// interleaved with well-formed sequences (CSI, OSC ended by BEL or ST, nF
// and two-byte escapes) that exactly the text comes back.
func FuzzStripANSI(f *testing.F) {
	for _, o := range allOutputs("componentstatuses") {
		f.Add(o.Text, []byte{3, 0, 7, 1, 12, 2})
	}
	f.Add("\x1b[32mHealthy\x1b[0m", []byte{})
	f.Add("abc\x1b", []byte{0, 5})
	f.Add("a\x1b]0;t", []byte{1, 6, 1, 7})
	f.Fuzz(func(t *testing.T, raw string, plan []byte) {
		out := StripANSI(raw)
		if strings.ContainsRune(out, 0x1b) {
			t.Fatalf("ESC left in %q", out)
		}
		if len(out) > len(raw) {
			t.Fatalf("output grew: %q -> %q", raw, out)
		}
		if StripANSI(out) != out {
			t.Fatalf("not idempotent on %q", raw)
		}
		if !strings.ContainsRune(raw, 0x1b) && out != raw {
			t.Fatalf("changed text without escapes: %q -> %q", raw, out)
		}

		text := strings.ReplaceAll(raw, "\x1b", "")
		var in strings.Builder
		pos := 0
		for k := 0; k+1 < len(plan); k += 2 {
			step := int(plan[k]) % (len(text) - pos + 1)
			in.WriteString(text[pos : pos+step])
			pos += step
			in.WriteString(wellFormed(plan[k+1]))
		}
		in.WriteString(text[pos:])
		if got := StripANSI(in.String()); got != text {
			t.Fatalf("StripANSI(%q) = %q, want %q", in.String(), got, text)
		}
	})
}

// wellFormed returns one complete escape sequence chosen by b.
func wellFormed(b byte) string {
	p := strconv.Itoa(int(b))
	switch b % 10 {
	case 0:
		return "\x1b[" + p + "m" // SGR
	case 1:
		return "\x1b[38;5;" + p + "m"
	case 2:
		return "\x1b[?2004h" // bracketed paste on
	case 3:
		return "\x1b[" + p + ";1H" // cursor position
	case 4:
		return "\x1b[2K" // erase line
	case 5:
		return "\x1b]0;root@node-" + p + ": ~\x07" // title, BEL
	case 6:
		return "\x1b]8;;https://example.com/" + p + "\x1b\\" // hyperlink, ST
	case 7:
		return "\x1b(B" // nF: designate G0 as ASCII
	case 8:
		return "\x1b=" // keypad mode
	default:
		return "\x1b[" + p + " q" // CSI with an intermediate byte (cursor style)
	}
}
