package steps

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// Download is a URL a step's commands fetch, as the step declares it
// (placeholders allowed, rendered like commands). A download mirror serves
// exactly the declared URLs; lint keeps declarations and commands in step.
type Download struct {
	URL  string
	Line int
}

// urlList decodes `downloads:`, keeping each URL's line for lint.
type urlList []Download

func (d *urlList) UnmarshalYAML(n ast.Node) error {
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		if _, null := n.(*ast.NullNode); null {
			return nil
		}
		return fmt.Errorf("downloads: want a list of URLs")
	}
	for _, v := range seq.Values {
		s, ok := v.(*ast.StringNode)
		if !ok {
			return fmt.Errorf("downloads: want a URL, got %s", v.String())
		}
		*d = append(*d, Download{URL: s.Value, Line: nodeLine(v)})
	}
	return nil
}

// DownloadURLs are the step's declared downloads rendered with vars; a URL
// that does not render is left as written (lint reports it).
func (s *Step) DownloadURLs(vars Vars) []string {
	out := make([]string, 0, len(s.Downloads))
	for _, d := range s.Downloads {
		u, err := Render(d.URL, vars)
		if err != nil {
			u = d.URL
		}
		out = append(out, u)
	}
	return out
}

// ClonedURLs are the URLs the step's commands git clone (repositories, not
// files), rendered with vars.
func (s *Step) ClonedURLs(vars Vars) []string {
	var out []string
	for _, c := range s.Commands {
		r, err := Render(c, vars)
		if err != nil {
			continue
		}
		fs, _ := Fetches(r)
		for _, f := range fs {
			if f.Tool == "git" {
				out = append(out, f.URL)
			}
		}
	}
	return out
}

// lintDownloads: every literal URL a run block downloads is declared, and
// every declared URL is downloaded by a run block, unless a block reads a
// list of URLs (wget -i FILE), whose URLs the step declares instead.
func lintDownloads(s *Step, vars Vars, errs *Errors) {
	declared := map[string]int{}
	for _, d := range s.Downloads {
		u, err := Render(d.URL, vars)
		if err != nil {
			errs.add(s.File, d.Line, "step %s: downloads: %v", s.Slug, err)
			continue
		}
		if msg := badDownloadURL(u); msg != "" {
			errs.add(s.File, d.Line, "step %s: downloads: %s: %s", s.Slug, u, msg)
			continue
		}
		if line, dup := declared[u]; dup {
			errs.add(s.File, d.Line, "step %s: downloads: %s is declared twice (line %d)", s.Slug, u, line)
			continue
		}
		declared[u] = d.Line
	}
	if s.Manual {
		for _, d := range s.Downloads {
			errs.add(s.File, d.Line, "step %s: downloads: the learner runs this block, not hardway, so no mirror can serve %s: remove it", s.Slug, d.URL)
		}
		return
	}
	fetched := map[string]bool{}
	readsList := false
	for i, c := range s.Commands {
		r, err := Render(c, vars)
		if err != nil {
			continue // lintCommand reports it
		}
		fs, list := Fetches(r)
		readsList = readsList || list
		for _, f := range fs {
			fetched[f.URL] = true
			if _, ok := declared[f.URL]; !ok {
				errs.add(s.File, s.Line, "step %s: run block %d, line %d: %s fetches %s, which downloads: does not declare (a mirror serves only declared URLs)",
					s.Slug, i+1, f.Line, f.Tool, f.URL)
			}
		}
	}
	if readsList {
		if len(declared) == 0 {
			errs.add(s.File, s.Line, "step %s: a run block reads a list of URLs (wget -i): declare the list's URLs in downloads:", s.Slug)
		}
		return
	}
	for _, d := range s.Downloads {
		u, err := Render(d.URL, vars)
		if err != nil || fetched[u] || declared[u] != d.Line {
			continue
		}
		errs.add(s.File, d.Line, "step %s: downloads: no run block fetches %s (remove it, or fetch it with wget, curl -O, git clone or kubectl apply -f)", s.Slug, u)
	}
}

// badDownloadURL says why u cannot be mirrored, or "".
func badDownloadURL(u string) string {
	p, err := url.Parse(u)
	switch {
	case err != nil:
		return err.Error()
	case p.Scheme != "http" && p.Scheme != "https":
		return "want an http:// or https:// URL"
	case p.Host == "" || p.User != nil:
		return "want a host and no user"
	case p.RawQuery != "" || p.Fragment != "" || strings.HasSuffix(p.Path, "/") || p.Path == "":
		return "want the URL of a file or repository (no query, no trailing slash)"
	case strings.Contains("/"+p.Path+"/", "/../") || strings.Contains("/"+p.Path+"/", "/./"):
		return "want a path without . or .. segments"
	}
	return ""
}
