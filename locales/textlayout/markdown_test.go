package textlayout_test

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"hardway/locales/textlayout"
)

// Code spans as CommonMark reads them, shown as <code>.
func TestInlineCodeSpans(t *testing.T) {
	for in, want := range map[string]string{
		"Run `hardway verify` again.":            "Run <hardway verify> again.",
		"`downloads/worker` and `df -h .`":       "<downloads/worker> and <df -h .>",
		"``a `b` c`` is one span":                "<a `b` c> is one span",
		"`` `x` ``":                              "<`x`>",
		"an unclosed ` stays":                    "an unclosed ` stays",
		"``two`` then `one`":                     "<two> then <one>",
		"a span over\n`two\nlines`":              "a span over\n<two lines>",
		"`  ` only spaces keep them":             "<  > only spaces keep them",
		"한국어 `kubectl` 日本語":                      "한국어 <kubectl> 日本語",
		"mismatched ``run` is text, `then code`": "mismatched ``run<is text,>then code`",
		"escaped \\`not code\\`":                 "escaped `not code`",
		"**bold `code`** and *em* and etcd_name": "bold <code> and em and etcd_name",
		"[the guide](https://example.com/g)":     "the guide (https://example.com/g)",
		"<https://example.com>":                  "https://example.com",
		"2 * 3 * 4 stays":                        "2 * 3 * 4 stays",
	} {
		var b strings.Builder
		for _, s := range textlayout.Inline(in) {
			if s.Face&textlayout.Code != 0 {
				b.WriteString("<" + s.Text + ">")
			} else {
				b.WriteString(s.Text)
			}
		}
		if got := b.String(); got != want {
			t.Errorf("Inline(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInlineFaces(t *testing.T) {
	got := textlayout.Inline("a **b `c`** _d_")
	want := []textlayout.Span{{Text: "a "}, {Text: "b ", Face: textlayout.Strong}, {Text: "c", Face: textlayout.Strong | textlayout.Code}, {Text: " "}, {Text: "d", Face: textlayout.Emph}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestMarkdownBlocks(t *testing.T) {
	md := "# Title\n\nOne paragraph\nover two lines.\n80. is not a list here.\n\n- first item that is long\n- second\n\n1. one\n2. two\n\n```\ncode  kept\n```\n\n> quoted text"
	want := []string{
		"Title",
		"",
		"One paragraph over two",
		"lines. 80. is not a list",
		"here.",
		"",
		"- first item that is",
		"  long",
		"- second",
		"",
		"1. one",
		"2. two",
		"",
		"code  kept",
		"",
		"│ quoted text",
	}
	if got := textlayout.Markdown(md, 24, textlayout.Style{}); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestFoldKeepsWhatFitsAndMarksCuts(t *testing.T) {
	block := "cat <<EOF\n  --initial-cluster controller-0=https://10.240.0.10:2380,controller-1=https://10.240.0.11:2380 \\\n\tEOF"
	got := textlayout.Fold(block, 40, textlayout.Style{})
	want := []string{
		"cat <<EOF",
		"  --initial-cluster ↩",
		"controller-0=https://10.240.0.10:2380,↩",
		"controller-1=https://10.240.0.11:2380 \\",
		"        EOF",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Every line is complete in itself: a face that spans two lines is drawn
// on each, and brackets open and close the span, not the line.
func TestStyleDrawsEachLine(t *testing.T) {
	st := textlayout.Style{
		Code:     func(s string) string { return "<" + s + ">" },
		Mark:     func(s string) string { return "{" + s + "}" },
		CodeOpen: "[", CodeClose: "]",
	}
	got := textlayout.Markdown("x `--apiserver-advertise-address` y", 16, st)
	want := []string{"x <[--apiserver->{↩}", "<advertise->{↩}", "<address]> y"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestWrapKeepsLinesAndReadsNoMarkdown(t *testing.T) {
	got := textlayout.Wrap("first `line` is long enough\n\nthird", 12)
	want := []string{"first `line`", "is long", "enough", "", "third"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// A status line that brings its own colours: they take no room, each line
// reopens and resets them, the indentation is kept, Japanese is typeset.
func TestWrapANSI(t *testing.T) {
	bold := "\x1b[1m"
	in := "  " + bold + "node-0" + "\x1b[0m" + " コマンドは何も出力せず、終了ステータス 4 で終了しました。" + "\x1b[31m" + "wget" + "\x1b[0m"
	got := textlayout.WrapANSI(in, 24)
	var plain []string
	for _, l := range got {
		if strings.Count(l, "\x1b[") != 2*strings.Count(l, "\x1b[0m") {
			t.Errorf("a colour left open: %q", l)
		}
		plain = append(plain, regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAllString(l, ""))
	}
	want := []string{"  node-0 コマンドは何も", "  出力せず、終了ステータ", "  ス 4 で終了しました。", "  wget"}
	if !reflect.DeepEqual(plain, want) {
		t.Errorf("got %q\nwant %q", plain, want)
	}
	if !strings.HasPrefix(got[0], "  "+bold+"node-0\x1b[0m") || got[3] != "  \x1b[31mwget\x1b[0m" {
		t.Errorf("colours not kept: %q", got)
	}
}
