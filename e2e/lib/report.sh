# The JSON report, from the run's results (one JSON object per line).
# Sourced by e2e/run.sh.

write_report() {
  jq -s '
    def by_kind(k): map(select(.kind == k));
    (by_kind("run") | add) as $run
    | by_kind("chapter") as $chapters
    | by_kind("step") as $steps
    | by_kind("check") as $checks
    | by_kind("fault") as $verdicts
    | by_kind("fault_run") as $faults
    | by_kind("phase") as $phases
    | ($run.tutorial == false or (($chapters | length) == 11 and all($chapters[]; .ok))) as $chapters_ok
    | (($checks | length) > 0 and all($checks[]; .ok)) as $checks_ok
    | ($run.faults == false or (($faults | length) == 4 and all($faults[]; .ok))) as $faults_ok
    | {
        ok: ($chapters_ok and $checks_ok and $faults_ok),
        started: $run.started,
        summary: ("chapters: \($chapters | map(select(.ok)) | length)/\($chapters | length) passed"
          + "; independent checks: \($checks | map(select(.ok)) | length)/\($checks | length) confirmed"
          + "; fault runs: \($faults | map(select(.ok)) | length)/\($faults | length) as expected"
          + "; wall time \($run.seconds)s"),
        wall_seconds: {
          total: $run.seconds,
          phases: ($phases | map({key: .name, value: .seconds}) | from_entries)
        },
        build: (((by_kind("build") | first) // {} | del(.kind))
          + {binaries_seconds: ($phases | map(select(.name == "binaries")) | first | .seconds)}),
        chapters: [$chapters[] | . as $c | {chapter, ok, seconds,
          steps: [$steps[] | select(.chapter == $c.chapter) | {id, exit, seconds, learner, remedied}]}],
        done_by_the_learner: [$steps[] | select(.learner) | .id],
        failed_as_published_then_remedied: [$steps[] | select(.remedied) | .id],
        independent_checks: [$checks[] | del(.kind)],
        faults: [$faults[] | . as $f | {fault, ok, seconds,
          checks: ($verdicts | map(select(.fault == $f.fault)) | group_by(.step)
            | map({step: .[0].step} + (map({key: .phase, value: {exit, as_expected}}) | from_entries)))}]
      }' "$RESULTS" > "$1.tmp" && mv "$1.tmp" "$1"
}
