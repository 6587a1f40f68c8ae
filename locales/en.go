package locales

// en is the English catalog; ko.go and ja.go mirror its keys.
var en = map[string]string{
	// Command line and UI.
	"ui.track_counts":        "{0} of {1} chapters written, {2} steps",
	"ui.chapter_not_written": "not written yet",
	"ui.chapter_steps":       "{0} steps",
	"ui.manual":              "shown, not run",
	"ui.manual_note":         "hardway does this for you: shown for reference, never run.",
	"ui.fallback":            "(not yet in {0}; English shown)",
	"ui.step_n_of_m":         "step {0} of {1}",
	"ui.runs_on":             "Runs on:",
	"ui.shown_for_host":      "(as it runs on {0}; --host shows another host)",
	"ui.defines":             "Sets for later steps:",
	"ui.carries":             "Uses from earlier steps:",
	"ui.done_if":             "Skipped when this succeeds:",
	"ui.check":               "Check:",
	"ui.check_timing":        "every {0}, up to {1}",
	"ui.check_once":          "checked once",
	"ui.check_on":            "on",
	"ui.hint":                "If the check fails:",
	"ui.sample_pass":         "passes:",
	"ui.sample_fail":         "fails:",
	"ui.diagnostics":         "Collected when the check fails:",
	"ui.look_at":             "Look at:",
	"ui.verdict_pass":        "PASS",
	"ui.verdict_fail":        "FAIL",
	"ui.lint_problems":       "{0} problems",
	"ui.lint_ok":             "ok: {0} tracks, {1} steps, {2} checks, {3} samples",
	"ui.overview_next":       "hardway steps     lists every step\nhardway show STEP explains a step and prints its exact command\nhardway check STEP --input FILE judges an output you captured\nhardway --help    everything else",

	// Check reasons shared by every kind.
	"check.empty_output":      "the command printed nothing",
	"check.command_failed":    "the command exited with status {0} and printed nothing",
	"check.connection_error":  "could not reach the service: {0}",
	"check.command_not_found": "a command is missing on this host: {0}",
	"check.permission_denied": "permission denied: {0} (run it with sudo, as the tutorial does?)",

	// kubectl get componentstatuses
	"cs.healthy":        "Healthy",
	"cs.unhealthy":      "{0}: {1}",
	"cs.missing":        "not listed in the output",
	"cs.no_table":       "no componentstatuses table in the output; it starts with: {0}",
	"cs.obsolete_probe": "Unhealthy on its insecure port ({0}): either the component is not running, or it is a newer binary that no longer opens that port; systemctl is-active tells which",

	// etcdctl member list
	"etcd.started":           "started",
	"etcd.missing":           "not a member of the cluster",
	"etcd.unstarted":         "is a member but {0}: its etcd has not joined yet",
	"etcd.wrong_peer_url":    "peer URL is {0}, expected {1}",
	"etcd.wrong_client_url":  "client URL is {0}, expected {1}",
	"etcd.learner":           "is still a learner, not a voting member",
	"etcd.unexpected_member": "unexpected member {0} with peer URL {1}",
	"etcd.no_members":        "no member list in the output; it starts with: {0}",
	"etcd.deadline_exceeded": "etcdctl timed out (context deadline exceeded): etcd is not answering, often because fewer than two members are running and there is no quorum",
	"etcd.bad_certificate":   "TLS failure talking to etcd: {0}",

	// HTTP
	"http.status_ok":    "status {0}",
	"http.wrong_status": "status {0}, expected {1}",
	"http.body_ok":      "body {0}",
	"http.wrong_body":   "body is {0}, expected {1}",
	"http.body_missing": "the response has no body, expected {0}",
	"http.no_response":  "no HTTP response in the output; it starts with: {0}",
	"http.curl_error":   "curl failed: {0}",

	// /version
	"version.ok":             "{0}",
	"version.wrong":          "the API server runs {0}, expected {1}",
	"version.no_json":        "no version JSON in the output; it starts with: {0}",
	"version.api_error":      "the API server refused the request ({0}): {1}",
	"version.no_git_version": "the JSON has no gitVersion",

	// kubectl get KIND NAME
	"objects.found":        "exists",
	"objects.not_found":    "does not exist: {0}",
	"objects.missing":      "not in the output",
	"objects.unknown_kind": "the API server does not know this kind: {0}",

	// kubectl get nodes
	"nodes.ready":         "Ready {0}",
	"nodes.not_ready":     "status {0}, expected Ready",
	"nodes.wrong_version": "runs kubelet {0}, expected {1}",
	"nodes.missing":       "not registered with the API server",
	"nodes.no_table":      "no node table in the output; it starts with: {0}",

	// systemctl is-active
	"systemd.active":     "active",
	"systemd.activating": "{0}: still starting; if it stays so, it is restarting in a loop",
	"systemd.failed":     "failed: it exited with an error",
	"systemd.inactive":   "{0}: not running (never started, or stopped)",
	"systemd.other":      "{0}",
	"systemd.no_state":   "no state printed for this unit",

	// The generic output check
	"match.exit_ok":         "exit status {0}",
	"match.exit_wrong":      "exit status {0}, expected {1}",
	"match.exit_unknown":    "exit status not recorded (expected {0}); judged by the text",
	"match.equals":          "output as expected",
	"match.not_equals":      "output is {0}, expected {1}",
	"match.contains":        "found",
	"match.missing":         "not found in the output",
	"match.forbidden":       "found, and should not be: {0}",
	"match.absent":          "absent, as it should be",
	"match.pattern":         "matches",
	"match.pattern_missing": "no line matches",
}
