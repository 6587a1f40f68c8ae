package steps_test

import (
	"strings"
	"testing"

	"hardway/content"
	"hardway/locales"
	"hardway/steps"
)

// Breaking a glossary rule in a track's prose makes lint fail, naming the
// file and line and the rule; the rest of the file stays quiet.
func TestStyleLintNamesFileAndLine(t *testing.T) {
	got := loadAndLint(t, with(map[string]string{
		"prose/ko/01-one.md": "# 하나\n\n## hello: 인사하기\n\n로드밸런서 주소를 확인하십시오.\n\n### hint\n\n보세요.\n",
		"prose/ja/01-one.md": "# 一\n\n## hello: 挨拶の確認\n\nAPIサーバーは第3章で作った `ca.pem` を使います。\n\n### hint\n\n「ok」が出ない場合は、ワーカーを確認してください。\n",
	}))
	want := []string{
		`mini/prose/ko/01-one.md:3: step titles are noun phrases: a verbal noun without 하기 (설치, not 설치하기) (인사하기) (glossary: heading)`,
		`mini/prose/ko/01-one.md:5: "로드밸런서": write 로드 밸런서 (glossary: load balancer)`,
		`mini/prose/ko/01-one.md:5: "십시오": end instructions with -세요 (확인하세요), not -십시오 (glossary: register)`,
		`mini/prose/ja/01-one.md:3: step titles say what the learner does, in a verb's dictionary form (挨拶の確認) (glossary: heading)`,
		`mini/prose/ja/01-one.md:5: "第3章": refer to chapters as 04章`,
		`mini/prose/ja/01-one.md:5: "API": a half-width space between Japanese and a Latin word or inline code (glossary: spacing)`,
		`mini/prose/ja/01-one.md:9: "ワーカー": write ワーカーノード (glossary: worker node)`,
	}
	all := strings.Join(got, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("lint does not say\n  %s\nit says:\n%s", w, all)
		}
	}
	if len(got) != len(want) {
		t.Errorf("want %d problems, got %d:\n%s", len(want), len(got), all)
	}
}

// A refused term broken across two lines of a paragraph is found too, on
// the second line; the same two words in separate paragraphs are not.
func TestStyleLintFindsTermsAcrossLineBreaks(t *testing.T) {
	got := loadAndLint(t, with(map[string]string{
		"prose/ko/01-one.md": "# 하나\n\n## hello: 인사\n\n스케줄러의 헬스\n체크 포트를 엽니다.\n\n로드\n\n밸런서입니다.\n",
	}))
	want := `mini/prose/ko/01-one.md:6: "헬스 체크": write 상태 확인 (glossary: GCP health check) (across the line break)`
	var style []string
	for _, g := range got {
		if strings.Contains(g, "glossary") {
			style = append(style, g)
		}
	}
	if len(style) != 1 || style[0] != want {
		t.Errorf("lint says:\n%s\nwant exactly:\n%s", strings.Join(got, "\n"), want)
	}
}

// The spacing rule, one case at a time: the Latin words and code take a
// half-width space from Japanese, numbers and full-width punctuation none.
func TestJapaneseSpacing(t *testing.T) {
	gs, err := steps.Glossaries()
	if err != nil {
		t.Fatal(err)
	}
	ja := gs[locales.JA]
	for _, c := range []struct {
		text string
		ok   bool
	}{
		{"API サーバーは3台のコントローラーで動きます。", true},
		{"`etcd` を04章で作成した証明書で起動します。", true},
		{"ノード（`node-0`、`node-1`）に kubectl でアクセスします。", true},
		{"06-1章の手順です。", true},
		{"CentOS 8 を使います。", true},
		{"vCPU 1個のマシンでは止まります。", true},
		{"CentOS 8を使います。", false},
		{"APIサーバーを起動します。", false},
		{"`etcd`を起動します。", false},
		{"3 台のマシンがあります。", false},
		{"ポート 6443 で待ち受けます。", false},
		{"「 ok 」と表示されます。", false},
		{"設定を 確認します。", false},
	} {
		probs := ja.CheckText(c.text)
		if (len(probs) == 0) != c.ok {
			t.Errorf("%s: ok=%v, problems %v", c.text, c.ok, probs)
		}
	}
}

// The embedded tracks follow the glossary and record the English revision
// of every translated section.
func TestEmbeddedProseFollowsTheGlossary(t *testing.T) {
	tracks, err := steps.LoadAll(content.FS, "content")
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range tracks {
		for _, e := range steps.Lint(tr) {
			if strings.Contains(e.Msg, "(glossary: ") || strings.Contains(e.Msg, "English revision") {
				t.Error(e)
			}
		}
		for _, s := range steps.StaleSections(tr) {
			t.Error(s.Error())
		}
	}
}

// Korean titles: a verbal noun drops 하기; a one-syllable verb with 하다
// (정하기) and native verbs (내려받기) keep their -기 form.
func TestKoreanHeadingForm(t *testing.T) {
	gs, err := steps.Glossaries()
	if err != nil {
		t.Fatal(err)
	}
	ko := gs[locales.KO]
	for title, ok := range map[string]bool{
		"etcd 설치":                        true,
		"etcd 내려받기":                      true,
		"멤버 이름 정하기":                      true,
		"kubectl 내려받기(macOS)":            true,
		"etcd 설치하기":                      false,
		"외부 이름 조회하기":                     false,
		"API 서버가 kubelet API를 쓸 수 있게 하기": false,
		"kubectl 설치하기(macOS)":            false,
	} {
		md := "# 하나\n\n## one: " + title + "\n\n본문입니다.\n"
		if got := len(ko.CheckMarkdown("x.md", md)) == 0; got != ok {
			t.Errorf("%q: passes=%v, want %v", title, got, ok)
		}
	}
}
