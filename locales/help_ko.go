package locales

// helpKO: the command line's help in Korean (keys as in helpEN).
var helpKO = map[string]string{
	"help.usage":        "사용법:",
	"help.aliases":      "별칭:",
	"help.examples":     "예:",
	"help.commands":     "명령:",
	"help.flags":        "플래그:",
	"help.global_flags": "공통 플래그:",
	"help.more":         `명령마다 자세한 설명은 "{0} [command] --help"로 확인하세요.`,
	"help.default":      "(기본값: {0})",
	"help.flag.help":    "{0} 도움말을 표시합니다",

	"help.cmd.hardway.short": "Kubernetes the Hard Way를 실제 머신에서 한 단계씩 따라갑니다",
	"help.cmd.hardway.long": `hardway는 "Kubernetes the Hard Way"를 장별로 안내합니다. 각 단계를 한국어, 영어,
일본어 중 원하는 언어로 설명하고, 실행할 명령과 그 명령이 실행될 호스트를 그대로
보여 주며, 다음 단계로 넘어가기 전에 결과를 검증합니다.
명령 없이 실행하면 터미널 UI가 열립니다. 인벤토리(hardway init으로 만드세요)가
있으면 실제 머신에서 실행하고, 없으면 아무것도 실행하지 않는 리허설 모드로 열립니다.`,
	"help.flag.lang":      "언어: en, ko, ja 중 하나(기본값: LC_ALL, LC_MESSAGES, LANG에서 결정)",
	"help.flag.content":   "이 디렉터리의 트랙도 불러옵니다(ID가 같은 내장 트랙을 대체합니다)",
	"help.flag.track":     "사용할 트랙(기본값: 인벤토리에 지정된 트랙, 없으면 classic)",
	"help.flag.inventory": "실습 환경의 인벤토리(기본값: ./hardway.yaml)",
	"help.flag.mirror":    "다운로드 미러(hardway mirror serve가 출력하는 http://HOST:PORT). 단계에서 내려받는 파일을 모두 이 미러에서 받습니다(기본값: 인벤토리의 mirror:)",
	"help.flag.rehearsal": "호스트 대신 튜토리얼에 기록된 출력으로 진행합니다. 아무것도 실행하지 않고 어떤 호스트에도 접속하지 않습니다(인벤토리가 없을 때의 기본 동작)",
	"help.flag.state":     "진행 상황과 실행 기록을 보관할 위치(기본값: $XDG_STATE_HOME/hardway/...)",
	"help.flag.width":     "텍스트를 줄 바꿈할 너비(열 수). 기본값: 터미널의 너비, 없으면 $COLUMNS, 그것도 없으면 80",

	"help.cmd.tracks.short":  "hardway로 따라갈 수 있는 튜토리얼 목록을 표시합니다",
	"help.flag.tracks.json":  "JSON으로 출력합니다",
	"help.cmd.steps.short":   "트랙의 장과 단계 목록을 표시합니다",
	"help.flag.steps.json":   "JSON으로 출력합니다: 모든 단계의 대상 호스트, 명령, 검증",
	"help.cmd.status.short":  "실습 진행 상황을 표시합니다: 호스트별 모든 단계의 상태와 이어받은 변수",
	"help.cmd.init.short":    "트랙의 머신 구성에 맞춰 주석이 달린 인벤토리(hardway.yaml)를 만듭니다",
	"help.flag.init.force":   "이미 있는 인벤토리를 덮어씁니다",
	"help.cmd.show.short":    "단계를 설명하고 실행할 명령과 실행 위치를 그대로 보여 줍니다",
	"help.flag.show.host":    "이 호스트에서 실행될 형태로 명령을 보여 줍니다",
	"help.flag.show.verbose": "검증의 샘플 출력과 진단 명령도 보여 줍니다",
	"help.cmd.show.long": `단계를 설명하고 실행할 명령과 실행 위치를 그대로 보여 줍니다.

STEP에는 전체 ID(08-bootstrapping-kubernetes-controllers/start-services),
장 번호와 단계 이름(08/start-services), 또는 한 장에만 있는 단계 이름
(rbac-cluster-role)을 지정하세요.`,

	"help.cmd.check.short": "직접 저장한 출력을 단계의 검증으로 판정합니다",
	"help.cmd.check.long": `직접 저장한 출력을 단계의 검증으로 판정합니다. 단계의 검증 명령이 출력한 내용을
붙여 넣거나 그 내용이 든 파일을 지정하면 항목별로 판정합니다.
검증을 통과하면 0, 실패하면 1, 사용법 오류이면 2로 종료합니다.`,
	"help.flag.check.input": "저장한 출력: 파일 경로(표준 입력은 -)",
	"help.flag.check.host":  "출력을 얻은 호스트(기본값: 검증을 실행하는 첫 번째 호스트)",
	"help.flag.check.exit":  "명령의 종료 상태를 알고 있다면 지정하세요(-1: 모름)",
	"help.flag.check.json":  "판정을 JSON으로 출력합니다",
	"help.flag.check.stage": "튜토리얼이 진행되면서 기댓값이 바뀌는 검증에서 판정 기준으로 삼을 구간(기본값: 실습 진행 상황이 도달한 구간, 없으면 마지막 구간)",

	"help.flag.lint.stale":         "영어 원문이 바뀐 뒤 갱신되지 않은 한국어·일본어 단계 섹션만 나열합니다",
	"help.flag.lint.mark-reviewed": "DIR에서 영어 원문보다 뒤처진 번역을 검토한 뒤, 그 번역에 현재 영어 원문의 리비전을 기록합니다",

	"help.cmd.lint.short": "튜토리얼 콘텐츠를 점검합니다: 스키마, ID, 대상 호스트, 모든 언어의 설명, 샘플 출력으로 돌려 본 검증, bash -n",
	"help.cmd.lint.long": `튜토리얼 콘텐츠를 점검합니다. DIR이 없으면 내장 트랙(과 --content의 트랙)을,
DIR이 있으면 그 디렉터리의 트랙을 점검합니다. DIR에는 track.yaml이 있거나,
track.yaml이 있는 디렉터리들이 있어야 합니다.
고칠 것이 없으면 0, 있으면 1(문제마다 file:line: 내용 형식으로 출력),
DIR을 읽을 수 없으면 2로 종료합니다.`,

	"help.cmd.run.short": "단계(또는 장의 모든 단계)를 호스트에서 실행한 뒤 검증합니다",
	"help.cmd.run.long": `단계를, 또는 장의 모든 단계를 순서대로, SSH로 모든 호스트에서 동시에 실행하고
검증합니다. 장을 실행하면 통과하지 못한 첫 단계에서 멈춥니다.
직접 실행하는 단계(ssh-keygen, 포트 포워딩 등)에서는 검증을 통과할 때까지
"직접 할 차례"로 멈춥니다. 직접 실행한 뒤 verify나 run을 다시 실행하세요.
종료 코드: 0 모두 통과, 1 명령이나 검증 실패, 2 사용법 또는 설정 오류,
3 호스트에 접속할 수 없음, 4 직접 할 차례: 단계가 기다리고 있음.`,
	"help.flag.run.host":       "이 호스트에서만 실행합니다(여러 번 지정하거나 쉼표로 구분)",
	"help.flag.run.yes":        "실행 전에 확인하지 않습니다",
	"help.flag.run.accept-new": "아직 known_hosts에 없는 호스트의 키를 묻지 않고 기록합니다(바뀐 키는 여전히 거부합니다)",
	"help.flag.run.json":       "이벤트를 한 줄에 하나씩 JSON으로 출력합니다",

	"help.cmd.verify.short":       "단계(또는 장)를 실행하지 않고 호스트에서 다시 검증합니다",
	"help.flag.verify.host":       "이 호스트에서만 검증합니다",
	"help.flag.verify.accept-new": "아직 known_hosts에 없는 호스트의 키를 묻지 않고 기록합니다",
	"help.flag.verify.json":       "이벤트를 한 줄에 하나씩 JSON으로 출력합니다",

	"help.cmd.mark.short": "단계를 직접 했다고 기록합니다. 아무것도 실행하거나 검증하지 않습니다",
	"help.cmd.mark.long": `단계의 호스트(또는 --host로 지정한 호스트)에서 그 단계를 직접 했다고 기록합니다.
아무것도 실행하거나 검증하지 않습니다. 다음 단계로 넘어갈 때는 완료로 치지만
"통과"가 아니라 "직접 완료"로 표시되고, 나중에 verify가 통과하면 "통과"가 됩니다.
이미 통과한 호스트는 "통과"로 남습니다. 기록을 지우려면 --undo를 붙이세요.`,
	"help.flag.mark.host": "이 호스트에서만 기록합니다(여러 번 지정하거나 쉼표로 구분). 기본값: 단계의 모든 호스트",
	"help.flag.mark.note": "무엇을 했는지 적어 두세요. 직접 완료 기록과 실행 기록에 함께 남습니다",
	"help.flag.mark.undo": "기록하지 않고 반대로 직접 완료 기록을 지웁니다",

	"help.cmd.mirror.short": "인터넷이 없는 실습 환경을 위한 다운로드 미러: pull, serve, verify",
	"help.cmd.mirror.long": `인터넷에 접속할 수 없는 실습 환경(오프라인 워크숍, 엔드투엔드 실행)을 위한 다운로드 미러입니다.

  hardway mirror pull DIR [--track ID|all] [--arch amd64,arm64]
  hardway mirror serve DIR [--listen ADDR]
  hardway mirror verify DIR

그다음 실습 환경에 미러를 지정하세요(인벤토리에 mirror: http://ADDR, 또는 --mirror).
단계가 선언한 다운로드는 모두 미러에서 받고, 화면에 보이는 명령은 튜토리얼 그대로입니다.
URL https://HOST/PATH는 DIR/HOST/PATH에 저장됩니다.`,
	"help.cmd.mirror.pull.short": "트랙의 단계가 다운로드하는 모든 URL을 SHA256SUMS와 함께 DIR에 받습니다",
	"help.cmd.mirror.pull.long": `트랙의 단계가 선언한(downloads:) 모든 URL을 DIR에 받습니다. 파일은 DIR/HOST/PATH에,
git 저장소는 그 위치에 bare 미러로, 체크섬은 DIR/SHA256SUMS에 저장합니다.
체크섬이 맞는 파일은 다시 받지 않으므로 중단된 pull을 이어서 할 수 있습니다.
--track all은 모든 트랙을 받고, --arch는 지정한 아키텍처의 URL만 남깁니다.`,
	"help.flag.mirror.pull.arch":    "다운로드를 남길 아키텍처(amd64, arm64)",
	"help.cmd.mirror.serve.short":   "미러 디렉터리를 HTTP로 제공합니다: 파일과 git clone용 git 저장소",
	"help.flag.mirror.serve.listen": "수신 대기할 주소",
	"help.cmd.mirror.verify.short":  "미러의 모든 파일을 SHA256SUMS와 대조합니다",

	"help.cmd.help.short": "명령의 도움말을 표시합니다",
	"help.cmd.help.long":  "명령의 도움말을 표시합니다. hardway help run은 hardway run --help와 같습니다.",

	"help.cmd.completion.short": "셸에서 hardway의 명령과 플래그를 자동 완성하는 스크립트를 출력합니다",
	"help.cmd.completion.long": `Tab 키로 hardway의 명령과 플래그를 자동 완성하는 스크립트를 출력합니다.
bash, zsh, fish, PowerShell을 지원합니다. 불러오는 방법은
hardway completion SHELL --help로 확인하세요.`,
	"help.flag.no-descriptions":      "자동 완성 목록에서 명령 설명을 뺍니다",
	"help.cmd.completion.bash.short": "bash용 자동 완성 스크립트를 출력합니다",
	"help.cmd.completion.bash.long": `bash용 자동 완성 스크립트를 출력합니다. bash-completion 패키지가 필요합니다.

지금 셸에서만 쓰려면:
	source <(hardway completion bash)
새 셸마다 쓰려면 한 번만 실행하세요(Linux 기준. 그다음 새 셸을 여세요):
	hardway completion bash > /etc/bash_completion.d/hardway`,
	"help.cmd.completion.zsh.short": "zsh용 자동 완성 스크립트를 출력합니다",
	"help.cmd.completion.zsh.long": `zsh용 자동 완성 스크립트를 출력합니다. zsh에서 자동 완성이 켜져 있어야 합니다.
꺼져 있다면 ~/.zshrc에 "autoload -U compinit; compinit"을 추가하세요.

지금 셸에서만 쓰려면:
	source <(hardway completion zsh)
새 셸마다 쓰려면 한 번만 실행하세요(그다음 새 셸을 여세요):
	hardway completion zsh > "${fpath[1]}/_hardway"`,
	"help.cmd.completion.fish.short": "fish용 자동 완성 스크립트를 출력합니다",
	"help.cmd.completion.fish.long": `fish용 자동 완성 스크립트를 출력합니다.

지금 셸에서만 쓰려면:
	hardway completion fish | source
새 셸마다 쓰려면 한 번만 실행하세요(그다음 새 셸을 여세요):
	hardway completion fish > ~/.config/fish/completions/hardway.fish`,
	"help.cmd.completion.powershell.short": "PowerShell용 자동 완성 스크립트를 출력합니다",
	"help.cmd.completion.powershell.long": `PowerShell용 자동 완성 스크립트를 출력합니다.

지금 셸에서만 쓰려면:
	hardway completion powershell | Out-String | Invoke-Expression
새 셸마다 쓰려면 위 줄을 PowerShell 프로필에 추가하세요.`,
}
