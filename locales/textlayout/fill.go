package textlayout

import "strings"

// A line is the clusters it shows; cont: it cuts a long word, marked.
type line struct {
	cs   []cluster
	cont bool
}

// An atom is the text between two places a line may break: it goes on one
// line, unless it is longer than a line.
type atom struct {
	cs     []cluster // without the spaces after it
	spaced bool      // spaces come before it in the text
	width  int
	code   bool // it is one code span and nothing else
}

// atoms cuts a paragraph where breakBefore allows.
func atoms(cs []cluster) []atom {
	var out []atom
	start, prev := -1, -1 // the atom being built; its last cluster that is not a space
	spaced := false
	for k := range cs {
		if cs[k].space {
			continue
		}
		switch {
		case start < 0:
			start = k
		case breakBefore(cs, prev, k, prev != k-1):
			out = append(out, newAtom(cs[start:prev+1], spaced))
			start, spaced = k, prev != k-1
		}
		prev = k
	}
	if start >= 0 {
		out = append(out, newAtom(cs[start:prev+1], spaced))
	}
	return out
}

func newAtom(cs []cluster, spaced bool) atom {
	code := cs[0].span != 0 && cs[len(cs)-1].span == cs[0].span
	return atom{cs: cs, spaced: spaced, width: width(cs), code: code}
}

func width(cs []cluster) int {
	w := 0
	for _, c := range cs {
		w += c.width
	}
	return w
}

// space is the one space a break that did not happen leaves between atoms.
var space = cluster{text: " ", width: 1, space: true}

// fill lays a paragraph out in lines of at most w columns.
func fill(cs []cluster, w, markW int) []line {
	as := atoms(cs)
	for _, a := range as {
		if a.width > w {
			return firstFit(as, w, markW)
		}
	}
	return balanced(as, w)
}

// balanced breaks the lines where their raggedness, summed over all lines
// but the last, is least (Knuth and Plass's way, for text that is never
// stretched): as few lines as can be end visibly short.
func balanced(as []atom, w int) []line {
	n := len(as)
	cost := make([]int, n+1) // of laying out as[i:]
	next := make([]int, n+1) // the atom that starts the line after the one that starts at i
	for i := n - 1; i >= 0; i-- {
		cost[i] = -1
		width := 0
		for j := i; j < n; j++ {
			if j > i && as[j].spaced {
				width++
			}
			width += as[j].width
			if width > w {
				break
			}
			c := cost[j+1]
			if j < n-1 {
				c += raggedness(w - width)
			}
			if j == i && n > 1 && as[i].code && 2*as[i].width <= w {
				c += codeAlone
			}
			if cost[i] < 0 || c <= cost[i] {
				cost[i], next[i] = c, j+1
			}
		}
	}
	var out []line
	for i := 0; i < n; i = next[i] {
		var cs []cluster
		for j := i; j < next[i]; j++ {
			if j > i && as[j].spaced {
				cs = append(cs, space)
			}
			cs = append(cs, as[j].cs...)
		}
		out = append(out, line{cs: cs})
	}
	if len(out) == 0 {
		out = append(out, line{})
	}
	return out
}

// firstFit puts as many atoms on each line as fit; an atom longer than the
// line is split, its first piece ending the line it starts on.
func firstFit(as []atom, w, markW int) []line {
	var out []line
	var cur []cluster
	curW := 0
	for _, a := range as {
		gap := 0
		if a.spaced && len(cur) > 0 {
			gap = 1
		}
		switch {
		case curW+gap+a.width <= w:
			if gap > 0 {
				cur = append(cur, space)
			}
			cur = append(cur, a.cs...)
			curW += gap + a.width
			continue
		case a.width <= w:
			out = append(out, line{cs: cur})
			cur, curW = append([]cluster(nil), a.cs...), a.width
			continue
		}
		// Longer than a line: its first piece may end this line.
		first := w - curW - gap
		if len(cur) == 0 {
			first = w
		}
		pieces := split(a.cs, first, w, markW)
		if len(cur) > 0 {
			if len(pieces[0].cs) == 0 {
				out = append(out, line{cs: cur})
				cur = nil
				pieces = pieces[1:]
			} else if gap > 0 {
				pieces[0].cs = append(append(append([]cluster(nil), cur...), space), pieces[0].cs...)
			} else {
				pieces[0].cs = append(append([]cluster(nil), cur...), pieces[0].cs...)
			}
		}
		out = append(out, pieces[:len(pieces)-1]...)
		last := pieces[len(pieces)-1]
		cur, curW = last.cs, width(last.cs)
	}
	return append(out, line{cs: cur})
}

// split cuts a run longer than a line into pieces: the first at most
// first columns wide, the others w, each but the last followed by the
// Continue mark. A cut goes where isCut allows when one fits, else
// anywhere. When nothing fits in first, the first piece is empty (and
// unmarked): the run starts on a new line.
func split(cs []cluster, first, w, markW int) []line {
	var out []line
	capacity := first
	for len(cs) > 0 {
		if width(cs) <= capacity {
			return append(out, line{cs: cs})
		}
		room := capacity - markW
		cut, cutW, used, anywhere := 0, 0, 0, 0
		var best [len(cutRank)]struct{ at, w int } // the last cut of each rank
		for i, c := range cs[:len(cs)-1] {
			if used+c.width > room {
				break
			}
			used += c.width
			anywhere = i + 1
			if r := rank(c, cs[i+1]); r >= 0 {
				cut, cutW = i+1, used
				best[r].at, best[r].w = cut, cutW
			}
		}
		// The better separator (a space, then , = / -) when its piece
		// fills half the line: arguments and list items stay whole.
		for _, b := range best {
			if b.at > 0 && 2*b.w >= room {
				cut, cutW = b.at, b.w
				break
			}
		}
		switch {
		case cut > 0 && (capacity == w || cutW >= minShared):
		case capacity < w:
			out = append(out, line{}) // a new line has more room
			capacity = w
			continue
		default:
			cut = max(anywhere, 1)
		}
		out = append(out, line{cs: cs[:cut], cont: true})
		cs, capacity = cs[cut:], w
	}
	return out
}

// minShared: a cut piece shorter than this does not end a line that has
// other text; the run starts on the next line instead.
const minShared = 8

// cutRank lists where a long run may be cut, the better first: after a
// space inside a code span (not the space that glues a Japanese particle
// to its word), then after , = / and -.
const cutRank = " ,=/-"

// rank of a cut after c (and before next) in cutRank, or -1.
func rank(c, next cluster) int {
	if c.text == " " && (c.span == 0 || next.span != c.span) {
		return -1
	}
	if len(c.text) != 1 {
		return -1
	}
	return strings.IndexByte(cutRank, c.text[0])
}

// raggedness of a line that ends room columns short: a line 12 or more
// short reads as a hole in the paragraph, so one such line costs more than
// any number of lines a little short; below that, lines are filled as full
// as they go (Japanese is set in full lines), not evened out.
func raggedness(room int) int {
	if room >= shortLine {
		return 1<<20 + room
	}
	return room
}

// codeAlone is the cost of a short code span alone on a line: it reads as
// a fragment cut from its sentence, worse than any ragged edge.
const codeAlone = 1 << 26

// shortLine: a line ending this many columns short is noticed (the native
// review's measure).
const shortLine = 12
