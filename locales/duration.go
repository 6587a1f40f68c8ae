package locales

import (
	"strconv"
	"strings"
	"time"
)

// durationWords are the units a duration is written with, and what goes
// between them: "1m30s", "1분 30초", "1分30秒".
type durationWords struct {
	hour, minute, second, milli, between string
}

var durations = map[Lang]durationWords{
	EN: {"h", "m", "s", "ms", ""},
	KO: {"시간", "분", "초", "밀리초", " "},
	JA: {"時間", "分", "秒", "ミリ秒", ""},
}

// Duration writes d as a learner of language l reads it, not as Go does
// (2m0s): "2m", "2분", "2分"; "1m30s", "1분 30초", "1分30秒". Under a second
// it counts milliseconds, under ten seconds tenths ("1.5초"); longer
// durations are whole seconds, and units that are zero are left out.
func Duration(l Lang, d time.Duration) string {
	w, ok := durations[l]
	if !ok {
		w = durations[EN]
	}
	if d < 0 {
		return "-" + Duration(l, -d)
	}
	switch {
	case d == 0:
		return "0" + w.second
	case d < time.Second:
		return strconv.FormatInt(d.Round(time.Millisecond).Milliseconds(), 10) + w.milli
	case d < 10*time.Second && d%time.Second != 0:
		return strconv.FormatFloat(d.Round(100*time.Millisecond).Seconds(), 'f', -1, 64) + w.second
	}
	d = d.Round(time.Second)
	var parts []string
	for _, u := range []struct {
		size time.Duration
		word string
	}{{time.Hour, w.hour}, {time.Minute, w.minute}, {time.Second, w.second}} {
		if n := d / u.size; n > 0 {
			parts = append(parts, strconv.FormatInt(int64(n), 10)+u.word)
			d -= n * u.size
		}
	}
	return strings.Join(parts, w.between)
}

// durationArgs: the reasons whose first argument is a duration, written by
// the check as Go does (time.Duration.String).
var durationArgs = map[string]bool{"check.unstable": true, "check.unstable_changed": true}

// sayDurations rewrites such an argument in language l ("1m0s" -> "1분").
func sayDurations(l Lang, code string, args []string) []string {
	if !durationArgs[code] || len(args) == 0 {
		return args
	}
	d, err := time.ParseDuration(args[0])
	if err != nil {
		return args
	}
	return append([]string{Duration(l, d)}, args[1:]...)
}
