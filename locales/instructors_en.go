package locales

var instructorsEN = map[string]string{
	"ui.nothing_left": "Nothing to run: every step up to {0} has passed.",
	"ui.plan":         "Will run {0} steps, in order, each verified; the walk stops at the first that does not pass:",
	"ui.plan_yours":   "{0}: yours to run: the walk stops there (your turn) unless its check passes already",

	"help.flag.run.through": "fast-forward: run every step from the first one not yet passed to the end of this chapter (or step)",

	"room.title":            "Room {0}: {1} labs, checked now on their hosts",
	"room.lab":              "lab",
	"room.summary":          "{0} of {1} labs passed",
	"room.step_on_host":     "{0} on {1}",
	"room.hint":             "hint:",
	"room.unreachable_host": "{0} could not be reached:",
	"room.lab_error":        "inventory",
	"room.unknown_hosts":    "{0} host(s) of the room are not in known_hosts yet:",
	"room.not_trusted":      "Not trusted: those hosts are left out and their labs marked unreachable (--accept-new trusts them).",
	"room.key_not_trusted":  "host key not trusted",
	"room.unreachable_exit": "some labs could not be reached (see the table)",
	"room.check_failed":     "the check failed",

	"help.cmd.room.short":              "A workshop's labs at a glance: every learner's lab checked, live",
	"help.flag.room.every":             "check the room again every this many minutes (default: only when asked, with r)",
	"help.flag.room.accept-new":        "record the keys of hosts not yet in known_hosts without asking (changed keys are still refused)",
	"help.cmd.room.verify.short":       "Run the checks of chapters on every lab of a room and print a learner x chapter table",
	"help.flag.room.verify.json":       "print JSON",
	"help.flag.room.verify.csv":        "print CSV: one line per lab and chapter",
	"help.flag.room.verify.accept-new": "record the keys of hosts not yet in known_hosts without asking (changed keys are still refused)",

	"reset.everything": "all progress",
	"reset.confirm":    "Forget {0} in {1}? The hosts are not touched.",
	"reset.not_reset":  "Nothing was forgotten.",
	"reset.done_all":   "All progress forgotten ({0} removed); the hosts were not touched.",
	"reset.done":       "Forgot {0} result(s) of {1} step(s) ({2}); the hosts were not touched.",

	"help.cmd.reset.short":   "Forget the progress of a step, a chapter or everything (the hosts are not touched)",
	"help.flag.reset.all":    "forget all progress of the lab, carried variables too",
	"help.flag.reset.yes":    "do not ask first",
	"help.cmd.version.short": "Print hardway's version, from the build information",
	"help.flag.version":      "print hardway's version",

	"help.flag.status.json": "print JSON: every step's state on every host, and the carried variables (secrets hidden)",

	"export.nothing":         "Nothing to export: the transcript {0} has no record of that yet.",
	"export.written":         "written to {0}",
	"export.title":           "What happened: {0}",
	"export.about":           "Track {0} {1}. From hardway's transcript {2}; secrets are redacted.",
	"export.verdict":         "Verdict:",
	"export.hint":            "Hint:",
	"export.exit":            "exit {0}",
	"export.signal":          "killed by {0}",
	"export.error":           "stopped: {0}",
	"export.kind.run":        "Command",
	"export.kind.check":      "Check",
	"export.kind.diagnostic": "Diagnostic",
	"export.kind.done_if":    "Already done? (done_if)",
	"export.kind.only_if":    "For this host? (only_if)",

	"help.cmd.export.short":   "Write what happened (commands, outputs, verdicts) as Markdown or HTML to share",
	"help.flag.export.format": "md (Markdown) or html (colours kept)",
	"help.flag.export.output": "write to this file (default: standard output)",
}
