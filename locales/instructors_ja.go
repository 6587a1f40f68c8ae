package locales

var instructorsJA = map[string]string{
	"ui.nothing_left": "実行するものはありません。{0} までのすべてのステップが合格しています。",
	"ui.plan":         "{0} ステップを順に実行し、それぞれ検証します。合格しなかった最初のステップで止まります:",
	"ui.plan_yours":   "{0}: ご自身で実行するステップです。検査がまだ合格していなければここで止まります(ご自身の番)",

	"help.flag.run.through": "早送り: まだ合格していない最初のステップから、この章(またはステップ)の終わりまで、すべてのステップを実行します",

	"room.title":            "ルーム {0}: ラボ {1} 個、いま各ホストで検査しました",
	"room.lab":              "ラボ",
	"room.summary":          "ラボ {1} 個中 {0} 個が合格",
	"room.step_on_host":     "{1} の {0}",
	"room.hint":             "ヒント:",
	"room.unreachable_host": "{0} に接続できません:",
	"room.lab_error":        "インベントリ",
	"room.unknown_hosts":    "ルームのホスト {0} 台がまだ known_hosts にありません:",
	"room.not_trusted":      "信頼しません: これらのホストは除外され、そのラボは接続不可と表示されます(--accept-new で信頼)。",
	"room.key_not_trusted":  "ホスト鍵を信頼していません",
	"room.unreachable_exit": "接続できないラボがあります(表を参照)",
	"room.check_failed":     "検査が失敗しました",

	"help.cmd.room.short":              "ワークショップのすべてのラボを一覧: 受講者ごとのラボをライブで検査します",
	"help.flag.room.every":             "この分数ごとにルームを再検査します(デフォルト: r を押したときのみ)",
	"help.flag.room.accept-new":        "known_hosts にないホストの鍵を確認せずに記録します(変わった鍵は引き続き拒否)",
	"help.cmd.room.verify.short":       "ルームのすべてのラボで章の検査を実行し、受講者 x 章の表を出力します",
	"help.flag.room.verify.json":       "JSON で出力します",
	"help.flag.room.verify.csv":        "CSV で出力します: ラボと章ごとに 1 行",
	"help.flag.room.verify.accept-new": "known_hosts にないホストの鍵を確認せずに記録します(変わった鍵は引き続き拒否)",

	"reset.everything": "すべての進捗",
	"reset.confirm":    "{1} の {0} を消去しますか? ホストには触れません。",
	"reset.not_reset":  "何も消去しませんでした。",
	"reset.done_all":   "すべての進捗を消去しました({0} を削除)。ホストには触れていません。",
	"reset.done":       "{1} ステップ({2})の結果 {0} 件を消去しました。ホストには触れていません。",

	"help.cmd.reset.short":   "ステップ、章、またはすべての進捗を消去します(ホストには触れません)",
	"help.flag.reset.all":    "ラボのすべての進捗を消去します。引き継いだ変数も含みます",
	"help.flag.reset.yes":    "先に確認しません",
	"help.cmd.version.short": "ビルド情報から hardway のバージョンを出力します",
	"help.flag.version":      "hardway のバージョンを出力します",

	"help.flag.status.json": "JSON で出力します: すべてのホストでの各ステップの状態と、引き継いだ変数(秘密の値は隠します)",

	"export.nothing":         "エクスポートするものがありません。実行記録 {0} にはまだその記録がありません。",
	"export.written":         "{0} に書き出しました",
	"export.title":           "実行記録: {0}",
	"export.about":           "トラック {0} {1}。hardway の実行記録 {2} から作成し、秘密の値は伏せています。",
	"export.verdict":         "判定:",
	"export.hint":            "ヒント:",
	"export.exit":            "終了コード {0}",
	"export.signal":          "{0} で終了",
	"export.error":           "中断: {0}",
	"export.kind.run":        "コマンド",
	"export.kind.check":      "検査",
	"export.kind.diagnostic": "診断",
	"export.kind.done_if":    "実施済み? (done_if)",
	"export.kind.only_if":    "このホスト向け? (only_if)",

	"help.cmd.export.short":   "起きたこと(コマンド、出力、判定)を共有用に Markdown または HTML で書き出します",
	"help.flag.export.format": "md(Markdown)または html(色を保持)",
	"help.flag.export.output": "このファイルに書き出します(デフォルト: 標準出力)",
}
