package locales

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	cases := []struct {
		flag   string
		getenv func(string) string
		want   Lang
	}{
		{"", env(), EN},
		{"", env("LANG", "ko_KR.UTF-8"), KO},
		{"", env("LANG", "ja_JP.UTF-8"), JA},
		{"", env("LANG", "ja_JP.eucJP@euro"), JA},
		{"", env("LANG", "C.UTF-8"), EN},
		{"", env("LANG", "fr_FR.UTF-8"), EN},
		{"", env("LC_MESSAGES", "ko_KR.UTF-8", "LANG", "ja_JP.UTF-8"), KO},
		{"", env("LC_ALL", "ja_JP.UTF-8", "LC_MESSAGES", "ko_KR.UTF-8"), JA},
		// POSIX: the first set variable decides even if we lack that language.
		{"", env("LC_ALL", "de_DE.UTF-8", "LANG", "ko_KR.UTF-8"), EN},
		{"ja", env("LANG", "ko_KR.UTF-8"), JA},
		{"KO", env(), KO},
		{"ja-JP", env(), JA},
		{"korean", env(), KO},
	}
	for _, c := range cases {
		got, err := Detect(c.flag, c.getenv)
		if err != nil || got != c.want {
			t.Errorf("Detect(%q) = %v, %v; want %v", c.flag, got, err, c.want)
		}
	}
	if _, err := Detect("fr", env()); err == nil || !strings.Contains(err.Error(), "en, ko, ja") {
		t.Errorf("unknown --lang: %v", err)
	}
}

var argRE = regexp.MustCompile(`\{\d+\}`)

func args(s string) string {
	a := argRE.FindAllString(s, -1)
	sort.Strings(a)
	return strings.Join(uniq(a), ",")
}

func uniq(s []string) []string {
	var out []string
	for i, x := range s {
		if i == 0 || s[i-1] != x {
			out = append(out, x)
		}
	}
	return out
}

// Every message exists in Korean and Japanese, with the same arguments.
func TestCatalogsComplete(t *testing.T) {
	for _, l := range []Lang{KO, JA} {
		for _, k := range Keys() {
			s, ok := catalogs[l][k]
			if !ok {
				t.Errorf("%s: no %s text for %q", l, l.Name(), k)
				continue
			}
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s: empty text for %q", l, k)
			}
			if args(s) != args(en[k]) {
				t.Errorf("%s %q uses arguments %q, English uses %q", l, k, args(s), args(en[k]))
			}
		}
		for k := range catalogs[l] {
			if _, ok := en[k]; !ok {
				t.Errorf("%s has %q, which English does not", l, k)
			}
		}
	}
}

// Every reason code the check package can return has a message. The codes
// are read from the check package's source, so a new code without a
// message fails here.
func TestEveryCheckCodeHasAMessage(t *testing.T) {
	files, _ := filepath.Glob("../check/*.go")
	fset := token.NewFileSet()
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(node ast.Node) bool {
			vs, ok := node.(*ast.ValueSpec)
			if !ok || vs.Type == nil {
				return true
			}
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Code" {
				return true
			}
			for _, v := range vs.Values {
				lit, ok := v.(*ast.BasicLit)
				if !ok {
					continue
				}
				code, _ := strconv.Unquote(lit.Value)
				n++
				if _, ok := en[code]; !ok {
					t.Errorf("check code %q (%s) has no English message", code, fset.Position(lit.Pos()))
				}
			}
			return true
		})
	}
	if n < 30 {
		t.Fatalf("found only %d check codes; is the scan broken?", n)
	}
}

func TestFallbackIsVisible(t *testing.T) {
	en["test.only"] = "English {0}"
	defer delete(en, "test.only")
	if got := Msg(KO, "test.only", "x"); got != FallbackMark+"English x" {
		t.Errorf("fallback = %q", got)
	}
	if got := Msg(EN, "test.only", "x"); got != "English x" {
		t.Errorf("english = %q", got)
	}
}
