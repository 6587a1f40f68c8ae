// Package content embeds the tutorial tracks that ship with hardway. Each
// directory is a track: track.yaml, one YAML file per written chapter, and
// prose/<lang>/*.md. The same layout loads from disk with --content DIR.
package content

import "embed"

// FS holds every embedded track directory.
//
//go:embed classic current onprem binary kubeadm
var FS embed.FS
