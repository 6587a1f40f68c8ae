package mirror

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Functions is the bash text that sends a step's declared downloads to the
// mirror at base: functions named like the tools (wget, curl, git, kubectl)
// that rewrite every argument equal to a declared URL (for kubectl,
// OPTION=URL too) to the mirror's URL and run the real program. wget -i
// FILE (--input-file) gets a rewritten copy of the list, made with mktemp
// in the step's private directory (hardway's wrapper sets __hardway_dir)
// and removed after. Any other argument, and any URL not declared, is passed
// on untouched, so the learner's command runs as typed. tools picks the
// functions; "" when there is nothing to rewrite.
//
// The functions are plain bash 3 (macOS's too): a case statement, no
// associative arrays. wget's --https-only stays: outside recursive mode it
// does not refuse an http:// mirror (the end-to-end test holds wget to it).
func Functions(base string, declared []string, tools []string) string {
	type pair struct{ from, to string }
	var pairs []pair
	seen := map[string]bool{}
	for _, d := range declared {
		to, err := URL(base, d)
		if err != nil || seen[d] {
			continue // lint refuses such a URL; nothing to rewrite
		}
		seen[d] = true
		pairs = append(pairs, pair{d, to})
	}
	if len(pairs) == 0 || len(tools) == 0 {
		return ""
	}
	tools = append([]string{}, tools...)
	sort.Strings(tools)
	// kubectl alone takes a URL as OPTION=URL (--filename=URL).
	optionForm := slices.Contains(tools, "kubectl")
	var b strings.Builder
	fmt.Fprintf(&b, "# hardway: the downloads this step declares come from the mirror %s;\n", base)
	b.WriteString("# these functions rewrite only those URLs, and run the real programs.\n")
	// The rewritten argument goes to a variable, not through $( ), which
	// would drop an argument's trailing newlines.
	b.WriteString("__hardway_mirror_url() {\n  case \"$1\" in\n")
	for _, p := range pairs {
		fmt.Fprintf(&b, "    %s) __hw_url=%s ;;\n", quote(p.from), quote(p.to))
		if optionForm {
			fmt.Fprintf(&b, "    *=%s) __hw_url=\"${1%%%%=*}=\"%s ;;\n", quote(p.from), quote(p.to))
		}
	}
	b.WriteString("    *) __hw_url=$1 ;;\n  esac\n}\n")
	b.WriteString(`__hardway_mirror_run() {
  local __hw_prog=$1 __hw_a __hw_args=()
  shift
  for __hw_a in "$@"; do __hardway_mirror_url "$__hw_a"; __hw_args+=("$__hw_url"); done
  command "$__hw_prog" "${__hw_args[@]}"
}
`)
	for i, t := range tools {
		if i > 0 && tools[i-1] == t {
			continue
		}
		switch t {
		case "wget":
			b.WriteString(wgetFunctions)
		case "curl", "git", "kubectl":
			fmt.Fprintf(&b, "%s() { __hardway_mirror_run %s \"$@\"; }\n", t, t)
		}
	}
	return b.String()
}

// wgetFunctions: wget, whose -i FILE names a list of URLs to rewrite too.
const wgetFunctions = `# __hw_list: a copy of a URL list (wget -i FILE) with the declared URLs
# rewritten, noted in the caller's __hw_tmps; or the list's own name when it
# cannot be read (wget then says why).
__hardway_mirror_list() {
  local __hw_src=$1 __hw_line
  __hw_list=$1
  [ "$__hw_src" = - ] && __hw_src=/dev/stdin
  [ -r "$__hw_src" ] && __hw_list=$(mktemp "${__hardway_dir:-${TMPDIR:-/tmp}}/list.XXXXXXXX") || { __hw_list=$1; return; }
  __hw_tmps+=("$__hw_list")
  while IFS= read -r __hw_line || [ -n "$__hw_line" ]; do
    __hardway_mirror_url "$__hw_line"
    printf '%s\n' "$__hw_url"
  done < "$__hw_src" > "$__hw_list"
}
wget() {
  local __hw_a __hw_args=() __hw_tmps=() __hw_list_next=
  for __hw_a in "$@"; do
    case "$__hw_list_next$__hw_a" in
      -i|--input-file) __hw_list_next=1; __hw_args+=("$__hw_a") ;;
      1*) __hw_list_next=; __hardway_mirror_list "$__hw_a"; __hw_args+=("$__hw_list") ;;
      --input-file=*) __hardway_mirror_list "${__hw_a#--input-file=}"; __hw_args+=("--input-file=$__hw_list") ;;
      -i?*) __hardway_mirror_list "${__hw_a#-i}"; __hw_args+=("--input-file=$__hw_list") ;;
      *) __hardway_mirror_url "$__hw_a"; __hw_args+=("$__hw_url") ;;
    esac
  done
  command wget "${__hw_args[@]}"
  local __hw_rc=$?
  [ ${#__hw_tmps[@]} -eq 0 ] || rm -f -- "${__hw_tmps[@]}"
  return $__hw_rc
}
`

// quote quotes s for bash, single-quote style.
func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
