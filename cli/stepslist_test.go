package cli

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// hardway steps lines up every title, however long the step's name, ends
// no line with blanks, and says what its marks mean.
func TestStepsListingIsAlignedAndExplained(t *testing.T) {
	for _, track := range []string{"classic", "current", "onprem", "binary", "kubeadm"} {
		r := run(t, "", nil, "steps", "--track", track)
		if r.code != 0 {
			t.Fatalf("%s: %+v", track, r)
		}
		lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
		titleCol := -1
		legend := lines[len(lines)-1]
		for i, line := range lines[:len(lines)-1] {
			if strings.HasSuffix(line, " ") {
				t.Errorf("%s: line %d ends with a blank: %q", track, i+1, line)
			}
			// A step's second line: hosts and marks under the title.
			if !strings.HasPrefix(strings.TrimSpace(line), "→ ") {
				continue
			}
			col := utf8.RuneCountInString(line) - utf8.RuneCountInString(strings.TrimLeft(line, " "))
			if titleCol == -1 {
				titleCol = col
			}
			if col != titleCol {
				t.Errorf("%s: line %d starts at column %d, not %d: %q", track, i+1, col, titleCol, line)
			}
			// The line above names the step, then its title in the same column.
			above := lines[i-1]
			name := strings.Fields(above)[0]
			if len(above) <= titleCol || above[titleCol-1] != ' ' || above[titleCol] == ' ' ||
				strings.TrimSpace(above[:titleCol]) != name {
				t.Errorf("%s: title of %s is not in column %d: %q", track, name, titleCol, above)
			}
		}
		if titleCol == -1 {
			t.Fatalf("%s: no step listed:\n%s", track, r.stdout)
		}
		if !strings.Contains(legend, "✓") || !strings.Contains(legend, "→") || !strings.Contains(legend, "output") {
			t.Errorf("%s: no legend for the marks at the end: %q", track, legend)
		}
	}
	// The longest name of the classic track keeps one blank before its title.
	r := run(t, "", nil, "steps", "05")
	if !strings.Contains(r.stdout, "  controller-manager-kubeconfig Write") {
		t.Errorf("long step name:\n%s", r.stdout)
	}
	if r := run(t, "", nil, "steps", "07", "--lang", "ko"); !strings.Contains(r.stdout, "✓ 종류: hardway가 단계를 검증하는 방법") {
		t.Errorf("the legend in Korean:\n%s", r.stdout)
	}
}
