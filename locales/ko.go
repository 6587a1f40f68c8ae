package locales

// ko is the Korean catalog.
var ko = map[string]string{
	// Command line and UI.
	"ui.track_counts":        "전체 {1}개 장 중 {0}개 작성됨, 단계 {2}개",
	"ui.chapter_not_written": "아직 작성되지 않음",
	"ui.chapter_steps":       "단계 {0}개",
	"ui.manual":              "표시만 하고 실행하지 않음",
	"ui.manual_note":         "이 단계는 hardway가 대신 처리합니다. 참고용으로 보여 줄 뿐 실행하지 않습니다.",
	"ui.fallback":            "(아직 {0} 번역이 없어 영어로 표시합니다)",
	"ui.step_n_of_m":         "{1}단계 중 {0}번째",
	"ui.runs_on":             "실행 호스트:",
	"ui.shown_for_host":      "({0}에서 실행할 때의 명령입니다. 다른 호스트의 명령은 --host로 볼 수 있습니다)",
	"ui.defines":             "이후 단계에 넘겨주는 변수:",
	"ui.carries":             "이전 단계에서 이어받는 변수:",
	"ui.done_if":             "이 명령이 성공하면 건너뜀:",
	"ui.check":               "검증:",
	"ui.check_timing":        "{0}마다, 최대 {1}",
	"ui.check_once":          "한 번만 확인",
	"ui.check_on":            "검증 호스트:",
	"ui.hint":                "검증에 실패하면:",
	"ui.sample_pass":         "통과:",
	"ui.sample_fail":         "실패:",
	"ui.diagnostics":         "검증에 실패하면 수집하는 정보:",
	"ui.look_at":             "확인할 것:",
	"ui.verdict_pass":        "통과",
	"ui.verdict_fail":        "실패",
	"ui.lint_problems":       "문제 {0}건",
	"ui.lint_ok":             "이상 없음: 트랙 {0}개, 단계 {1}개, 검증 {2}개, 샘플 {3}개",
	"ui.overview_next":       "hardway steps     모든 단계를 나열합니다\nhardway show STEP 단계를 설명하고 실행할 명령을 그대로 보여 줍니다\nhardway check STEP --input FILE 저장해 둔 출력을 판정합니다\nhardway --help    그 밖의 모든 기능",

	// Check reasons shared by every kind.
	"check.empty_output":      "명령이 아무것도 출력하지 않았습니다",
	"check.command_failed":    "명령이 아무것도 출력하지 않고 종료되었습니다(종료 상태 {0})",
	"check.connection_error":  "서비스에 연결할 수 없습니다: {0}",
	"check.command_not_found": "이 호스트에 없는 명령이 있습니다: {0}",
	"check.permission_denied": "권한이 없습니다: {0} (튜토리얼처럼 sudo로 실행했나요?)",

	// kubectl get componentstatuses
	"cs.healthy":        "Healthy",
	"cs.unhealthy":      "{0}: {1}",
	"cs.missing":        "출력에 나오지 않습니다",
	"cs.no_table":       "출력에 componentstatuses 표가 없습니다. 출력의 시작 부분: {0}",
	"cs.obsolete_probe": "비보안 포트로 확인한 결과가 Unhealthy입니다({0}). 컴포넌트가 실행 중이 아니거나, 이 포트를 더 이상 열지 않는 최신 바이너리일 수 있습니다. 어느 쪽인지는 systemctl is-active로 확인하세요",

	// etcdctl member list
	"etcd.started":           "started",
	"etcd.missing":           "클러스터의 멤버가 아닙니다",
	"etcd.unstarted":         "멤버로 등록되어 있지만 상태가 {0}입니다. 이 멤버의 etcd가 아직 클러스터에 합류하지 않았습니다",
	"etcd.wrong_peer_url":    "피어 URL이 {0}입니다(기대값: {1})",
	"etcd.wrong_client_url":  "클라이언트 URL이 {0}입니다(기대값: {1})",
	"etcd.learner":           "아직 러너(learner)라서 투표권이 있는 멤버가 아닙니다",
	"etcd.unexpected_member": "예상하지 못한 멤버가 있습니다: {0}, 피어 URL {1}",
	"etcd.no_members":        "출력에 멤버 목록이 없습니다. 출력의 시작 부분: {0}",
	"etcd.deadline_exceeded": "etcdctl이 시간 초과로 끝났습니다(context deadline exceeded). etcd가 응답하지 않습니다. 실행 중인 멤버가 둘보다 적어 쿼럼이 없는 경우가 많습니다",
	"etcd.bad_certificate":   "etcd와 TLS 통신을 하지 못했습니다: {0}",

	// HTTP
	"http.status_ok":    "상태 코드 {0}",
	"http.wrong_status": "상태 코드 {0}(기대값: {1})",
	"http.body_ok":      "본문 {0}",
	"http.wrong_body":   "본문이 {0}입니다(기대값: {1})",
	"http.body_missing": "응답에 본문이 없습니다(기대값: {0})",
	"http.no_response":  "출력에 HTTP 응답이 없습니다. 출력의 시작 부분: {0}",
	"http.curl_error":   "curl이 실패했습니다: {0}",

	// /version
	"version.ok":             "{0}",
	"version.wrong":          "API 서버의 버전이 {0}입니다(기대값: {1})",
	"version.no_json":        "출력에 버전 JSON이 없습니다. 출력의 시작 부분: {0}",
	"version.api_error":      "API 서버가 요청을 거부했습니다({0}): {1}",
	"version.no_git_version": "JSON에 gitVersion이 없습니다",

	// kubectl get KIND NAME
	"objects.found":        "존재합니다",
	"objects.not_found":    "존재하지 않습니다: {0}",
	"objects.missing":      "출력에 나오지 않습니다",
	"objects.unknown_kind": "API 서버가 알지 못하는 종류(kind)입니다: {0}",

	// kubectl get nodes
	"nodes.ready":         "Ready {0}",
	"nodes.not_ready":     "상태가 {0}입니다(기대값: Ready)",
	"nodes.wrong_version": "실행 중인 kubelet 버전이 {0}입니다(기대값: {1})",
	"nodes.missing":       "API 서버에 등록되지 않았습니다",
	"nodes.no_table":      "출력에 노드 표가 없습니다. 출력의 시작 부분: {0}",

	// systemctl is-active
	"systemd.active":     "active",
	"systemd.activating": "{0}: 아직 시작하는 중입니다. 이 상태가 계속되면 재시작을 반복하고 있는 것입니다",
	"systemd.failed":     "failed: 오류로 종료되었습니다",
	"systemd.inactive":   "{0}: 실행 중이 아닙니다(시작한 적이 없거나 중지됨)",
	"systemd.other":      "{0}",
	"systemd.no_state":   "이 유닛의 상태가 출력되지 않았습니다",

	// The generic output check
	"match.exit_ok":         "종료 상태 {0}",
	"match.exit_wrong":      "종료 상태 {0}(기대값: {1})",
	"match.exit_unknown":    "종료 상태가 기록되지 않았습니다(기대값: {0}). 출력 내용으로 판정합니다",
	"match.equals":          "출력이 기대값과 같습니다",
	"match.not_equals":      "출력이 {0}입니다(기대값: {1})",
	"match.contains":        "출력에 있습니다",
	"match.missing":         "출력에 없습니다",
	"match.forbidden":       "출력에 있으면 안 되는 내용이 있습니다: {0}",
	"match.absent":          "출력에 없습니다(기대한 대로)",
	"match.pattern":         "일치하는 줄이 있습니다",
	"match.pattern_missing": "일치하는 줄이 없습니다",
}
