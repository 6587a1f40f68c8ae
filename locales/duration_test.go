package locales

import (
	"testing"
	"time"
)

func TestDuration(t *testing.T) {
	for _, tc := range []struct {
		d          time.Duration
		en, ko, ja string
	}{
		{2 * time.Second, "2s", "2초", "2秒"},
		{2 * time.Minute, "2m", "2분", "2分"},
		{90 * time.Second, "1m30s", "1분 30초", "1分30秒"},
		{time.Hour + 30*time.Second, "1h30s", "1시간 30초", "1時間30秒"},
		{1500 * time.Millisecond, "1.5s", "1.5초", "1.5秒"},
		{1234 * time.Millisecond, "1.2s", "1.2초", "1.2秒"},
		{250 * time.Millisecond, "250ms", "250밀리초", "250ミリ秒"},
		{12400 * time.Millisecond, "12s", "12초", "12秒"},
		{0, "0s", "0초", "0秒"},
	} {
		for l, want := range map[Lang]string{EN: tc.en, KO: tc.ko, JA: tc.ja} {
			if got := Duration(l, tc.d); got != want {
				t.Errorf("Duration(%s, %v) = %q, want %q", l, tc.d, got, want)
			}
		}
	}
	// As the check's timing reads in each language.
	if got := Msg(KO, "ui.check_timing", Duration(KO, 2*time.Second), Duration(KO, 2*time.Minute)); got != "2초마다, 최대 2분" {
		t.Errorf("ko timing: %q", got)
	}
	if got := Msg(JA, "ui.check_timing", Duration(JA, 5*time.Second), Duration(JA, 2*time.Minute)); got != "5秒ごと、最大2分" {
		t.Errorf("ja timing: %q", got)
	}
}

// A check's reason that names a duration says it in the language too.
func TestReasonDurations(t *testing.T) {
	if got := Reason(KO, "check.unstable", (time.Minute).String()); got != Msg(KO, "check.unstable", "1분") {
		t.Errorf("ko: %q", got)
	}
	if got := Reason(JA, "check.unstable_changed", "1m30s", "pid 12 -> 40"); got != Msg(JA, "check.unstable_changed", "1分30秒", "pid 12 -> 40") {
		t.Errorf("ja: %q", got)
	}
	if got := Reason(KO, "match.exit_ok", "1m0s"); got != Msg(KO, "match.exit_ok", "1m0s") {
		t.Errorf("an argument of another reason changed: %q", got)
	}
}
