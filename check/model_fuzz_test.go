package check

import (
	"fmt"
	"strings"
	"testing"
	"text/tabwriter"
)

// Model-based fuzz targets: the fuzzer picks a cluster state, the test
// prints it the way the real tool does (in each of its formats) and
// compares the verdict with the one the state implies.

// planner hands out the fuzzer's bytes one at a time (zero when used up).
type planner struct {
	b []byte
	i int
}

func (p *planner) next(n int) int {
	if p.i >= len(p.b) {
		return 0
	}
	v := int(p.b[p.i]) % n
	p.i++
	return v
}

// shuffle permutes rows as the planner says.
func shuffle[T any](p *planner, rows []T) {
	for i := len(rows) - 1; i > 0; i-- {
		j := p.next(i + 1)
		rows[i], rows[j] = rows[j], rows[i]
	}
}

// kubectlTable aligns cells as kubectl's printers do (tabwriter, padding 3).
func kubectlTable(rows [][]string) string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 6, 4, 3, ' ', 0)
	for _, r := range rows {
		fmt.Fprintln(w, strings.Join(r, "\t"))
	}
	w.Flush()
	return b.String()
}

func FuzzEtcdMembersModel(f *testing.F) {
	f.Add([]byte{1, 1, 1, 0, 1, 0, 0, 0, 0})
	f.Add([]byte{2, 3, 4, 1, 0, 1, 2, 1, 0})
	f.Add([]byte{5, 0, 2, 1, 2, 0, 1, 0, 1})
	f.Fuzz(func(t *testing.T, plan []byte) {
		p := &planner{b: plan}
		type row struct {
			id, status, name, peer, client string
			learner                        bool
		}
		format := p.next(3) // 0: etcd 3.3, 1: etcd 3.4+, 2: -w table
		var rows []row
		var items []want
		for i, m := range etcdExpect3 {
			r := row{id: fmt.Sprintf("%016x", 0x3a57933972cb5131+uint64(i)*0x1111), status: "started",
				name: m.Name, peer: m.Peer, client: m.Client}
			switch p.next(7) {
			case 0: // never added
				items = append(items, bad(m.Name, EtcdMissing))
				continue
			case 1, 6:
				items = append(items, pass(m.Name, EtcdStarted))
			case 2:
				r.status, r.name, r.client = "unstarted", "", ""
				items = append(items, bad(m.Name, EtcdUnstarted, "unstarted"))
			case 3:
				if format == 0 { // etcd 3.3 has no learners
					items = append(items, pass(m.Name, EtcdStarted))
				} else {
					r.learner = true
					items = append(items, bad(m.Name, EtcdLearner))
				}
			case 4:
				r.peer = strings.Replace(m.Peer, "https://", "http://", 1)
				items = append(items, bad(m.Name, EtcdWrongPeer, r.peer, m.Peer))
			case 5:
				r.client = "https://127.0.0.1:2379"
				items = append(items, bad(m.Name, EtcdWrongClient, r.client, m.Client))
			}
			rows = append(rows, r)
		}
		if p.next(2) == 1 {
			rows = append(rows, row{id: "6e2a4c2e5f3c9b11", status: "started", name: "worker-0",
				peer: "https://10.240.0.20:2380", client: "https://10.240.0.20:2379"})
		}
		shuffle(p, rows)
		for _, r := range rows {
			if r.name == "worker-0" {
				items = append(items, bad("worker-0", EtcdUnexpected, r.id, r.peer))
			}
		}
		trailing := p.next(2) == 1
		var b strings.Builder
		switch format {
		case 0, 1:
			for _, r := range rows {
				cols := []string{r.id, r.status, r.name, r.peer, r.client}
				if format == 1 {
					cols = append(cols, fmt.Sprint(r.learner))
				}
				line := strings.Join(cols, ", ")
				if !trailing {
					line = strings.TrimRight(line, " ")
				}
				b.WriteString(line + "\n")
			}
		case 2:
			sep := "+------------------+-----------+--------------+--------------------------+--------------------------+------------+\n"
			b.WriteString(sep)
			fmt.Fprintf(&b, "| %16s | %9s | %12s | %24s | %24s | %10s |\n", "ID", "STATUS", "NAME", "PEER ADDRS", "CLIENT ADDRS", "IS LEARNER")
			b.WriteString(sep)
			for _, r := range rows {
				fmt.Fprintf(&b, "| %16s | %9s | %-12s | %-24s | %-24s | %10v |\n", r.id, r.status, r.name, r.peer, r.client, r.learner)
			}
			b.WriteString(sep)
		}
		text := b.String()
		if p.next(2) == 1 {
			text = crlf(text)
		}
		c := &EtcdMembers{Members: etcdExpect3}
		r := checkEvaluate(t, c, ran(text, 0))
		if len(rows) == 0 {
			// No member rows: nothing printed, or a table with no rows.
			if format == 2 {
				assertResult(t, r, false, []want{bad("etcd", EtcdNoMembers)})
			} else {
				assertResult(t, r, false, []want{bad("etcd", EmptyOutput)})
			}
			return
		}
		wantPass := true
		for _, w := range items {
			wantPass = wantPass && w.OK
		}
		assertResult(t, r, wantPass, items)
	})
}

