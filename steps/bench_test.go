package steps_test

import (
	"io/fs"
	"testing"

	"hardway/content"
	"hardway/steps"
)

// What a command pays to load the one track it needs. A variant loads its
// base too, then builds on it.
func BenchmarkLoadTrack(b *testing.B) {
	for _, id := range []string{"classic", "current", "binary", "kubeadm", "onprem"} {
		b.Run(id, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sub, _ := fs.Sub(content.FS, id)
				t, err := steps.LoadTrack(sub, "content/"+id)
				if err != nil {
					b.Fatal(err)
				}
				if t.Pending() {
					base, _ := fs.Sub(content.FS, t.Base)
					bt, err := steps.LoadTrack(base, "content/"+t.Base)
					if err != nil {
						b.Fatal(err)
					}
					if err := steps.ResolveVariants([]*steps.Track{t, bt}, nil); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
