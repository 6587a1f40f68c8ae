package walk

import (
	"regexp"

	"hardway/check"
	"strings"
	"sync"
)

// Redactor removes secrets from what hardway writes down (transcripts, -v
// output): private keys, the values of secret carried variables, and the
// `secret:` of an encryption configuration.
type Redactor struct {
	mu     sync.RWMutex
	values []string
}

// Redacted replaces a secret.
const Redacted = "[redacted by hardway]"

var (
	pemPrivate = regexp.MustCompile(`(?s)-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----.*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|\z)`)
	pemEnd     = regexp.MustCompile(`-----END ([A-Z0-9 ]*PRIVATE KEY)-----`)
	yamlSecret = regexp.MustCompile(`(?m)^(\s*-?\s*secret:\s*)\S+`)
	secretName = regexp.MustCompile(`(?i)(KEY|SECRET|TOKEN|PASSWORD|PASSPHRASE)`)
)

// SecretName reports whether a variable's name says it holds a secret
// (ENCRYPTION_KEY, *_TOKEN ...).
func SecretName(name string) bool { return secretName.MatchString(name) }

// Add remembers a secret value; very short values are not redacted (they
// would blank out ordinary text).
func (r *Redactor) Add(value string) {
	if len(value) >= 8 {
		r.mu.Lock()
		r.values = append(r.values, value)
		r.mu.Unlock()
	}
}

// Redact returns s without secrets. A nil Redactor still removes private
// keys and encryption secrets.
func (r *Redactor) Redact(s string) string {
	s = redactOrphanPEM(s)
	s = pemPrivate.ReplaceAllString(s, "-----BEGIN $1-----\n"+Redacted+"\n-----END $1-----")
	s = yamlSecret.ReplaceAllString(s, "${1}"+Redacted)
	if r == nil {
		return s
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	for _, v := range r.values {
		s = strings.ReplaceAll(s, v, Redacted)
	}
	return s
}

// redactOrphanPEM handles the end of a private key whose beginning is gone
// (an output cut to its last part): everything before the first END line
// that no BEGIN line precedes may be the key's body.
func redactOrphanPEM(s string) string {
	loc := pemEnd.FindStringSubmatchIndex(s)
	if loc == nil || strings.Contains(s[:loc[0]], "-----BEGIN ") {
		return s
	}
	return Redacted + "\n" + s[loc[0]:]
}

// RedactEvent returns the event as it may be written down (--json): its
// output, command, error and reasons without secrets.
func (r *Redactor) RedactEvent(ev Event) Event {
	ev.Text = r.Redact(ev.Text)
	ev.Command = r.Redact(ev.Command)
	ev.Err = r.Redact(ev.Err)
	ev.Result = r.RedactResult(ev.Result)
	return ev
}

// RedactResult returns a copy of a verdict whose reasons quote no secret:
// they may quote the output (a line it printed, a value hosts share).
func (r *Redactor) RedactResult(res *check.Result) *check.Result {
	if res == nil {
		return nil
	}
	out := *res
	out.Items = append([]check.Item(nil), res.Items...)
	for i, it := range out.Items {
		args := make([]string, len(it.Reason.Args))
		for j, a := range it.Reason.Args {
			args[j] = r.Redact(a)
		}
		out.Items[i].Reason.Args = args
	}
	return &out
}
