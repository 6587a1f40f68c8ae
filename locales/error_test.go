package locales

import (
	"fmt"
	"strings"
	"testing"
)

func TestLocalizeSaysAnErrorInTheLearnersLanguage(t *testing.T) {
	err := fmt.Errorf("opening: %w", Errorf("walk.no_way", "node-0"))
	if got := Localize(KO, err); got != "node-0에 접속할 방법이 없습니다" {
		t.Errorf("ko: %q", got)
	}
	if !strings.Contains(err.Error(), "no way to reach node-0") {
		t.Errorf("English for logs: %q", err)
	}
	if got := Localize(JA, fmt.Errorf("plain")); got != "plain" {
		t.Errorf("%q", got)
	}
	// Every walk.* key is translated.
	for _, k := range Keys() {
		if strings.HasPrefix(k, "walk.") && (!Has(KO, k) || !Has(JA, k)) {
			t.Errorf("%s lacks a translation", k)
		}
	}
}
