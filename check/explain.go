package check

import (
	"fmt"
	"strings"
)

// Reason codes a failed command's output gives on its own, whatever the
// check expected.
const (
	// CommandNotFoundPackage is CommandNotFound for a command whose usual
	// package is known.
	CommandNotFoundPackage Code = "check.command_not_found_package"
	// CommandNotFoundExit is exit status 127 with nothing printed: the shell
	// did not find a command, and its message went elsewhere.
	CommandNotFoundExit Code = "check.command_not_found_exit"
	// CommandFailedQuiet is a command that failed silently because a tool
	// in it ran with -q.
	CommandFailedQuiet Code = "check.command_failed_quiet"
	// MissingFiles names the files that ls, cp, mv, scp ... did not find.
	MissingFiles Code = "check.missing_files"
)

// exitCommandNotFound is what a shell exits with when a command is missing.
const exitCommandNotFound = 127

// Explain lists what a failed command's output says on its own: a command
// that is not installed, files that do not exist, an error hidden by -q.
// The faces show it next to a failing verdict, or under a step's command
// that failed, where no check judged anything. It returns nil when the
// output says nothing of the kind.
func Explain(out Output) []Item {
	var items []Item
	if strings.TrimSpace(StripANSI(out.Text)) == "" {
		subject := "output"
		if tool := quietTool(out.Command); tool != "" {
			subject = tool
		}
		if it, ok := silentFailure(subject, out); ok {
			items = append(items, it)
		}
		return items
	}
	if it, ok := commandNotFound("", out.Text); ok {
		items = append(items, it)
	}
	if it, ok := missingFilesItem(out.Text); ok {
		items = append(items, it)
	}
	return items
}

// silentFailure explains a command that exited non-zero and printed nothing.
func silentFailure(subject string, out Output) (Item, bool) {
	switch {
	case out.Exit == exitCommandNotFound:
		return fail(subject, CommandNotFoundExit, fmt.Sprint(out.Exit)), true
	case out.Exit > 0:
		if tool := quietTool(out.Command); tool != "" {
			return fail(subject, CommandFailedQuiet, fmt.Sprint(out.Exit), tool), true
		}
		return fail(subject, CommandFailed, fmt.Sprint(out.Exit), ""), true
	}
	return Item{}, false
}

// commandNotFound finds a shell's "command not found" line and names the
// command, with its usual package when known. subject "" means the
// command's name.
func commandNotFound(subject, text string) (Item, bool) {
	for _, l := range lines(text) {
		t := strings.TrimSpace(l)
		name, ok := missingCommand(t)
		if !ok {
			continue
		}
		if subject == "" {
			subject = name
		}
		if pkg := packageOf[name]; pkg != "" {
			return fail(subject, CommandNotFoundPackage, name, t, pkg), true
		}
		return fail(subject, CommandNotFound, name, t), true
	}
	return Item{}, false
}

// missingCommand reads the command's name from a shell's complaint:
//
//	bash: line 1: envsubst: command not found     (bash, sudo: "sudo: x: command not found")
//	/bin/sh: 1: envsubst: not found               (dash, busybox)
//	zsh: command not found: envsubst
func missingCommand(line string) (string, bool) {
	var rest string
	switch {
	case strings.HasPrefix(line, "zsh: command not found: "):
		return strings.TrimSpace(strings.TrimPrefix(line, "zsh: command not found: ")), true
	case strings.HasSuffix(line, ": command not found"):
		rest = strings.TrimSuffix(line, ": command not found")
	case strings.HasSuffix(line, ": not found") && strings.Contains(line, "sh:"):
		rest = strings.TrimSuffix(line, ": not found")
	default:
		return "", false
	}
	// The name is the last field: "bash: line 1: envsubst".
	if i := strings.LastIndex(rest, ": "); i >= 0 {
		rest = rest[i+2:]
	}
	name := strings.TrimSpace(rest)
	if name == "" {
		name = line
	}
	return name, true
}

// packageOf names the Debian and Ubuntu package that usually provides a
// command the tutorials use and a minimal image lacks. Binaries the
// tutorials install themselves (kubectl, etcdctl ...) are not here: the
// reason names them, and the chapter that installs them is the learner's.
var packageOf = map[string]string{
	"envsubst":  "gettext-base",
	"hexdump":   "bsdextrautils",
	"column":    "bsdextrautils",
	"wget":      "wget",
	"curl":      "curl",
	"git":       "git",
	"jq":        "jq",
	"socat":     "socat",
	"conntrack": "conntrack",
	"ipset":     "ipset",
	"openssl":   "openssl",
	"dig":       "bind9-dnsutils",
	"nslookup":  "bind9-dnsutils",
	"ip":        "iproute2",
	"ss":        "iproute2",
	"netstat":   "net-tools",
	"tmux":      "tmux",
}

