<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja">
<context>
    <name>App</name>
    <message>
        <source>{file} を読み込めません。</source>
        <translation>{file} cannot be read.</translation>
    </message>
    <message>
        <source>データベースを開けません。
{error}</source>
        <translation>The database cannot be opened.
{error}</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>未集計</source>
        <translation>Not collected</translation>
    </message>
    <message>
        <source>（確認が望まれる点あり）</source>
        <translation> (points to check)</translation>
    </message>
</context>
<context>
    <name>ChecklistScreen</name>
    <message>
        <source>△ {codes}&#x3000;{message}</source>
        <translation>△ {codes}  {message}</translation>
    </message>
    <message>
        <source>△ 確認が望まれる点 {count} 件</source>
        <translation>△ Points to check: {count}</translation>
    </message>
    <message>
        <source>回答どうしの矛盾や、訪問日より後まで続く対象期間です。確定は妨げません。選ぶとその項目へ移動します</source>
        <translation>Answers that contradict each other, or periods that run past the visit date. They do not block finalising. Choose one to go to its item.</translation>
    </message>
    <message>
        <source>確認が望まれる点</source>
        <translation>Points to check</translation>
    </message>
</context>
<context>
    <name>ChecksList</name>
    <message>
        <source>{code}&#x3000;{message}</source>
        <translation>{code}  {message}</translation>
    </message>
    <message>
        <source>前の版の回答: {answers}</source>
        <translation>Answers on the earlier version: {answers}</translation>
    </message>
    <message>
        <source>確認が必要な項目</source>
        <translation>Items to check</translation>
    </message>
    <message>
        <source>（確認が必要な項目はありません）</source>
        <translation>(nothing to check)</translation>
    </message>
</context>
<context>
    <name>CurrentFormsDialog</name>
    <message>
        <source>この年度の設定を解除</source>
        <translation>Clear this year&apos;s setting</translation>
    </message>
    <message>
        <source>この年度の評価票にする</source>
        <translation>Make it this year&apos;s checklist</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>年度(&amp;Y)</source>
        <translation>Fiscal &amp;year</translation>
    </message>
    <message>
        <source>年度ごとの評価票</source>
        <translation>Checklist per fiscal year</translation>
    </message>
    <message>
        <source>年度ごとの評価票…</source>
        <translation>Checklist per fiscal year…</translation>
    </message>
    <message>
        <source>拠点として、年度ごとに使う評価票の版を定めます。別の版でレビューを始めると警告が出ます（始めることはできます）。</source>
        <translation>As the hub, set which version of the checklist each fiscal year uses. A review started on another version gets a warning (it can still be started).</translation>
    </message>
    <message>
        <source>拠点として年度ごとに使う評価票の版を定めます</source>
        <translation>Set, as the hub, which checklist version each fiscal year uses</translation>
    </message>
    <message>
        <source>評価票</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>評価票(&amp;E)</source>
        <translation>Check&amp;list</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>&#x3000;※：評価票改訂のため比較なし（中央値に含めない）</source>
        <translation>  ※: not compared, as the form was revised (left out of the median)</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>{what}を設定する</source>
        <translation>Set {what}</translation>
    </message>
    <message>
        <source>設定する</source>
        <translation>Set</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>予期しないエラーが発生しました（詳しい記録をログに残しました）。
{error}</source>
        <translation>An unexpected error occurred (the details were written to the log).
{error}</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>暗号化した提出ファイルが上限（{limit} バイト）を超えます</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportKeysDialog</name>
    <message>
        <source>{name}&#x3000;指紋 {fingerprint}（拠点に確かめてください）</source>
        <translation>{name}  fingerprint {fingerprint} (check it with the hub)</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>公開鍵 (*.pub);;すべてのファイル (*)</source>
        <translation>Public keys (*.pub);;All files (*)</translation>
    </message>
    <message>
        <source>外す</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>拠点の公開鍵(&amp;H)</source>
        <translation>The &amp;hub&apos;s public key</translation>
    </message>
    <message>
        <source>拠点の鍵がないときは暗号化しません。</source>
        <translation>Without the hub&apos;s key, files are not encrypted.</translation>
    </message>
    <message>
        <source>拠点の鍵の名前と指紋</source>
        <translation>Name and fingerprint of the hub&apos;s key</translation>
    </message>
    <message>
        <source>秘密鍵 (*.key);;すべてのファイル (*)</source>
        <translation>Private keys (*.key);;All files (*)</translation>
    </message>
    <message>
        <source>署名と暗号化の鍵</source>
        <translation>Signing and encryption keys</translation>
    </message>
    <message>
        <source>署名に使う自分の秘密鍵(&amp;S)</source>
        <translation>My private key for &amp;signing</translation>
    </message>
    <message>
        <source>設定すると、提出ファイルは自分の鍵で署名され、拠点の鍵で暗号化されて書き出されます（書き出すときにパスフレーズを尋ねます）。</source>
        <translation>Once set, submission files are signed with your key and encrypted for the hub&apos;s key (the passphrase is asked at export).</translation>
    </message>
    <message>
        <source>選ぶ…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>鍵の設定を保存</source>
        <translation>Save the key settings</translation>
    </message>
    <message>
        <source>（設定しない）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>FacilityHistoryWindow</name>
    <message>
        <source>比較なし</source>
        <translation>Not compared</translation>
    </message>
</context>
<context>
    <name>FacilityMaster</name>
    <message>
        <source>施設マスタの取込結果</source>
        <translation>Facility list import results</translation>
    </message>
</context>
<context>
    <name>FinaliseDialog</name>
    <message>
        <source>{code} {text}
{what}（ダブルクリックでこの項目へ移動）</source>
        <translation>{code} {text}
{what} (double-click to go to this item)</translation>
    </message>
    <message>
        <source>{code}&#x3000;{text}&#x3000;— {what}</source>
        <translation>{code}  {text}  — {what}</translation>
    </message>
    <message>
        <source>{facility}（{date} 訪問）の第{revision}版を確定します。</source>
        <translation>Finalise revision {revision} of {facility} (visited {date}).</translation>
    </message>
    <message>
        <source>{text}
（確定はできます。ダブルクリックでこの項目へ移動）</source>
        <translation>{text}
(finalising is possible; double-click to go to this item)</translation>
    </message>
    <message>
        <source>△ {codes}&#x3000;{message}</source>
        <translation>△ {codes}  {message}</translation>
    </message>
    <message>
        <source>コメントが必要</source>
        <translation>comment required</translation>
    </message>
    <message>
        <source>ダブルクリックで所見タブの総評へ移動</source>
        <translation>Double-click to go to the overall comment on the Findings tab</translation>
    </message>
    <message>
        <source>ダブルクリックまたはEnterでその項目へ移動します</source>
        <translation>Double-click or Enter goes to that item</translation>
    </message>
    <message>
        <source>リーダーの氏名(&amp;L)</source>
        <translation>Team &amp;leader&apos;s name</translation>
    </message>
    <message>
        <source>レビューの確定</source>
        <translation>Finalise review</translation>
    </message>
    <message>
        <source>必須項目はすべて記入されています。</source>
        <translation>Every required item is filled in.</translation>
    </message>
    <message>
        <source>未回答</source>
        <translation>not answered</translation>
    </message>
    <message>
        <source>未記入の項目</source>
        <translation>Missing items</translation>
    </message>
    <message>
        <source>次の {n} 件は確定を妨げませんが、回答が食い違っているか、訪問日より後の期間の数値です。確認してください:</source>
        <translation>These {n} do not stop finalising, but answers contradict each other or figures are from a period after the visit. Please check:</translation>
    </message>
    <message>
        <source>確定した版は変更できません。後で直すときは「修正版を作成」で次の版を作ります。</source>
        <translation>A finalised revision cannot be changed. To correct it later, “Create amendment” makes the next revision.</translation>
    </message>
    <message>
        <source>確定する</source>
        <translation>Finalise</translation>
    </message>
    <message>
        <source>確定の前に、次の {n} 件を記入してください（ダブルクリックで項目へ移動）:</source>
        <translation>Before finalising, fill in these {n} (double-click to go to the item):</translation>
    </message>
    <message>
        <source>確定の署名としてレビューに記録されます</source>
        <translation>Recorded in the review as the sign-off</translation>
    </message>
    <message>
        <source>確認が望まれる点</source>
        <translation>Points to check</translation>
    </message>
    <message>
        <source>総評&#x3000;— {what}</source>
        <translation>Overall comment  — {what}</translation>
    </message>
    <message>
        <source>総評が未記入</source>
        <translation>overall comment missing</translation>
    </message>
    <message>
        <source>評価 {rating} にはコメントが必要</source>
        <translation>rating {rating} needs a comment</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>訪問の概要・期日</source>
        <translation>Visit overview and dates</translation>
    </message>
</context>
<context>
    <name>FormFiles</name>
    <message>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Excelから評価票を作成</source>
        <translation>Create checklist from Excel</translation>
    </message>
    <message>
        <source>Excelから評価票を作成…</source>
        <translation>Create checklist from Excel…</translation>
    </message>
    <message>
        <source>Excelの評価票を読んでいます…</source>
        <translation>Reading the Excel checklist…</translation>
    </message>
    <message>
        <source>{file}: {n} 件の問題があります。何も書き出していません。示されたセル（行）を直して保存し、もう一度実行してください。</source>
        <translation>{file}: problems found: {n}. Nothing was written. Correct the cells (lines) shown, save, and try again.</translation>
    </message>
    <message>
        <source>{form} はすでに取り込まれています。</source>
        <translation>{form} is installed already.</translation>
    </message>
    <message>
        <source>{form} を取り込みました。新しいレビューで選べます。</source>
        <translation>{form} installed. New reviews can use it.</translation>
    </message>
    <message>
        <source>{form}（{items} 項目）を書き出しました。
{path}

このデータベースで新しいレビューに使うには、取り込んでください。各チームへはこのファイルを送ります。</source>
        <translation>{form} ({items} items) written.
{path}

Install it to use it for new reviews in this database. Send this file to the teams.</translation>
    </message>
    <message>
        <source>{path}

Excel で編集して保存したら、「Excelから評価票を作成…」で評価票ファイルにします。シートと見出しは変えないでください。</source>
        <translation>{path}

Edit and save it in Excel, then “Create checklist from Excel…” makes it a checklist file. Keep the sheets and headers as they are.</translation>
    </message>
    <message>
        <source>{title}（{id}）</source>
        <translation>{title} ({id})</translation>
    </message>
    <message>
        <source>ファイルから選ぶ…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <source>取り込む</source>
        <translation>Install</translation>
    </message>
    <message>
        <source>拠点から届いた評価票ファイルを、新しいレビューで選べるようにします</source>
        <translation>Make a checklist file sent by the hub available for new reviews</translation>
    </message>
    <message>
        <source>編集したブックを確かめ、評価票ファイル（YAML）にします</source>
        <translation>Check an edited workbook and make it a checklist file (YAML)</translation>
    </message>
    <message>
        <source>編集用Excelを書き出しています…</source>
        <translation>Writing the editing workbook…</translation>
    </message>
    <message>
        <source>編集用Excelを書き出しました: {path}</source>
        <translation>Editing workbook written: {path}</translation>
    </message>
    <message>
        <source>評価票 (*.yaml *.yml);;すべてのファイル (*)</source>
        <translation>Checklists (*.yaml *.yml);;All files (*)</translation>
    </message>
    <message>
        <source>評価票 (*.yaml)</source>
        <translation>Checklist (*.yaml)</translation>
    </message>
    <message>
        <source>評価票(&amp;F)</source>
        <translation>Check&amp;lists</translation>
    </message>
    <message>
        <source>評価票:</source>
        <translation>Checklist:</translation>
    </message>
    <message>
        <source>評価票を、事務局が Excel で編集できるブックに書き出します</source>
        <translation>Write a checklist as a workbook the hub&apos;s clerk can edit in Excel</translation>
    </message>
    <message>
        <source>評価票を取り込む</source>
        <translation>Install checklist</translation>
    </message>
    <message>
        <source>評価票を取り込む…</source>
        <translation>Install checklist…</translation>
    </message>
    <message>
        <source>評価票を取り込んでいます…</source>
        <translation>Installing the checklist…</translation>
    </message>
    <message>
        <source>評価票を書き出しました: {path}</source>
        <translation>Checklist written: {path}</translation>
    </message>
    <message>
        <source>評価票を編集用Excelに書き出す</source>
        <translation>Export checklist for editing in Excel</translation>
    </message>
    <message>
        <source>評価票を編集用Excelに書き出す…</source>
        <translation>Export checklist for editing in Excel…</translation>
    </message>
