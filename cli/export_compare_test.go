package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hardway/check"
	"hardway/walk"
)

// A host whose own output passes but whose value another host shares
// failed the step: the export must show the verdict after the comparison
// (from the transcript's compare record), not the passing reasons of the
// output judged again alone.
func TestExportUsesTheComparedVerdict(t *testing.T) {
	root := t.TempDir()
	const uuid = "03000200-0400-0500-0006-000700080009"
	files := map[string]string{
		"content/cmp/track.yaml": "id: cmp\nversion: v1\nhosts:\n" +
			"  - name: node-1\n    address: 10.240.0.21\n    roles: [nodes]\n" +
			"  - name: node-2\n    address: 10.240.0.22\n    roles: [nodes]\nchapters: [01-uuid]\n",
		"content/cmp/01-uuid.yaml": `steps:
  - id: product-uuid
    on: [nodes]
    run: |
      sudo cat /sys/class/dmi/id/product_uuid
    check:
      kind: output
      run: sudo cat /sys/class/dmi/id/product_uuid
      timeout: 0s
      params:
        matches: ['^[0-9A-F-]{36}$']
      distinct: '^(?P<product_uuid>[0-9A-F-]{36})$'
      pass: [{output: "{{host.uuid}}\n"}]
      fail:
        - note: the firmware's placeholder, the same on every node
          output: "` + uuid + `\n"
`,
		"hardway.yaml": "track: cmp\nhosts:\n  - name: node-1\n    ssh: 127.0.0.1\n  - name: node-2\n    ssh: 127.0.0.1\n",
		"state/progress.json": `{"version": 1, "track": "cmp", "current": "01-uuid/product-uuid",
  "steps": {"01-uuid/product-uuid": {"node-1": {"status": "failed", "at": "2026-12-01T10:00:03Z"},
                                      "node-2": {"status": "failed", "at": "2026-12-01T10:00:03Z"}}}}
`,
	}
	for _, lang := range []string{"en", "ko", "ja"} {
		files["content/cmp/prose/"+lang+"/track.md"] = "# Compare lab\n"
		files["content/cmp/prose/"+lang+"/01-uuid.md"] = "# UUID\n\n## product-uuid: Read the product UUID\n\nWhy.\n\n### hint\n\nClones share the UUID.\n"
	}
	// The records as the engine writes them: each host's check, then one
	// compare record per host carrying its amended verdict.
	d, err := check.NewDistinct(`^(?P<product_uuid>[0-9A-F-]{36})$`)
	if err != nil {
		t.Fatal(err)
	}
	hosts := []string{"node-1", "node-2"}
	items := d.Compare(hosts, [][]string{{uuid}, {uuid}})
	at := time.Date(2026, 12, 1, 10, 0, 2, 0, time.UTC)
	var lines []string
	add := func(r walk.Record) {
		data, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(data))
	}
	alone := check.Result{Pass: true, Items: []check.Item{{Subject: "output", OK: true, Reason: check.Reason{Code: "output.matches"}}}}
	for _, h := range hosts {
		add(walk.Record{Time: at, Step: "01-uuid/product-uuid", Host: h, Kind: "check", Command: "sudo cat /sys/class/dmi/id/product_uuid", Output: uuid + "\r\n"})
	}
	for i, h := range hosts {
		v := check.Amend(alone, items[i])
		add(walk.Record{Time: at, Step: "01-uuid/product-uuid", Host: h, Kind: "compare", Command: "distinct: " + d.Pattern,
			Output: "node-1: " + uuid + "\nnode-2: " + uuid + "\n", Exit: 1, Verdict: &v})
	}
	files["state/transcript.jsonl"] = strings.Join(lines, "\n") + "\n"
	writeTree(t, root, files)

	args := []string{"--content", filepath.Join(root, "content"), "--inventory", filepath.Join(root, "hardway.yaml"),
		"--state", filepath.Join(root, "state"), "export", "01-uuid/product-uuid"}
	r := run(t, "", nil, args...)
	if r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	for _, want := range []string{"**Compared with the other hosts (distinct:)**", "✗ product_uuid: same as node-2", "✗ product_uuid: same as node-1"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("no %q in the export:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "**Verdict:** ✓") || strings.Count(r.stdout, "**Verdict:** ✗") != 2 {
		t.Errorf("each host's verdict must be the compared one, failed:\n%s", r.stdout)
	}
}

// show and check say that a distinct: check compares the hosts, and check,
// which sees one pasted output, says what it could not compare.
func TestCheckAndShowSayTheHostsAreCompared(t *testing.T) {
	r := run(t, "", nil, "show", "01/product-uuid", "--track", "kubeadm")
	if r.code != 0 || !strings.Contains(r.stdout, "then compares the hosts checked together: each must show a product_uuid") {
		t.Errorf("show does not say the hosts are compared: %+v", r)
	}
	const uuid = "4c4c4544-0042-3610-8057-b4c04f4a4a31"
	r = run(t, uuid+"\n", nil, "check", "01/product-uuid", "--track", "kubeadm", "--input", "-")
	if r.code != 0 || !strings.Contains(r.stdout, "compares the hosts' product_uuid (this output shows "+uuid+"): hardway verify 01-server-requirements/product-uuid") {
		t.Errorf("check does not say it judged one output alone: %+v", r)
	}
}
