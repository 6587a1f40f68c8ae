// Command hardway walks learners through "Kubernetes the Hard Way" and its
// variants, step by step, explaining each step in English, Korean or
// Japanese and verifying it before moving on.
package main

import (
	"os"

	"hardway/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.OSEnv()))
}
