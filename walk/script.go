package walk

import (
	"fmt"
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
		if k == CwdVar {
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

// wrapStep builds the script for a step's blocks. varFile receives the
// defined variables as NAME=VALUE\0 records.
func wrapStep(carried map[string]string, blocks []string, defines []string, varFile string) string {
	var b strings.Builder
	b.WriteString(prelude(carried))
	for i, blk := range blocks {
		b.WriteString(strings.TrimRight(blk, "\n"))
		b.WriteString("\n")
		if i < len(blocks)-1 {
			b.WriteString("__hardway_rc=$?; [ \"$__hardway_rc\" -eq 0 ] || exit \"$__hardway_rc\"\n")
		}
	}
	b.WriteString("__hardway_rc=$?\n")
	if varFile != "" {
		b.WriteString("( umask 077; { printf 'PWD=%s\\0' \"$PWD\";")
		for _, d := range defines {
			fmt.Fprintf(&b, " if [ -n \"${%s+x}\" ]; then printf '%%s=%%s\\0' %s \"$%s\"; fi;", d, d, d)
		}
		fmt.Fprintf(&b, " } > %s )\n", shellQuote(varFile))
	}
	b.WriteString("exit \"$__hardway_rc\"\n")
	return b.String()
}

// wrapCheck builds the script for a check or diagnostic command.
func wrapCheck(carried map[string]string, command string) string {
	return prelude(carried) + strings.TrimRight(command, "\n") + "\n"
}

// bashC is the remote command line that runs script in bash, whatever the
// login shell is.
func bashC(script string) string { return "exec bash -c " + shellQuote(script) }

// parseVars reads NAME=VALUE\0 records.
func parseVars(data string) map[string]string {
	out := map[string]string{}
	for _, rec := range strings.Split(data, "\x00") {
		if k, v, ok := strings.Cut(rec, "="); ok && k != "" {
			out[k] = v
		}
	}
	return out
}

// ShownScript is the script hardway runs for a step on a host, as `hardway
// show -v` displays it (the variable file's name is a placeholder there).
// With a mirror, it has the functions that send the step's downloads there.
func ShownScript(carried map[string]string, blocks, defines []string, mirrorURL string, downloads []string) string {
	return bashC(wrapMirrored(carried, blocks, defines, "/tmp/.hardway-vars-XXXXXXXX", mirrorURL, downloads))
}

// wrapMirrored is wrapStep for a lab with a download mirror: functions named
// like the step's download tools send its declared URLs to the mirror
// (mirror.Functions); the blocks are the tutorial's, unchanged.
func wrapMirrored(carried map[string]string, blocks, defines []string, varFile, mirrorURL string, downloads []string) string {
	return mirrorFunctions(mirrorURL, downloads, blocks) + wrapStep(carried, blocks, defines, varFile)
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
