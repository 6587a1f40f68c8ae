package textlayout_test

import (
	"reflect"
	"testing"

	"github.com/rivo/uniseg"

	"hardway/locales/textlayout"
)

var brackets = textlayout.Style{CodeOpen: "[", CodeClose: "]"}

func TestLineBreakingRules(t *testing.T) {
	for _, tc := range []struct {
		name string
		md   string
		w    int
		want []string
	}{
		{"English breaks at spaces only", "use kube-proxy and https://example.com/a/b today", 24,
			[]string{"use kube-proxy and", "https://example.com/a/b", "today"}},
		{"Japanese breaks between characters", "クラスターの状態を保存します。", 10,
			[]string{"クラスター", "の状態を保", "存します。"}},
		{"no line starts with 。、） or a small kana or ー", "あいうえ。かきくけ、さしすせっそ", 8,
			[]string{"あいう", "え。かき", "くけ、さ", "しすせっ", "そ"}},
		{"no line ends with （「", "あいうえお（かきく）", 12,
			[]string{"あいうえお", "（かきく）"}},
		{"a particle stays with its word, across a space", "とても長い説明の `etcd` と `etcdctl` です", 16,
			[]string{"とても長い説明", "の [etcd] と", "[etcdctl] です"}},
		{"a number keeps its counter", "コントローラー3台に", 16,
			[]string{"コントローラー", "3台に"}},
		{"a Korean word and its particle stay together", "바이너리를 `PATH`에 넣습니다", 14,
			[]string{"바이너리를", "[PATH]에", "넣습니다"}},
		{"Korean never breaks inside a word", "시작하고 멈춥니다", 10,
			[]string{"시작하고", "멈춥니다"}},
		{"a code span longer than the line is cut at - and marked", "see `--apiserver-advertise-address` now", 20,
			[]string{"see [--apiserver-↩", "advertise-address]", "now"}},
		{"a code span that fits a line is never cut, even at its spaces", "run `gcloud compute ssh` first", 22,
			[]string{"run", "[gcloud compute ssh]", "first"}},
	} {
		got := textlayout.Markdown(tc.md, tc.w, brackets)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
		for _, l := range got {
			if uniseg.StringWidth(l) > tc.w {
				t.Errorf("%s: %q is wider than %d", tc.name, l, tc.w)
			}
		}
	}
}