</context>
<context>
    <name>FormWarning</name>
    <message>
        <source>△ {warning}</source>
        <translation>△ {warning}</translation>
    </message>
    <message>
        <source>評価票についての注意</source>
        <translation>Note on the checklist</translation>
    </message>
</context>
<context>
    <name>GradeDefinitions</name>
    <message>
        <source>評価 {grade} の定義</source>
        <translation>Definition of grade {grade}</translation>
    </message>
    <message>
        <source>評価の定義</source>
        <translation>Grade definitions</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Enterまたはダブルクリックでレビューを開きます</source>
        <translation>Press Enter or double-click to open a review</translation>
    </message>
    <message>
        <source>{facility}（{date} 訪問）の下書きを削除しますか？</source>
        <translation>Delete the draft of {facility} (visit on {date})?</translation>
    </message>
    <message>
        <source>{shown} / {total} 施設を表示・レビュー {reviews} 件</source>
        <translation>Showing {shown} of {total} facilities · reviews: {reviews}</translation>
    </message>
    <message>
        <source>この施設には確定済みのレビューがありません。「レビューを開始…」から新しいレビューを始めてください。</source>
        <translation>This facility has no finalised review. Start a new review with “Start review…”.</translation>
    </message>
    <message>
        <source>すべての状態</source>
        <translation>Any state</translation>
    </message>
    <message>
        <source>フォローアップ</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>フォローアップとして複製…</source>
        <translation>Copy as follow-up…</translation>
    </message>
    <message>
        <source>フォローアップのレビューを開始</source>
        <translation>Start a follow-up review</translation>
    </message>
    <message>
        <source>レビューの検索</source>
        <translation>Search reviews</translation>
    </message>
    <message>
        <source>レビューの開始</source>
        <translation>Start review</translation>
    </message>
    <message>
        <source>レビューを開始…</source>
        <translation>Start review…</translation>
    </message>
    <message>
        <source>下書きのみ</source>
        <translation>Drafts only</translation>
    </message>
    <message>
        <source>下書きの削除</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <source>下書きを削除…</source>
        <translation>Delete draft…</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Counts</translation>
    </message>
    <message>
        <source>修正版の下書きは削除できません（確定してください）</source>
        <translation>The draft of an amendment cannot be deleted (finalise it)</translation>
    </message>
    <message>
        <source>先に「施設を登録…」で施設を登録してください。</source>
        <translation>First register a facility with “Register facility…”.</translation>
    </message>
    <message>
        <source>削除する</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>回答と所見は元に戻せません。変更履歴は残ります。</source>
        <translation>Answers and findings cannot be restored. The change history is kept.</translation>
    </message>
    <message>
        <source>施設 0 件・レビュー 0 件&#x3000;—「施設を登録…」から始めてください</source>
        <translation>Facilities: 0 · reviews: 0 — start with “Register facility…”</translation>
    </message>
    <message>
        <source>施設 {total} 件・レビュー {reviews} 件</source>
        <translation>Facilities: {total} · reviews: {reviews}</translation>
    </message>
    <message>
        <source>施設とレビューの一覧</source>
        <translation>Facilities and their reviews</translation>
    </message>
    <message>
        <source>施設を登録…</source>
        <translation>Register facility…</translation>
    </message>
    <message>
        <source>施設名・施設コード・年度・訪問日で絞り込み</source>
        <translation>Filter by facility name, facility code, fiscal year or visit date</translation>
    </message>
    <message>
        <source>検索(&amp;S):</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>状態で絞り込み</source>
        <translation>Filter by state</translation>
    </message>
    <message>
        <source>確定のみ</source>
        <translation>Final only</translation>
    </message>
    <message>
        <source>確定済みのレビューに続けて、同じ施設・評価票・チームで次のレビューを始めます</source>
        <translation>Start the next review after a finalised one, with the same facility, checklist and team</translation>
    </message>
    <message>
        <source>確定済みのレビューは削除できません</source>
        <translation>A finalised review cannot be deleted</translation>
    </message>
    <message>
        <source>評価を受ける施設を登録します</source>
        <translation>Register a facility to be reviewed</translation>
    </message>
    <message>
        <source>選んだレビューを開きます（Enter）</source>
        <translation>Open the selected review (Enter)</translation>
    </message>
    <message>
        <source>選んだ下書きを削除します</source>
        <translation>Delete the selected draft</translation>
    </message>
    <message>
        <source>選んだ下書きを削除します（確定済みは削除できません）</source>
        <translation>Delete the selected draft (a finalised review cannot be deleted)</translation>
    </message>
    <message>
        <source>選んだ施設の新しいレビューを始めます</source>
        <translation>Start a new review of the selected facility</translation>
    </message>
    <message>
        <source>開く</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>HubMenu</name>
    <message>
        <source>ダッシュボード…</source>
        <translation>Dashboard…</translation>
    </message>
    <message>
        <source>ホームで施設またはレビューを選んでください。</source>
        <translation>Select a facility or a review on the home screen.</translation>
    </message>
    <message>
        <source>年度ごとの施設×セクションの達成率、期限超過の改善計画、未受領のレビューを表示します</source>
        <translation>Show achievement by facility and section per fiscal year, overdue improvement actions and reviews not received</translation>
    </message>
    <message>
        <source>施設の経過</source>
        <translation>Facility history</translation>
    </message>
    <message>
        <source>施設の経過…</source>
        <translation>Facility history…</translation>
    </message>
    <message>
        <source>選んだ施設の達成率の経年変化、前回比、改善計画、QIを表示します</source>
        <translation>Show the selected facility&apos;s achievement over the years, the change since the last visit, improvement actions and QIs</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>{file}: このレビューの既存の版は {names} が署名しています。新しい版（第{rev}版）は同じ鍵か、拠点がこの施設用に信頼した鍵の署名が必要です（この署名: {status}）。取り込みません（変更はありません）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: 第{rev}版の変更履歴が、保持している第{held}版の変更履歴の続きになっていません（記録が削除・並べ替え・書き換えされています）。取り込みません（変更はありません）。送付元に確認してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: 第{rev}版は信頼済みの鍵で署名されていないため、保持している版を置き換えられません（この署名: {status}）。取り込みません（変更はありません）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: 署名がありません。この拠点は信頼済みの鍵で署名されたファイルだけを取り込みます（変更はありません）。チームに署名付きで書き出してもらってください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: 署名が正しくありません。取り込みません（変更はありません）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: 署名した鍵 {who} は拠点で失効させています。失効後のファイルは取り込みません（変更はありません）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: 署名した鍵 {who} は拠点の信頼リストにありません。指紋を本人に確かめてから `kanwa-review keys trust` で追加し、取り込み直してください（変更はありません）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>改善計画 {n} 件は、信頼済みの鍵の署名がないため取り込みませんでした（署名: {status}）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportResultsDialog</name>
    <message>
        <source>{files} ファイルを処理しました — {counts}</source>
        <translation>Files processed: {files} — {counts}</translation>
    </message>
    <message>
        <source>{word} {n} 件</source>
        <translation>{word}: {n}</translation>
    </message>
    <message>
        <source>{word}されたファイルからは何も登録されていません。メッセージを確認し、送付元に再送を依頼してください。</source>
        <translation>Nothing was saved from the files marked “{word}”. Read the messages and ask the sender to send them again.</translation>
    </message>
    <message>
        <source>{word}（{name}）</source>
        <translation>{word} ({name})</translation>
    </message>
    <message>
        <source>&#x3000;</source>
        <comment>between the counts of the summary</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>ファイル</source>
        <translation>File</translation>
    </message>
    <message>
        <source>メッセージ</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>メッセージの詳細</source>
        <translation>Message details</translation>
    </message>
    <message>
        <source>取込結果</source>
        <translation>Import results</translation>
    </message>
    <message>
        <source>取込結果の概要</source>
        <translation>Import summary</translation>
    </message>
    <message>
        <source>古いため対象外: {place}</source>
        <translation>Skipped as out of date: {place}</translation>
    </message>
    <message>
        <source>問題はありませんでした。</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <source>施設</source>
        <translation>Facility</translation>
    </message>
    <message>
        <source>版</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>第{n}版</source>
        <translation>revision {n}</translation>
    </message>
    <message>
        <source>結果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>署名</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>署名: {word}</source>
        <translation>Signature: {word}</translation>
    </message>
    <message>
        <source>署名: {word} — {name}（指紋 {fingerprint}）</source>
        <translation>Signature: {word} — {name} (fingerprint {fingerprint})</translation>
    </message>
    <message>
        <source>（{review} 第{n}版）</source>
        <translation> ({review}, revision {n})</translation>
    </message>
    <message>
        <source>（ほか {more} 件）</source>
        <translation> (and {more} more)</translation>
    </message>
    <message>
        <source>（下書き）</source>
        <translation> (draft)</translation>
    </message>
    <message>
        <source>（反映 {applied}・変更なし {unchanged}・古いため対象外 {stale}）</source>
        <translation> (applied {applied} · unchanged {unchanged} · skipped as out of date {stale})</translation>
    </message>
    <message>
        <source>（取り消したため残り {left} ファイルは未処理）</source>
        <translation> (cancelled: {left} files were not processed)</translation>
    </message>
    <message>
        <source>（新規 {created} 件・更新 {updated} 件・変更なし {unchanged} 件）</source>
        <translation> (new {created} · updated {updated} · unchanged {unchanged})</translation>
    </message>
    <message>
        <source>（確定）</source>
        <translation> (final)</translation>
    </message>
</context>
<context>
    <name>ImportStatus</name>
    <message>
        <source>却下</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>取込</source>
        <translation>imported</translation>
    </message>
    <message>
        <source>変更なし</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>superseded</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>この項目の確認が望まれる点</source>
        <translation>Points to check for this item</translation>
    </message>
    <message>
        <source>実施しているが集計していないときに選びます。値を推測して記入しないでください</source>
        <translation>Choose this when the practice exists but is not counted. Do not enter a guessed figure.</translation>
    </message>
    <message>
        <source>未集計</source>
        <translation>Not collected</translation>
    </message>
    <message>
        <source>未集計（数値なし）</source>
        <translation>Not collected (no figure)</translation>
    </message>
    <message>
        <source>未集計（集計していないため数値なし）</source>
        <translation>Not collected (no figure, as it is not counted)</translation>
    </message>
    <message>
        <source>評価の定義</source>
        <translation>Grade definitions</translation>
    </message>
