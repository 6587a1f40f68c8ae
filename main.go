// Command hardway walks learners through "Kubernetes the Hard Way" and its
// variants, step by step, explaining each step in English, Korean or
// Japanese and verifying it before moving on.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"hardway/cli"
)

func main() {
	// Ctrl-C interrupts the commands running on the hosts (as it would in
	// the learner's own terminal) and lets hardway report and save.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first Ctrl-C cancels what runs (on the hosts too); a second one
	// is the default again: it ends hardway at once.
	context.AfterFunc(ctx, stop)
	code := cli.MainContext(ctx, os.Args[1:], cli.OSEnv())
	stop()
	os.Exit(code)
}
