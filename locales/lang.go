// Package locales holds everything that depends on the learner's language:
// which language to use, and the UI strings and check reasons in English,
// Korean and Japanese. Step prose lives with the content (see package steps);
// this package only says which language to show and how to fall back.
package locales

import (
	"fmt"
	"strings"
)

// Lang is a language hardway speaks.
type Lang string

const (
	EN Lang = "en"
	KO Lang = "ko"
	JA Lang = "ja"
)

// All lists the languages in the order the UI cycles through them.
var All = []Lang{EN, KO, JA}

// Name is the language's name in itself, for menus and fallback notes.
func (l Lang) Name() string {
	switch l {
	case KO:
		return "한국어"
	case JA:
		return "日本語"
	}
	return "English"
}

// Next returns the language after l, for a "switch language" key.
func (l Lang) Next() Lang {
	for i, x := range All {
		if x == l {
			return All[(i+1)%len(All)]
		}
	}
	return EN
}

// Parse accepts a language code as people type it: "ko", "KO", "ko_KR.UTF-8",
// "ja-JP", "japanese", "korean", "english".
func Parse(s string) (Lang, error) {
	if l, ok := fromLocale(s); ok {
		return l, nil
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "english":
		return EN, nil
	case "korean", "한국어":
		return KO, nil
	case "japanese", "日本語":
		return JA, nil
	}
	return "", fmt.Errorf("unknown language %q: use one of en, ko, ja", s)
}

// fromLocale reads a POSIX locale name (ll_CC.codeset@modifier).
func fromLocale(s string) (Lang, bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "_-.@"); i >= 0 {
		s = s[:i]
	}
	switch strings.ToLower(s) {
	case "en":
		return EN, true
	case "ko":
		return KO, true
	case "ja":
		return JA, true
	}
	return "", false
}

// Detect picks the language: the flag when given (an error if it names no
// language we have), else the first set of LC_ALL, LC_MESSAGES, LANG that
// names one, else English. "C" and "POSIX" mean English.
func Detect(flag string, getenv func(string) string) (Lang, error) {
	if flag != "" {
		return Parse(flag)
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		val := getenv(v)
		if val == "" {
			continue
		}
		// POSIX: the first non-empty of these decides, even when it is a
		// language we do not have; that then means English.
		if l, ok := fromLocale(val); ok {
			return l, nil
		}
		return EN, nil
	}
	return EN, nil
}