</context>
<context>
    <name>KeyFiles</name>
    <message>
        <source>提出ファイルの署名に使う鍵と、暗号化の宛先の拠点の公開鍵を設定します</source>
        <translation>Set the key that signs submission files and the hub&apos;s public key they are encrypted for</translation>
    </message>
    <message>
        <source>署名と暗号化の鍵…</source>
        <translation>Signing and encryption keys…</translation>
    </message>
    <message>
        <source>署名と暗号化の鍵を保存しました。</source>
        <translation>Signing and encryption keys saved.</translation>
    </message>
    <message>
        <source>署名・暗号化に使う鍵（秘密鍵と公開鍵）を作ります</source>
        <translation>Make a key pair (private and public key) for signing and encryption</translation>
    </message>
    <message>
        <source>鍵を作成…</source>
        <translation>Make key…</translation>
    </message>
</context>
<context>
    <name>KeyMadeDialog</name>
    <message>
        <source>指紋（公開鍵を渡した相手に、電話などで読み上げてください）:</source>
        <translation>Fingerprint (read it aloud, e.g. on the phone, to whoever receives the public key):</translation>
    </message>
    <message>
        <source>秘密鍵: {private}
（パスフレーズとともに本人だけが保管します。送らないでください）

公開鍵: {public}
（拠点や相手に渡します）</source>
        <translation>Private key: {private}
(kept by its owner only, with the passphrase; never send it)

