package locales

// helpJA: the command line's help in Japanese (keys as in helpEN).
var helpJA = map[string]string{
	"help.usage":        "使い方:",
	"help.aliases":      "別名:",
	"help.examples":     "例:",
	"help.commands":     "コマンド:",
	"help.flags":        "フラグ:",
	"help.global_flags": "共通フラグ:",
	"help.more":         "各コマンドの詳細は `{0} [command] --help` で確認できます。",
	"help.default":      "（デフォルト: {0}）",
	"help.flag.help":    "{0} のヘルプを表示します",

	"help.cmd.hardway.short": "Kubernetes the Hard Way を実機で1ステップずつ進めます",
	"help.cmd.hardway.long": `hardway は「Kubernetes the Hard Way」を章ごとに案内します。各ステップを日本語、
英語、韓国語で説明し、実行するコマンドとそれを実行するホストをそのまま示し、
次に進む前に結果を検証します。
コマンドを付けずに起動するとターミナル UI が開きます。インベントリがあれば実機で実行し
（hardway init で作成できます）、なければ何も実行しないリハーサルモードで開きます。`,
	"help.flag.lang":      "言語: en、ko、ja のいずれか（デフォルト: LC_ALL、LC_MESSAGES、LANG から決定）",
	"help.flag.content":   "このディレクトリのトラックも読み込みます（同じ ID の組み込みトラックを置き換えます）",
	"help.flag.track":     "使用するトラック（デフォルト: インベントリで指定したトラック、なければ classic）",
	"help.flag.inventory": "ラボのインベントリ（デフォルト: ./hardway.yaml）",
	"help.flag.mirror":    "ダウンロードミラー（hardway mirror serve が表示する http://HOST:PORT）。ステップのダウンロードをここから取得します（デフォルト: インベントリの mirror:）",
	"help.flag.rehearsal": "ホストの代わりにチュートリアルの記録済み出力で進めます。何も実行せず、どのホストにも接続しません（インベントリがない場合のデフォルト）",
	"help.flag.state":     "進捗と実行記録を保存する場所（デフォルト: $XDG_STATE_HOME/hardway/...）",
	"help.flag.width":     "テキストを折り返す幅（桁数）。デフォルト: 端末の幅、なければ $COLUMNS、それもなければ 80",

	"help.cmd.tracks.short":  "hardway で進められるチュートリアルを一覧表示します",
	"help.flag.tracks.json":  "JSON で出力します",
	"help.cmd.steps.short":   "トラックの章とステップを一覧表示します",
	"help.flag.steps.json":   "JSON で出力します: すべてのステップの対象ホスト、コマンド、チェック",
	"help.cmd.status.short":  "ラボの進捗を表示します: 全ホストでの各ステップの状態と、引き継がれる変数",
	"help.cmd.init.short":    "トラックのマシン構成に合わせたコメント付きインベントリ（hardway.yaml）を作成します",
	"help.flag.init.force":   "既存のインベントリを上書きします",
	"help.cmd.show.short":    "ステップを説明し、実行するコマンドと実行先をそのまま表示します",
	"help.flag.show.host":    "このホストで実行される形でコマンドを表示します",
	"help.flag.show.verbose": "チェックのサンプル出力と診断コマンドも表示します",
	"help.cmd.show.long": `ステップを説明し、実行するコマンドと実行先をそのまま表示します。

STEP には完全な ID（08-bootstrapping-kubernetes-controllers/start-services）、
章番号とステップ名（08/start-services）、または 1 つの章にしかないステップ名
（rbac-cluster-role）を指定してください。`,

	"help.cmd.check.short": "保存しておいた出力をステップのチェックで判定します",
	"help.cmd.check.long": `保存しておいた出力をステップのチェックで判定します。ステップのチェックコマンドが
出力した内容を貼り付けるか、その内容を保存したファイルを指定すると、項目ごとに判定します。
チェックに合格すると 0、不合格なら 1、使い方の誤りなら 2 で終了します。`,
	"help.flag.check.input": "保存した出力: ファイルのパス、または標準入力なら -",
	"help.flag.check.host":  "出力を得たホスト（デフォルト: チェックを実行する最初のホスト）",
	"help.flag.check.exit":  "コマンドの終了ステータスがわかっていれば指定してください（-1: 不明）",
	"help.flag.check.json":  "判定を JSON で出力します",
	"help.flag.check.stage": "チュートリアルの進行につれて期待値が変わるチェックで、判定の基準にする段階（デフォルト: ラボの進捗が到達した段階、なければ最後の段階）",

	"help.flag.lint.stale":         "英語の原文が変わった後に更新されていない韓国語・日本語のステップのセクションだけを一覧表示します",
	"help.flag.lint.mark-reviewed": "レビューを終えた DIR の翻訳に、現在の英語の原文のリビジョンを記録します",

	"help.cmd.lint.short": "チュートリアルのコンテンツを検査します: スキーマ、ID、対象ホスト、全言語の説明文、各チェックとそのサンプル出力の照合、bash -n",
	"help.cmd.lint.long": `チュートリアルのコンテンツを検査します。DIR を省略すると組み込みトラック（と --content のトラック）を、
DIR を指定するとそのディレクトリのトラックを検査します。DIR には track.yaml か、
track.yaml を含むディレクトリが必要です。
修正すべき問題がなければ 0、あれば 1（問題ごとに file:line: 内容 の形式で表示）、
DIR を読めなければ 2 で終了します。`,

	"help.cmd.run.short": "ステップ（または章の全ステップ）をホストで実行し、検証します",
	"help.cmd.run.long": `ステップ（章を指定した場合はその全ステップを順番に）を、SSH で対象の全ホストで同時に
実行してチェックします。章は合格しなかった最初のステップで止まります。
自分で実行するステップ（ssh-keygen、ポートフォワードなど）では、チェックに合格するまで
「手動で実行するステップです」と表示して止まります。自分で実行してから、verify でチェックするか
run をもう一度実行してください。
終了コード: 0 すべて合格、1 コマンドまたはチェックの失敗、2 使い方または設定の誤り、
3 ホストに接続できない、4 手動で実行するステップで停止中。`,
	"help.flag.run.host":       "このホストでのみ実行します（繰り返し指定するか、カンマ区切り）",
	"help.flag.run.yes":        "実行前に確認しません",
	"help.flag.run.accept-new": "まだ known_hosts にないホストの鍵を確認せずに記録します（変更された鍵は引き続き拒否します）",
	"help.flag.run.json":       "イベントを1行に1つずつ JSON で出力します",

	"help.cmd.verify.short":       "ステップ（または章）を実行せずに、ホストで再チェックします",
	"help.flag.verify.host":       "このホストでのみチェックします",
	"help.flag.verify.accept-new": "まだ known_hosts にないホストの鍵を確認せずに記録します",
	"help.flag.verify.json":       "イベントを1行に1つずつ JSON で出力します",

	"help.cmd.mark.short": "ステップを手動で行ったと記録します。実行もチェックもしません",
	"help.cmd.mark.long": `ステップのホスト（または --host で指定したホスト）で、そのステップを手動で行ったと記録します。
実行もチェックもしません。次に進む際には完了として扱われますが、
「合格」ではなく「手動で完了」と表示され、あとで verify に合格すると「合格」になります。
すでに合格しているホストは「合格」のままです。記録を取り消すには --undo を付けてください。`,
	"help.flag.mark.host": "このホストでのみ記録します（繰り返し指定するか、カンマ区切り）。デフォルト: ステップの全ホスト",
	"help.flag.mark.note": "何を行ったかのメモ。記録と実行記録に残ります",
	"help.flag.mark.undo": "記録する代わりに記録を取り消します",

	"help.cmd.mirror.short": "インターネットのないラボ向けのダウンロードミラー: pull、serve、verify",
	"help.cmd.mirror.long": `インターネットに接続できないラボ（オフラインのワークショップやエンドツーエンドテストの実行など）向けのダウンロードミラーです。

  hardway mirror pull DIR [--track ID|all] [--arch amd64,arm64]
  hardway mirror serve DIR [--listen ADDR]
  hardway mirror verify DIR

次に、ラボにミラーを指定してください（インベントリに mirror: http://ADDR、または --mirror）。
ステップが宣言したダウンロードはすべてミラーから取得され、表示されるコマンドはチュートリアルのままです。
URL https://HOST/PATH は DIR/HOST/PATH に保存されます。`,
	"help.cmd.mirror.pull.short": "トラックのステップがダウンロードするすべての URL を、SHA256SUMS とともに DIR に取得します",
	"help.cmd.mirror.pull.long": `トラックのステップが宣言した（downloads:）すべての URL を DIR に取得します。ファイルは DIR/HOST/PATH に、
git リポジトリはその場所に bare ミラーとして、チェックサムは DIR/SHA256SUMS に保存します。
チェックサムが一致するファイルは取得し直さないので、中断した pull は再開できます。
--track all ですべてのトラックを取得し、--arch で指定したアーキテクチャの URL だけを残します。`,
	"help.flag.mirror.pull.arch":    "ダウンロードを残すアーキテクチャ（amd64、arm64）",
	"help.cmd.mirror.serve.short":   "ミラーディレクトリを配信します: ファイルと、git clone 用の git リポジトリ",
	"help.flag.mirror.serve.listen": "待ち受けるアドレス",
	"help.cmd.mirror.verify.short":  "ミラーの全ファイルを SHA256SUMS と照合します",

	"help.cmd.help.short": "コマンドのヘルプを表示します",
	"help.cmd.help.long":  "コマンドのヘルプを表示します。hardway help run は hardway run --help と同じです。",

	"help.cmd.completion.short": "シェルで hardway のコマンドとフラグを補完するスクリプトを出力します",
	"help.cmd.completion.long": `Tab キーで hardway のコマンドとフラグを補完するスクリプトを出力します。
bash、zsh、fish、PowerShell に対応しています。読み込み方は
hardway completion SHELL --help で確認できます。`,
	"help.flag.no-descriptions":      "補完候補からコマンドの説明を省きます",
	"help.cmd.completion.bash.short": "bash 用の補完スクリプトを出力します",
	"help.cmd.completion.bash.long": `bash 用の補完スクリプトを出力します。bash-completion パッケージが必要です。

今のシェルだけで使うには:
	source <(hardway completion bash)
新しいシェルで毎回使うには、一度だけ実行してください（Linux。そのあと新しいシェルを開きます）:
	hardway completion bash > /etc/bash_completion.d/hardway`,
	"help.cmd.completion.zsh.short": "zsh 用の補完スクリプトを出力します",
	"help.cmd.completion.zsh.long": `zsh 用の補完スクリプトを出力します。zsh で補完が有効になっている必要があります。
有効でなければ、次の行を ~/.zshrc に追加してください:
	autoload -U compinit; compinit

今のシェルだけで使うには:
	source <(hardway completion zsh)
新しいシェルで毎回使うには、一度だけ実行してください（そのあと新しいシェルを開きます）:
	hardway completion zsh > "${fpath[1]}/_hardway"`,
	"help.cmd.completion.fish.short": "fish 用の補完スクリプトを出力します",
	"help.cmd.completion.fish.long": `fish 用の補完スクリプトを出力します。

今のシェルだけで使うには:
	hardway completion fish | source
新しいシェルで毎回使うには、一度だけ実行してください（そのあと新しいシェルを開きます）:
	hardway completion fish > ~/.config/fish/completions/hardway.fish`,
	"help.cmd.completion.powershell.short": "PowerShell 用の補完スクリプトを出力します",
	"help.cmd.completion.powershell.long": `PowerShell 用の補完スクリプトを出力します。

今のシェルだけで使うには:
	hardway completion powershell | Out-String | Invoke-Expression
新しいシェルで毎回使うには、上の行を PowerShell のプロファイルに追加してください。`,
}
