package locales

import (
	"strconv"
	"strings"
)

// catalogs holds the UI strings and check reasons of each language, keyed
// by a stable id; {0}, {1} ... are filled from the arguments. English is
// complete by definition; a key another language lacks falls back to English
// with FallbackMark in front, so a missing translation is visible, never silent.
var catalogs = map[Lang]map[string]string{EN: en, KO: ko, JA: ja}

// FallbackMark precedes English text shown in place of a missing translation.
const FallbackMark = "[en] "

// Msg returns the message key in language l with its arguments filled in.
func Msg(l Lang, key string, args ...string) string {
	if s, ok := catalogs[l][key]; ok {
		return fill(s, args)
	}
	if s, ok := en[key]; ok {
		return FallbackMark + fill(s, args)
	}
	// An unknown key is a bug; show it rather than nothing.
	return key + " " + strings.Join(args, " ")
}

// Reason is Msg for a check's reason code; kept apart so call sites read well.
// A duration the check reports (as Go writes it) is said in the language.
func Reason(l Lang, code string, args ...string) string {
	return Msg(l, code, sayDurations(l, code, args)...)
}

// Has reports whether language l has its own text for key.
func Has(l Lang, key string) bool {
	_, ok := catalogs[l][key]
	return ok
}

// Keys lists the English keys: every message that exists.
func Keys() []string {
	keys := make([]string, 0, len(en))
	for k := range en {
		keys = append(keys, k)
	}
	return keys
}

func fill(s string, args []string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	for i, a := range args {
		s = strings.ReplaceAll(s, "{"+strconv.Itoa(i)+"}", a)
	}
	return s
}
