package walk

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"hardway/mirror"
	"hardway/steps"
)

// The wrapper around a step's blocks on one host. It restores the variables
// earlier steps left in the learner's shell, runs the blocks one after the
// other like a person pasting them (stopping at the first that fails), and
// writes the variables this step defines to a private file, which the
// engine reads back and carries to later steps.
//
// Carried values can be secrets (the encryption key, join tokens), so no
// script travels in a command line, where `ps` shows it to every user of
// the host. A step's script is written to a directory that `mktemp -d`
// creates (mode 0700, a fresh random name no other user can have made
// first) and bash runs that file; checks, guards and diagnostics get their
// script on standard input. The variables come back through the same
// private directory, and only the names the step declares are read.

// shellQuote quotes s for bash, single-quote style.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// prelude assigns carried variables, sorted for a stable script.
func prelude(vars map[string]string) string {
	names := make([]string, 0, len(vars))
	for k := range vars {
		names = append(names, k)
	}
	sort.Strings(names)
	var b strings.Builder
	// The learner's shell stays where the last step left it (cd in one
	// block, relative paths in the next).
	if dir, ok := vars[CwdVar]; ok && dir != "" {
		fmt.Fprintf(&b, "cd -- %s 2>/dev/null || true\n", shellQuote(dir))
	}
	for _, k := range names {
		if k == CwdVar || !shellName(k) {
			// A name that is not a shell identifier can only come from
			// a tampered progress file: never let it reach the shell.
			continue
		}
		// Exported, so that programs (envsubst) see them, as the
		// tutorial's `export` made them in the learner's shell.
		fmt.Fprintf(&b, "export %s=%s\n", k, shellQuote(vars[k]))
	}
	return b.String()
}

// CwdVar is the carried "variable" that holds a host's working directory.
const CwdVar = "PWD"

// wrapStep builds the script for a step's blocks, run as a file in its
// private directory: it removes itself at once (bash keeps it open), and at
// the end writes the defined variables to vars in that directory as
// NAME=VALUE\0 records when wantVars (the engine reads them and removes
// the directory), or removes the directory on its way out.
func wrapStep(carried map[string]string, blocks []string, defines []string, wantVars bool) string {
	var b strings.Builder
	b.WriteString("__hardway_dir=${0%/*}; rm -f -- \"$0\"\n")
	if !wantVars {
		// Nothing comes back: the directory goes however the shell ends.
		b.WriteString("trap 'rmdir -- \"$__hardway_dir\" 2>/dev/null' EXIT\n")
	}
	b.WriteString(prelude(carried))
	for i, blk := range blocks {
		b.WriteString(strings.TrimRight(blk, "\n"))
		b.WriteString("\n")
		if i < len(blocks)-1 {
			b.WriteString("__hardway_rc=$?; [ \"$__hardway_rc\" -eq 0 ] || exit \"$__hardway_rc\"\n")
		}
	}
	b.WriteString("__hardway_rc=$?\n")
	if wantVars {
		b.WriteString("( umask 077; { printf 'PWD=%s\\0' \"$PWD\";")
		for _, d := range defines {
			if !shellName(d) {
				continue // the loader refuses these; never build a script from one
			}
			fmt.Fprintf(&b, " if [ -n \"${%s+x}\" ]; then printf '%%s=%%s\\0' %s \"$%s\"; fi;", d, d, d)
		}
		b.WriteString(" } > \"$__hardway_dir/vars\" )\n")
	}
	b.WriteString("exit \"$__hardway_rc\"\n")
	return b.String()
}

// stageCommand makes the private directory, writes the script it reads on
// standard input to step in it, and prints the directory's path.
const stageCommand = `umask 077 && d=$(mktemp -d "${TMPDIR:-/tmp}/hardway.XXXXXXXXXX") && cat > "$d/step" && printf '%s\n' "$d"`

// stagedDir matches what stageCommand prints: an absolute path ending in
// mktemp's name, with nothing a shell would read specially.
var stagedDir = regexp.MustCompile(`^/[A-Za-z0-9._/-]*/hardway\.[A-Za-z0-9]{10}$`)

