package cli

import "testing"

func TestCodeSpans(t *testing.T) {
	mark := func(s string) string { return "<" + s + ">" }
	for in, want := range map[string]string{
		"Run `hardway verify` again.":            "Run <hardway verify> again.",
		"`downloads/worker` and `df -h .`":       "<downloads/worker> and <df -h .>",
		"``a `b` c`` is one span":                "<a `b` c> is one span",
		"`` `x` ``":                              "<`x`>",
		"an unclosed ` stays":                    "an unclosed ` stays",
		"``two`` then `one`":                     "<two> then <one>",
		"a span over\n`two\nlines`":              "a span over\n<two lines>",
		"`  ` only spaces keep them":             "<  > only spaces keep them",
		"no code at all":                         "no code at all",
		"ends with a backtick`":                  "ends with a backtick`",
		"한국어 `kubectl` 日本語":                      "한국어 <kubectl> 日本語",
		"mismatched ``run` is text, `then code`": "mismatched ``run<is text,>then code`",
	} {
		if got := codeSpans(in, mark); got != want {
			t.Errorf("codeSpans(%q) = %q, want %q", in, got, want)
		}
	}
}
