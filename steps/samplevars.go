package steps

import (
	"crypto/sha256"
	"fmt"
	"strings"
)

// Recorded outputs of things every machine has its own of (a MAC address,
// a product_uuid) cannot be one text for all hosts: a rehearsal would play
// clones, and a check that compares hosts (distinct:) would fail them. A
// sample writes such a value as {{host.mac}} or {{host.uuid}}: made-up
// values, derived from the host's name so they stay the same from run to
// run, and differ from host to host. Only samples have them: a command
// that used them would run with a value no machine has.

// RenderSample fills a recorded output's placeholders for one host (vars
// from Vars.ForHost); an output with braces that are not placeholders is
// kept as recorded.
func RenderSample(text string, vars Vars) string {
	if !strings.Contains(text, "{{") {
		return text
	}
	if r, err := Render(text, withSampleValues(vars)); err == nil {
		return r
	}
	return text
}

// withSampleValues adds host.mac and host.uuid for the host vars name.
func withSampleValues(vars Vars) Vars {
	host, ok := vars["host"]
	if !ok {
		return vars
	}
	out := make(Vars, len(vars)+2)
	for k, v := range vars {
		out[k] = v
	}
	out["host.mac"] = sampleMAC(host)
	out["host.uuid"] = sampleUUID(host)
	return out
}

// sampleMAC is a unicast, locally administered address, the kind cloud
// providers and hypervisors hand out.
func sampleMAC(host string) string {
	b := sha256.Sum256([]byte("hardway sample mac " + host))
	b[0] = b[0]&^0x01 | 0x02
	return fmt.Sprintf("%02x:%02x:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3], b[4], b[5])
}

// sampleUUID is shaped as a random (version 4) UUID.
func sampleUUID(host string) string {
	b := sha256.Sum256([]byte("hardway sample uuid " + host))
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
