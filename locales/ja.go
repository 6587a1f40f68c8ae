package locales

// ja is the Japanese catalog.
var ja = map[string]string{
	// Command line and UI.
	"ui.track_counts":        "全{1}章中{0}章を執筆済み、{2}ステップ",
	"ui.chapter_not_written": "未執筆",
	"ui.chapter_steps":       "{0}ステップ",
	"ui.manual":              "表示のみ（実行しない）",
	"ui.manual_note":         "この作業は hardway が代わりに行います。参考として表示するだけで、実行はしません。",
	"ui.fallback":            "（{0}版は未作成のため英語で表示）",
	"ui.step_n_of_m":         "ステップ {0}/{1}",
	"ui.runs_on":             "実行先:",
	"ui.shown_for_host":      "（{0} で実行する場合の表示です。ほかのホストは --host で指定できます）",
	"ui.defines":             "後続のステップ用に設定する変数:",
	"ui.carries":             "前のステップから引き継ぐ変数:",
	"ui.done_if":             "次のコマンドが成功すればスキップ:",
	"ui.check":               "チェック:",
	"ui.check_timing":        "{0}ごと、最大{1}",
	"ui.check_once":          "1回のみ",
	"ui.check_on":            "対象ホスト:",
	"ui.hint":                "チェックに失敗した場合:",
	"ui.sample_pass":         "合格例:",
	"ui.sample_fail":         "不合格例:",
	"ui.diagnostics":         "チェック失敗時に収集する情報:",
	"ui.look_at":             "確認するとよい情報:",
	"ui.verdict_pass":        "合格",
	"ui.verdict_fail":        "不合格",
	"ui.lint_problems":       "{0} 件の問題があります",
	"ui.lint_ok":             "問題なし: トラック {0}、ステップ {1}、チェック {2}、サンプル {3}",
	"ui.overview_next":       "hardway steps     すべてのステップを一覧表示します\nhardway show STEP ステップを説明し、実行するコマンドをそのまま表示します\nhardway check STEP --input FILE 保存しておいた出力を判定します\nhardway --help    そのほかのコマンドとオプション",

	// Check reasons shared by every kind.
	"check.empty_output":      "コマンドが何も出力しませんでした",
	"check.command_failed":    "コマンドが終了ステータス {0} で終了し、何も出力しませんでした",
	"check.connection_error":  "サービスに接続できません: {0}",
	"check.command_not_found": "このホストにはコマンドがありません: {0}",
	"check.permission_denied": "権限がありません: {0}（チュートリアルのとおり sudo を付けて実行しましたか?）",

	// kubectl get componentstatuses
	"cs.healthy":        "Healthy",
	"cs.unhealthy":      "{0}: {1}",
	"cs.missing":        "出力に含まれていません",
	"cs.no_table":       "出力に componentstatuses の表がありません。出力の先頭: {0}",
	"cs.obsolete_probe": "非セキュアポート（{0}）経由の確認で Unhealthy になっています。コンポーネントが動いていないか、このポートを開かなくなった新しいバイナリのどちらかです。systemctl is-active で見分けられます",

	// etcdctl member list
	"etcd.started":           "started",
	"etcd.missing":           "クラスターのメンバーではありません",
	"etcd.unstarted":         "メンバーとして登録されていますが {0} です。この etcd はまだクラスターに参加していません",
	"etcd.wrong_peer_url":    "ピア URL が {0} です（期待値: {1}）",
	"etcd.wrong_client_url":  "クライアント URL が {0} です（期待値: {1}）",
	"etcd.learner":           "まだ learner のままで、投票権を持つメンバーになっていません",
	"etcd.unexpected_member": "想定外のメンバー {0} があります（ピア URL: {1}）",
	"etcd.no_members":        "出力にメンバー一覧がありません。出力の先頭: {0}",
	"etcd.deadline_exceeded": "etcdctl がタイムアウトしました（context deadline exceeded）。etcd が応答していません。動いているメンバーが2台未満で、クォーラムを満たしていないことがよくある原因です",
	"etcd.bad_certificate":   "etcd との TLS 通信に失敗しました: {0}",

	// HTTP
	"http.status_ok":    "ステータス {0}",
	"http.wrong_status": "ステータスが {0} です（期待値: {1}）",
	"http.body_ok":      "ボディ {0}",
	"http.wrong_body":   "ボディが {0} です（期待値: {1}）",
	"http.body_missing": "レスポンスにボディがありません（期待値: {0}）",
	"http.no_response":  "出力に HTTP レスポンスがありません。出力の先頭: {0}",
	"http.curl_error":   "curl が失敗しました: {0}",

	// /version
	"version.ok":             "{0}",
	"version.wrong":          "APIサーバーのバージョンが {0} です（期待値: {1}）",
	"version.no_json":        "出力にバージョン情報の JSON がありません。出力の先頭: {0}",
	"version.api_error":      "APIサーバーがリクエストを拒否しました（{0}）: {1}",
	"version.no_git_version": "JSON に gitVersion がありません",

	// kubectl get KIND NAME
	"objects.found":        "存在します",
	"objects.not_found":    "存在しません: {0}",
	"objects.missing":      "出力に含まれていません",
	"objects.unknown_kind": "APIサーバーがこのリソースの種類（kind）を認識していません: {0}",

	// kubectl get nodes
	"nodes.ready":         "Ready {0}",
	"nodes.not_ready":     "ステータスが {0} です（期待値: Ready）",
	"nodes.wrong_version": "kubelet のバージョンが {0} です（期待値: {1}）",
	"nodes.missing":       "APIサーバーに登録されていません",
	"nodes.no_table":      "出力にノードの表がありません。出力の先頭: {0}",

	// systemctl is-active
	"systemd.active":     "active",
	"systemd.activating": "{0}: 起動処理中です。この状態が続く場合は、再起動を繰り返しています",
	"systemd.failed":     "failed: エラーで終了しました",
	"systemd.inactive":   "{0}: 動いていません（一度も起動していないか、停止しています）",
	"systemd.other":      "{0}",
	"systemd.no_state":   "このユニットの状態が出力されていません",

	// The generic output check
	"match.exit_ok":         "終了ステータス {0}",
	"match.exit_wrong":      "終了ステータスが {0} です（期待値: {1}）",
	"match.exit_unknown":    "終了ステータスが記録されていません（期待値: {0}）。出力のテキストで判定しました",
	"match.equals":          "出力は期待どおりです",
	"match.not_equals":      "出力が {0} です（期待値: {1}）",
	"match.contains":        "見つかりました",
	"match.missing":         "出力に見つかりません",
	"match.forbidden":       "見つかりましたが、含まれていてはなりません: {0}",
	"match.absent":          "含まれていません（期待どおり）",
	"match.pattern":         "一致しました",
	"match.pattern_missing": "一致する行がありません",
}
