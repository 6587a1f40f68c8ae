package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// printRoomTable prints the learner x chapter grid, then for every lab that
// did not pass what is wrong: the first failing step, its host, why, the
// hint; the hosts that could not be reached; an inventory that is wrong.
func (a *app) printRoomTable(res *roomResult) {
	cols := make([]string, len(res.Chapters))
	for i, ch := range res.Chapters {
		cols[i] = chapterCode(ch)
	}
	a.printf("%s\n", a.bold(a.msg("room.title", res.File, fmt.Sprint(len(res.Labs)))))
	for i, ch := range res.Chapters {
		a.printf("  %s %s\n", a.dim(cols[i]), res.titles[ch])
	}
	rows := [][]string{append([]string{a.msg("room.lab")}, cols...)}
	for _, run := range res.Labs {
		row := []string{run.Name}
		for _, ch := range res.Chapters {
			row = append(row, a.cellText(run, run.cell(ch)))
		}
		rows = append(rows, row)
	}
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	a.printf("\n")
	for ri, r := range rows {
		var b strings.Builder
		for i, c := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			if ri == 0 {
				c = a.bold(c)
			}
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)))
			}
		}
		a.printf("%s\n", b.String())
	}
	passed := 0
	for _, run := range res.Labs {
		if run.Status == roomPassed {
			passed++
			continue
		}
		a.printLabTrouble(run)
	}
	a.printf("\n%s\n", a.bold(a.msg("room.summary", fmt.Sprint(passed), fmt.Sprint(len(res.Labs)))))
}

func (a *app) printLabTrouble(run *roomLabRun) {
	a.printf("\n%s %s\n", a.bold(run.Name), a.dim(run.Inventory))
	if run.Error != "" {
		a.printf("  %s\n", a.red(run.Error))
		return
	}
	for _, c := range run.Chapters {
		if c.Status != roomFailed {
			continue
		}
		where := c.Step
		if c.Host != "" {
			where = a.msg("room.step_on_host", c.Step, c.Host)
		}
		a.printf("  %s %s\n", a.red("✗"), where)
		a.printf("    %s\n", indentLines(c.Reason, "    "))
		if c.Hint != "" {
			a.printf("    %s\n", a.dim(a.msg("room.hint")+" "+indentLines(c.Hint, "    ")))
		}
	}
	for _, h := range sortedKeys(run.Lost) {
		a.printf("  %s %s\n", a.yellow("⊘ "+a.msg("room.unreachable_host", h)), a.dim(run.Lost[h]))
	}
}

// cellText is one cell of the grid: ✓, ✗ step@host, ⊘ hosts, or —.
func (a *app) cellText(run *roomLabRun, c *roomCell) string {
	switch {
	case run.lab == nil:
		return a.red("! " + a.msg("room.lab_error"))
	case c == nil || c.Status == roomNoChecks:
		return a.dim("—")
	case c.Status == roomFailed:
		at := strings.TrimPrefix(c.Step, c.Chapter+"/")
		if c.Host != "" {
			at += "@" + c.Host
		}
		return a.red("✗ " + at)
	case c.Status == roomUnreachable:
		return a.yellow("⊘ " + strings.Join(c.Hosts, ","))
	}
	return a.green("✓")
}

func (run *roomLabRun) cell(chapter string) *roomCell {
	for _, c := range run.Chapters {
		if c.Chapter == chapter {
			return c
		}
	}
	return nil
}

// chapterCode is a chapter's number ("07"), or its slug when it has none.
func chapterCode(slug string) string {
	num, _, ok := strings.Cut(slug, "-")
	if ok && num != "" && strings.Trim(num, "0123456789") == "" {
		return num
	}
	return slug
}

func (a *app) printRoomJSON(res *roomResult) error {
	enc := json.NewEncoder(a.env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}

// printRoomCSV prints one line per lab and chapter, for a spreadsheet.
func (a *app) printRoomCSV(res *roomResult) error {
	w := csv.NewWriter(a.env.Stdout)
	w.Write([]string{"lab", "inventory", "chapter", "status", "step", "host", "reason", "unreachable"})
	for _, run := range res.Labs {
		if run.lab == nil {
			w.Write([]string{run.Name, run.Inventory, "", roomLabError, "", "", run.Error, ""})
			continue
		}
		for _, c := range run.Chapters {
			w.Write([]string{run.Name, run.Inventory, c.Chapter, c.Status, c.Step, c.Host, c.Reason, strings.Join(c.Hosts, " ")})
		}
	}
	w.Flush()
	return w.Error()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// indentLines indents every line of text but the first.
func indentLines(text, indent string) string {
	return strings.ReplaceAll(strings.TrimSpace(text), "\n", "\n"+indent)
}
