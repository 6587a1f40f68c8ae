package tui

import "strings"

// chapterNumber is the number a chapter's slug starts with, sub-numbers
// included: "06-1-master-nodes" is 06.1, so sibling chapters differ.
func chapterNumber(slug string) string {
	var nums []string
	for _, part := range strings.Split(slug, "-") {
		if part == "" || strings.Trim(part, "0123456789") != "" {
			break
		}
		nums = append(nums, part)
	}
	return strings.Join(nums, ".")
}