// missingFilesItem names every file the output says does not exist.
func missingFilesItem(text string) (Item, bool) {
	files := missingFiles(text)
	if len(files) == 0 {
		return Item{}, false
	}
	return fail("files", MissingFiles, strings.Join(files, ", "), fmt.Sprint(len(files))), true
}

// missingFiles lists, once each and in order, the paths of lines such as
//
//	ls: cannot access 'downloads/worker/kubelet': No such file or directory
//	mv: cannot stat 'kubelet': No such file or directory
//	scp: downloads/worker/kubelet: No such file or directory
//	scp: stat local "downloads/worker/*": No such file or directory
//	sed: can't read encryption-config.yaml: No such file or directory
//	Error: open /etc/etcd/ca.pem: no such file or directory
func missingFiles(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range lines(text) {
		t := strings.TrimSpace(l)
		rest, ok := cutSuffixFold(t, ": no such file or directory")
		if !ok {
			continue
		}
		// The path is the last field, after the program's name and any
		// "line 1:" or "Cannot open:" between.
		rest = strings.TrimSuffix(rest, ": Cannot open")
		if i := strings.LastIndex(rest, ": "); i >= 0 {
			rest = rest[i+2:]
		}
		for _, verb := range []string{"cannot access ", "cannot stat ", "can't read ", "stat local ", "cannot open ", "open ", "stat ", "lstat "} {
			if strings.HasPrefix(rest, verb) {
				rest = rest[len(verb):]
				break
			}
		}
		path := unquote(strings.TrimSpace(rest))
		if path == "" || seen[path] {
			continue
		}
		seen[path] = true
		out = append(out, path)
	}
	return out
}

func cutSuffixFold(s, suffix string) (string, bool) {
	if len(s) < len(suffix) || !strings.EqualFold(s[len(s)-len(suffix):], suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

// unquote removes the quotes coreutils and scp put around a path: 'x',
// "x", or ‘x’ in a UTF-8 locale.
func unquote(s string) string {
	for _, q := range [][2]string{{"'", "'"}, {`"`, `"`}, {"‘", "’"}} {
		if len(s) >= len(q[0])+len(q[1]) && strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) {
			return s[len(q[0]) : len(s)-len(q[1])]
		}
	}
	return s
}

// quietTool returns the first program in command that runs with -q (or
// --quiet), which hides the error messages that would say why it failed;
// "" when none does. grep is left out: its -q hides matches, not errors.
func quietTool(command string) string {
	command = strings.ReplaceAll(command, "\\\n", " ")
	for _, simple := range splitSimpleCommands(command) {
		words := strings.Fields(simple)
		// Skip what runs the program: shell keywords, sudo and its
		// flags, VAR=value.
		for len(words) > 0 && (runsNext[words[0]] || strings.HasPrefix(words[0], "-") || strings.Contains(words[0], "=")) {
			words = words[1:]
		}
		if len(words) < 2 || words[0] == "grep" {
			continue
		}
		for _, w := range words[1:] {
			if w == "--quiet" || isShortFlagWithQ(w) {
				return words[0]
			}
		}
	}
	return ""
}

// runsNext are the words before a program's name that are not the program.
var runsNext = map[string]bool{"sudo": true, "do": true, "then": true, "else": true, "if": true, "while": true,
	"until": true, "time": true, "exec": true, "{": true, "(": true, "!": true}

// isShortFlagWithQ matches -q and letter clusters that contain it, such as
// -qO- (wget's "quietly, to standard output").
func isShortFlagWithQ(w string) bool {
	if len(w) < 2 || w[0] != '-' || w[1] == '-' {
		return false
	}
	for _, c := range w[1:] {
		switch {
		case c == 'q':
			return true
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		default:
			return false
		}
	}
	return false
}

// splitSimpleCommands cuts a script at newlines, ;, |, && and ||.
func splitSimpleCommands(script string) []string {
	f := func(r rune) bool { return r == '\n' || r == ';' || r == '|' || r == '&' }
	return strings.FieldsFunc(script, f)
}
