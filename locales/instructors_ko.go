package locales

var instructorsKO = map[string]string{
	"ui.nothing_left": "실행할 것이 없습니다. {0}까지의 모든 단계가 통과했습니다.",
	"ui.plan":         "단계 {0}개를 순서대로 실행하고 하나하나 검증합니다. 통과하지 못한 첫 단계에서 멈춥니다:",
	"ui.plan_yours":   "{0}: 직접 실행할 단계입니다. 검사가 이미 통과하지 않으면 여기서 멈춥니다(직접 할 차례)",

	"help.flag.run.through": "빨리 감기: 아직 통과하지 않은 첫 단계부터 이 챕터(또는 단계)의 끝까지 모든 단계를 실행합니다",

	"room.title":            "룸 {0}: 랩 {1}개, 지금 각 호스트에서 검사했습니다",
	"room.lab":              "랩",
	"room.summary":          "랩 {1}개 중 {0}개 통과",
	"room.step_on_host":     "{1}의 {0}",
	"room.hint":             "힌트:",
	"room.unreachable_host": "{0}에 연결할 수 없습니다:",
	"room.lab_error":        "인벤토리",
	"room.unknown_hosts":    "룸의 호스트 {0}개가 아직 known_hosts에 없습니다:",
	"room.not_trusted":      "신뢰하지 않음: 이 호스트들은 제외되고 해당 랩은 연결 불가로 표시됩니다(--accept-new로 신뢰).",
	"room.key_not_trusted":  "호스트 키를 신뢰하지 않음",
	"room.unreachable_exit": "연결할 수 없는 랩이 있습니다(표 참고)",
	"room.check_failed":     "검사가 실패했습니다",

	"help.cmd.room.short":              "워크숍의 모든 랩을 한눈에: 학습자마다 랩을 실시간으로 검사합니다",
	"help.flag.room.every":             "이 분(分)마다 룸을 다시 검사합니다(기본값: r을 누를 때만)",
	"help.flag.room.accept-new":        "known_hosts에 없는 호스트의 키를 묻지 않고 기록합니다(바뀐 키는 여전히 거부)",
	"help.cmd.room.verify.short":       "룸의 모든 랩에서 챕터의 검사를 실행하고 학습자 x 챕터 표를 출력합니다",
	"help.flag.room.verify.json":       "JSON으로 출력합니다",
	"help.flag.room.verify.csv":        "CSV로 출력합니다: 랩과 챕터마다 한 줄",
	"help.flag.room.verify.accept-new": "known_hosts에 없는 호스트의 키를 묻지 않고 기록합니다(바뀐 키는 여전히 거부)",

	"reset.everything": "모든 진행 상황",
	"reset.confirm":    "{1}에서 {0}을(를) 잊을까요? 호스트는 건드리지 않습니다.",
	"reset.not_reset":  "아무것도 잊지 않았습니다.",
	"reset.done_all":   "모든 진행 상황을 잊었습니다({0} 삭제). 호스트는 건드리지 않았습니다.",
	"reset.done":       "단계 {1}개({2})의 결과 {0}개를 잊었습니다. 호스트는 건드리지 않았습니다.",

	"help.cmd.reset.short":   "단계, 챕터 또는 전체의 진행 상황을 잊습니다(호스트는 건드리지 않음)",
	"help.flag.reset.all":    "랩의 모든 진행 상황을 잊습니다. 이어받은 변수도 포함",
	"help.flag.reset.yes":    "먼저 묻지 않습니다",
	"help.cmd.version.short": "빌드 정보에서 hardway의 버전을 출력합니다",
	"help.flag.version":      "hardway의 버전을 출력합니다",

	"help.flag.status.json": "JSON으로 출력합니다: 모든 호스트에서 각 단계의 상태와 이어받은 변수(비밀 값은 숨김)",

	"export.nothing":         "내보낼 것이 없습니다. 실행 기록 {0}에 아직 그 기록이 없습니다.",
	"export.written":         "{0}에 썼습니다",
	"export.title":           "실행 기록: {0}",
	"export.about":           "트랙 {0} {1}. hardway의 실행 기록 {2}에서 만들었으며 비밀 값은 가렸습니다.",
	"export.verdict":         "판정:",
	"export.hint":            "힌트:",
	"export.exit":            "종료 코드 {0}",
	"export.signal":          "{0}(으)로 종료됨",
	"export.error":           "중단됨: {0}",
	"export.kind.run":        "명령",
	"export.kind.check":      "검사",
	"export.kind.diagnostic": "진단",
	"export.kind.done_if":    "이미 했나요? (done_if)",
	"export.kind.only_if":    "이 호스트용인가요? (only_if)",

	"help.cmd.export.short":   "일어난 일(명령, 출력, 판정)을 공유할 수 있도록 Markdown이나 HTML로 씁니다",
	"help.flag.export.format": "md(Markdown) 또는 html(색 유지)",
	"help.flag.export.output": "이 파일에 씁니다(기본값: 표준 출력)",
}