func FuzzNodesModel(f *testing.F) {
	f.Add([]byte{1, 0, 1, 0, 1, 0, 0, 0, 0})
	f.Add([]byte{2, 1, 0, 0, 3, 1, 1, 2, 1})
	f.Fuzz(func(t *testing.T, plan []byte) {
		p := &planner{b: plan}
		wide := p.next(2) == 1
		header := []string{"NAME", "STATUS", "ROLES", "AGE", "VERSION"}
		if wide {
			header = append(header, "INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME")
		}
		var rows [][]string
		var items []want
		for i, n := range workers3 {
			status := []string{"", "Ready", "NotReady", "Unknown", "Ready,SchedulingDisabled"}[p.next(5)]
			version := []string{"v1.15.3", "v1.14.1"}[p.next(2)]
			switch {
			case status == "":
				items = append(items, bad(n, NodeMissing))
				continue
			case status != "Ready":
				items = append(items, bad(n, NodeNotReady, status))
			case version != "v1.15.3":
				items = append(items, bad(n, NodeWrongVersion, version, "v1.15.3"))
			default:
				items = append(items, pass(n, NodeReady, version))
			}
			r := []string{n, status, "<none>", []string{"15s", "2m9s", "35m", "3d"}[p.next(4)], version}
			if wide {
				r = append(r, fmt.Sprintf("10.240.0.2%d", i), "<none>", "Ubuntu 18.04.3 LTS", "4.15.0-1044-gcp", "containerd://1.2.9")
			}
			rows = append(rows, r)
		}
		shuffle(p, rows)
		text := kubectlTable(append([][]string{header}, rows...))
		if p.next(2) == 1 {
			text = crlf(text)
		}
		c := &Nodes{Nodes: workers3, Version: "v1.15.3"}
		wantPass := true
		for _, w := range items {
			wantPass = wantPass && w.OK
		}
		assertResult(t, checkEvaluate(t, c, ran(text, 0)), wantPass, items)
	})
}

func FuzzComponentStatusesModel(f *testing.F) {
	f.Add([]byte{1, 1, 1, 1, 1, 0, 0, 0})
	f.Add([]byte{2, 2, 3, 0, 1, 1, 1, 2})
	f.Fuzz(func(t *testing.T, plan []byte) {
		p := &planner{b: plan}
		era := p.next(3) // 0: v1.15 (Go < 1.14 errors), 1: v1.18, 2: v1.20+ (warning, quoted URLs)
		var rows [][]string
		var items []want
		for _, n := range csExpect {
			var msg string
			switch {
			case strings.HasPrefix(n, "etcd"):
				msg = []string{`{"health": "true"}`, `{"health":"true"}`, `{"health":"true","reason":""}`}[era]
			default:
				msg = "ok"
			}
			switch p.next(4) {
			case 0:
				items = append(items, bad(n, CSMissing))
				continue
			case 1:
				items = append(items, pass(n, CSHealthy))
				rows = append(rows, []string{n, "Healthy", msg, ""})
			case 2:
				var url string
				switch n {
				case "scheduler":
					url = "http://127.0.0.1:10251/healthz"
				case "controller-manager":
					url = "http://127.0.0.1:10252/healthz"
				default:
					url = "https://10.240.0.1" + n[len(n)-1:] + ":2379/health"
				}
				host := strings.Split(strings.Split(url, "//")[1], "/")[0]
				if era == 2 {
					url = `"` + url + `"`
				}
				detail := "Get " + url + ": dial tcp " + host + ": connect: connection refused"
				if strings.HasPrefix(n, "etcd") {
					items = append(items, bad(n, CSUnhealthy, "Unhealthy", detail))
				} else {
					items = append(items, bad(n, CSObsolete, detail))
				}
				rows = append(rows, []string{n, "Unhealthy", detail, ""})
			case 3:
				detail := "Get https://10.240.0.11:2379/health: net/http: request canceled (Client.Timeout exceeded while awaiting headers)"
				items = append(items, bad(n, CSUnhealthy, "Unhealthy", detail))
				rows = append(rows, []string{n, "Unhealthy", detail, ""})
			}
		}
		shuffle(p, rows)
		text := kubectlTable(append([][]string{{"NAME", "STATUS", "MESSAGE", "ERROR"}}, rows...))
		if era == 2 {
			text = "Warning: v1 ComponentStatus is deprecated in v1.19+\n" + text
		}
		if p.next(2) == 1 {
			text = crlf(text)
		}
		c := &ComponentStatuses{Expect: csExpect}
		wantPass := true
		for _, w := range items {
			wantPass = wantPass && w.OK
		}
		assertResult(t, checkEvaluate(t, c, ran(text, 0)), wantPass, items)
	})
}

func FuzzSystemdActiveModel(f *testing.F) {
	f.Add([]byte{3, 0, 0, 0, 3})
	f.Add([]byte{2, 1, 2, 1})
	f.Fuzz(func(t *testing.T, plan []byte) {
		p := &planner{b: plan}
		units := []string{"containerd", "kubelet", "kube-proxy", "nginx"}[:1+p.next(4)]
		printed := p.next(len(units) + 1)
		states := []string{"active", "activating", "failed", "inactive", "unknown", "deactivating", "reloading", "maintenance"}
		var b strings.Builder
		var items []want
		for i, u := range units {
			if i >= printed {
				items = append(items, bad(u, UnitNoState))
				continue
			}
			s := states[p.next(len(states))]
			b.WriteString(s + "\n")
			switch s {
			case "active":
				items = append(items, pass(u, UnitActive))
			case "activating", "reloading":
				items = append(items, bad(u, UnitActivating, s))
			case "failed":
				items = append(items, bad(u, UnitFailed))
			case "inactive", "unknown":
				items = append(items, bad(u, UnitInactive, s))
			default:
				items = append(items, bad(u, UnitOther, s))
			}
		}
		c := &SystemdActive{Units: units}
		r := checkEvaluate(t, c, ran(b.String(), 0))
		if printed == 0 {
			assertResult(t, r, false, []want{bad("systemctl", EmptyOutput)})
			return
		}
		wantPass := true
		for _, w := range items {
			wantPass = wantPass && w.OK
		}
		assertResult(t, r, wantPass, items)
	})
}
