package textlayout

import "strings"

// reset ends the colours of a piece of a line.
const reset = "\x1b[0m"

// WrapANSI lays out one line of plain text that carries its own colours
// (SGR sequences, as lipgloss draws them): they take no room, and every
// line it wraps to is complete in itself, its colours opened at its start
// and reset at its end. The line's indentation is kept on each of them.
// Other escape sequences are dropped.
func WrapANSI(s string, width int) []string {
	spans := sgrSpans(s)
	indent := 0
	for len(spans) > 0 {
		t := strings.TrimLeft(spans[0].Text, " ")
		indent += len(spans[0].Text) - len(t)
		if t != "" {
			spans[0].Text = t
			break
		}
		spans = spans[1:]
	}
	pad := strings.Repeat(" ", indent)
	lines := Spans(spans, width-indent, Style{})
	for i := range lines {
		lines[i] = pad + lines[i]
	}
	return lines
}

// sgrSpans cuts s where its colours change.
func sgrSpans(s string) []Span {
	var out []Span
	var text strings.Builder
	state := ""
	flush := func() {
		if text.Len() > 0 {
			out = append(out, Span{Text: text.String(), sgr: state})
			text.Reset()
		}
	}
	for i := 0; i < len(s); {
		if s[i] != 0x1b {
			text.WriteByte(s[i])
			i++
			continue
		}
		seq := escape(s[i:])
		if strings.HasPrefix(seq, "\x1b[") && strings.HasSuffix(seq, "m") {
			flush()
			if seq == "\x1b[m" || seq == reset {
				state = ""
			} else {
				state += seq
			}
		}
		i += len(seq)
	}
	flush()
	return out
}

// escape is the escape sequence s starts with: a CSI (ESC [ ... final
// byte), an OSC or other string (ended by BEL or ESC \), or ESC and one
// byte.
func escape(s string) string {
	if len(s) < 2 {
		return s
	}
	switch s[1] {
	case '[':
		for j := 2; j < len(s); j++ {
			if s[j] >= 0x40 && s[j] <= 0x7e {
				return s[:j+1]
			}
		}
	case ']', 'P', '_', '^':
		for j := 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return s[:j+1]
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return s[:j+2]
			}
		}
	default:
		return s[:2]
	}
	return s
}