// runStaged is the command line that runs a staged script: a path, no
// values.
func runStaged(dir string) string { return "exec bash -- " + shellQuote(dir+"/step") }

// readVarsCommand prints the variables a step left and removes its
// directory.
func readVarsCommand(dir string) string {
	return "cat -- " + shellQuote(dir+"/vars") + "; rm -rf -- " + shellQuote(dir)
}

// wrapCheck builds the script for a check or diagnostic command.
func wrapCheck(carried map[string]string, command string) string {
	return prelude(carried) + strings.TrimRight(command, "\n") + "\n"
}

// stdinScript is how a check, guard or diagnostic runs: `bash -s` reads the
// script from standard input, which the commands in it must not read in
// turn (ssh would swallow the rest of the script): bash parses the whole
// group before running it, with standard input from /dev/null.
// Its errors go to standard output too: one stream keeps what a check
// printed in the order it printed it (two SSH streams arrive in any order).
func stdinScript(script string) (command string, stdin string) {
	return "exec bash -s", "exec 2>&1\n{\n" + strings.TrimRight(script, "\n") + "\n} </dev/null\n"
}

var shellNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// shellName reports whether s can be a shell variable's name.
func shellName(s string) bool { return shellNameRE.MatchString(s) }

// parseVars reads NAME=VALUE\0 records, keeping only the names allowed
// (the step's declared variables and PWD): a record for any other name,
// or one that is not a shell identifier, is dropped.
func parseVars(data string, allowed []string) map[string]string {
	ok := map[string]bool{CwdVar: true}
	for _, a := range allowed {
		ok[a] = true
	}
	out := map[string]string{}
	for _, rec := range strings.Split(data, "\x00") {
		if k, v, found := strings.Cut(rec, "="); found && ok[k] && shellName(k) {
			out[k] = v
		}
	}
	return out
}

// ShownScript is the script hardway runs for a step on a host, as `hardway
// show -v` displays it: how it gets there, then the script itself. With a
// mirror, it has the functions that send the step's downloads there.
func ShownScript(carried map[string]string, blocks, defines []string, mirrorURL string, downloads []string) string {
	wantVars := len(defines) > 0 || changesDir(blocks)
	return "# " + stageCommand + "   (the script below on its standard input)\n" +
		"# " + runStaged("$d") + "\n" +
		wrapMirrored(carried, blocks, defines, wantVars, mirrorURL, downloads)
}

// wrapMirrored is wrapStep for a lab with a download mirror: functions named
// like the step's download tools send its declared URLs to the mirror
// (mirror.Functions); the blocks are the tutorial's, unchanged.
func wrapMirrored(carried map[string]string, blocks, defines []string, wantVars bool, mirrorURL string, downloads []string) string {
	// The first line stays first: it finds the script's directory from $0.
	step := wrapStep(carried, blocks, defines, wantVars)
	first, rest, _ := strings.Cut(step, "\n")
	return first + "\n" + mirrorFunctions(mirrorURL, downloads, blocks) + rest
}

// mirrorFunctions defines a function for each tool the blocks download
// with; "" without a mirror or declared downloads.
func mirrorFunctions(mirrorURL string, downloads, blocks []string) string {
	if mirrorURL == "" || len(downloads) == 0 {
		return ""
	}
	var tools []string
	for _, b := range blocks {
		fetches, readsList := steps.Fetches(b)
		for _, f := range fetches {
			tools = append(tools, f.Tool)
		}
		if readsList {
			tools = append(tools, "wget")
		}
	}
	return mirror.Functions(mirrorURL, downloads, tools)
}

// downloads are the URLs the step declares, rendered for host h.
func (e *Engine) downloads(s *steps.Step, h steps.Host) []string {
	if e.Mirror == "" {
		return nil
	}
	host := h
	if e.Host != nil {
		host = e.Host(h.Name)
	}
	return s.DownloadURLs(e.Vars.ForHost(host))
}
