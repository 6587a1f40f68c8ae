package steps

import (
	"net/url"
	"path"
	"strings"
)

// Fetch is a URL a command block downloads: what wget fetches, what curl
// saves (see curlDownloads), the repository git clone copies, the manifest
// kubectl apply -f reads.
type Fetch struct {
	URL  string
	Tool string // wget, curl, git or kubectl
	Line int    // of the command, 1-based within the block
}

// Fetches lists the downloads of a rendered command block, in order, and
// whether the block reads a list of URLs with wget -i (whose URLs are in a
// file, not in the block). Only literal URLs count: one built from shell
// variables (https://${KUBERNETES_PUBLIC_ADDRESS}:6443) is a lab address.
func Fetches(block string) (out []Fetch, readsList bool) {
	for _, c := range splitCommands(block) {
		words := commandWords(c.words)
		if len(words) == 0 {
			continue
		}
		tool := path.Base(words[0])
		var urls []string
		switch tool {
		case "wget":
			var list bool
			urls, list = wgetURLs(words[1:])
			readsList = readsList || list
		case "curl":
			urls = curlDownloads(words[1:], c)
		case "git":
			urls = gitCloneURLs(words[1:])
		case "kubectl":
			urls = kubectlFileURLs(words[1:])
		}
		for _, u := range urls {
			if downloadURL(u) {
				out = append(out, Fetch{URL: u, Tool: tool, Line: c.line})
			}
		}
	}
	return out, readsList
}

// commandWords drops what comes before the program: shell keywords, sudo
// and its options, variable assignments.
func commandWords(words []string) []string {
	for len(words) > 0 {
		w := words[0]
		switch {
		case w == "sudo":
			words = words[1:]
			for len(words) > 0 && strings.HasPrefix(words[0], "-") {
				words = words[1:]
			}
			continue
		case shellKeyword[w], varAssign(w):
			words = words[1:]
			continue
		}
		break
	}
	return words
}

var shellKeyword = map[string]bool{"do": true, "then": true, "else": true, "elif": true, "if": true,
	"while": true, "until": true, "!": true, "{": true, "}": true, "time": true, "exec": true, "command": true, "nohup": true}

func varAssign(w string) bool {
	name, _, ok := strings.Cut(w, "=")
	return ok && varNameRE.MatchString(name)
}

func isURL(w string) bool { return strings.HasPrefix(w, "https://") || strings.HasPrefix(w, "http://") }

// downloadURL: a literal URL, not one the shell builds from variables.
func downloadURL(w string) bool {
	if !isURL(w) || strings.ContainsAny(w, "$`") {
		return false
	}
	u, err := url.Parse(w)
	return err == nil && u.Hostname() != ""
}

// wgetURLs: every URL wget is given is fetched; -i FILE reads more.
func wgetURLs(args []string) (urls []string, readsList bool) {
	for _, a := range args {
		switch {
		case a == "-i" || a == "--input-file" || strings.HasPrefix(a, "--input-file="):
			readsList = true
		case strings.HasPrefix(a, "-i") && !strings.HasPrefix(a, "--"):
			readsList = true
		case isURL(a):
			urls = append(urls, a)
		}
	}
	return urls, readsList
}

// curlArgLetters are curl's short options that take a value.
const curlArgLetters = "oudHXwmeAbcEKrTxyYzCFPQt"

// curlDownloads: curl prints what it fetches, so a URL is a download only
// when curl keeps it: -o/-O/--output/--remote-name, -L (following a release
// page's redirect), stdout sent to a file, or piped into a program that
// consumes it (tar, sh, apt-key, kubectl ...). A header request (-I) or a
// probe piped to head or grep is not.
func curlDownloads(args []string, c command) []string {
	keeps := c.stdoutToFile || consumer(c.pipeTo)
	// output notes where -o sends the body: /dev/null keeps nothing.
	output := func(v string) {
		if v != "/dev/null" {
			keeps = true
		}
	}
	value := func(i int) string {
		if i+1 < len(args) {
			return args[i+1]
		}
		return ""
	}
	var urls []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--head":
			return nil
		case a == "--output":
			output(value(i))
			i++
		case strings.HasPrefix(a, "--output="):
			output(strings.TrimPrefix(a, "--output="))
		case a == "--remote-name" || a == "--remote-name-all" || a == "--location":
			keeps = true
		case strings.HasPrefix(a, "--"):
			if curlLongWithArg[a] {
				i++
			}
		case strings.HasPrefix(a, "-") && len(a) > 1:
		letters:
			for j := 1; j < len(a); j++ {
				l := a[j]
				switch l {
				case 'I':
					return nil
				case 'O', 'L', 'J':
					keeps = true
				}
				if strings.IndexByte(curlArgLetters, l) < 0 {
					continue
				}
				// The rest of the word, or the next word, is the value.
				v := a[j+1:]
				if v == "" {
					v = value(i)
					i++
				}
				if l == 'o' {
					output(v)
				}
				break letters
			}
		case isURL(a):
			urls = append(urls, a)
		}
	}
	if !keeps {
		return nil
	}
	return urls
}

var curlLongWithArg = map[string]bool{"--cacert": true, "--cert": true, "--key": true, "--header": true,
	"--data": true, "--request": true, "--user": true, "--write-out": true, "--max-time": true,
	"--connect-timeout": true, "--retry": true, "--resolve": true, "--proxy": true, "--referer": true}

// consumer: a program that keeps what curl pipes into it.
func consumer(words []string) bool {
	words = commandWords(words)
	if len(words) == 0 {
		return false
	}
	switch path.Base(words[0]) {
	case "tar", "sh", "bash", "apt-key", "gpg", "tee", "kubectl", "dd", "gunzip", "xz", "zcat":
		return true
	}
	return false
}

// gitCloneURLs: the repository of git clone.
func gitCloneURLs(args []string) []string {
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		if args[0] == "-C" || args[0] == "-c" {
			args = args[1:]
		}
		args = args[1:]
	}
	if len(args) == 0 || args[0] != "clone" {
		return nil
	}
	var urls []string
	for _, a := range args[1:] {
		if isURL(a) {
			urls = append(urls, a)
		}
	}
	return urls
}

// kubectlFileURLs: manifests kubectl reads from the network with -f URL.
func kubectlFileURLs(args []string) []string {
	var urls []string
	for i, a := range args {
		switch {
		case (a == "-f" || a == "--filename") && i+1 < len(args) && isURL(args[i+1]):
			urls = append(urls, args[i+1])
		case strings.HasPrefix(a, "--filename=") || strings.HasPrefix(a, "-f="):
			if _, v, _ := strings.Cut(a, "="); isURL(v) {
				urls = append(urls, v)
			}
		}
	}
	return urls
}