Public key: {public}
(give it to the hub or the other party)</translation>
    </message>
    <message>
        <source>鍵を作りました</source>
        <translation>Key made</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source> — 修正版を認める施設: {codes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1行目が {header} ではありません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2回入力したパスフレーズが一致しません。やり直してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-8 の文字ではありません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kanwa-review の公開鍵です。受け取った側は、指紋（fingerprint）を電話などで本人に読み上げてもらい、一致を確かめてから信頼してください。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: すでにあります。鍵を上書きすると、その鍵で署名・暗号化したファイルが開けなくなるため、別の名前にしてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: パスフレーズが違うか、鍵ファイルが壊れています。パスフレーズを確かめてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: パスフレーズのファイルを読めません（{why}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: 公開鍵ファイルとして読めません（{why}）。kanwa-review の「鍵を作る」で作った .pub ファイルを、送り主から受け取り直してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: 秘密鍵ファイルとして読めません（{why}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: 鍵ファイルが見つかりません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{folder}: 保存先のフォルダがありません。作成するか別の場所を選んでください</source>
        <translation type="unfinished">{folder}: the folder does not exist; create it or choose another place</translation>
    </message>
    <message>
        <source>{text} は鍵の指紋ではありません（例: ABCD-EFGH-IJKL-MNOP-QRST-UVWX）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>この指紋を本人に電話などで読み上げてもらい、一致しましたか？ 信頼する場合は y: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>この版のアプリでは読めない形式です</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>パスフレーズ: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>パスフレーズは{n}文字以上にしてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>パスフレーズを入力できません（端末ではありません）。--passphrase-file でファイルを指定してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>パスフレーズ（確認のためもう一度）: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>中身の長さが違います</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信頼リストには追加しませんでした</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信頼リストに追加しました: {name}（{fingerprint}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信頼リストは空です（署名は求めていません）。`kanwa-review keys trust` で追加します</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>信頼済みの鍵で署名されたファイルだけを取り込みます</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名前: {name}</source>
        <translation type="unfinished">Name: {name}</translation>
    </message>
    <message>
        <source>名前または鍵の値が正しくありません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>大きすぎます</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>失効 {at}</source>
        <translation type="unfinished">revoked {at}</translation>
    </message>
    <message>
        <source>失効させました: {name}（{fingerprint}） {at}。この鍵で署名したファイルは今後取り込みません。取込済みの版はそのまま残り、失効した鍵の署名として表示されます</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>形式が違います。.pub ではなく .key ファイルを選んでください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>必要な行（{names}）がそろっていません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>指紋 {fingerprint} の鍵は信頼リストにありません。`kanwa-review keys list` で確かめてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>指紋: {fingerprint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>指紋が鍵と一致しません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>指紋が鍵と一致しません。ファイルが書き換えられたか壊れています</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>施設コード {code} は登録されていません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有効</source>
        <translation type="unfinished">valid</translation>
    </message>
    <message>
        <source>確認できません（端末ではありません）。指紋を本人に確かめたうえで --yes を付けて実行してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>署名のないファイルも取り込みます</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>署名の要求: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行 {line} が読めません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>鍵 {fingerprint}（{name}）は {at} に失効させています。失効した鍵は再び信頼できません。新しい鍵を作ってもらってください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>鍵の保護の設定が範囲外です</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>鍵の値が正しくありません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>鍵の名前 {name} は使えません。{limit}文字以内で、/ \ : * ? &quot; &lt; &gt; | を含まない名前にしてください（例: yamada-hanako）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>鍵を作りました: {private}（秘密鍵。パスフレーズとともに本人だけが保管） / {public}（公開鍵。拠点・相手に渡す）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>システムの設定に合わせる（{language}）</source>
        <translation>As the system ({language})</translation>
    </message>
    <message>
        <source>次に kanwa-review を起動したときから{language}で表示します。</source>
        <translation>kanwa-review will be shown in {language} from the next start.</translation>
    </message>
    <message>
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>表示言語</source>
        <translation>Display language</translation>
    </message>
    <message>
        <source>言語(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Enter / ダブルクリック</source>
        <translation>Enter / double-click</translation>
    </message>
    <message>
        <source>kanwa-review {version}
がん診療連携拠点病院の緩和ケア ピアレビュー支援アプリ</source>
        <translation>kanwa-review {version}
Palliative care peer reviews of designated cancer care hospitals</translation>
    </message>
    <message>
        <source>kanwa-review について</source>
        <translation>About kanwa-review</translation>
    </message>
    <message>
        <source>やり直し</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>キーボード操作</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>チェックリスト / 所見 / 変更履歴</source>
        <translation>Checklist / findings / change history</translation>
    </message>
    <message>
        <source>ツール(&amp;O)</source>
        <translation>T&amp;ools</translation>
    </message>
    <message>
        <source>データの保存場所</source>
        <translation>Where the data is kept</translation>
    </message>
    <message>
        <source>データベース:
{database}

自動バックアップ:
{backups}

入力はすべて即時にこのファイルへ保存されます（保存ボタンはありません）。</source>
        <translation>Database:
{database}

Automatic backups:
{backups}

Everything you enter is saved to this file at once (there is no Save button).</translation>
    </message>
    <message>
        <source>データベース: {path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>ヘルプ</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>ホームへ戻る</source>
        <translation>Back to home</translation>
    </message>
    <message>
        <source>レビュー(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <source>レビューが見つかりません。
{error}</source>
        <translation>The review was not found.
{error}</translation>
    </message>
    <message>
        <source>レビューを開く</source>
        <translation>Open review</translation>
    </message>
    <message>
        <source>レビューを開始</source>
        <translation>Start review</translation>
    </message>
    <message>
        <source>一覧またはチェックリストを検索します</source>
        <translation>Search the list or the checklist</translation>
    </message>
    <message>
        <source>保存しました {time}</source>
        <translation>Saved {time}</translation>
    </message>
    <message>
        <source>保存の状態</source>
        <translation>Save state</translation>
    </message>
    <message>
        <source>修正の理由（変更履歴と報告書に記録されます）:</source>
        <translation>Reason for the amendment (recorded in the audit trail and the report):</translation>
    </message>
    <message>
        <source>修正版の作成</source>
        <translation>Amend the review</translation>
    </message>
    <message>
        <source>修正版を作成</source>
        <translation>Create amendment</translation>
    </message>
    <message>
        <source>修正版を作成…</source>
        <translation>Create amendment…</translation>
    </message>
    <message>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>元に戻す / やり直し</source>
        <translation>Undo / redo</translation>
    </message>
    <message>
        <source>入力欄から項目の一覧へ戻る</source>
        <translation>From an input field back to the item list</translation>
    </message>
    <message>
        <source>別のウィンドウや取込による変更を読み直します</source>
        <translation>Read again what another window or an import changed</translation>
    </message>
    <message>
        <source>前回の訪問の評価（値）を採用</source>
        <translation>Take the rating (value) of the previous visit</translation>
    </message>
    <message>
        <source>必須項目を確認し、リーダーの署名で確定します</source>
        <translation>Check the required items and finalise with the leader’s signature</translation>
    </message>
    <message>
        <source>所見を上 / 下へ移動（所見）</source>
        <translation>Move a finding up / down (findings)</translation>
    </message>
    <message>
        <source>最新の情報に更新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>検索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>検索…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <source>次 / 前の大項目へ</source>
        <translation>Next / previous section</translation>
    </message>
    <message>
        <source>次の項目へ（Shift で前の項目へ）</source>
        <translation>Next item (with Shift: previous item)</translation>
    </message>
    <message>
        <source>確定…</source>
        <translation>Finalise…</translation>
    </message>
    <message>
        <source>確定済みの版から変更できる次の版を作ります</source>
        <translation>Create the next revision of a finalised review, which can be changed</translation>
    </message>
    <message>
        <source>確定済みの第{revision}版を写して、第{next}版（下書き）を作りますか？</source>
        <translation>Copy the finalised revision {revision} into revision {next} (draft)?</translation>
    </message>
    <message>
        <source>第{revision}版はそのまま履歴に残ります。</source>
        <translation>Revision {revision} stays in the history as it is.</translation>
    </message>
    <message>
        <source>第{revision}版を確定しました。</source>
        <translation>Revision {revision} finalised.</translation>
    </message>
    <message>
        <source>第{revision}版（下書き）を作成しました。</source>
        <translation>Revision {revision} (draft) created.</translation>
    </message>
    <message>
        <source>終了</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>編集(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>緩和ケア ピアレビュー — kanwa-review</source>
        <translation>Palliative care peer review — kanwa-review</translation>
    </message>
    <message>
        <source>自己評価を付ける（チェックリスト）</source>
        <translation>Enter the self-assessment (checklist)</translation>
    </message>
    <message>
        <source>評価を付ける（チェックリスト）</source>
        <translation>Rate (checklist)</translation>
    </message>
    <message>
        <source>評価を取り消す（チェックリスト）</source>
        <translation>Clear the rating (checklist)</translation>
    </message>
    <message>
        <source>選んだレビューを開く</source>
        <translation>Open the selected review</translation>
    </message>
    <message>
        <source>選んだ下書きを削除（確認あり）</source>
        <translation>Delete the selected draft (asks first)</translation>
    </message>
    <message>
        <source>選んだ項目の入力欄へ</source>
        <translation>To the input field of the selected item</translation>
    </message>
    <message>
        <source>閲覧のみ（確定済み）</source>
        <translation>Read only (finalised)</translation>
    </message>
    <message>
        <source>集計(&amp;H)</source>
        <translation>&amp;Hub</translation>
    </message>
    <message>
        <source>（デモデータ）</source>
        <translation> (demo data)</translation>
    </message>
</context>
<context>
    <name>MigrateDialog</name>
    <message>
        <source>このレビューだけ: {facility}（{date} 訪問・{version}版）</source>
        <translation>This review only: {facility} (visited {date}, version {version})</translation>
    </message>
    <message>
        <source>このレビューだけ（下書きのレビューを開くか選んでください）</source>
        <translation>This review only (open or select a draft review)</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>下書きの回答を、評価票の新しい版へ対応表に従って移します。確定済みのレビューと修正版の下書きは移しません。移したあと、回答を確かめる必要がある項目を一覧にします。</source>
        <translation>Moves the answers of drafts to the new version of the checklist as its revision map says. Finalised reviews and amendment drafts are not moved. Afterwards, the items whose answers need a second look are listed.</translation>
    </message>
    <message>
        <source>下書きを新しい評価票に移す</source>
        <translation>Move drafts to a new checklist</translation>
    </message>
    <message>
        <source>下書きを移す</source>
        <translation>Move drafts</translation>
    </message>
    <message>
        <source>同じ評価票の別の版のすべての下書き</source>
        <translation>Every draft on another version of the same checklist</translation>
    </message>
    <message>
        <source>移す</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>移す先の評価票(&amp;E)</source>
        <translation>Move to check&amp;list</translation>
    </message>
</context>
<context>
    <name>Migration</name>
    <message>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <source>&#x3000;</source>
        <comment>between answers</comment>
        <translation>; </translation>
    </message>
    <message>
        <source>コメント</source>
        <translation>comment</translation>
    </message>
    <message>
        <source>下書きの回答を評価票の新しい版へ対応表に従って移します</source>
        <translation>Move drafts&apos; answers to the new checklist version as its map says</translation>
    </message>
    <message>
        <source>下書きを新しい評価票に移しています…</source>
        <translation>Moving drafts to the new checklist…</translation>
    </message>
    <message>
        <source>下書きを新しい評価票に移す…</source>
        <translation>Move drafts to a new checklist…</translation>
    </message>
    <message>
        <source>値</source>
        <translation>value</translation>
    </message>
    <message>
        <source>変更なし</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>対象外</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>期間</source>
        <translation>period</translation>
    </message>
    <message>
        <source>根拠</source>
        <translation>evidence</translation>
    </message>
    <message>
        <source>移行</source>
        <translation>moved</translation>
    </message>
    <message>
        <source>移行できません</source>
        <translation>cannot move</translation>
    </message>
    <message>
        <source>移行で確認が必要な項目</source>
        <translation>Items to check after the move</translation>
    </message>
    <message>
        <source>移行で確認が必要な項目…</source>
        <translation>Items to check after the move…</translation>
    </message>
    <message>
        <source>自己評価</source>
        <translation>self-rating</translation>
    </message>
    <message>
        <source>評価</source>
        <translation>rating</translation>
    </message>
    <message>
        <source>評価票の移行: {n} 件のレビューを移しました</source>
        <translation>Checklist move: reviews moved: {n}</translation>
    </message>
    <message>
        <source>選んだレビューには、評価票の移行で確認が必要な項目はありません。</source>
        <translation>The selected review has no items to check from a checklist move.</translation>
    </message>
    <message>
        <source>選んだレビューの、評価票の移行で確認が必要な項目を表示します</source>
        <translation>Show the items of the selected review to check after its checklist move</translation>
    </message>
    <message>
        <source>／</source>
        <comment>between fields</comment>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>MigrationResultsDialog</name>
    <message>
        <source>{moved} 件のレビューを移しました（{total} 件中）。確認が必要な項目: {checks} 件</source>
        <translation>Reviews moved: {moved} of {total}. Items to check: {checks}</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>施設</source>
        <translation>Facility</translation>
    </message>
    <message>
        <source>移したレビュー</source>
        <translation>Reviews moved</translation>
    </message>
    <message>
        <source>移す下書きはありませんでした。</source>
        <translation>There were no drafts to move.</translation>
    </message>
    <message>
        <source>結果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>評価票の版</source>
        <translation>Checklist version</translation>
    </message>
    <message>
        <source>評価票の移行 — 確認が必要な項目</source>
        <translation>Checklist move — items to check</translation>
    </message>
    <message>
        <source>選んだレビューで回答を確かめる項目（ダブルクリックでその項目を開きます）:</source>
        <translation>Items of the selected review whose answers to check (double-click opens the item):</translation>
    </message>
</context>
<context>
    <name>NewKeyDialog</name>
    <message>
        <source>2回入力したパスフレーズが一致しません。</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>8文字以上。忘れると鍵は使えなくなります</source>
        <translation>At least 8 characters. A forgotten passphrase makes the key unusable</translation>
    </message>
    <message>
        <source>この鍵で提出ファイルに署名する(&amp;S)</source>
        <translation>&amp;Sign submission files with this key</translation>
    </message>
    <message>
        <source>もう一度(&amp;A)</source>
        <translation>&amp;Again</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>パスフレーズ(&amp;P)</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <source>ファイル名になります。例: yamada-hanako、拠点は hub</source>
        <translation>It becomes the file name. E.g. yamada-hanako; for the hub, hub</translation>
    </message>
    <message>
        <source>作成</source>
        <translation>Make</translation>
    </message>
    <message>
        <source>例: yamada-hanako</source>
        <translation>e.g. yamada-hanako</translation>
    </message>
    <message>
        <source>保存先(&amp;F)</source>
        <translation>&amp;Folder</translation>
    </message>
    <message>
        <source>保存先のフォルダ</source>
        <translation>Folder to save in</translation>
    </message>
    <message>
        <source>保存先のフォルダを選ぶ</source>
        <translation>Choose the folder to save in</translation>
    </message>
    <message>
        <source>提出ファイルに署名する鍵（リーダー）や、暗号化された提出ファイルを開く鍵（拠点）を作ります。秘密鍵（.key）はパスフレーズで守られ、本人だけが保管します。公開鍵（.pub）は相手に渡します。</source>
        <translation>Makes a key that signs submission files (a team leader) or opens encrypted ones (the hub). The private key (.key) is protected by the passphrase and kept by its owner only; the public key (.pub) is given to the other party.</translation>
    </message>
    <message>
        <source>確認のため同じパスフレーズをもう一度</source>
        <translation>The same passphrase again, to be sure</translation>
    </message>
    <message>
        <source>選ぶ…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>鍵の保存先</source>
        <translation>Folder for the key</translation>
    </message>
    <message>
        <source>鍵の名前(&amp;N)</source>
        <translation>Key &amp;name</translation>
    </message>
    <message>
        <source>鍵を作成</source>
        <translation>Make key</translation>
    </message>
    <message>
        <source>鍵を作成しています…</source>
        <translation>Making the key…</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Package</name>
    <message>
        <source>{file} › {member} › audit: 監査記録（変更履歴）が目録の記載（{count} 件）と一致しません。記録が削除・書き換えされています</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} › {member} › audit[{n}]: 監査記録（変更履歴）の連鎖が途切れています。記録が削除・並べ替え・書き換えされています</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} › {member}: 監査記録の連鎖（audit）がありません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} › {member}: 第{version}版の形式には署名も監査記録の連鎖もありません（形式の版が食い違っています）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} › {member}: 署名が正しくありません（{why}）。送付後に書き換えられた可能性があるため取り込みません。送付元に確認してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: 別の鍵（指紋 {recipient}）あての暗号化ファイルです。指定した鍵（{mine}）では開けません。送付元に、この拠点の公開鍵で書き出し直してもらってください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: 暗号化された提出ファイルです（宛先の鍵の指紋 {fingerprint}）。拠点の秘密鍵を指定して開いてください（--key 拠点.key）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: 暗号化ファイルが壊れているか、途中で書き換えられています（認証に失敗）。送付元に書き出し直して再送してもらってください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>値が base64 ではありません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>指紋が署名者の鍵と一致しません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>目録と署名が一致しません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>署名がありません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>署名者が目録にありません</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Packages</name>
    <message>
        <source>取込を取り消しました</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <source>提出ファイルを探しています…</source>
        <translation>Looking for submission files…</translation>
    </message>
    <message>
        <source>暗号化: {name}（指紋 {fingerprint}）だけが開けます</source>
        <translation>Encrypted: only {name} (fingerprint {fingerprint}) can open it</translation>
    </message>
    <message>
        <source>署名: {name}（指紋 {fingerprint}）</source>
        <translation>Signed: {name} (fingerprint {fingerprint})</translation>
    </message>
    <message>
        <source>署名・暗号化はしていません（ツール ▸ 署名と暗号化の鍵… で設定できます）。</source>
        <translation>Not signed or encrypted (set up in Tools ▸ Signing and encryption keys…).</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>パスフレーズ</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>パスフレーズ(&amp;P)</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <source>鍵のパスフレーズ</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <source>鍵を開く</source>
        <translation>Unlock key</translation>
    </message>
    <message>
        <source>鍵ファイル: {file}</source>
        <translation>Key file: {file}</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>一覧をコピー</source>
        <translation>Copy the list</translation>
    </message>
    <message>
        <source>問題の一覧</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>問題の一覧をクリップボードにコピーします（メールなどに貼り付けられます）</source>
        <translation>Copy the problems to the clipboard (to paste into an e-mail, for instance)</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>利用者の設定が読めません</source>
        <translation>The user settings cannot be read</translation>
    </message>
    <message>
        <source>変更履歴に記録する利用者（氏名・職種・所属施設）を設定してください。共用のノートPCでも、誰が入力・修正したかが記録されます。</source>
        <translation>Set the person the audit trail records (name, profession, hospital). Even on a shared team laptop, it then records who entered and changed what.</translation>
    </message>
    <message>
        <source>所属施設は200文字以内で入力してください</source>
        <translation>Enter a hospital of at most 200 characters</translation>
    </message>
    <message>
        <source>氏名は1〜100文字で入力してください</source>
        <translation>Enter a name of 1 to 100 characters</translation>
    </message>
    <message>
        <source>職種 {value} は使えません</source>
        <translation>Profession {value} is not one of the choices</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>例: 山田 花子</source>
        <translation>e.g. Hanako Yamada</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>利用者の設定</source>
        <translation>User</translation>
    </message>
    <message>
        <source>利用者の設定…</source>
        <translation>User…</translation>
    </message>
    <message>
        <source>利用者を {actor} にしました。以後の変更履歴に記録されます。</source>
        <translation>User set to {actor}; the audit trail records them from now on.</translation>
    </message>
    <message>
        <source>利用者を保存</source>
        <translation>Save the user</translation>
    </message>
    <message>
        <source>変更履歴での表示</source>
        <translation>As the audit trail shows it</translation>
    </message>
    <message>
        <source>変更履歴での表示: {actor}</source>
        <translation>In the audit trail: {actor}</translation>
    </message>
    <message>
        <source>変更履歴に「氏名（所属施設）」と記録されます</source>
        <translation>The audit trail records “name (hospital)”</translation>
    </message>
    <message>
        <source>変更履歴には、この利用者が入力・修正したと記録されます。変更は以後の記録に使われます（これまでの記録はそのままです）。</source>
        <translation>The audit trail records this person as the one who entered and changed data. A change applies from now on (earlier entries stay as they are).</translation>
    </message>
    <message>
        <source>変更履歴に記録する利用者（氏名・職種・所属施設）を設定します</source>
        <translation>Set the person the audit trail records (name, profession, hospital)</translation>
    </message>
    <message>
        <source>所属施設(&amp;H)</source>
        <translation>&amp;Hospital</translation>
    </message>
    <message>
        <source>氏名(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>職種(&amp;P)</source>
        <translation>&amp;Profession</translation>
    </message>
</context>
<context>
    <name>ProgressFiles</name>
    <message>
        <source>改善計画の進捗の取込結果</source>
        <translation>Improvement plan progress import results</translation>
    </message>
</context>
<context>
    <name>ReportSettingsDialog</name>
    <message>
        <source>1行に1か所</source>
        <translation>One recipient a line</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>例: 〇〇県がん診療連携協議会 緩和ケア部会</source>
        <translation>e.g. the palliative care section of the prefecture&apos;s cancer care liaison council</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取扱注意(&amp;C)</source>
        <translation>&amp;Confidentiality</translation>
    </message>
    <message>
        <source>報告書に印刷する発行者・取扱注意・配布先を設定します</source>
        <translation>Set the issuer, confidentiality line and distribution list printed on reports</translation>
    </message>
    <message>
        <source>報告書の設定</source>
        <translation>Report settings</translation>
    </message>
    <message>
        <source>報告書の設定…</source>
        <translation>Report settings…</translation>
    </message>
    <message>
        <source>報告書の設定を保存</source>
        <translation>Save the report settings</translation>
    </message>
    <message>
        <source>報告書の設定を保存しました。次に作る報告書から使われます。</source>
        <translation>Report settings saved; reports made from now on use them.</translation>
    </message>
    <message>
        <source>発行者(&amp;I)</source>
        <translation>&amp;Issuer</translation>
    </message>
    <message>
        <source>空欄: 施設の都道府県のがん診療連携協議会 緩和ケア部会</source>
        <translation>Empty: the palliative care section of the facility&apos;s prefectural cancer care liaison council</translation>
    </message>
    <message>
        <source>評価報告書と事前提出資料の依頼状に印刷される、拠点としての設定です。空欄の項目は薄く表示している既定の文で印刷されます。</source>
        <translation>What the hub&apos;s feedback reports and request letters print. An empty field prints the default shown greyed.</translation>
    </message>
    <message>
        <source>配布先(&amp;D)</source>
        <translation>&amp;Distribution</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>PDF ファイル (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>保存したPDFを開く</source>
        <translation>Open the saved PDF</translation>
    </message>
</context>
<context>
    <name>RequestLetter</name>
    <message>
        <source>PDF ファイル (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>事前提出資料の依頼状</source>
        <translation>Request for documents before the visit</translation>
    </message>
    <message>
        <source>事前提出資料の依頼状…</source>
        <translation>Request for documents before the visit…</translation>
    </message>
    <message>
        <source>依頼状を作るレビューを一覧から選んでください。</source>
        <translation>Select the review to write the request for.</translation>
    </message>
    <message>
        <source>依頼状を作成しています…</source>
        <translation>Writing the request letter…</translation>
    </message>
    <message>
        <source>依頼状を保存しました: {path}</source>
        <translation>Request letter saved: {path}</translation>
    </message>
    <message>
        <source>訪問前に送ってもらう資料を施設へ依頼する文書（PDF）を作ります</source>
        <translation>Write the letter (PDF) asking the facility for the documents to send before the visit</translation>
    </message>
</context>
<context>
    <name>RequestLetterDialog</name>
    <message>
        <source>{facility}（{date} 訪問）へ、訪問前に送ってもらう資料 {n} 件を依頼する文書をPDFで作ります。</source>
        <translation>Writes a PDF asking {facility} (visit on {date}) for the documents to send before the visit (documents: {n}).</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>事前提出資料の依頼状</source>
        <translation>Request for documents before the visit</translation>
    </message>
    <message>
        <source>作成…</source>
        <translation>Write…</translation>
    </message>
    <message>
        <source>依頼状を作成</source>
        <translation>Write the request letter</translation>
    </message>
    <message>
        <source>保存したPDFを開く(&amp;O)</source>
        <translation>&amp;Open the PDF once saved</translation>
    </message>
    <message>
        <source>提出期限(&amp;D)</source>
        <translation>Send &amp;by</translation>
    </message>
    <message>
        <source>訪問日までの日付。設定しないときは訪問日の2週間前です</source>
        <translation>A date up to the visit. Without one, two weeks before the visit</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>修正の理由は{n}文字以内で入力してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修正版を作るには修正の理由が必要です。確定後に何を、なぜ直すのかを入力してください（変更履歴と報告書に記録されます）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewFields</name>
    <message>
        <source>{field}を編集</source>
        <translation>Edit {field}</translation>
    </message>
    <message>
        <source>改善計画の提出期限</source>
        <translation>Improvement plan due</translation>
    </message>
    <message>
        <source>日程</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>次回フォローアップ</source>
        <translation>Next follow-up</translation>
    </message>
    <message>
        <source>確認資料</source>
        <translation>Documents seen</translation>
    </message>
    <message>
        <source>総評</source>
        <translation>Overall comment</translation>
    </message>
    <message>
        <source>見学部署</source>
        <translation>Departments visited</translation>
    </message>
    <message>
        <source>面談者</source>
        <translation>Interviewees</translation>
    </message>
</context>
<context>
    <name>ReviewFieldsEditor</name>
    <message>
        <source>この版は確定済みのため閲覧のみです。</source>
        <translation>This revision is final: read only.</translation>
    </message>
    <message>
        <source>報告書の「訪問の概要」と改善計画の期日に載ります。入力は自動で保存され、Ctrl+Zで元に戻せます。</source>
        <translation>Printed in the report&apos;s visit overview and improvement plan dates. Input is saved as you type; Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <source>報告書の最初に載る総評です。確定には総評の記入が必要です（入力は自動で保存されます）。</source>
        <translation>The overall comment printed first in the report; required to finalise (saved as you type).</translation>
    </message>
    <message>
        <source>改善計画の期日</source>
        <translation>Improvement plan dates</translation>
    </message>
    <message>
        <source>総評</source>
        <translation>Overall comment</translation>
    </message>
    <message>
        <source>総評（訪問全体を通じた所見）</source>
        <translation>Overall comment (the visit as a whole)</translation>
    </message>
    <message>
        <source>訪問の概要</source>
        <translation>Visit overview</translation>
    </message>
</context>
<context>
    <name>Signature</name>
    <message>
        <source>信頼リストにない鍵の署名</source>
        <translation>signed by a key not on the trust list</translation>
    </message>
    <message>
        <source>信頼済みの署名</source>
        <translation>trusted signature</translation>
    </message>
    <message>
        <source>失効した鍵の署名</source>
        <translation>signed by a revoked key</translation>
    </message>
    <message>
        <source>暗号化: {name}（指紋 {fingerprint}）だけが開けます</source>
        <translation>Encrypted: only {name} (fingerprint {fingerprint}) can open it</translation>
    </message>
    <message>
        <source>暗号化: 拠点の鍵で開きました</source>
        <translation>Encrypted: opened with the hub&apos;s key</translation>
    </message>
    <message>
        <source>有効な署名</source>
        <translation>valid signature</translation>
    </message>
    <message>
        <source>署名: {name}（指紋 {fingerprint}）</source>
        <translation>Signed: {name} (fingerprint {fingerprint})</translation>
    </message>
    <message>
        <source>署名: {word}</source>
        <translation>Signature: {word}</translation>
    </message>
    <message>
        <source>署名: {word} — {name}（指紋 {fingerprint}）。信頼するかは取り込み先の信頼リストで判定します</source>
        <translation>Signature: {word} — {name} (fingerprint {fingerprint}). Whether it is trusted is for the importing hub&apos;s trust list to say</translation>
    </message>
    <message>
        <source>署名が不正</source>
        <translation>invalid signature</translation>
    </message>
    <message>
        <source>署名なし</source>
        <translation>unsigned</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <source>ファイルは {name}（指紋 {fingerprint}）だけが開けるよう暗号化されます。</source>
        <translation>The file is encrypted so that only {name} (fingerprint {fingerprint}) can open it.</translation>
    </message>
    <message>
        <source>提出ファイルに署名するため、あなたの秘密鍵を開きます。</source>
        <translation>Your private key is unlocked to sign the submission file.</translation>
    </message>
    <message>
        <source>提出ファイルの署名と暗号化</source>
        <translation>Signing and encrypting the submission file</translation>
    </message>
    <message>
        <source>暗号化された提出ファイル {n} 件を開く、拠点の秘密鍵（.key）を選択</source>
        <translation>Choose the hub&apos;s private key (.key) to open the encrypted submission files ({n})</translation>
    </message>
    <message>
        <source>暗号化された提出ファイルが {n} 件あります。開くために拠点の秘密鍵を使います。</source>
        <translation>Encrypted submission files: {n}. The hub&apos;s private key is used to open them.</translation>
    </message>
    <message>
        <source>秘密鍵 (*.key);;すべてのファイル (*)</source>
        <translation>Private keys (*.key);;All files (*)</translation>
    </message>
</context>
<context>
    <name>TrustConfirmDialog</name>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>信頼する</source>
        <translation>Trust</translation>
    </message>
    <message>
        <source>修正版を認める施設コード</source>
        <translation>Facility codes it may amend</translation>
    </message>
    <message>
        <source>修正版を認める施設コード(&amp;F)（任意・カンマ区切り）:</source>
        <translation>&amp;Facility codes it may amend (optional, comma separated):</translation>
    </message>
    <message>
        <source>公開鍵を信頼する</source>
        <translation>Trust a public key</translation>
    </message>
    <message>
        <source>前の版に署名していなくても、この施設のレビューの修正版をこの鍵で受け付けます（新しいリーダーなど）</source>
        <translation>Amendments of these facilities&apos; reviews signed with this key are accepted even if it did not sign the earlier revisions (a new team leader, for instance)</translation>
    </message>
    <message>
        <source>名前: {name}</source>
        <translation>Name: {name}</translation>
    </message>
    <message>
        <source>指紋が一致したので信頼する</source>
        <translation>The fingerprint matches: trust</translation>
    </message>
    <message>
        <source>鍵の持ち主に電話などで指紋を読み上げてもらい、1〜6の組がすべて一致することを確かめてください。一致しないときは信頼しないでください（途中ですり替えられた鍵かもしれません）。</source>
        <translation>Have the key&apos;s owner read the fingerprint aloud, e.g. on the phone, and check that groups 1 to 6 all match. If they do not, do not trust it (the key may have been swapped on the way).</translation>
    </message>
</context>
<context>
    <name>TrustListDialog</name>
    <message>
        <source>{name}（指紋 {fingerprint}）の鍵を失効させますか？</source>
        <translation>Revoke the key of {name} (fingerprint {fingerprint})?</translation>
    </message>
    <message>
        <source>この鍵で署名したファイルは今後取り込みません。取込済みの版はそのまま残り、失効した鍵の署名として表示されます。失効は取り消せません（持ち主に新しい鍵を作ってもらいます）。</source>
        <translation>Files signed with this key will no longer be imported. Revisions already imported stay, shown as signed by a revoked key. A revocation cannot be undone (the owner makes a new key).</translation>
    </message>
    <message>
        <source>信頼する公開鍵を選択</source>
        <translation>Choose the public key to trust</translation>
    </message>
    <message>
        <source>信頼リスト</source>
        <translation>Trust list</translation>
    </message>
    <message>
        <source>信頼リストと署名</source>
        <translation>Trust list and signatures</translation>
    </message>
    <message>
        <source>信頼リストと署名…</source>
        <translation>Trust list and signatures…</translation>
    </message>
    <message>
        <source>信頼リストにある鍵で署名された提出ファイルだけが、信頼済みとして取り込まれます。鍵は、持ち主に指紋を読み上げてもらってから追加してください。</source>
        <translation>Only submission files signed by a key on the trust list are imported as trusted. Add a key only after its owner read its fingerprint aloud.</translation>
    </message>
    <message>
        <source>信頼済みの鍵で署名されたファイルだけを取り込む</source>
        <translation>Import only files signed by a trusted key</translation>
    </message>
    <message>
        <source>修正版を認める施設</source>
        <translation>May amend</translation>
    </message>
    <message>
        <source>公開鍵 (*.pub);;すべてのファイル (*)</source>
        <translation>Public keys (*.pub);;All files (*)</translation>
    </message>
    <message>
        <source>公開鍵を信頼する</source>
        <translation>Trust a public key</translation>
    </message>
    <message>
        <source>公開鍵を追加…</source>
        <translation>Add public key…</translation>
    </message>
    <message>
        <source>名前</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>外す</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>失効 {at}</source>
        <translation>revoked {at}</translation>
    </message>
    <message>
        <source>失効させる</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>失効させる…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <source>拠点の秘密鍵</source>
        <translation>The hub&apos;s private key</translation>
    </message>
    <message>
        <source>拠点の秘密鍵（.key）を選択</source>
        <translation>Choose the hub&apos;s private key (.key)</translation>
    </message>
    <message>
        <source>指紋</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>既定: 信頼リストに鍵があれば、信頼済みの署名を必須にする</source>
        <translation>Default: require a trusted signature once the trust list has a key</translation>
    </message>
    <message>
        <source>暗号化された提出ファイルを開く拠点の秘密鍵</source>
        <translation>The hub&apos;s private key for encrypted submission files</translation>
    </message>
    <message>
        <source>有効</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <source>現在: 信頼済みの鍵で署名されたファイルだけを取り込みます。</source>
        <translation>Now: only files signed by a trusted key are imported.</translation>
    </message>
    <message>
        <source>現在: 署名のないファイルも取り込みます。</source>
        <translation>Now: unsigned files are imported too.</translation>
    </message>
    <message>
        <source>署名のないファイルも取り込む（署名の状態は結果に表示）</source>
        <translation>Import unsigned files too (the results show each signature)</translation>
    </message>
    <message>
        <source>署名の要求</source>
        <translation>Signatures required</translation>
    </message>
    <message>
        <source>署名を信頼する公開鍵、署名の要求、暗号化ファイルを開く拠点の鍵を設定します</source>
        <translation>Set the public keys whose signatures are trusted, whether signatures are required, and the hub&apos;s key for encrypted files</translation>
    </message>
    <message>
        <source>追加</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>選ぶ…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>鍵の失効</source>
        <translation>Revoke key</translation>
    </message>
    <message>
        <source>（未設定: 暗号化ファイルを取り込むときに尋ねます）</source>
        <translation>(not set: asked when encrypted files are imported)</translation>
    </message>
</context>
<context>
    <name>Workbook</name>
    <message>
        <source>Excel評価票 {file} の取込による修正</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workbooks</name>
    <message>
        <source>Excel評価票の取込結果</source>
        <translation>Checklist workbook import results</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>%(option)s がどのオプションか決まりません（候補: %(matches)s）</source>
        <translation>ambiguous option: %(option)s could match %(matches)s</translation>
    </message>
    <message>
        <source>%(parser_name)r というコマンドはありません（コマンド: %(choices)s）</source>
        <translation>unknown parser %(parser_name)r (choices: %(choices)s)</translation>
    </message>
    <message>
        <source>%(prog)s: エラー: %(message)s
</source>
        <translation>%(prog)s: error: %(message)s
</translation>
    </message>
    <message>
        <source>%(value)r は %(type)s の値として正しくありません</source>
        <translation>invalid %(type)s value: %(value)r</translation>
    </message>
    <message>
        <source>%(value)r は選べません（選べるもの: %(choices)s）</source>
        <translation>invalid choice: %(value)r (choose from %(choices)s)</translation>
    </message>
    <message>
        <source>このヘルプを表示して終了します</source>
        <translation>show this help message and exit</translation>
    </message>
    <message>
        <source>オプション</source>
        <translation>options</translation>
    </message>
    <message>
        <source>使い方: </source>
        <translation>usage: </translation>
    </message>
    <message>
        <source>値 %r はこのオプションには付けられません</source>
        <translation>ignored explicit argument %r</translation>
    </message>
    <message>
        <source>値は1つまでです</source>
        <translation>expected at most one argument</translation>
    </message>
    <message>
        <source>値を1つ以上指定してください</source>
        <translation>expected at least one argument</translation>
    </message>
    <message>
        <source>値を1つ指定してください</source>
        <translation>expected one argument</translation>
    </message>
    <message>
        <source>引数</source>
        <translation>positional arguments</translation>
    </message>
    <message>
        <source>引数 %(argument_name)s: %(message)s</source>
        <translation>argument %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>引数 %s と一緒には使えません</source>
        <translation>not allowed with argument %s</translation>
    </message>
    <message>
        <source>引数 %s のどれか1つを指定してください</source>
        <translation>one of the arguments %s is required</translation>
    </message>
    <message>
        <source>次の引数を指定してください: %s</source>
        <translation>the following arguments are required: %s</translation>
    </message>
    <message>
        <source>知らない引数です: %s</source>
        <translation>unrecognized arguments: %s</translation>
    </message>
</context>
<context>
    <name>carry</name>
    <message>
        <source>{code} は {what} が変わりました。前の版の回答を写したので、確かめてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} は新しい版の表示条件では対象外になるため、回答を消しました（変更履歴に残しています）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{new} は問いの内容が改訂されました。前の版の回答を写したので、確かめてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{old} の回答の一部（評価・値）は {new} の回答の形に合わないため写していません。改めて回答してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{old} の回答は対応表の指定により {new} に写していません。改めて回答してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{old} は {new} に分割されました。{old} の回答を写したので、この項目に合っているか確かめてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{old} は {new} に改名されました。回答を写しました</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{old} は {new} に統合されました。いちばん低い評価を写しました。根拠とコメントを確かめてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{old} は新しい版にない項目です。回答は変更履歴に残しています</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>--all と一緒に: この年度だけ</source>
        <translation>with --all: only this fiscal year</translation>
    </message>
    <message>
        <source>--fiscal-year は --all と一緒に指定してください</source>
        <translation>--fiscal-year goes with --all</translation>
    </message>
    <message>
        <source>JSON のオブジェクト1つで出力します</source>
        <translation>print one JSON object</translation>
    </message>
    <message>
        <source>JSON の配列1つで出力します</source>
        <translation>print one JSON array</translation>
    </message>
    <message>
        <source>NAME.key（秘密鍵）と NAME.pub（公開鍵）を作ります</source>
        <translation>make NAME.key (private) and NAME.pub (public)</translation>
    </message>
    <message>
        <source>kanwa-review {command}: このバージョンではまだ使えません。</source>
        <translation>kanwa-review {command}: not yet available in this version.</translation>
    </message>
    <message>
        <source>{file}: ファイルを読み書きできませんでした（{reason}）。場所・名前・空き容量・権限を確認してください。書きかけのファイルは残していません</source>
        <translation>{file}: could not read or write the file ({reason}); check the place, the name, free space and permissions. Nothing half-written was left behind.</translation>
    </message>
    <message>
        <source>{file}: フォルダです。保存するファイルの名前を指定してください（例: {example}）</source>
        <translation>{file}: this is a folder; give the name of the file to save (e.g. {example})</translation>
    </message>
    <message>
        <source>{file}: 出力ファイル名は {suffixes} で終わる名前にしてください（例: {example}）</source>
        <translation>{file}: the output file name must end in {suffixes} (e.g. {example})</translation>
    </message>
    <message>
        <source>{folder}: このフォルダには書き込めません（{reason}）。別の場所を選んでください</source>
        <translation>{folder}: this folder cannot be written to ({reason}); choose another place</translation>
    </message>
    <message>
        <source>{folder}: 保存先のフォルダがありません。作成するか別の場所を選んでください</source>
        <translation>{folder}: the folder does not exist; create it or choose another place</translation>
    </message>
    <message>
        <source>{text} は日付ではありません（例: 2026-06-01）</source>
        <translation>{text} is not a date (e.g. 2026-06-01)</translation>
    </message>
    <message>
        <source>{value} は {low}〜{high} の範囲で指定してください（例: {example}）</source>
        <translation>{value} must be between {low} and {high} (e.g. {example})</translation>
    </message>
    <message>
        <source>{value} は整数ではありません（例: {example}）</source>
        <translation>{value} is not a whole number (e.g. {example})</translation>
    </message>
    <message>
        <source>お知らせ: {text}</source>
        <translation>note: {text}</translation>
    </message>
    <message>
        <source>このレビューだけ</source>
        <translation>only this review</translation>
    </message>
    <message>
        <source>この年度（4月〜翌3月）だけ</source>
        <translation>only this fiscal year (April to March)</translation>
    </message>
    <message>
        <source>この秘密鍵で署名します</source>
        <translation>sign with this private key</translation>
    </message>
    <message>
        <source>この鍵はこの施設のレビューの修正版も出せます（複数指定可）</source>
        <translation>the key may also amend this facility&apos;s reviews (repeatable)</translation>
    </message>
    <message>
        <source>その年度の設定を消します</source>
        <translation>remove the year&apos;s setting</translation>
    </message>
    <message>
        <source>アプリを使わないチームのための空の評価票ブック</source>
        <translation>blank checklist workbook for teams without the app</translation>
    </message>
    <message>
        <source>エラー: {message}</source>
        <translation>error: {message}</translation>
    </message>
    <message>
        <source>データベースにあるこの版をその年度の評価票にします</source>
        <translation>make this held version current for the year</translation>
    </message>
    <message>
        <source>データベースにある評価票</source>
        <translation>forms held in a database</translation>
    </message>
    <message>
        <source>データベースにある評価票をチームに送るファイルに書き出します</source>
        <translation>a held form as a file for the teams</translation>
    </message>
    <message>
        <source>データベースの一貫したコピーを作ります</source>
        <translation>consistent copy of the database</translation>
    </message>
    <message>
        <source>データベースファイル</source>
        <translation>database file</translation>
    </message>
    <message>
        <source>データベースファイル（省略時: アプリのデータフォルダ）</source>
        <translation>database file (default: the app-data folder)</translation>
    </message>
    <message>
        <source>バージョンを表示して終了します</source>
        <translation>show the version and exit</translation>
    </message>
    <message>
        <source>ファイルごとに1行の JSON で出力します</source>
        <translation>print one JSON object per file, one per line</translation>
    </message>
    <message>
        <source>フィードバック報告書（PDF）</source>
        <translation>PDF feedback report</translation>
    </message>
    <message>
        <source>レビューごとに1行の JSON で出力します</source>
        <translation>one JSON object per review, one per line</translation>
    </message>
    <message>
        <source>レビューの一覧</source>
        <translation>list reviews</translation>
    </message>
    <message>
        <source>中断しました。途中までの処理は保存していません。</source>
        <translation>interrupted; nothing of the unfinished step was saved</translation>
    </message>
    <message>
        <source>乱数の種（同じ種なら同じデータ）</source>
        <translation>random seed (same seed, same data)</translation>
    </message>
    <message>
        <source>作成時の決まりを確かめません（評価の基準がない古い評価票）</source>
        <translation>skip the authoring rules (an old form without grade definitions)</translation>
    </message>
    <message>
        <source>信頼した鍵を失効させます</source>
        <translation>revoke a trusted key</translation>
    </message>
    <message>
        <source>信頼リスト: 名前・指紋・追加日・失効日</source>
        <translation>the trust list: name, fingerprint, added, revoked</translation>
    </message>
    <message>
        <source>信頼リストの鍵で署名されたファイルだけを取り込みます</source>
        <translation>apply only files signed by a key on the trust list</translation>
    </message>
    <message>
        <source>全施設の最新のレビュー</source>
        <translation type="vanished">every facility&apos;s latest review</translation>
    </message>
    <message>
        <source>全施設の最新のレビュー（施設一覧の表紙付き）</source>
        <translation>every facility&apos;s latest review, with a cover listing the facilities</translation>
    </message>
    <message>
        <source>出力ファイル</source>
        <translation>output file</translation>
    </message>
    <message>
        <source>報告書.pdf</source>
        <translation>report.pdf</translation>
    </message>
    <message>
        <source>年度の数</source>
        <translation>number of fiscal years</translation>
    </message>
    <message>
        <source>拠点病院: 評価者・リーダーの公開鍵を信頼します</source>
        <translation>hub: trust a reviewer&apos;s or leader&apos;s public key</translation>
    </message>
    <message>
        <source>拠点病院から届いた評価票を取り込みます</source>
        <translation>install a form sent by the hub</translation>
    </message>
    <message>
        <source>拠点病院がその年度に使う評価票</source>
        <translation>the hub&apos;s current form of a fiscal year</translation>
    </message>
    <message>
        <source>拠点病院の公開鍵に宛ててファイル全体を暗号化します</source>
        <translation>encrypt the whole file for the hub&apos;s public key</translation>
    </message>
    <message>
        <source>指紋は鍵の持ち主と確認済み: 尋ねません</source>
        <translation>the fingerprint was confirmed with its owner: do not ask</translation>
    </message>
    <message>
        <source>提出ファイルを取り込まずに検査します</source>
        <translation>check a submission package without importing it</translation>
    </message>
    <message>
        <source>提出ファイルを取り込みます</source>
        <translation>import submission packages</translation>
    </message>
    <message>
        <source>提出期限（省略時: 訪問日の14日前）</source>
        <translation>send the documents by (default: 14 days before the visit)</translation>
    </message>
    <message>
        <source>改善計画の進捗（.json または Actions シート）を取り込みます</source>
        <translation>import progress on improvement actions (.json or Actions sheet)</translation>
    </message>
    <message>
        <source>改善計画進捗_{facility}.xlsx</source>
        <translation>progress_{facility}.xlsx</translation>
    </message>
    <message>
        <source>新しい鍵のパスフレーズ（ファイルの1行目）。省略時は端末で2回尋ねます</source>
        <translation>the new key&apos;s passphrase (first line of the file); else asked twice on the terminal</translation>
    </message>
    <message>
        <source>施設の改善計画を進捗ファイル（.json / .xlsx）に書き出します</source>
        <translation>a facility&apos;s improvement actions as a progress file (.json / .xlsx)</translation>
    </message>
    <message>
        <source>施設の数</source>
        <translation>number of facilities</translation>
    </message>
    <message>
        <source>暗号化されたファイルを開く拠点病院の秘密鍵</source>
        <translation>the hub&apos;s private key, for encrypted files</translation>
    </message>
    <message>
        <source>架空のデモデータをデータベースに入れます</source>
        <translation>fill the database with invented demo data</translation>
    </message>
    <message>
        <source>架空の病院のデモデータベースでアプリを開きます</source>
        <translation>open the app on a demo database of invented hospitals</translation>
    </message>
    <message>
        <source>確定済みのレビューを提出ファイル（.kanwa）に書き出します</source>
        <translation>export a finalised review as a submission package (.kanwa)</translation>
    </message>
    <message>
        <source>編集したブックから評価票の定義ファイルを作ります</source>
        <translation>a form file from an edited workbook</translation>
    </message>
    <message>
        <source>編集中の下書きを評価票の新しい版に移します</source>
        <translation>move open drafts to a new version of their form</translation>
    </message>
    <message>
        <source>緩和ケア ピアレビュー支援。コマンドを指定しないとデスクトップアプリが開きます。</source>
        <translation>Palliative care peer review. Without a command the desktop app opens.</translation>
    </message>
    <message>
        <source>署名・暗号化の鍵と、拠点病院の信頼リスト</source>
        <translation>signing and encryption keys, the hub&apos;s trust list</translation>
    </message>
    <message>
        <source>表示言語（省略時: 環境変数 KANWA_LANG、なければシステムの設定）</source>
        <translation>display language (default: the environment variable KANWA_LANG, else the system&apos;s)</translation>
    </message>
    <message>
        <source>記入済みの評価票ブックを取り込みます</source>
        <translation>import a filled-in checklist workbook</translation>
    </message>
    <message>
        <source>訪問前に送ってもらう資料の依頼状（事前提出資料の依頼状, PDF）</source>
        <translation>letter asking the hospital for the documents to send before the visit (PDF)</translation>
    </message>
    <message>
        <source>評価票.xlsx</source>
        <translation>checklist.xlsx</translation>
    </message>
    <message>
        <source>評価票の2つの版の違い</source>
        <translation>what changed between two versions of a form</translation>
    </message>
    <message>
        <source>評価票のID（同じ版番号の評価票が複数あるとき）</source>
        <translation>form id, when several forms have the version</translation>
    </message>
    <message>
        <source>評価票の定義</source>
        <translation>form definitions</translation>
    </message>
    <message>
        <source>評価票の定義ファイルを検証します</source>
        <translation>validate form definition files</translation>
    </message>
    <message>
        <source>評価票を Excel で編集するブックに書き出します</source>
        <translation>the form as a workbook to edit in Excel</translation>
    </message>
    <message>
        <source>都道府県への集計表（Excel）</source>
        <translation>prefectural Excel return</translation>
    </message>
    <message>
        <source>鍵のパスフレーズ（ファイルの1行目）。省略時は端末で尋ねます</source>
        <translation>the key&apos;s passphrase (first line of the file); else asked on the terminal</translation>
    </message>
    <message>
        <source>鍵を保存するフォルダ</source>
        <translation>folder to save the keys in</translation>
    </message>
    <message>
        <source>集計表.xlsx</source>
        <translation>return.xlsx</translation>
    </message>
    <message>
        <source>（ファイル）</source>
        <translation>(file)</translation>
    </message>
</context>
<context>
    <name>cli_forms</name>
    <message>
        <source>--fiscal-year で年度を指定してください（例: 2026）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: ok — {form} {version}、{sections} セクション、{items} 項目（評価 {rated}）、整合ルール {rules}、sha256 {sha}{revises}</source>
        <translation>{file}: ok — {form} {version}, {sections} sections, {items} items ({rated} rated), {rules} rules, sha256 {sha}{revises}</translation>
    </message>
    <message>
        <source>{file}: {n} 件の問題があります。直してからもう一度確認してください</source>
        <translation>{file}: {n} problem(s); fix them and run the check again</translation>
    </message>
    <message>
        <source>{file}: {n} 件の問題があります。評価票は書き出していません。上のセルを直して保存し、もう一度実行してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{fy}年度の評価票: {form} {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{fy}年度の評価票の指定を外しました</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{fy}年度の評価票は定められていません。forms current --set で定めてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{years}年度の評価票</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>、{form} {version} の改訂（対応表 {n} 件）</source>
        <translation>, revises {form} {version} ({n} map entries)</translation>
    </message>
    <message>
        <source>この評価票はすでに入っています: {form} {version}（sha256 {sha}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>データベース</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>導入済み</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年度の評価票は定められていません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>編集用Excelを書き出しました: {path}（{form} {version}、{items} 項目、sha256 {sha}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>評価票.xlsx</source>
        <translation>form.xlsx</translation>
    </message>
    <message>
        <source>評価票.yaml</source>
        <translation>form.yaml</translation>
    </message>
    <message>
        <source>評価票を入れました: {form} {version}（{title}、sha256 {sha}、署名: {signature}）。新しい評価で選べます（{db}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>評価票を書き出しました: {path}（{form} {version}、sha256 {sha}）。各チームは forms install で入れます</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>評価票を書き出しました: {path}（{form} {version}、{items} 項目、sha256 {sha}）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli_migrate</name>
    <message>
        <source>{form} {version} に移す下書きはありません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>coherence</name>
    <message>
        <source>{code}: 評価 {rating} の理由のコメントがありません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code}: 評価 {rating} の項目に、改善が望まれる点・提言のどれも関連付けられていません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>総評がありません</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>事前提出資料の依頼状を書き出しました: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（両面印刷用の白紙 {n} ページ）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>completeness</name>
    <message>
        <source>総評（訪問全体を通じた所見）が未記入です。報告書の最初に載る総評を記入してから確定してください</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>condition_text</name>
    <message>
        <source>{code} {op} のあとには数値を書いてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} が … のあとに「のいずれか」か「のいずれでもない」が必要です</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} のあとに =、≠、≥、≤、「が … のいずれか」、「回答あり」、「未回答」のどれかが必要です</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>「 が閉じていません。値を「」で囲んでください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>「{ch}」はここでは使えません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>「{got}」から先が読めません。条件は「かつ」「または」でつなぎます</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>「{got}」のところに {what} が必要です</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>「{got}」のところに値が必要です（ほかの語と同じ値は「」で囲みます）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>「{got}」のところに項目コード（例: C-3）か「施設区分」が必要です</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>「（」</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>かっこの入れ子が深すぎます</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>値 {value!r} は条件の文で表せません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>施設区分「{text}」は使えません。使える区分: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>条件が空です</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>条件が長すぎます（{n} 文字。{limit} 文字まで）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（文の終わり）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>form</name>
    <message>
        <source>anchors の {key} は評価尺度 {scale} にない記号です。使える記号: {codes}</source>
        <translation>{key} in anchors is not a code of the scale {scale}. Codes you can use: {codes}</translation>
    </message>
    <message>
        <source>exclusive（ほかの選択肢と併用できない）は複数選択（multi_choice）の項目の選択肢にだけ付けられます</source>
        <translation>exclusive (cannot be combined with other choices) applies only to the choices of a multi_choice item</translation>
    </message>
    <message>
        <source>{op} は整数・数値・割合の項目にだけ使えます（{ref} は {type} の項目です）。equals・in 等を使ってください</source>
        <translation>{op} applies only to integer, number and percentage items ({ref} is a {type} item). Use equals, in or the like</translation>
    </message>
    <message>
        <source>{part} の {op} の値 {wrong} は {ref} の回答としてありえません（{ref} の回答: {allowed}）。選択肢・評価の記号を確かめてください</source>
        <translation>the value {wrong} of {op} in {part} cannot be an answer of {ref} (answers of {ref}: {allowed}). Check the codes of the choices or ratings</translation>
    </message>
    <message>
        <source>{part} の項目 {ref} はこの評価票にありません。項目コードを確かめてください</source>
        <translation>the item {ref} of {part} is not in this form. Check the item code</translation>
    </message>
    <message>
        <source>{ref} は割合の項目です。割合（%）は at_least・at_most で比べてください</source>
        <translation>{ref} is a percentage item. Compare a percentage with at_least or at_most</translation>
    </message>
    <message>
        <source>{where}: 条件の書き方が正しくありません。使える形: {{item: コード, equals / not_equals / in / not_in / at_least / at_most / answered: 値}}、{{facility_category: [区分, …]}}、{{all: [条件, …]}}、{{any: [条件, …]}}</source>
        <translation>{where}: the condition is not written correctly. The forms you can use: {{item: code, equals / not_equals / in / not_in / at_least / at_most / answered: value}}, {{facility_category: [category, …]}}, {{all: [condition, …]}}, {{any: [condition, …]}}</translation>
    </message>
    <message>
        <source>規則の id {id} が2回使われています。重複しない id にしてください</source>
        <translation>the rule id {id} is used twice. Give each rule its own id</translation>
    </message>
    <message>
        <source>評価 {a} と {b} の定義が同じ文です。評価ごとに違いが分かるように書き分けてください</source>
        <translation>grades {a} and {b} are defined by the same text. Write each grade so that the difference shows</translation>
    </message>
    <message>
        <source>評価 {missing} の定義（anchors）がありません。評価ごとにその評価となる状態を書いてください（例: anchors: {{{first}: {{ja: …, en: …}}}}）</source>
        <translation>grade {missing} has no definition (anchors). For each grade, describe the state that earns it (e.g. anchors: {{{first}: {{ja: …, en: …}}}})</translation>
    </message>
</context>
<context>
    <name>form_diff</name>
    <message>
        <source>{what}の変更 {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>そのまま写す</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>それぞれに写す</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>まとめ: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>コメント必須の評価 {old} → {new}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事前提出資料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>低い方の評価を写す</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>写さない</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分割</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>削除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回答: {carry}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回答は変更履歴に残ります</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>回答形式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>変更</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>変更はありません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>対応表: あり（{new} は {old} の改訂版です）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>対応表: なし（項目コードで比べています）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>必須</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>改名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>改訂</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数値の設定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文言</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>根拠</source>
        <translation type="unfinished">evidence</translation>
    </message>
    <message>
        <source>統合</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表示条件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>評価の定義</source>
        <translation type="unfinished">Grade definitions</translation>
    </message>
    <message>
        <source>評価の視点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>評価の記号・点数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>評価尺度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>評価票の変更: {title} {old} → {new}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>追加</source>
        <translation type="unfinished">Added</translation>
    </message>
    <message>
        <source>選択肢</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重み・自己評価</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>題名の変更</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>［整合ルール］</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>［比較しない章］ {codes}（達成率の経年比較をしません）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>［章］</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>［評価尺度］</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>［項目］</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>form_text</name>
    <message>
        <source>QI</source>
        <translation>Quality indicator</translation>
    </message>
    <message>
        <source>{title} {version}版</source>
        <translation>{title}, version {version}</translation>
    </message>
    <message>
        <source>、</source>
        <comment>list separator</comment>
        <translation>; </translation>
    </message>
    <message>
        <source>ピアレビューの慣行</source>
        <translation>Peer review practice</translation>
    </message>
    <message>
        <source>厚労省 連絡事項(2020)</source>
        <translation>MHLW notice (2020)</translation>
    </message>
    <message>
        <source>実地調査WG(2016)</source>
        <translation>On-site survey WG (2016)</translation>
    </message>
    <message>
        <source>整備指針({year})</source>
        <translation>Designation guideline ({year})</translation>
    </message>
</context>
<context>
    <name>form_workbook</name>
    <message>
        <source>  値は、はい・いいえ、数値、選択肢の表示（または記号）、評価の記号（A〜D、NA）。空白・記号を含む値は「」で囲みます。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  施設区分: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code}: 評価 {grade} の定義が空欄です。評価 {grade} となる状態を書いてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: 評価票が大きすぎます（{size:,} バイト。上限 {limit:,}）。項目や文を減らしてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n:,} 文字あります。1つのセルは {limit:,} 文字までにしてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}「{value}」は使えません。一覧から選んでください: {allowed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>「{value}」は使えません。「はい」か「いいえ」を選ぶか、空欄にしてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>「{value}」は数値ではありません。半角の数値（例: 0、12.5）を入力するか、空欄にしてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>このブックは評価票そのものです。シートの内容を編集して保存し、`kanwa-review forms from-xlsx このブック.xlsx -o 評価票.yaml` で評価票のファイルに戻します。誤りがあれば「シート名!セル」と直し方が示されます。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ほかに {n} 件の問題があります。上の問題を直してから、もう一度読み込んでください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>シート「{sheet}」がありません。kanwa-review が書き出したブックを使い、シート名を変えないでください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>シート「{sheet}」がありません。kanwa-review が書き出したブックを使ってください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>シート名・見出しの行（1行目）は変えないでください。行の追加・削除・並べ替えはできます（項目の順は「項目」シートの行の順です）。灰色の見出しの列は英語の表示です。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一覧から選んでください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>使えない値です</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>参照値の種類</source>
        <translation>reference kind</translation>
    </message>
    <message>
        <source>回答の引き継ぎ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>対応表があるときは「改訂前の評価票ID」と「改訂前の版」を書いてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>対応表（改訂版のみ）: 種別は 改名（別のコードへ）・改訂（同じコードで問いが変わった）・分割・統合・削除・新規。回答の引き継ぎは そのまま写す・それぞれに写す（分割）・低い方の評価（統合）・写さない。空欄なら種別ごとの既定です。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>対象期間</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尺度IDを入力してください（例: abcd）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数式は使えません。値（文字・数値）を入力してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>施設区分「{value}」は使えません。使える区分: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>条件「{text}」が読めません: {why}。書き方は「使い方」シートを見てください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>条件の項目 {code} はこの評価票にありません。項目コードを確かめてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>条件を入力してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>種別</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>種別を一覧から選んでください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>種類</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>種類を一覧から選んでください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>英語の事前提出資料だけがあります。日本語を1行に1つずつ書いてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>英語の事前提出資料の行数（{en}）が日本語（{ja}）と合いません。1行に1つずつ、同じ順に書いてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行が多すぎます（{limit} 行まで）。余分な行を消してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表示条件・整合ルールの書き方:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>見出し「{name}」の列が2つあります。1つにしてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>見出し「{name}」の列がありません。1行目に見出しを戻してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>見出し「{name}」は使えません。kanwa-review が書き出した見出しに戻すか、列ごと消してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>見出しのない列に値があります。見出しを付け直すか、値を消してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>設定: 評価票ID・版・題名。改訂版では「改訂前の評価票ID」「改訂前の版」と「対応表」シートで、前の版との対応を書きます。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>設定の項目「{label}」が2回あります</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>設定の項目「{label}」は使えません。使える項目: {labels}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>評価票の編集用ブック（kanwa-review）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>選択肢: 「選択」「複数選択」の項目の選択肢（1行が1つ）。尺度: 評価の記号と点数（該当なしは点数を空欄）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>項目 {code} の種類は「{type}」です。選択肢を付けられるのは「選択」「複数選択」の項目だけです</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>項目 {code} の章 {section} が「セクション」シートにありません。章を加えるか、コードを直してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>項目 {code} は「項目」シートにありません。項目コードを確かめてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>項目: 1行が1項目。コードは章の記号・ハイフン・番号（例: C-18）。種類・必須・尺度などは一覧から選びます。評価の項目は「定義 A」〜「定義 D」に、その評価となる状態を必ず書きます。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>項目コード {code} は {other} でも使われています。評価票の中で重ならないコードにしてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>項目コード「{codes}」の書き方が正しくありません。C-18、C-19 のように「、」で区切って書いてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>項目コード「{code}」の書き方が正しくありません。章の記号・ハイフン・番号で書いてください（例: C-18）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>{file}: 署名が確認できないため入れません（署名: {status}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{form}: この評価票の {where} は編集用Excelでは正確に表せません。YAML のまま編集してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{form}: 編集用Excelに正しく書き出せませんでした（{why}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{fy}年度の評価票は {current} と定められています（この評価は {mine}）。下書きは「評価票の移行」（kanwa-review migrate）で移せます</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} 件の回答を移しました。確認が必要な項目: {k} 件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{p}: 改訂前の版 {form} {version} が見つからないため、対応表の旧項目は確かめていません（その版のファイルも一緒に指定してください）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} {version} — kanwa-review が {source} から作成（編集は元のExcelで行い、forms from-xlsx で作り直してください）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>この評価票（{mine}）には新しい版 {later} があります。下書きは「評価票の移行」（kanwa-review migrate）で移せます</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>すでにこの評価票です</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修正版の下書きは、確定済みの前の版と同じ評価票のままにします</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>版 {version} の評価票が複数あります（{ids}）。--form で評価票IDを指定してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>版 {version} の評価票はこのデータベースにありません。forms install で入れてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>確定済みの評価は移行しません。確定した版はその評価票のまま残ります</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>評価票 {old} と {new} は別の評価票で、対応表もないため移行できません</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <source>{path} › {sheet}: これは都道府県向け集計表の改善計画シートで、進捗を記入する列がありません。施設ごとの進捗報告シート（kanwa-review progress-export --facility 施設コード -o 進捗.xlsx）に記入して取り込んでください</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>{due}: 資料の提出期限は訪問日 {visit} までの日付にしてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}年度の確定済みの評価がありません。評価を確定するか、別の年度を指定してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>確定済みの評価がありません。評価を確定してから作成してください</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>resources</name>
    <message>
        <source>同梱ファイル {file} がディスク上にありません（zip からの実行には対応していません）。kanwa-review を展開された形でインストールし直してください。</source>
        <translation>The bundled file {file} is not on disk (running from a zip is not supported). Install kanwa-review again, unpacked.</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>{code}: 「{label}」はほかの選択肢と同時には選べません。「{label}」だけを選ぶか、「{label}」を外してください</source>
        <translation>{code}: “{label}” cannot be chosen together with other choices. Choose only “{label}”, or clear it</translation>
    </message>
    <message>
        <source>{code}: 「未集計」のときは分子・分母を入力しません。どちらかにしてください</source>
        <translation>{code}: “not collected” takes no numerator or denominator. Choose one or the other</translation>
    </message>
    <message>
        <source>{code}: この項目は「未集計」にできません。分子と分母を入力してください</source>
        <translation>{code}: this item cannot be “not collected”. Enter the numerator and the denominator</translation>
    </message>
    <message>
        <source>{what}: {count}文字あります。{limit}文字以内にしてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}: 文字で入力してください</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>reviews</name>
    <message>
        <source>{date} は訪問日 {visit} より前です。訪問日以降の日付にしてください</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>revisions</name>
    <message>
        <source>carry: lowest は評価項目どうしにだけ使えます（{code} は {type} の項目です）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>carry: lowest（低い方の評価）は評価項目にだけ使えます。{code} は {type} の項目です。carry: empty にしてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped は from 1個以上で、to はありません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from の項目 {code} は {form} {version} にありません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>merged は from 2個以上・to 1個です</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new は to 1個以上で、from はありません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not_comparable の章 {code} はこの評価票にありません</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>renamed は from 1個・to 1個（別のコード）です</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>renamed（改名）は別のコードへの変更です。同じコードで内容が変わったときは kind: revised にしてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replaces は、この評価票が改訂する前の版を指してください（自分自身の版は指せません）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revised は from 1個・to 1個（同じコード）です</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revised（改訂）は同じコードの項目です。コードが変わるときは kind: renamed にしてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>split は from 1個・to 2個以上です</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to の項目 {code} はこの評価票にありません。項目コードを確かめてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} は {kind} とされていますが、この評価票にまだあります。廃止したコードは再利用しないでください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} は {version} にありましたが、この版にはなく、対応表にもありません。dropped・renamed・split・merged のどれかに書いてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} は {version} になかった項目です。対応表に kind: new （または引き継ぎ元）を書いてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code} は {version} にもある項目です。new ではなく、内容が変わったなら revised にしてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} には carry: {carry} は使えません。使えるのは {allowed} です（省略すると {default}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} の項目数が合いません（from {nf} 個・to {nt} 個）。{rule}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{old} の回答（{otype}）は {new}（{ntype}）にそのまま写せません。carry: empty にしてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{old} の評価の記号が {new} の評価尺度にありません。carry: empty にしてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{side} に {codes} が2回あります</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>評価票が異なるため比較なし</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>評価票改訂のため比較なし</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>項目 {code} は対応表の {other} 行目ですでに引き継ぎ先になっています。1つの項目の回答の出どころは1つにしてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>項目コード {codes} の書き方が正しくありません（例: C-10）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <source>{code}: 「{label}」とほかの選択肢が同時に選ばれています</source>
        <translation>{code}: “{label}” is chosen together with other choices</translation>
    </message>
    <message>
        <source>{code}: 対象期間「{period}」は訪問日 {visit} より後の{end} まで続いています。訪問日までに締まった期間の値を記入してください</source>
        <translation>{code}: the period “{period}” runs until {end}, after the visit date {visit}. Enter the figure of a period that ended by the visit date</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>{field}: {limit}文字以内にしてください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: 文字で入力してください</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>設定 {field} はありません。{known} のいずれかです</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
