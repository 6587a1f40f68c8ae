package steps_test

import (
	"errors"
	"strings"
	"testing"

	"hardway/content"
	"hardway/locales"
	"hardway/steps"
)

func classicTrack(t *testing.T) *steps.Track {
	t.Helper()
	tracks, err := steps.LoadAll(content.FS, "content")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := steps.FindTrack(tracks, "classic")
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// A name several chapters have is ambiguous, not unknown: the message says
// which chapters, and how to name one.
func TestAmbiguousStepNameAsksWhichChapter(t *testing.T) {
	_, err := classicTrack(t).FindStep("login")
	var amb *steps.AmbiguousError
	if !errors.As(err, &amb) {
		t.Fatalf("login: %T %v; want an AmbiguousError", err, err)
	}
	msg := err.Error()
	if strings.Contains(msg, "unknown") {
		t.Errorf("an ambiguous name is called unknown: %s", msg)
	}
	for _, want := range []string{"several chapters", "07-bootstrapping-etcd/login", "09-bootstrapping-kubernetes-workers/login", "07/login"} {
		if !strings.Contains(msg, want) {
			t.Errorf("%q lacks %q", msg, want)
		}
	}
	if ko := locales.Localize(locales.KO, err); !strings.Contains(ko, "여러 장") || !strings.Contains(ko, "07/login") {
		t.Errorf("in Korean: %s", ko)
	}
	if ja := locales.Localize(locales.JA, err); !strings.Contains(ja, "複数の章") {
		t.Errorf("in Japanese: %s", ja)
	}
}

// A step named with the wrong chapter gets the chapter that has it, in the
// form the learner wrote.
func TestStepOfAnotherChapterIsSuggested(t *testing.T) {
	tr := classicTrack(t)
	cases := map[string]string{
		"09/start-etcd": "did you mean: 07/start-etcd",
		"09-bootstrapping-kubernetes-workers/start-etcd": "did you mean: 07-bootstrapping-etcd/start-etcd",
		"99/verify-members": "did you mean: 07/verify-members",
		// A typo within the chapter keeps the nearest names there.
		"08/start-service": "did you mean: 08-bootstrapping-kubernetes-controllers/start-services",
	}
	for ref, want := range cases {
		_, err := tr.FindStep(ref)
		var nf *steps.NotFoundError
		if !errors.As(err, &nf) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v; want %q", ref, err, want)
		}
	}
	_, err := tr.FindStep("09/start-etcd")
	if ja := locales.Localize(locales.JA, err); !strings.Contains(ja, "ステップ「09/start-etcd」はありません") || !strings.Contains(ja, "07/start-etcd") {
		t.Errorf("in Japanese: %s", ja)
	}
}
