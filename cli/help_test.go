package cli

import (
	"context"
	"strings"
	"testing"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"hardway/locales"
)

// helpTree is the whole command tree as help sees it, with the commands
// cobra adds by itself (help, completion).
func helpTree(t *testing.T) []*cobra.Command {
	t.Helper()
	a := &app{ctx: context.Background(), env: Env{Getenv: func(string) string { return "" }}}
	root := a.rootCommand()
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var all []*cobra.Command
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden {
			return
		}
		all = append(all, c)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if len(all) < 15 {
		t.Fatalf("only %d commands", len(all))
	}
	return all
}

// Every command and flag has its words in the catalogs (English, and by
// the catalogs' own test Korean and Japanese): a new command or flag without
// them fails here.
func TestEveryCommandAndFlagHasHelpInTheCatalogs(t *testing.T) {
	for _, c := range helpTree(t) {
		key := commandKey(c)
		if !locales.Has(locales.EN, "help.cmd."+key+".short") {
			t.Errorf("%s: no help.cmd.%s.short", c.CommandPath(), key)
		}
		if c.Long != "" && !locales.Has(locales.EN, "help.cmd."+key+".long") {
			t.Errorf("%s has a Long text but no help.cmd.%s.long", c.CommandPath(), key)
		}
		check := func(f *pflag.Flag) {
			if f.Name != "help" && !locales.Has(locales.EN, "help.flag."+key+"."+f.Name) && !locales.Has(locales.EN, "help.flag."+f.Name) {
				t.Errorf("%s --%s: no help.flag.%s.%s", c.CommandPath(), f.Name, key, f.Name)
			}
		}
		c.LocalNonPersistentFlags().VisitAll(check)
		c.PersistentFlags().VisitAll(check)
	}
}

func inScript(s string, tables ...*unicode.RangeTable) bool {
	for _, r := range s {
		if unicode.In(r, tables...) {
			return true
		}
	}
	return false
}

// Every command's help is in the learner's language: its description and
// every flag, the headings too, with --lang anywhere on the line or LANG.
func TestHelpInTheLearnersLanguage(t *testing.T) {
	scripts := map[string][]*unicode.RangeTable{
		"ko": {unicode.Hangul},
		"ja": {unicode.Hiragana, unicode.Katakana},
	}
	for lang, script := range scripts {
		for _, c := range helpTree(t) {
			args := append(strings.Fields(c.CommandPath())[1:], "--help", "--lang", lang)
			r := run(t, "", nil, args...)
			if r.code != 0 {
				t.Fatalf("%v: %+v", args, r)
			}
			lines := strings.Split(r.stdout, "\n")
			if !inScript(lines[0], script...) {
				t.Errorf("%v: the description is not in %s: %q", args, lang, lines[0])
			}
			for _, line := range lines {
				flagLine := strings.HasPrefix(line, "  -") || strings.HasPrefix(line, "      --")
				if flagLine && !inScript(line, script...) {
					t.Errorf("%v: a flag in English: %q", args, line)
				}
				heading := strings.HasSuffix(line, ":") && !strings.HasPrefix(line, " ")
				if heading && !inScript(line, script...) && !strings.Contains(line, "://") {
					t.Errorf("%v: a heading in English: %q", args, line)
				}
				if strings.Contains(line, "(default") || strings.HasSuffix(line, " ") {
					t.Errorf("%v: %q", args, line)
				}
			}
		}
	}
	cases := []struct {
		args []string
		env  map[string]string
		says []string
	}{
		{[]string{"--lang", "ja", "--help"}, nil, []string{"使い方:", "コマンド:", "ステップ（または章の全ステップ）をホストで実行し、検証します", "--lang string        言語: en、ko、ja のいずれか"}},
		{[]string{"run", "--help", "--lang", "ko"}, nil, []string{"단계를, 또는 장의 모든 단계를", "사용법:", "hardway run STEP|CHAPTER", "-y, --yes              실행 전에 확인하지 않습니다", "공통 플래그:"}},
		{[]string{"help", "show", "--lang", "ja"}, nil, []string{"STEP には完全な ID"}},
		{[]string{"show", "--help"}, map[string]string{"LANG": "ko_KR.UTF-8"}, []string{"STEP에는 전체 ID"}},
		{[]string{"mirror", "pull", "--help", "--lang", "ko"}, nil, []string{"--arch string   다운로드를 남길 아키텍처(amd64, arm64) (기본값: amd64,arm64)"}},
		{[]string{"check", "--help", "--lang", "ja"}, nil, []string{"--exit int       コマンドの終了ステータスがわかっていれば指定してください（-1: 不明）\n"}},
		// English stays English, with the same information as before.
		{[]string{"--help"}, nil, []string{"Usage:\n  hardway [flags]\n  hardway [command]", "run         Run a step (or every step of a chapter) on its hosts, then verify it", "-h, --help               help for hardway"}},
		{[]string{"mirror", "serve", "--help", "--lang", "en"}, map[string]string{"LANG": "ja_JP.UTF-8"}, []string{"--listen string   the address to listen on (default: 127.0.0.1:8080)"}},
		// A --lang that names no language does not hide the help.
		{[]string{"--lang", "fr", "--help"}, nil, []string{"Usage:"}},
	}
	for _, c := range cases {
		r := run(t, "", c.env, c.args...)
		for _, want := range c.says {
			if r.code != 0 || !strings.Contains(r.stdout, want) {
				t.Errorf("%v: exit %d, want %q in:\n%s", c.args, r.code, want, r.stdout)
			}
		}
	}
}
