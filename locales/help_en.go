package locales

// helpEN: the command line's help in English. Keys: help.cmd.<command>.short
// and .long (<command> is "hardway" for the root, "mirror.pull" for
// `hardway mirror pull`), help.flag.<command>.<flag>, or help.flag.<flag> for
// a flag that means the same everywhere.
var helpEN = map[string]string{
	// The usage template.
	"help.usage":        "Usage:",
	"help.aliases":      "Aliases:",
	"help.examples":     "Examples:",
	"help.commands":     "Commands:",
	"help.flags":        "Flags:",
	"help.global_flags": "Global flags:",
	"help.more":         `Use "{0} [command] --help" for more about a command.`,
	"help.default":      "(default: {0})",
	"help.flag.help":    "help for {0}",

	"help.cmd.hardway.short": "Walk through Kubernetes the Hard Way, step by step, on real machines",
	"help.cmd.hardway.long": `hardway walks you through "Kubernetes the Hard Way" chapter by chapter: it explains
each step in English, Korean or Japanese, shows the exact command and the hosts it runs on,
and verifies the result before you move on.
Without a command it opens the terminal UI: on your machines with an inventory
(hardway init writes one), else in rehearsal, where nothing runs.`,
	"help.flag.lang":      "language: en, ko or ja (default: from LC_ALL, LC_MESSAGES, LANG)",
	"help.flag.content":   "load tracks from this directory as well (a track there replaces the embedded one of the same id)",
	"help.flag.track":     "the track to use (default: the inventory's, else classic)",
	"help.flag.inventory": "the lab's inventory (default: ./hardway.yaml)",
	"help.flag.mirror":    "a download mirror (http://HOST:PORT, as hardway mirror serve prints it): the steps' downloads come from it (default: the inventory's mirror:)",
	"help.flag.rehearsal": "walk the tutorial's recorded outputs instead of your hosts: nothing runs, no host is contacted (the default without an inventory)",
	"help.flag.state":     "where progress and transcripts are kept (default: $XDG_STATE_HOME/hardway/...)",
	"help.flag.width":     "the width to lay text out in, in columns (default: the terminal's, else $COLUMNS, else 80)",

	"help.cmd.tracks.short":  "List the tutorials hardway can walk you through",
	"help.flag.tracks.json":  "print JSON",
	"help.cmd.steps.short":   "List the chapters and steps of a track",
	"help.flag.steps.json":   "print JSON: every step with its targets, commands and check",
	"help.cmd.status.short":  "Show how far the lab is: every step on every host, and the variables carried",
	"help.cmd.init.short":    "Write a commented inventory (hardway.yaml) for a track's machine layout",
	"help.flag.init.force":   "replace an existing inventory",
	"help.cmd.show.short":    "Explain a step and print the exact command it runs, and where",
	"help.flag.show.host":    "show the command as it runs on this host",
	"help.flag.show.verbose": "also show the check's samples and the diagnostics",
	"help.cmd.show.long": `Explain a step and print the exact command it runs, and where.

STEP is a full id (08-bootstrapping-kubernetes-controllers/start-services),
the chapter number and the step (08/start-services), or a step name that only
one chapter has (rbac-cluster-role).`,

	"help.cmd.check.short": "Judge an output you captured with a step's check",
	"help.cmd.check.long": `Judge an output you captured with a step's check: paste what the step's check
command printed (or give the file it is in) and get a verdict, item by item.
Exits 0 when the check passes, 1 when it fails, 2 on a usage error.`,
	"help.flag.check.input": "the captured output: a file, or - for standard input",
	"help.flag.check.host":  "the host the output came from (default: the first host the check runs on)",
	"help.flag.check.exit":  "the command's exit status, if you know it (-1: not known)",
	"help.flag.check.json":  "print the verdict as JSON",
	"help.flag.check.stage": "for a check whose expectation changes as the tutorial goes on, the stage to judge against (default: the one the lab's progress has reached, else the last)",

	"help.flag.lint.stale":         "list only the Korean and Japanese step sections whose English changed since they were written",
	"help.flag.lint.mark-reviewed": "record the current English revision in DIR's stale translations, once they are reviewed",

	"help.cmd.lint.short": "Validate tutorial content: schema, ids, targets, prose in every language, checks against their samples, bash -n",
	"help.cmd.lint.long": `Validate tutorial content. Without DIR, the embedded tracks (and --content's).
With DIR, the tracks in that directory: DIR holds track.yaml, or directories that do.
Exits 0 when there is nothing to fix, 1 when there is (each problem is printed
as file:line: what is wrong), 2 when DIR cannot be read.`,

	"help.cmd.run.short": "Run a step (or every step of a chapter) on its hosts, then verify it",
	"help.cmd.run.long": `Run a step, or every step of a chapter in order, on its hosts at once over SSH,
then run its check. A chapter stops at the first step that does not pass.
A step you run yourself (ssh-keygen, a port-forward) stops the walk with "your
turn" until its check passes: do it, then verify it or run again.
Exit codes: 0 all passed, 1 a command or check failed, 2 usage or configuration
error, 3 a host could not be reached, 4 your turn: a step waits for you.`,
	"help.flag.run.host":       "run only on these hosts (repeat, or comma-separated)",
	"help.flag.run.yes":        "do not ask before running",
	"help.flag.run.accept-new": "record the keys of hosts not yet in known_hosts without asking (changed keys are still refused)",
	"help.flag.run.json":       "print events as JSON lines",

	"help.cmd.verify.short":       "Re-check a step (or a chapter) on its hosts without running it",
	"help.flag.verify.host":       "verify only on these hosts",
	"help.flag.verify.accept-new": "record the keys of hosts not yet in known_hosts without asking",
	"help.flag.verify.json":       "print events as JSON lines",

	"help.cmd.mark.short": "Record that you did a step by hand, without running or checking anything",
	"help.cmd.mark.long": `Record that you did a step by hand on its hosts (or those of --host): nothing is
run or checked. The step counts as done for moving on, and is shown as "done by
hand", not as passed; a later verify that passes makes it passed. A host where
the step already passed stays passed. --undo removes the mark.`,
	"help.flag.mark.host": "only on these hosts (repeat, or comma-separated); default: every host of the step",
	"help.flag.mark.note": "what you did, kept with the mark and in the transcript",
	"help.flag.mark.undo": "remove the mark instead",

	"help.cmd.mirror.short": "A download mirror for labs without Internet: pull, serve, verify",
	"help.cmd.mirror.long": `A download mirror for labs without Internet access (offline workshops, end-to-end runs).

  hardway mirror pull DIR [--track ID|all] [--arch amd64,arm64]
  hardway mirror serve DIR [--listen ADDR]
  hardway mirror verify DIR

Then give the lab the mirror (mirror: http://ADDR in the inventory, or --mirror):
every download a step declares comes from it, while the command shown stays the
tutorial's. The URL https://HOST/PATH lives at DIR/HOST/PATH.`,
	"help.cmd.mirror.pull.short": "Fetch every URL the track's steps download into DIR, with SHA256SUMS",
	"help.cmd.mirror.pull.long": `Fetch every URL the track's steps declare (downloads:) into DIR: files at
DIR/HOST/PATH, git repositories as bare mirrors there, checksums in DIR/SHA256SUMS.
A file whose checksum matches is not fetched again, so a pull can be resumed.
--track all pulls every track; --arch keeps the URLs of those architectures.`,
	"help.flag.mirror.pull.arch":    "architectures whose downloads to keep (amd64, arm64)",
	"help.cmd.mirror.serve.short":   "Serve a mirror directory: files, and git repositories for git clone",
	"help.flag.mirror.serve.listen": "the address to listen on",
	"help.cmd.mirror.verify.short":  "Check every file of a mirror against its SHA256SUMS",

	"help.cmd.help.short": "Help for any command",
	"help.cmd.help.long":  "Help for any command: hardway help run is hardway run --help.",

	"help.cmd.completion.short": "Write a script that completes hardway's commands and flags in your shell",
	"help.cmd.completion.long": `Write a script that completes hardway's commands and flags when you press Tab,
for bash, zsh, fish or PowerShell. hardway completion SHELL --help says how to
load it.`,
	"help.flag.no-descriptions":      "leave the commands' descriptions out of the completions",
	"help.cmd.completion.bash.short": "Write the completion script for bash",
	"help.cmd.completion.bash.long": `Write the completion script for bash. It needs the bash-completion package.

For this shell only:
	source <(hardway completion bash)
For every new shell, once (Linux; then open a new shell):
	hardway completion bash > /etc/bash_completion.d/hardway`,
	"help.cmd.completion.zsh.short": "Write the completion script for zsh",
	"help.cmd.completion.zsh.long": `Write the completion script for zsh. Completion must be on in zsh: if it is
not, add "autoload -U compinit; compinit" to ~/.zshrc.

For this shell only:
	source <(hardway completion zsh)
For every new shell, once (then open a new shell):
	hardway completion zsh > "${fpath[1]}/_hardway"`,
	"help.cmd.completion.fish.short": "Write the completion script for fish",
	"help.cmd.completion.fish.long": `Write the completion script for fish.

For this shell only:
	hardway completion fish | source
For every new shell, once (then open a new shell):
	hardway completion fish > ~/.config/fish/completions/hardway.fish`,
	"help.cmd.completion.powershell.short": "Write the completion script for PowerShell",
	"help.cmd.completion.powershell.long": `Write the completion script for PowerShell.

For this shell only:
	hardway completion powershell | Out-String | Invoke-Expression
For every new shell: add the line above to your PowerShell profile.`,
}
