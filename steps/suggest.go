package steps

import (
	"sort"
	"strings"
)

// Nearest returns up to n candidates closest to s: those that contain it or
// that it contains first, then by edit distance, for "did you mean" messages.
func Nearest(s string, candidates []string, n int) []string {
	type scored struct {
		c    string
		d    int
		edit int // among names that contain s, the closest first
	}
	var list []scored
	ls := strings.ToLower(s)
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := distance(ls, lc)
		edit := d
		if ls != "" && (strings.Contains(lc, ls) || strings.Contains(ls, lc)) {
			d = 0
		}
		list = append(list, scored{c, d, edit})
	}
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].d != list[j].d {
			return list[i].d < list[j].d
		}
		return list[i].edit < list[j].edit
	})
	var out []string
	for _, x := range list {
		// Farther than half the word is noise, not a suggestion.
		if x.d > max(3, len(s)/2) {
			break
		}
		out = append(out, x.c)
		if len(out) == n {
			break
		}
	}
	return out
}

func suggest(s string, candidates []string) string {
	near := Nearest(s, candidates, 3)
	if len(near) == 0 {
		return ""
	}
	return " (did you mean " + strings.Join(near, ", ") + "?)"
}

// distance is the Levenshtein edit distance.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
