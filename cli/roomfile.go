package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// roomFile is ROOM.yaml: the labs of a workshop, a name and an inventory
// each. Inventories are relative to the room file; they may share files
// (ssh_config, known_hosts, identities) as any inventory may.
type roomFile struct {
	Path string    `yaml:"-"`
	Labs []roomLab `yaml:"labs"`
}

type roomLab struct {
	Name      string `yaml:"name"`
	Inventory string `yaml:"inventory"`
	line      int
}

// readRoom parses and checks a room file; every mistake is file:line: what.
func readRoom(path string) (*roomFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usageError{err}
	}
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, usageError{roomYAMLError(path, err)}
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return nil, usage("%s: empty room file: list the labs under labs:", path)
	}
	r := &roomFile{Path: path}
	if err := yaml.NodeToValue(f.Docs[0].Body, r, yaml.Strict()); err != nil {
		return nil, usageError{roomYAMLError(path, err)}
	}
	lines := labLines(f.Docs[0].Body)
	if len(r.Labs) == 0 {
		return nil, usage("%s: no labs: list them under labs: as {name: NAME, inventory: FILE}", path)
	}
	seen := map[string]int{}
	for i := range r.Labs {
		l := &r.Labs[i]
		if i < len(lines) {
			l.line = lines[i]
		}
		switch {
		case l.Name == "":
			return nil, usage("%s:%d: labs[%d]: name: missing", path, l.line, i)
		case l.Inventory == "":
			return nil, usage("%s:%d: %s: inventory: missing", path, l.line, l.Name)
		case seen[l.Name] > 0:
			return nil, usage("%s:%d: %s: name: already the name of the lab at line %d", path, l.line, l.Name, seen[l.Name])
		}
		seen[l.Name] = l.line
		if !filepath.IsAbs(l.Inventory) {
			l.Inventory = filepath.Join(filepath.Dir(path), l.Inventory)
		}
	}
	return r, nil
}

func roomYAMLError(path string, err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) {
		line := 0
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			line = tk.Position.Line
		}
		return fmt.Errorf("%s:%d: %s", path, line, ye.GetMessage())
	}
	return fmt.Errorf("%s: %v", path, err)
}

// labLines is the line of each item of labs:, for messages.
func labLines(body ast.Node) []int {
	m, ok := body.(*ast.MappingNode)
	if !ok {
		return nil
	}
	for _, kv := range m.Values {
		if kv.Key.String() != "labs" {
			continue
		}
		seq, ok := kv.Value.(*ast.SequenceNode)
		if !ok {
			return nil
		}
		var out []int
		for _, item := range seq.Values {
			line := 0
			if tk := item.GetToken(); tk != nil && tk.Position != nil {
				line = tk.Position.Line
			}
			out = append(out, line)
		}
		return out
	}
	return nil
}
