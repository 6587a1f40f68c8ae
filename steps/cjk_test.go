package steps

import "testing"

func TestUnwrapCJK(t *testing.T) {
	cases := []struct{ in, want string }{
		// Japanese: the break between two kana or kanji goes.
		{"EC2 はインスタンス\nごとに固有の値です。", "EC2 はインスタンスごとに固有の値です。"},
		{"確認します。\n次に", "確認します。次に"},
		// A break next to Latin text or code stays a space.
		{"証明書を\n`ca.pem` に", "証明書を\n`ca.pem` に"},
		{"the line\nbreaks", "the line\nbreaks"},
		// Korean separates words with spaces.
		{"인증서를\n만듭니다", "인증서를\n만듭니다"},
		// Blocks are not paragraphs.
		{"説明です。\n- 項目", "説明です。\n- 項目"},
		{"説明です。\n1. 項目", "説明です。\n1. 項目"},
		{"```\n日本\n語\n```", "```\n日本\n語\n```"},
		{"段落です。\n\n次の段落", "段落です。\n\n次の段落"},
		// Three lines of one paragraph.
		{"一行目の\n二行目の\n三行目", "一行目の二行目の三行目"},
	}
	for _, c := range cases {
		if got := unwrapCJK(c.in); got != c.want {
			t.Errorf("unwrapCJK(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
