package steps

import (
	"regexp"
	"strings"
)

// loginLine matches the tutorial lines that only open a shell on a machine
// (ssh root@server, gcloud compute ssh controller-0, vagrant ssh k8s-client,
// su - root) or leave it (a prompt line with exit). hardway does these
// itself: it is connected to every host already.
var loginLine = regexp.MustCompile(`^(?:(?:gcloud compute |vagrant )?ssh(?: -\S+)* [\w.@-]+|su -(?: root)?|sudo -i|sudo su -?|\S+[:@]\S*[$#] exit|exit)$`)

// loginOnly reports whether every line of the blocks is a login: such a
// manual step is hardway's to do; any other manual step is the learner's.
func loginOnly(blocks []string) bool {
	seen := false
	for _, b := range blocks {
		for _, l := range strings.Split(b, "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.HasPrefix(l, "#") {
				continue
			}
			if !loginLine.MatchString(l) {
				return false
			}
			seen = true
		}
	}
	return seen
}
