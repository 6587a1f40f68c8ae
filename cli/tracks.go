package cli

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"hardway/steps"
)

func (a *app) tracksCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:  "tracks",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if asJSON {
				return a.tracksJSON()
			}
			all, err := a.allTracks()
			if err != nil {
				return err
			}
			for _, t := range all {
				title, _ := t.Title(a.lang)
				written, total := chapterCounts(t)
				a.printf("%s  %s  %s\n", a.bold(fmt.Sprintf("%-8s", t.ID)), fmt.Sprintf("%-8s", t.Version), title)
				a.printf("          %s\n", a.dim(a.msg("ui.track_counts", fmt.Sprint(written), fmt.Sprint(total), fmt.Sprint(len(t.Steps())))))
				if t.Base != "" {
					c := t.Changes
					a.printf("          %s\n", a.dim(a.msg("ui.track_variant", t.Base, fmt.Sprint(c.Inherited), fmt.Sprint(c.Replaced),
						fmt.Sprint(c.Inserted), fmt.Sprint(c.Dropped), fmt.Sprint(c.Written))))
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func chapterCounts(t *steps.Track) (written, total int) {
	for _, ch := range t.Chapters {
		if ch.Written() {
			written++
		}
	}
	return written, len(t.Chapters)
}

type trackJSON struct {
	ID       string   `json:"id"`
	Version  string   `json:"version"`
	Title    string   `json:"title"`
	Source   string   `json:"source"`
	Chapters int      `json:"chapters"`
	Written  int      `json:"chapters_written"`
	Steps    int      `json:"steps"`
	Hosts    []string `json:"hosts"`
	// A variant's base and what it did to the base's steps.
	Base    string         `json:"base,omitempty"`
	Changes *steps.Changes `json:"changes,omitempty"`
}

func (a *app) tracksJSON() error {
	var out []trackJSON
	all, err := a.allTracks()
	if err != nil {
		return err
	}
	for _, t := range all {
		title, _ := t.Title(a.lang)
		written, total := chapterCounts(t)
		tj := trackJSON{ID: t.ID, Version: t.Version, Title: title, Source: t.Source,
			Chapters: total, Written: written, Steps: len(t.Steps()), Hosts: t.HostNames()}
		if t.Base != "" {
			c := t.Changes
			tj.Base, tj.Changes = t.Base, &c
		}
		out = append(out, tj)
	}
	return a.writeJSON(out)
}

func (a *app) writeJSON(v any) error {
	enc := json.NewEncoder(a.env.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// hostList names hosts, with the selectors they came from when those differ.
func hostList(t *steps.Track, selectors []string) string {
	hosts, err := t.Resolve(selectors)
	if err != nil {
		return strings.Join(selectors, ", ") + " (?)"
	}
	names := make([]string, len(hosts))
	for i, h := range hosts {
		names[i] = h.Name
	}
	s := strings.Join(names, ", ")
	if sel := strings.Join(selectors, ", "); sel != s {
		s += " (" + sel + ")"
	}
	return s
}
