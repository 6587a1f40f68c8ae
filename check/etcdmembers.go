package check

import (
	"fmt"
	"strings"
)

// EtcdMembers checks `etcdctl member list`: every expected member is present,
// started, with the expected peer and client URLs, and nobody else is. It
// reads etcd 3.3's five columns, 3.4+'s six (IsLearner) and the `-w table`
// form. Member ids are ignored: they are hashes, not facts to compare.
type EtcdMembers struct {
	Members []EtcdMember `yaml:"members"`
}

// EtcdMember is one expected member; empty URLs are not compared.
type EtcdMember struct {
	Name   string `yaml:"name"`
	Peer   string `yaml:"peer"`
	Client string `yaml:"client"`
}

const (
	EtcdStarted        Code = "etcd.started"
	EtcdMissing        Code = "etcd.missing"
	EtcdUnstarted      Code = "etcd.unstarted"
	EtcdWrongPeer      Code = "etcd.wrong_peer_url"
	EtcdWrongClient    Code = "etcd.wrong_client_url"
	EtcdLearner        Code = "etcd.learner"
	EtcdUnexpected     Code = "etcd.unexpected_member"
	EtcdNoMembers      Code = "etcd.no_members"
	EtcdDeadline       Code = "etcd.deadline_exceeded"
	EtcdBadCertificate Code = "etcd.bad_certificate"
)

func init() {
	register("etcd-members", "`etcdctl member list`: expected members started with the right URLs",
		func() Check { return &EtcdMembers{} })
}

func (c *EtcdMembers) Validate() error {
	if len(c.Members) == 0 {
		return fmt.Errorf("members: list the members that must be started")
	}
	for i, m := range c.Members {
		if m.Name == "" {
			return fmt.Errorf("members[%d]: name is required", i)
		}
	}
	return nil
}

type etcdRow struct {
	id, status, name, peer, client string
	learner                        bool
}

func parseEtcdMembers(text string) []etcdRow {
	var rows []etcdRow
	for _, l := range lines(text) {
		t := strings.TrimSpace(l)
		var f []string
		switch {
		case strings.HasPrefix(t, "|"): // -w table
			for _, cell := range strings.Split(strings.Trim(t, "|"), "|") {
				f = append(f, strings.TrimSpace(cell))
			}
			if len(f) > 0 && f[0] == "ID" {
				continue
			}
		case strings.Count(t+" ", ", ") >= 4:
			// An unstarted member ends in ", " with nothing after it;
			// pasted outputs often lose that trailing space.
			f = strings.Split(t+" ", ", ")
			for i := range f {
				f[i] = strings.TrimSpace(f[i])
			}
		default:
			continue
		}
		if len(f) < 5 || !isHex(f[0]) {
			continue
		}
		r := etcdRow{id: f[0], status: f[1], name: f[2], peer: f[3], client: f[4]}
		if len(f) >= 6 {
			r.learner = f[5] == "true"
		}
		rows = append(rows, r)
	}
	return rows
}

func isHex(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

func (c *EtcdMembers) Evaluate(out Output) Result {
	rows := parseEtcdMembers(out.Text)
	if len(rows) == 0 {
		low := strings.ToLower(out.Text)
		// etcdctl 3.4+ logs the TLS cause in a warning, then ends with
		// "Error: context deadline exceeded": name the cause.
		switch {
		case strings.Contains(low, "bad certificate") || strings.Contains(low, "x509:"):
			return result([]Item{fail("etcd", EtcdBadCertificate, firstMatching(out.Text, "certificate", "x509"))})
		case strings.Contains(low, "context deadline exceeded"):
			return result([]Item{fail("etcd", EtcdDeadline)})
		}
		if it, bad := preflight("etcd", out); bad {
			return result([]Item{it})
		}
		return result([]Item{fail("etcd", EtcdNoMembers, firstLine(out.Text))})
	}
	var items []Item
	used := make([]bool, len(rows))
	for _, m := range c.Members {
		idx := -1
		for i, r := range rows {
			if r.name == m.Name {
				idx = i
				break
			}
		}
		if idx < 0 && m.Peer != "" {
			// An unstarted member has no name yet: find it by its peer URL.
			for i, r := range rows {
				if r.name == "" && r.peer == m.Peer {
					idx = i
					break
				}
			}
		}
		if idx < 0 {
			items = append(items, fail(m.Name, EtcdMissing))
			continue
		}
		used[idx] = true
		r := rows[idx]
		switch {
		case r.status != "started":
			items = append(items, fail(m.Name, EtcdUnstarted, r.status))
		case m.Peer != "" && !hasURL(r.peer, m.Peer):
			items = append(items, fail(m.Name, EtcdWrongPeer, r.peer, m.Peer))
		case m.Client != "" && !hasURL(r.client, m.Client):
			items = append(items, fail(m.Name, EtcdWrongClient, r.client, m.Client))
		case r.learner:
			items = append(items, fail(m.Name, EtcdLearner))
		default:
			items = append(items, ok(m.Name, EtcdStarted))
		}
	}
	for i, r := range rows {
		if !used[i] {
			name := r.name
			if name == "" {
				name = r.peer
			}
			if name == "" {
				name = r.id
			}
			items = append(items, fail(name, EtcdUnexpected, r.id, r.peer))
		}
	}
	return result(items)
}

// firstMatching returns the first line containing one of the words.
func firstMatching(text string, words ...string) string {
	for _, l := range lines(text) {
		for _, w := range words {
			if strings.Contains(strings.ToLower(l), w) {
				return strings.TrimSpace(l)
			}
		}
	}
	return firstLine(text)
}

// hasURL: a member may advertise several URLs, comma-separated.
func hasURL(list, want string) bool {
	for _, u := range strings.Split(list, ",") {
		if strings.TrimSpace(u) == want {
			return true
		}
	}
	return false
}
