<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja">
<context>
    <name>AboutDialog</name>
    <message>
        <source>kanwa-review について</source>
        <translation>About kanwa-review</translation>
    </message>
    <message>
        <source>がん診療連携拠点病院の緩和ケア ピアレビュー支援アプリ</source>
        <translation>Palliative care peer review for designated cancer hospitals</translation>
    </message>
    <message>
        <source>データベース: {path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>バージョン</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>ライセンス</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>同梱している部品とライセンス（全文: {file}）</source>
        <translation>Bundled components and their licences (full texts: {file})</translation>
    </message>
    <message>
        <source>本アプリは MIT ライセンスで配布しています。</source>
        <translation>kanwa-review is distributed under the MIT License.</translation>
    </message>
    <message>
        <source>評価票: {forms}</source>
        <translation>Forms: {forms}</translation>
    </message>
    <message>
        <source>部品</source>
        <translation>Component</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>何をするか（必須）</source>
        <translation>What will be done (required)</translation>
    </message>
    <message>
        <source>例: 緩和ケアチーム、看護部</source>
        <translation>e.g. palliative care team, nursing department</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>実施内容</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>実施内容(&amp;W)</source>
        <translation>&amp;What will be done</translation>
    </message>
    <message>
        <source>担当者(&amp;N)</source>
        <translation>Owner &amp;name</translation>
    </message>
    <message>
        <source>担当部署・職種(&amp;R)</source>
        <translation>Department or &amp;role</translation>
    </message>
    <message>
        <source>改善計画を保存</source>
        <translation>Save the improvement action</translation>
    </message>
    <message>
        <source>改善計画を編集</source>
        <translation>Edit improvement action</translation>
    </message>
    <message>
        <source>改善計画を追加</source>
        <translation>Add improvement action</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>状況(&amp;S)</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>状況の変更やメモは日時付きの進捗として記録されます</source>
        <translation>A status change or a note is recorded as dated progress</translation>
    </message>
    <message>
        <source>目標期日(&amp;D)</source>
        <translation>&amp;Due date</translation>
    </message>
    <message>
        <source>空欄なら期日なし</source>
        <translation>Leave empty for no due date</translation>
    </message>
    <message>
        <source>評価指標</source>
        <translation>Success measure</translation>
    </message>
    <message>
        <source>評価指標(&amp;M)</source>
        <translation>Success &amp;measure</translation>
    </message>
    <message>
        <source>進捗の記録</source>
        <translation>Progress recorded</translation>
    </message>
    <message>
        <source>進捗メモ</source>
        <translation>Progress note</translation>
    </message>
    <message>
        <source>進捗メモ(&amp;P)</source>
        <translation>&amp;Progress note</translation>
    </message>
    <message>
        <source>達成したと判断する目安（例: 実施率80%以上）</source>
        <translation>How achievement will be judged (e.g. done in at least 80% of cases)</translation>
    </message>
    <message>
        <source>（まだ記録はありません）</source>
        <translation>(nothing recorded yet)</translation>
    </message>
</context>
<context>
    <name>ActionsDialog</name>
    <message>
        <source>改善計画 — {code} {name}</source>
        <translation>Improvement plan — {code} {name}</translation>
    </message>
    <message>
        <source>施設の改善計画</source>
        <translation>Improvement plan of the facility</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ActionsEditor</name>
    <message>
        <source>{count}件（未完了 {open}件）</source>
        <translation>{count} actions ({open} open)</translation>
    </message>
    <message>
        <source>{date} {status}</source>
        <translation>{date} {status}</translation>
    </message>
    <message>
        <source>{date} {status}・メモあり</source>
        <translation>{date} {status}, with a note</translation>
    </message>
    <message>
        <source>{date}（期限超過）</source>
        <translation>{date} (overdue)</translation>
    </message>
    <message>
        <source>{line}&#x3000;{note}</source>
        <translation>{line}  {note}</translation>
    </message>
    <message>
        <source>{line}（{author}）</source>
        <translation>{line} ({author})</translation>
    </message>
    <message>
        <source>{time}&#x3000;{status}</source>
        <translation>{time}  {status}</translation>
    </message>
    <message>
        <source>・</source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>削除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>実施内容</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>担当</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>改善計画「{title}」を削除しますか？</source>
        <translation>Delete the improvement action “{title}”?</translation>
    </message>
    <message>
        <source>改善計画の一覧</source>
        <translation>Improvement actions</translation>
    </message>
    <message>
        <source>改善計画の件数</source>
        <translation>Number of improvement actions</translation>
    </message>
    <message>
        <source>改善計画の削除</source>
        <translation>Delete improvement action</translation>
    </message>
    <message>
        <source>改善計画はまだありません</source>
        <translation>No improvement actions yet</translation>
    </message>
    <message>
        <source>改善計画を削除</source>
        <translation>Delete the improvement action</translation>
    </message>
    <message>
        <source>改善計画を編集</source>
        <translation>Edit the improvement action</translation>
    </message>
    <message>
        <source>改善計画を追加</source>
        <translation>Add an improvement action</translation>
    </message>
    <message>
        <source>最新の進捗</source>
        <translation>Latest progress</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>目標期日</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>編集…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>評価指標: {measure}</source>
        <translation>Success measure: {measure}</translation>
    </message>
    <message>
        <source>誤って登録したものだけを削除してください。取りやめる場合は状況を「見送り」にすると経過が残ります。</source>
        <translation>Delete only an action registered by mistake. To drop an action, set its status to “not pursued”: its history is kept.</translation>
    </message>
    <message>
        <source>誤って登録したものを消します。取りやめる場合は状況を「見送り」にしてください</source>
        <translation>Removes an action registered by mistake. To drop an action, set its status to “not pursued”</translation>
    </message>
    <message>
        <source>追加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>進捗を記録</source>
        <translation>Record progress</translation>
    </message>
    <message>
        <source>進捗を記録…</source>
        <translation>Record progress…</translation>
    </message>
</context>
<context>
    <name>AnswerControls</name>
    <message>
        <source>いいえ</source>
        <translation>No</translation>
    </message>
    <message>
        <source>はい</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>例: 2025年</source>
        <translation>e.g. 2025</translation>
    </message>
    <message>
        <source>例: 2025年4月〜9月</source>
        <translation>e.g. April–September 2025</translation>
    </message>
    <message>
        <source>例: 2025年度</source>
        <translation>e.g. FY2025</translation>
    </message>
    <message>
        <source>分子 {text}</source>
        <translation>Numerator {text}</translation>
    </message>
    <message>
        <source>分子：{text}</source>
        <translation>Numerator: {text}</translation>
    </message>
    <message>
        <source>分母 {text}</source>
        <translation>Denominator {text}</translation>
    </message>
    <message>
        <source>分母：{text}</source>
        <translation>Denominator: {text}</translation>
    </message>
    <message>
        <source>割合</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>回答</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>回答 {answer}</source>
        <translation>Answer {answer}</translation>
    </message>
    <message>
        <source>回答（自由記述）</source>
        <translation>Answer (free text)</translation>
    </message>
    <message>
        <source>対象期間</source>
        <translation>Period covered</translation>
    </message>
    <message>
        <source>数値</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>整数</source>
        <translation>Whole number</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>未入力</source>
        <translation>not entered</translation>
    </message>
    <message>
        <source>算出した割合</source>
        <translation>Calculated rate</translation>
    </message>
    <message>
        <source>自己評価</source>
        <translation>Self-assessment</translation>
    </message>
    <message>
        <source>評価</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>評価の意味</source>
        <translation>Meaning of the rating</translation>
    </message>
    <message>
        <source>該当するもの</source>
        <translation>Applies</translation>
    </message>
    <message>
        <source>選択</source>
        <translation>Choice</translation>
    </message>
    <message>
        <source>選択肢</source>
        <translation>Choices</translation>
    </message>
    <message>
        <source>（未選択）</source>
        <translation>(not chosen)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>{file} を読み込めません。</source>
        <translation>{file} cannot be read.</translation>
    </message>
    <message>
        <source>{file} を開けません。</source>
        <translation>{file} cannot be opened.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>回答を入力</source>
        <translation>Answer entered</translation>
    </message>
    <message>
        <source>回答を消去</source>
        <translation>Answer cleared</translation>
    </message>
    <message>
        <source>変更前</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>変更後</source>
        <translation>After</translation>
    </message>
    <message>
        <source>対象</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>担当者</source>
        <translation>By</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>日時</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>版</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>第{revision}版</source>
        <translation>rev. {revision}</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>{count} 件</source>
        <translation>Entries: {count}</translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation>{field}: {value}</translation>
    </message>
    <message>
        <source>{fraction}（{rate}%）</source>
        <translation>{fraction} ({rate}%)</translation>
    </message>
    <message>
        <source>{kind} #{number}</source>
        <translation>{kind} #{number}</translation>
    </message>
    <message>
        <source>{name}（{role}・{profession}）</source>
        <translation>{name} ({role}, {profession})</translation>
    </message>
    <message>
        <source>{n}番目</source>
        <translation>position {n}</translation>
    </message>
    <message>
        <source>{version}版</source>
        <translation>version {version}</translation>
    </message>
    <message>
        <source>&#x3000;</source>
        <comment>between fields</comment>
        <translation>   </translation>
    </message>
    <message>
        <source>、</source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>「{text}」</source>
        <translation>“{text}”</translation>
    </message>
    <message>
        <source>いいえ</source>
        <translation>no</translation>
    </message>
    <message>
        <source>はい</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>コメント</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>チーム</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>ファイル</source>
        <translation>File</translation>
    </message>
    <message>
        <source>フォローアップとして開始</source>
        <translation>Started as a follow-up</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>レビュー</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>レビューを作成</source>
        <translation>Review created</translation>
    </message>
    <message>
        <source>下書きを削除</source>
        <translation>Draft deleted</translation>
    </message>
    <message>
        <source>修正版を作成</source>
        <translation>Amendment created</translation>
    </message>
    <message>
        <source>前回のレビュー</source>
        <translation>Previous review</translation>
    </message>
    <message>
        <source>前回の版</source>
        <translation>Previous revision</translation>
    </message>
    <message>
        <source>取込で改善計画を更新</source>
        <translation>Improvement action updated by import</translation>
    </message>
    <message>
        <source>回答</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>回答を変更</source>
        <translation>Answer changed</translation>
    </message>
    <message>
        <source>回答を新しい評価票に移行</source>
        <translation>Answer moved to the new checklist</translation>
    </message>
    <message>
        <source>基本情報を変更</source>
        <translation>Details changed</translation>
    </message>
    <message>
        <source>変更履歴</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>変更履歴の件数</source>
        <translation>Number of history entries</translation>
    </message>
    <message>
        <source>変更履歴の絞り込み</source>
        <translation>Filter the change history</translation>
    </message>
    <message>
        <source>実施内容</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>対応の規則</source>
        <translation>Mapping rule</translation>
    </message>
    <message>
        <source>対応表を使用</source>
        <translation>Revision map used</translation>
    </message>
    <message>
        <source>所見</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>所見の順序を変更</source>
        <translation>Finding moved</translation>
    </message>
    <message>
        <source>所見を削除</source>
        <translation>Finding deleted</translation>
    </message>
    <message>
        <source>所見を編集</source>
        <translation>Finding edited</translation>
    </message>
    <message>
        <source>所見を追加</source>
        <translation>Finding added</translation>
    </message>
    <message>
        <source>担当者</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>担当（役割）</source>
        <translation>Owner (role)</translation>
    </message>
    <message>
        <source>提出ファイルから取込</source>
        <translation>Imported from a submission file</translation>
    </message>
    <message>
        <source>改善計画</source>
        <translation>Improvement action</translation>
    </message>
    <message>
        <source>改善計画「{title}」</source>
        <translation>Improvement action “{title}”</translation>
    </message>
    <message>
        <source>改善計画の提出期限</source>
        <translation>Improvement plan due</translation>
    </message>
    <message>
        <source>改善計画を削除</source>
        <translation>Improvement action deleted</translation>
    </message>
    <message>
        <source>改善計画を取込</source>
        <translation>Improvement action imported</translation>
    </message>
    <message>
        <source>改善計画を変更</source>
        <translation>Improvement action changed</translation>
    </message>
    <message>
        <source>改善計画を追加</source>
        <translation>Improvement action added</translation>
    </message>
    <message>
        <source>新しい評価票に移行</source>
        <translation>Moved to a new checklist</translation>
    </message>
    <message>
        <source>施設</source>
        <translation>Facility</translation>
    </message>
    <message>
        <source>日程</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>本文</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>次回フォローアップ</source>
        <translation>Next follow-up</translation>
    </message>
    <message>
        <source>版</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>目標期日</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>確定</source>
        <translation>Finalised</translation>
    </message>
    <message>
        <source>確定者</source>
        <translation>Finalised by</translation>
    </message>
    <message>
        <source>確認が必要な項目</source>
        <translation>Items to check</translation>
    </message>
    <message>
        <source>確認した資料</source>
        <translation>Evidence seen</translation>
    </message>
    <message>
        <source>確認資料</source>
        <translation>Documents seen</translation>
    </message>
    <message>
        <source>移行で回答を削除</source>
        <translation>Answer dropped by the move</translation>
    </message>
    <message>
        <source>移行で所見の関連項目を変更</source>
        <translation>Finding&apos;s items changed by the move</translation>
    </message>
    <message>
        <source>移行元の項目</source>
        <translation>Moved from items</translation>
    </message>
    <message>
        <source>移行前の回答</source>
        <translation>Answers before the move</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>結果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>絞り込み(&amp;S):</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>総評</source>
        <translation>Overall comment</translation>
    </message>
    <message>
        <source>自己評価</source>
        <translation>Self-rating</translation>
    </message>
    <message>
        <source>見学部署</source>
        <translation>Departments visited</translation>
    </message>
    <message>
        <source>訪問日</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>評価</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>評価指標</source>
        <translation>Success measure</translation>
    </message>
    <message>
        <source>評価票</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>進捗を記録</source>
        <translation>Progress recorded</translation>
    </message>
    <message>
        <source>関連項目</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>非該当のため回答を消去</source>
        <translation>Answer cleared (not applicable)</translation>
    </message>
    <message>
        <source>面談者</source>
        <translation>Interviewees</translation>
    </message>
    <message>
        <source>項目 {code}</source>
        <translation>Item {code}</translation>
    </message>
    <message>
        <source>項目コード・担当者・内容で絞り込み</source>
        <translation>Filter by item code, person or content</translation>
    </message>
    <message>
        <source>順序</source>
        <translation>Position</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>{code}：必須項目</source>
        <translation>{code}: required item</translation>
    </message>
    <message>
        <source>{count}件</source>
        <translation>{count}</translation>
    </message>
    <message>
        <source>{mark}：{label}</source>
        <translation>{mark}: {label}</translation>
    </message>
    <message>
        <source>{rate}%（{parts}）</source>
        <translation>{rate}% ({parts})</translation>
    </message>
    <message>
        <source>いいえ</source>
        <translation>No</translation>
    </message>
    <message>
        <source>はい</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>・</source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>・{title}（{status}）</source>
        <translation>• {title} ({status})</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>前回</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>前回: {answer}</source>
        <translation>Previous: {answer}</translation>
    </message>
    <message>
        <source>改善計画</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>未回答</source>
        <translation>not answered</translation>
    </message>
    <message>
        <source>未集計</source>
        <translation>Not collected</translation>
    </message>
    <message>
        <source>自己評価</source>
        <translation>Self</translation>
    </message>
    <message>
        <source>評価 {mark}：{label}</source>
        <translation>Rating {mark}: {label}</translation>
    </message>
    <message>
        <source>評価・回答</source>
        <translation>Rating / answer</translation>
    </message>
    <message>
        <source>項目</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>（必須）</source>
        <translation> (required)</translation>
    </message>
    <message>
        <source>（確認が望まれる点あり）</source>
        <translation> (points to check)</translation>
    </message>
    <message>
        <source>＊</source>
        <comment>the required item&apos;s mark</comment>
        <translation>*</translation>
    </message>
</context>
<context>
    <name>ChecklistScreen</name>
    <message>
        <source>C・D のみ</source>
        <translation>C and D only</translation>
    </message>
    <message>
        <source>F2 で入力欄へ移って入力してください</source>
        <translation>press F2 to go to the input field and enter it there</translation>
    </message>
    <message>
        <source>{code} {field} {rating}</source>
        <translation>{code} {field} {rating}</translation>
    </message>
    <message>
        <source>{code} は現在の回答では該当しないため表示されていません。</source>
        <translation>{code} is not shown: it does not apply with the current answers.</translation>
    </message>
    <message>
        <source>{shown} / {total} 項目</source>
        <translation>{shown} / {total} items</translation>
    </message>
    <message>
        <source>△ {codes}&#x3000;{message}</source>
        <translation>△ {codes}  {message}</translation>
    </message>
    <message>
        <source>△ 確認が望まれる点 {count} 件</source>
        <translation>△ Points to check: {count}</translation>
    </message>
    <message>
        <source>、0 または N で{label}</source>
        <translation>, 0 or N for {label}</translation>
    </message>
    <message>
        <source>、Shift+文字で自己評価</source>
        <translation>, Shift+letter for the self-assessment</translation>
    </message>
    <message>
        <source>「{key}」はこの項目（{code}）では使えません。{hint}</source>
        <translation>“{key}” does nothing on this item ({code}). {hint}</translation>
    </message>
    <message>
        <source>はい＝1 または Y、いいえ＝2 または N</source>
        <translation>yes = 1 or Y, no = 2 or N</translation>
    </message>
    <message>
        <source>コメント</source>
        <translation>comment</translation>
    </message>
    <message>
        <source>コード・本文で検索（Ctrl+F）</source>
        <translation>Search code or text (Ctrl+F)</translation>
    </message>
    <message>
        <source>チェックリスト</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>保存しました {time}</source>
        <translation>Saved {time}</translation>
    </message>
    <message>
        <source>元に戻す・やり直し</source>
        <translation>Undo / redo</translation>
    </message>
    <message>
        <source>前回の確定済みレビューの評価・数値を、まだ回答していない項目に写します（コメントは写しません）</source>
        <translation>Copies the ratings and figures of the previous finalised review into the items not answered yet (comments are not copied)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>cleared</translation>
    </message>
    <message>
        <source>回答</source>
        <translation>answer</translation>
    </message>
    <message>
        <source>回答どうしの矛盾や、訪問日より後まで続く対象期間です。確定は妨げません。選ぶとその項目へ移動します</source>
        <translation>Answers that contradict each other, or periods that run past the visit date. They do not block finalising. Choose one to go to its item.</translation>
    </message>
    <message>
        <source>対象期間</source>
        <translation>period covered</translation>
    </message>
    <message>
        <source>未回答に前回の評価を採用</source>
        <translation>Take previous ratings for unanswered</translation>
    </message>
    <message>
        <source>未回答のみ</source>
        <translation>Unanswered only</translation>
    </message>
    <message>
        <source>未回答の項目すべてに前回の評価を採用</source>
        <translation>Take the previous ratings for every unanswered item</translation>
    </message>
    <message>
        <source>未回答の項目だけを表示</source>
        <translation>Show only the items not answered</translation>
    </message>
    <message>
        <source>確認が望まれる点</source>
        <translation>Points to check</translation>
    </message>
    <message>
        <source>確認した資料</source>
        <translation>evidence</translation>
    </message>
    <message>
        <source>自己評価</source>
        <translation>self-assessment</translation>
    </message>
    <message>
        <source>表示中の項目数</source>
        <translation>Items shown</translation>
    </message>
    <message>
        <source>複数選択は F2 で入力欄へ移り、スペースでチェックします</source>
        <translation>for several choices press F2 to go to the input field and tick them with Space</translation>
    </message>
    <message>
        <source>評価</source>
        <translation>rating</translation>
    </message>
    <message>
        <source>評価がCまたはDの項目だけを表示</source>
        <translation>Show only the items rated C or D</translation>
    </message>
    <message>
        <source>評価は 1〜{n} または {first}〜{last}</source>
        <translation>ratings are 1–{n} or {first}–{last}</translation>
    </message>
    <message>
        <source>選択肢は 1〜{n}</source>
        <translation>choices are 1–{n}</translation>
    </message>
    <message>
        <source>項目の入力欄</source>
        <translation>Item input</translation>
    </message>
    <message>
        <source>項目を検索</source>
        <translation>Search items</translation>
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
        <source>{code}：{title}</source>
        <translation>{code}: {title}</translation>
    </message>
    <message>
        <source>{days}日</source>
        <translation>{days} d</translation>
    </message>
    <message>
        <source>{label}（{year}）</source>
        <translation>{label} ({year})</translation>
    </message>
    <message>
        <source>{name}（{code}）</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>{year}：表示 {shown} 施設・受領 {received}・未受領 {missing}・期限超過 {overdue} 件（{today} 時点）</source>
        <translation>{year}: facilities shown {shown}, received {received}, not received {missing}, overdue actions {overdue} (as of {today})</translation>
    </message>
    <message>
        <source>&#x3000;</source>
        <comment>between sections</comment>
        <translation>   </translation>
    </message>
    <message>
        <source>&#x3000;—：確定済みの評価なし・評価対象外</source>
        <translation>  —: no finalised review, or not applicable</translation>
    </message>
    <message>
        <source>&#x3000;※：評価票改訂のため比較なし（中央値に含めない）</source>
        <translation>  ※: not compared, as the form was revised (left out of the median)</translation>
    </message>
    <message>
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <source>セクションの一覧</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>ダッシュボード</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>ダッシュボードを集計しています…</source>
        <translation>Building the dashboard…</translation>
    </message>
    <message>
        <source>ダブルクリックで施設の経過を開きます</source>
        <translation>Double-click to open the facility history</translation>
    </message>
    <message>
        <source>データベースから集計し直します（F5）</source>
        <translation>Recount from the database (F5)</translation>
    </message>
    <message>
        <source>並び順(&amp;O):</source>
        <translation>&amp;Order:</translation>
    </message>
    <message>
        <source>再集計</source>
        <translation>Recount</translation>
    </message>
    <message>
        <source>凡例 {band}</source>
        <translation>Legend {band}</translation>
    </message>
    <message>
        <source>凡例:</source>
        <translation>Legend:</translation>
    </message>
    <message>
        <source>列見出しで並べ替え。行をダブルクリックまたはEnterで施設の経過を開きます</source>
        <translation>Sort by a column header. Double-click a row or press Enter to open the facility history</translation>
    </message>
    <message>
        <source>実施内容</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>年度(&amp;Y):</source>
        <translation>Fiscal &amp;year:</translation>
    </message>
    <message>
        <source>担当</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>施設</source>
        <translation>Facility</translation>
    </message>
    <message>
        <source>施設 × セクションの達成率（%）</source>
        <translation>Achievement by facility and section (%)</translation>
    </message>
    <message>
        <source>施設とセクションの達成率ヒートマップ</source>
        <translation>Heat map of achievement by facility and section</translation>
    </message>
    <message>
        <source>施設の並び順</source>
        <translation>Order of the facilities</translation>
    </message>
    <message>
        <source>施設の種別で絞り込み</source>
        <translation>Filter by facility category</translation>
    </message>
    <message>
        <source>施設コード順</source>
        <translation>By facility code</translation>
    </message>
    <message>
        <source>施設名の五十音順</source>
        <translation>By facility name (Japanese order)</translation>
    </message>
    <message>
        <source>期限超過の改善計画</source>
        <translation>Overdue improvement actions</translation>
    </message>
    <message>
        <source>未受領のレビュー</source>
        <translation>Reviews not received</translation>
    </message>
    <message>
        <source>未受領のレビュー（この年度に確定済みの評価がない施設）</source>
        <translation>Reviews not received (facilities without a finalised review this fiscal year)</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>目標期日</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>種別</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>種別(&amp;K):</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <source>超過</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>都道府県(&amp;P):</source>
        <translation>&amp;Prefecture:</translation>
    </message>
    <message>
        <source>都道府県で絞り込み</source>
        <translation>Filter by prefecture</translation>
    </message>
    <message>
        <source>集計しています…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>集計の概要</source>
        <translation>Summary</translation>
    </message>
</context>
<context>
    <name>DatabasePlace</name>
    <message>
        <source>このまま開く</source>
        <translation>Open as it is</translation>
    </message>
    <message>
        <source>データベースの場所</source>
        <translation>Where the database is</translation>
    </message>
    <message>
        <source>パソコン内にコピーして開く</source>
        <translation>Copy to this computer and open the copy</translation>
    </message>
</context>
<context>
    <name>Databases</name>
    <message>
        <source>kanwa-review データベース (*.sqlite *.db);;すべてのファイル (*)</source>
        <translation>kanwa-review databases (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>{file} は既にあります。上書きはしません。このファイルを使うときは「開く」で開いてください。</source>
        <translation>{file} already exists. It is not overwritten; to use this file, open it with “Open”.</translation>
    </message>
    <message>
        <source>データベースファイルを開く</source>
        <translation>Open a database file</translation>
    </message>
    <message>
        <source>新しいデータベースファイル</source>
        <translation>New database file</translation>
    </message>
    <message>
        <source>（まだありません）</source>
        <translation>(none yet)</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>2023-11-15、20231115、2023/11/15、R5.11.15、令和5年11月15日 のように入力できます。↑・↓で1日ずつ動きます</source>
        <translation>Type a date as 2023-11-15, 20231115, 2023/11/15, R5.11.15 or 令和5年11月15日. ↑ and ↓ move it by one day</translation>
    </message>
    <message>
        <source>{name}を今日にする</source>
        <translation>Set {name} to today</translation>
    </message>
    <message>
        <source>カレンダーから選ぶ</source>
        <translation>Choose from a calendar</translation>
    </message>
    <message>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>今日の日付にする</source>
        <translation>Set to today&apos;s date</translation>
    </message>
    <message>
        <source>例: R5.11.15</source>
        <translation>e.g. 2023-11-15</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>日付を入力してください。</source>
        <translation>Enter a date.</translation>
    </message>
    <message>
        <source>未記入</source>
        <translation>not entered</translation>
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
    <name>DialogCommon</name>
    <message>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DropImporter</name>
    <message>
        <source>.kanwa 以外の {count} 件は取り込みませんでした</source>
        <translation>Files other than .kanwa not imported: {count}</translation>
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
        <source>{facility} {visit} の第{revision}版は下書きです{hint}。提出ファイルは確定したレビューだけから作れます。レビューを確定してから書き出してください。</source>
        <translation>Revision {revision} of {facility} {visit} is a draft{hint}: only a finalised review can be exported. Finalise it first, then export.</translation>
    </message>
    <message>
        <source>{file}: 書き込めませんでした（{reason}）。別の場所を選んでください</source>
        <translation>{file}: could not be written ({reason}). Choose another place.</translation>
    </message>
    <message>
        <source>{folder}: 保存先のフォルダがありません。作成するか別の場所を選んでください</source>
        <translation>{folder}: the folder does not exist. Create it or choose another place.</translation>
    </message>
    <message>
        <source>暗号化した提出ファイルが上限（{limit} バイト）を超えます</source>
        <translation>The encrypted submission file exceeds the limit ({limit} bytes)</translation>
    </message>
    <message>
        <source>書き出しを中止しました。このレビューの内容が提出形式に合いません:</source>
        <translation>The export was stopped because the review does not fit the submission format:</translation>
    </message>
    <message>
        <source>（確定済みの第{revision}版があります）</source>
        <translation> (revision {revision} is final)</translation>
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
    <name>FacilityActionsPage</name>
    <message>
        <source>この施設の改善計画すべて（過去の訪問で合意したものを含む）。改善計画は施設に属するため、確定後も進捗を記録できます。</source>
        <translation>Every improvement action of this facility (including those agreed at earlier visits). Actions belong to the facility, so their progress can be recorded after the review is finalised.</translation>
    </message>
    <message>
        <source>施設全体の改善計画</source>
        <translation>Improvement plan of the whole facility</translation>
    </message>
</context>
<context>
    <name>FacilityHistoryWindow</name>
    <message>
        <source>QI(&amp;Q)</source>
        <translation>&amp;QI</translation>
    </message>
    <message>
        <source>QI（指標）</source>
        <translation>QI (indicators)</translation>
    </message>
    <message>
        <source>{code} {title}: 前回の訪問からの変化（ポイント）</source>
        <translation>{code} {title}: change since the previous visit (points)</translation>
    </message>
    <message>
        <source>{days}日超過</source>
        <translation>{days} d overdue</translation>
    </message>
    <message>
        <source>{facility} を読み込んでいます…</source>
        <translation>Loading {facility}…</translation>
    </message>
    <message>
        <source>{label}
({year})</source>
        <translation>{label}
({year})</translation>
    </message>
    <message>
        <source>{name}（{code}）</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>{section} 前回比</source>
        <translation>{section} change</translation>
    </message>
    <message>
        <source>{target}（{label}）</source>
        <translation>{target} ({label})</translation>
    </message>
    <message>
        <source>&#x3000;|&#x3000;</source>
        <comment>between parts</comment>
        <translation>  |  </translation>
    </message>
    <message>
        <source>、</source>
        <comment>between item codes</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>グラフの種類</source>
        <translation>Chart type</translation>
    </message>
    <message>
        <source>セクション</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>セクション別達成率の経年表</source>
        <translation>Achievement by section over the years</translation>
    </message>
    <message>
        <source>ダブルクリックでそのレビューを開きます</source>
        <translation>Double-click to open the review</translation>
    </message>
    <message>
        <source>値</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>分子</source>
        <translation>Numerator</translation>
    </message>
    <message>
        <source>分母</source>
        <translation>Denominator</translation>
    </message>
    <message>
        <source>前回比</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>前回比（総合）</source>
        <translation>Change (overall)</translation>
    </message>
    <message>
        <source>実施内容</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>折れ線（年度ごとの推移）</source>
        <translation>Lines (trend over the fiscal years)</translation>
    </message>
    <message>
        <source>担当</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>指標</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>改善計画</source>
        <translation>Improvement actions</translation>
    </message>
    <message>
        <source>改善計画 {count} 件（未完了 {open}・期限超過 {overdue}）</source>
        <translation>Improvement actions: {count} (open {open}, overdue {overdue})</translation>
    </message>
    <message>
        <source>改善計画(&amp;P)</source>
        <translation>Improvement &amp;plan</translation>
    </message>
    <message>
        <source>改善計画を編集</source>
        <translation>Edit improvement actions</translation>
    </message>
    <message>
        <source>改善計画を編集…</source>
        <translation>Edit improvement actions…</translation>
    </message>
    <message>
        <source>施設の概要</source>
        <translation>Facility summary</translation>
    </message>
    <message>
        <source>施設の経過</source>
        <translation>Facility history</translation>
    </message>
    <message>
        <source>施設の経過 — {facility}</source>
        <translation>Facility history — {facility}</translation>
    </message>
    <message>
        <source>施設の経過の内容</source>
        <translation>Facility history contents</translation>
    </message>
    <message>
        <source>施設の経過を読み込んでいます…</source>
        <translation>Loading the facility history…</translation>
    </message>
    <message>
        <source>施設名</source>
        <translation>Facility name</translation>
    </message>
    <message>
        <source>最終進捗</source>
        <translation>Latest progress</translation>
    </message>
    <message>
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>期限超過</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>未設定</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>棒グラフ（セクションごとに年度を比較）</source>
        <translation>Bars (fiscal years compared per section)</translation>
    </message>
    <message>
        <source>比較なし</source>
        <translation>Not compared</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>目標</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>目標以上</source>
        <translation>target met</translation>
    </message>
    <message>
        <source>目標期日</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>目標未満</source>
        <translation>below target</translation>
    </message>
    <message>
        <source>直近 {date}（{year}）総合 {overall}・前回比 {delta}</source>
        <translation>Latest {date} ({year}): overall {overall}, change {delta}</translation>
    </message>
    <message>
        <source>直近の訪問と前回の訪問の差（ポイント）</source>
        <translation>Difference between the latest and the previous visit (points)</translation>
    </message>
    <message>
        <source>確定済みの訪問 {count} 回</source>
        <translation>Finalised visits: {count}</translation>
    </message>
    <message>
        <source>確認事項</source>
        <translation>To check</translation>
    </message>
    <message>
        <source>経年変化(&amp;T)</source>
        <translation>&amp;Trend</translation>
    </message>
    <message>
        <source>総合</source>
        <translation>Overall</translation>
    </message>
    <message>
        <source>表示(&amp;G):</source>
        <translation>&amp;Graph:</translation>
    </message>
    <message>
        <source>訪問ごとの達成率と前回比</source>
        <translation>Achievement per visit and change since the previous one</translation>
    </message>
    <message>
        <source>訪問と前回比(&amp;V)</source>
        <translation>&amp;Visits and changes</translation>
    </message>
    <message>
        <source>訪問日</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>評価指標: {measure}</source>
        <translation>Success measure: {measure}</translation>
    </message>
    <message>
        <source>追加・変更・進捗の記録（変更は監査ログに残ります）</source>
        <translation>Add, change or record progress (changes are kept in the audit log)</translation>
    </message>
    <message>
        <source>関連項目</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>項目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>；</source>
        <comment>between problems</comment>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>FacilityMaster</name>
    <message>
        <source>施設マスタの取込結果</source>
        <translation>Facility list import results</translation>
    </message>
    <message>
        <source>施設マスタを取り込んでいます…</source>
        <translation>Importing the facility master…</translation>
    </message>
    <message>
        <source>施設マスタを確認しています…</source>
        <translation>Checking the facility master…</translation>
    </message>
    <message>
        <source>施設一覧 (*.csv *.xlsx)</source>
        <translation>Facility list (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>施設一覧のファイルを選択</source>
        <translation>Choose the facility list file</translation>
    </message>
    <message>
        <source>施設一覧（CSV・Excel: 施設コード, 施設名, 都道府県, 区分）を取り込みます</source>
        <translation>Import the facility list (CSV or Excel: facility code, facility name, prefecture, category)</translation>
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
    <name>FindingCommands</name>
    <message>
        <source>{kind}の順序を変更</source>
        <translation>Reorder {kind}</translation>
    </message>
    <message>
        <source>{kind}を削除</source>
        <translation>Delete {kind}</translation>
    </message>
    <message>
        <source>{kind}を追加</source>
        <translation>Add {kind}</translation>
    </message>
    <message>
        <source>所見の本文を編集</source>
        <translation>Edit finding text</translation>
    </message>
    <message>
        <source>所見の関連項目を変更</source>
        <translation>Change the finding’s linked items</translation>
    </message>
</context>
<context>
    <name>FindingDetail</name>
    <message>
        <source>↑ 上へ</source>
        <translation>↑ Up</translation>
    </message>
    <message>
        <source>↓ 下へ</source>
        <translation>↓ Down</translation>
    </message>
    <message>
        <source>この所見への改善計画</source>
        <translation>Improvement actions for this finding</translation>
    </message>
    <message>
        <source>上へ移動</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下へ移動</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>入力の案内</source>
        <translation>Input guidance</translation>
    </message>
    <message>
        <source>削除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>所見を削除</source>
        <translation>Delete the finding</translation>
    </message>
    <message>
        <source>選択中の所見</source>
        <translation>Selected finding</translation>
    </message>
    <message>
        <source>関連項目</source>
        <translation>Linked items</translation>
    </message>
    <message>
        <source>関連項目を選ぶ</source>
        <translation>Choose linked items</translation>
    </message>
    <message>
        <source>関連項目を選ぶ…</source>
        <translation>Choose linked items…</translation>
    </message>
</context>
<context>
    <name>FindingEditing</name>
    <message>
        <source>{kind}「{text}」を削除しますか？</source>
        <translation>Delete the {kind} “{text}”?</translation>
    </message>
    <message>
        <source>この所見に結び付いた改善計画 {count}件は施設の改善計画として残ります。</source>
        <translation>The improvement actions linked to this finding ({count}) stay in the facility’s improvement plan.</translation>
    </message>
    <message>
        <source>元に戻す（Ctrl+Z）で戻せます。</source>
        <translation>Undo (Ctrl+Z) brings it back. </translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>所見の削除</source>
        <translation>Delete finding</translation>
    </message>
    <message>
        <source>本文を空にはできません。不要な所見は「削除…」で削除してください。</source>
        <translation>The text cannot be empty. Delete a finding you do not need with “Delete…”.</translation>
    </message>
</context>
<context>
    <name>FindingEditor</name>
    <message>
        <source>所見の本文</source>
        <translation>Finding text</translation>
    </message>
</context>
<context>
    <name>FindingKind</name>
    <message>
        <source>提言</source>
        <translation>Recommendations</translation>
    </message>
    <message>
        <source>改善が望まれる点</source>
        <translation>Areas for improvement</translation>
    </message>
    <message>
        <source>良い点</source>
        <translation>Strengths</translation>
    </message>
</context>
<context>
    <name>FindingList</name>
    <message>
        <source>Alt+↑/↓で並べ替え、Deleteで削除、Insertで追加、Enterで本文の編集</source>
        <translation>Alt+↑/↓ to reorder, Delete to delete, Insert to add, Enter to edit the text</translation>
    </message>
    <message>
        <source>{kind}の一覧</source>
        <translation>List of {kind}</translation>
    </message>
</context>
<context>
    <name>FindingNoun</name>
    <message>
        <source>提言</source>
        <translation>recommendation</translation>
    </message>
    <message>
        <source>改善が望まれる点</source>
        <translation>area for improvement</translation>
    </message>
    <message>
        <source>良い点</source>
        <translation>strength</translation>
    </message>
</context>
<context>
    <name>FindingText</name>
    <message>
        <source>、</source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>改善計画 {count}件</source>
        <translation>Actions: {count}</translation>
    </message>
    <message>
        <source>関連: {items}</source>
        <translation>Linked: {items}</translation>
    </message>
    <message>
        <source>関連項目: {items}</source>
        <translation>Linked items: {items}</translation>
    </message>
    <message>
        <source>関連項目: なし</source>
        <translation>Linked items: none</translation>
    </message>
    <message>
        <source>／</source>
        <comment>between details</comment>
        <translation> / </translation>
    </message>
    <message>
        <source>［{details}］</source>
        <translation>[{details}]</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>{kind} {number}</source>
        <translation>{kind}: no. {number}</translation>
    </message>
    <message>
        <source>{kind} {number}（新規・未保存）</source>
        <translation>{kind}: no. {number} (new, not saved)</translation>
    </message>
    <message>
        <source>{kind}を入力してください（入力は自動で保存されます）</source>
        <translation>Enter the {kind} (saved as you type)</translation>
    </message>
    <message>
        <source>{kind}を追加</source>
        <translation>Add {kind}</translation>
    </message>
    <message>
        <source>{kind}（{count}件）</source>
        <translation>{kind} ({count})</translation>
    </message>
    <message>
        <source>この{kind}への改善計画</source>
        <translation>Improvement actions for this {kind}</translation>
    </message>
    <message>
        <source>この版は確定済みのため所見は閲覧のみです。改善計画の進捗は記録できます。</source>
        <translation>This revision is final: the findings are read only. Progress on improvement actions can still be recorded.</translation>
    </message>
    <message>
        <source>一覧でInsertキーでも追加できます</source>
        <translation>Insert in the list adds one too</translation>
    </message>
    <message>
        <source>入力は自動で保存されます。Ctrl+Zで元に戻せます。</source>
        <translation>Saved as you type. Ctrl+Z undoes.</translation>
    </message>
    <message>
        <source>左の一覧で所見を選ぶか、「…を追加」で新しく書き始めてください。</source>
        <translation>Choose a finding in the list on the left, or start a new one with “Add …”.</translation>
    </message>
    <message>
        <source>所見</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>所見の詳細と改善計画</source>
        <translation>Finding details and improvement actions</translation>
    </message>
    <message>
        <source>改善計画（本文を入力すると追加できます）</source>
        <translation>Improvement actions (can be added once the text is entered)</translation>
    </message>
    <message>
        <source>施設全体の改善計画</source>
        <translation>Whole facility’s plan</translation>
    </message>
    <message>
        <source>訪問の概要・期日</source>
        <translation>Visit overview and dates</translation>
    </message>
    <message>
        <source>選択中の所見</source>
        <translation>Selected finding</translation>
    </message>
    <message>
        <source>（新しい所見 — 右の欄に本文を入力してください）</source>
        <translation>(new finding — enter its text on the right)</translation>
    </message>
</context>
<context>
    <name>FiscalYearDialog</name>
    <message>
        <source>Excel集計表を出力</source>
        <translation>Excel summary</translation>
    </message>
    <message>
        <source>全年度（施設×年度ごとに1行）</source>
        <translation>All fiscal years (one row per facility and year)</translation>
    </message>
    <message>
        <source>各施設の確定済みレビュー（最新版）を出力します。下書きは含みません。</source>
        <translation>Writes each facility&apos;s finalised review (latest revision). Drafts are not included.</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>年度:</source>
        <translation>Fiscal year:</translation>
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
    <name>HeatmapModel</name>
    <message>
        <source>{name}（{code}）</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <source>{scope}の中央値（{count}施設）</source>
        <translation>Median of {scope} (facilities: {count})</translation>
    </message>
    <message>
        <source>{section}の達成率（%）</source>
        <translation>Achievement of {section} (%)</translation>
    </message>
    <message>
        <source>、</source>
        <comment>between prefectures</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>この年度の確定済みレビューがありません（未受領）</source>
        <translation>No finalised review this fiscal year (not received)</translation>
    </message>
    <message>
        <source>中央値</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>全施設</source>
        <translation>all facilities</translation>
    </message>
    <message>
        <source>施設</source>
        <translation>Facility</translation>
    </message>
    <message>
        <source>種別</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>総合</source>
        <translation>Overall</translation>
    </message>
    <message>
        <source>訪問日</source>
        <translation>Visit date</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>PDF ファイル (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>キー操作の早見表</source>
        <translation>Keyboard quick reference</translation>
    </message>
    <message>
        <source>キー操作の早見表.pdf</source>
        <translation>keyboard-quick-reference.pdf</translation>
    </message>
    <message>
        <source>キー操作の早見表を作成しています…</source>
        <translation>Making the keyboard quick reference…</translation>
    </message>
    <message>
        <source>キー操作の早見表を保存しました: {file}</source>
        <translation>Keyboard quick reference saved: {file}</translation>
    </message>
    <message>
        <source>使い方ガイド</source>
        <translation>User guide</translation>
    </message>
</context>
<context>
    <name>HistoryChart</name>
    <message>
        <source>{label}
({year})</source>
        <translation>{label}
({year})</translation>
    </message>
    <message>
        <source>{year}: {figures}</source>
        <translation>{year}: {figures}</translation>
    </message>
    <message>
        <source>、</source>
        <comment>between sections</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>セクション別達成率の経年グラフ</source>
        <translation>Chart of achievement by section over the years</translation>
    </message>
    <message>
        <source>凡例</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>確定済みのレビューがありません</source>
        <translation>No finalised reviews</translation>
    </message>
    <message>
        <source>確定済みのレビューがありません（経年変化は確定後に表示されます）</source>
        <translation>No finalised reviews (the trend shows once a review is finalised)</translation>
    </message>
    <message>
        <source>総合</source>
        <translation>Overall</translation>
    </message>
    <message>
        <source>評価なし</source>
        <translation>not rated</translation>
    </message>
    <message>
        <source>達成率（%）</source>
        <translation>Achievement (%)</translation>
    </message>
</context>
<context>
    <name>HomeModel</name>
    <message>
        <source>{date} 訪問</source>
        <translation>Visit {date}</translation>
    </message>
    <message>
        <source>{facility}&#x3000;{date} 訪問&#x3000;{status}（第{revision}版）
評価票 {version}版&#x3000;ダブルクリックで開きます</source>
        <translation>{facility}  visit {date}  {status} (revision {revision})
Checklist version {version}  Double-click to open</translation>
    </message>
    <message>
        <source>{name}（{prefecture}・{category}）</source>
        <translation>{name} ({prefecture}, {category})</translation>
    </message>
    <message>
        <source>レビュー {count} 件</source>
        <translation>Reviews: {count}</translation>
    </message>
    <message>
        <source>回答率</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>施設・訪問日</source>
        <translation>Facility / visit date</translation>
    </message>
    <message>
        <source>最終更新</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>版</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <source>第{revision}版</source>
        <translation>rev. {revision}</translation>
    </message>
    <message>
        <source>都道府県未登録</source>
        <translation>prefecture not registered</translation>
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
        <source>下書きのみ</source>
        <translation>Drafts only</translation>
    </message>
    <message>
        <source>下書きの削除</source>
        <translation>Delete draft</translation>
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
</context>
<context>
    <name>HubMenu</name>
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
        <source>選んだ施設の達成率の経年変化、前回比、改善計画、QIを表示します</source>
        <translation>Show the selected facility&apos;s achievement over the years, the change since the last visit, improvement actions and QIs</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>{file}: このデータベースでは第{held}版の下書きを編集中です。下書きを確定するか削除してから第{revision}版を取り込んでください</source>
        <translation>{file}: a draft of revision {held} is being edited here; finalise or delete it before importing revision {revision}.</translation>
    </message>
    <message>
        <source>{file}: このレビューの既存の版は {names} が署名しています。新しい版（第{rev}版）は同じ鍵か、拠点がこの施設用に信頼した鍵の署名が必要です（この署名: {status}）。取り込みません（変更はありません）</source>
        <translation>{file}: the revisions held of this review are signed by {names}. A new revision (revision {rev}) must be signed with the same key or a key the hub trusts for this facility (this signature: {status}). Not imported (nothing was changed).</translation>
    </message>
    <message>
        <source>{file}: このレビュー（{review}）は既に別の施設 {held_code} {held_name} のものとして登録されています。ファイルの施設は {code} です。取り違えの可能性があるため取り込みません。どちらが正しいか送付元に確認してください</source>
        <translation>{file}: this review ({review}) is already held for another facility, {held_code} {held_name}; the file claims facility {code}. Not imported, as the two may have been mixed up: check with the sender which is right.</translation>
    </message>
    <message>
        <source>{file}: データベースに書き込めませんでした（何も変更されていません）: {reason}</source>
        <translation>{file}: the database could not be written; nothing was changed: {reason}</translation>
    </message>
    <message>
        <source>{file}: 改善計画 {action}「{title}」を取り込めません（何も変更されていません）: {reason}</source>
        <translation>{file}: the improvement action {action} &quot;{title}&quot; cannot be imported; nothing was changed: {reason}</translation>
    </message>
    <message>
        <source>{file}: 第{revision}版はこのデータベースで下書きとして編集中です。下書きを確定するか削除してから、もう一度取り込んでください</source>
        <translation>{file}: revision {revision} is held here as a draft being edited; finalise or delete that draft first, then import again.</translation>
    </message>
    <message>
        <source>{file}: 第{revision}版は古い版です。このデータベースには既に第{held}版があるため取り込みません（変更はありません）</source>
        <translation>{file}: revision {revision} is older than revision {held} held here; not applied (nothing was changed).</translation>
    </message>
    <message>
        <source>{file}: 第{revision}版は既に登録されていますが、内容が異なります。同じ版番号で内容の違うファイルは取り込めません。どちらが正しいかチームに確認してください</source>
        <translation>{file}: revision {revision} is already held with different content; a file cannot change a revision. Ask the team which version is right.</translation>
    </message>
    <message>
        <source>{file}: 第{rev}版の変更履歴が、保持している第{held}版の変更履歴の続きになっていません（記録が削除・並べ替え・書き換えされています）。取り込みません（変更はありません）。送付元に確認してください</source>
        <translation>{file}: the audit trail of revision {rev} does not continue the one of revision {held} held here (entries were deleted, reordered or rewritten). Not imported (nothing was changed). Check with the sender.</translation>
    </message>
    <message>
        <source>{file}: 第{rev}版は信頼済みの鍵で署名されていないため、保持している版を置き換えられません（この署名: {status}）。取り込みません（変更はありません）</source>
        <translation>{file}: revision {rev} is not signed with a trusted key, so it cannot replace the revision held here (this signature: {status}). Not imported (nothing was changed).</translation>
    </message>
    <message>
        <source>{file}: 署名がありません。この拠点は信頼済みの鍵で署名されたファイルだけを取り込みます（変更はありません）。チームに署名付きで書き出してもらってください</source>
        <translation>{file}: the file is not signed. This hub imports only files signed with a trusted key (nothing was changed). Ask the team to export it signed.</translation>
    </message>
    <message>
        <source>{file}: 署名が正しくありません。取り込みません（変更はありません）</source>
        <translation>{file}: the signature is not valid. Not imported (nothing was changed).</translation>
    </message>
    <message>
        <source>{file}: 署名した鍵 {who} は拠点で失効させています。失効後のファイルは取り込みません（変更はありません）</source>
        <translation>{file}: the signing key {who} has been revoked by the hub. Files signed after revocation are not imported (nothing was changed).</translation>
    </message>
    <message>
        <source>{file}: 署名した鍵 {who} は拠点の信頼リストにありません。指紋を本人に確かめてから `kanwa-review keys trust` で追加し、取り込み直してください（変更はありません）</source>
        <translation>{file}: the signing key {who} is not on the hub&apos;s trust list. Confirm the fingerprint with its owner, add it with `kanwa-review keys trust`, and import again (nothing was changed).</translation>
    </message>
    <message>
        <source>{folders}: 取り込む .kanwa ファイルがありません。フォルダを確認してください</source>
        <translation>{folders}: no .kanwa files found in the folders given; check the folder.</translation>
    </message>
    <message>
        <source>改善計画 {count} 件は、このデータベースにより新しい記録があるため更新しませんでした</source>
        <translation>Improvement actions skipped because newer records are held here (stale): {count}</translation>
    </message>
    <message>
        <source>改善計画 {n} 件は、信頼済みの鍵の署名がないため取り込みませんでした（署名: {status}）</source>
        <translation>{n} improvement actions were not imported because they are not signed with a trusted key (signature: {status})</translation>
    </message>
    <message>
        <source>施設コード {code}（{name}）は未登録だったため、ファイルから新しく登録しました。施設マスタで名称・区分を確認してください</source>
        <translation>Facility {code} ({name}) was not registered and has been created from the file; check its name and category in the facility master.</translation>
    </message>
    <message>
        <source>施設名が施設マスタと異なります（ファイル: {file_name}、マスタ: {master_name}）。マスタの名称のまま取り込みました</source>
        <translation>The facility name in the file differs from the facility master (file: {file_name}, master: {master_name}); the master&apos;s name was kept.</translation>
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
        <source>{name}: {n} 件の問題があるため何も登録していません</source>
        <translation>{name}: {n} problem(s), so nothing was imported</translation>
    </message>
    <message>
        <source>{name}: 新規 {created} 件・更新 {updated} 件・変更なし {unchanged} 件</source>
        <translation>{name}: {created} new, {updated} updated, {unchanged} unchanged</translation>
    </message>
    <message>
        <source>ほかに {n:,} 件あります（最初の {limit} 件を表示しました）</source>
        <translation>{n:,} more (the first {limit} are shown)</translation>
    </message>
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
    <name>ItemActions</name>
    <message>
        <source>{code} の操作</source>
        <translation>Actions for {code}</translation>
    </message>
    <message>
        <source>前回の回答を採用（P）</source>
        <translation>Take the previous answer (P)</translation>
    </message>
    <message>
        <source>前回の評価を写せる未回答の項目はありません。</source>
        <translation>No unanswered item has a previous rating to take.</translation>
    </message>
    <message>
        <source>前回の評価を採用</source>
        <translation>Take previous ratings</translation>
    </message>
    <message>
        <source>前回の評価を採用（{count}項目）</source>
        <translation>Take previous ratings ({count} items)</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>{rate}%（{reference}）</source>
        <translation>{rate}% ({reference})</translation>
    </message>
    <message>
        <source>この項目の未完了の改善計画</source>
        <translation>Open improvement actions for this item</translation>
    </message>
    <message>
        <source>この項目の確認が望まれる点</source>
        <translation>Points to check for this item</translation>
    </message>
    <message>
        <source>この項目を所見に追加</source>
        <translation>Add this item to the findings</translation>
    </message>
    <message>
        <source>コメント</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>・{title}（{status}、期限 {due}）</source>
        <translation>• {title} ({status}, due {due})</translation>
    </message>
    <message>
        <source>・{title}（{status}）</source>
        <translation>• {title} ({status})</translation>
    </message>
    <message>
        <source>例: 委員会規程、議事録（2025年度4回分）</source>
        <translation>e.g. committee rules, minutes (4 meetings in FY2025)</translation>
    </message>
    <message>
        <source>入力の注意</source>
        <translation>Input note</translation>
    </message>
    <message>
        <source>分子（{numerator}）が分母（{denominator}）を超えています。数値を確認してください。</source>
        <translation>The numerator ({numerator}) is larger than the denominator ({denominator}). Check the figures.</translation>
    </message>
    <message>
        <source>前回: {answer}</source>
        <translation>Previous: {answer}</translation>
    </message>
    <message>
        <source>前回: {answer}（{period}）</source>
        <translation>Previous: {answer} ({period})</translation>
    </message>
    <message>
        <source>前回: {mark}（{label}）</source>
        <translation>Previous: {mark} ({label})</translation>
    </message>
    <message>
        <source>前回: 評価なし</source>
        <translation>Previous: not rated</translation>
    </message>
    <message>
        <source>前回の値を採用</source>
        <translation>Take the previous value</translation>
    </message>
    <message>
        <source>前回の評価</source>
        <translation>Previous rating</translation>
    </message>
    <message>
        <source>前回の評価をこの項目に採用</source>
        <translation>Take the previous rating for this item</translation>
    </message>
    <message>
        <source>前回の評価を採用</source>
        <translation>Take the previous rating</translation>
    </message>
    <message>
        <source>回答なし</source>
        <translation>no answer</translation>
    </message>
    <message>
        <source>大項目</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>実施しているが集計していないときに選びます。値を推測して記入しないでください</source>
        <translation>Choose this when the practice exists but is not counted. Do not enter a guessed figure.</translation>
    </message>
    <message>
        <source>必須</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>必須項目</source>
        <translation>Required item</translation>
    </message>
    <message>
        <source>所見に追加 ▾</source>
        <translation>Add to findings ▾</translation>
    </message>
    <message>
        <source>提言として所見に追加</source>
        <translation>Add to findings as a recommendation</translation>
    </message>
    <message>
        <source>改善が望まれる点として所見に追加</source>
        <translation>Add to findings as an area for improvement</translation>
    </message>
    <message>
        <source>数値として読めません。半角の数字で入力してください。</source>
        <translation>Not a number. Enter it in half-width digits.</translation>
    </message>
    <message>
        <source>整数で入力してください。</source>
        <translation>Enter a whole number.</translation>
    </message>
    <message>
        <source>未完了の改善計画:</source>
        <translation>Open improvement actions:</translation>
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
        <source>根拠: {traces}</source>
        <translation>Basis: {traces}</translation>
    </message>
    <message>
        <source>根拠となる指針</source>
        <translation>Guidelines behind this item</translation>
    </message>
    <message>
        <source>確認した資料・根拠</source>
        <translation>Evidence checked</translation>
    </message>
    <message>
        <source>良い点として所見に追加</source>
        <translation>Add to findings as a strength</translation>
    </message>
    <message>
        <source>評価 {mark} にはコメントが必要です。</source>
        <translation>A rating of {mark} needs a comment.</translation>
    </message>
    <message>
        <source>評価の定義</source>
        <translation>Grade definitions</translation>
    </message>
    <message>
        <source>評価の理由、改善の提案など</source>
        <translation>Reasons for the rating, suggestions for improvement, …</translation>
    </message>
    <message>
        <source>評価の視点</source>
        <translation>Points to assess</translation>
    </message>
    <message>
        <source>評価の視点を表示・隠す</source>
        <translation>Show or hide the points to assess</translation>
    </message>
    <message>
        <source>選んだ項目の入力</source>
        <translation>Input for the chosen item</translation>
    </message>
    <message>
        <source>項目の内容</source>
        <translation>Item text</translation>
    </message>
    <message>
        <source>項目コード</source>
        <translation>Item code</translation>
    </message>
</context>
<context>
    <name>ItemList</name>
    <message>
        <source>1〜4またはA〜Dで評価、0で該当なし、Shift+A〜Dで自己評価、Tab・Enterで次の項目、F2またはスペースで入力欄へ</source>
        <translation>1–4 or A–D to rate, 0 for not applicable, Shift+A–D for the self-assessment, Tab or Enter for the next item, F2 or Space to go to the input field</translation>
    </message>
    <message>
        <source>評価項目の一覧</source>
        <translation>List of items</translation>
    </message>
</context>
<context>
    <name>ItemPickerDialog</name>
    <message>
        <source>コードまたは語句で絞り込み（例: B-3、疼痛）</source>
        <translation>Filter by code or words (e.g. B-3, pain)</translation>
    </message>
    <message>
        <source>決定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>絞り込み(&amp;F)</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <source>評価項目（チェックで選択）</source>
        <translation>Items (tick to choose)</translation>
    </message>
    <message>
        <source>関連項目を決定</source>
        <translation>Confirm the linked items</translation>
    </message>
    <message>
        <source>関連項目を選ぶ</source>
        <translation>Choose linked items</translation>
    </message>
    <message>
        <source>項目(&amp;I)</source>
        <translation>&amp;Items</translation>
    </message>
    <message>
        <source>項目の絞り込み</source>
        <translation>Filter items</translation>
    </message>
</context>
<context>
    <name>KeyFiles</name>
    <message>
        <source>提出ファイルの署名に使う鍵と、暗号化の宛先の拠点の公開鍵を設定します</source>
        <translation>Set the key that signs submission files and the hub&apos;s public key they are encrypted for</translation>
    </message>
    <message>
        <source>署名と暗号化の鍵を保存しました。</source>
        <translation>Signing and encryption keys saved.</translation>
    </message>
    <message>
        <source>署名・暗号化に使う鍵（秘密鍵と公開鍵）を作ります</source>
        <translation>Make a key pair (private and public key) for signing and encryption</translation>
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
    <name>KeyboardHelpDialog</name>
    <message>
        <source>キー</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>キーと操作</source>
        <translation>Keys and what they do</translation>
    </message>
    <message>
        <source>キーボード操作</source>
        <translation>Keyboard</translation>
    </message>
    <message>
        <source>キーボード操作の一覧</source>
        <translation>List of keyboard shortcuts</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>What it does</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source> — 修正版を認める施設: {codes}</source>
        <translation> — facilities whose amendments it may sign: {codes}</translation>
    </message>
    <message>
        <source>1行目が {header} ではありません</source>
        <translation>The first line is not {header}</translation>
    </message>
    <message>
        <source>2回入力したパスフレーズが一致しません。やり直してください</source>
        <translation>The two passphrases do not match. Try again.</translation>
    </message>
    <message>
        <source>UTF-8 の文字ではありません</source>
        <translation>Not UTF-8 text</translation>
    </message>
    <message>
        <source>kanwa-review の公開鍵です。受け取った側は、指紋（fingerprint）を電話などで本人に読み上げてもらい、一致を確かめてから信頼してください。</source>
        <translation>A kanwa-review public key. Whoever receives it should have its owner read the fingerprint aloud (by phone, for example) and trust it only if it matches.</translation>
    </message>
    <message>
        <source>{file}: すでにあります。鍵を上書きすると、その鍵で署名・暗号化したファイルが開けなくなるため、別の名前にしてください</source>
        <translation>{file}: already exists. Overwriting a key would make files signed or encrypted with it unusable; choose another name.</translation>
    </message>
    <message>
        <source>{file}: パスフレーズが違うか、鍵ファイルが壊れています。パスフレーズを確かめてください</source>
        <translation>{file}: wrong passphrase, or the key file is damaged. Check the passphrase.</translation>
    </message>
    <message>
        <source>{file}: パスフレーズのファイルを読めません（{why}）</source>
        <translation>{file}: cannot read the passphrase file ({why})</translation>
    </message>
    <message>
        <source>{file}: 公開鍵ファイルとして読めません（{why}）。kanwa-review の「鍵を作る」で作った .pub ファイルを、送り主から受け取り直してください</source>
        <translation>{file}: cannot be read as a public key file ({why}). Ask the sender again for the .pub file made with kanwa-review&apos;s &quot;Create key&quot;.</translation>
    </message>
    <message>
        <source>{file}: 秘密鍵ファイルとして読めません（{why}）</source>
        <translation>{file}: cannot be read as a private key file ({why})</translation>
    </message>
    <message>
        <source>{file}: 鍵ファイルが見つかりません</source>
        <translation>{file}: key file not found</translation>
    </message>
    <message>
        <source>{folder}: 保存先のフォルダがありません。作成するか別の場所を選んでください</source>
        <translation>{folder}: the folder does not exist. Create it or choose another place.</translation>
    </message>
    <message>
        <source>{text} は鍵の指紋ではありません（例: ABCD-EFGH-IJKL-MNOP-QRST-UVWX）</source>
        <translation>{text} is not a key fingerprint (example: ABCD-EFGH-IJKL-MNOP-QRST-UVWX)</translation>
    </message>
    <message>
        <source>この指紋を本人に電話などで読み上げてもらい、一致しましたか？ 信頼する場合は y: </source>
        <translation>Did the owner read this fingerprint aloud (by phone, for example) and did it match? Type y to trust it: </translation>
    </message>
    <message>
        <source>この版のアプリでは読めない形式です</source>
        <translation>A format this version of the app cannot read</translation>
    </message>
    <message>
        <source>パスフレーズ: </source>
        <translation>Passphrase: </translation>
    </message>
    <message>
        <source>パスフレーズは{n}文字以上にしてください</source>
        <translation>The passphrase must have at least {n} characters</translation>
    </message>
    <message>
        <source>パスフレーズを入力できません（端末ではありません）。--passphrase-file でファイルを指定してください</source>
        <translation>Cannot ask for the passphrase (not a terminal). Give a file with --passphrase-file.</translation>
    </message>
    <message>
        <source>パスフレーズ（確認のためもう一度）: </source>
        <translation>Passphrase (again, to confirm): </translation>
    </message>
    <message>
        <source>中身の長さが違います</source>
        <translation>The content has the wrong length</translation>
    </message>
    <message>
        <source>信頼リストには追加しませんでした</source>
        <translation>Not added to the trust list</translation>
    </message>
    <message>
        <source>信頼リストに追加しました: {name}（{fingerprint}）</source>
        <translation>Added to the trust list: {name} ({fingerprint})</translation>
    </message>
    <message>
        <source>信頼リストは空です（署名は求めていません）。`kanwa-review keys trust` で追加します</source>
        <translation>The trust list is empty (no signature is required). Add keys with `kanwa-review keys trust`.</translation>
    </message>
    <message>
        <source>信頼済みの鍵で署名されたファイルだけを取り込みます</source>
        <translation>Only files signed with a trusted key are imported</translation>
    </message>
    <message>
        <source>名前: {name}</source>
        <translation>Name: {name}</translation>
    </message>
    <message>
        <source>名前または鍵の値が正しくありません</source>
        <translation>The name or the key value is not valid</translation>
    </message>
    <message>
        <source>大きすぎます</source>
        <translation>Too large</translation>
    </message>
    <message>
        <source>失効 {at}</source>
        <translation>revoked {at}</translation>
    </message>
    <message>
        <source>失効させました: {name}（{fingerprint}） {at}。この鍵で署名したファイルは今後取り込みません。取込済みの版はそのまま残り、失効した鍵の署名として表示されます</source>
        <translation>Revoked: {name} ({fingerprint}) {at}. Files signed with this key will no longer be imported. Revisions already imported stay and show as signed by a revoked key.</translation>
    </message>
    <message>
        <source>形式が違います。.pub ではなく .key ファイルを選んでください</source>
        <translation>Wrong format. Choose the .key file, not the .pub file.</translation>
    </message>
    <message>
        <source>必要な行（{names}）がそろっていません</source>
        <translation>Required lines are missing ({names})</translation>
    </message>
    <message>
        <source>指紋 {fingerprint} の鍵は信頼リストにありません。`kanwa-review keys list` で確かめてください</source>
        <translation>No key with fingerprint {fingerprint} on the trust list. Check with `kanwa-review keys list`.</translation>
    </message>
    <message>
        <source>指紋: {fingerprint}</source>
        <translation>Fingerprint: {fingerprint}</translation>
    </message>
    <message>
        <source>指紋が鍵と一致しません</source>
        <translation>The fingerprint does not match the key</translation>
    </message>
    <message>
        <source>指紋が鍵と一致しません。ファイルが書き換えられたか壊れています</source>
        <translation>The fingerprint does not match the key. The file was changed or is damaged.</translation>
    </message>
    <message>
        <source>施設コード {code} は登録されていません</source>
        <translation>Facility code {code} is not registered</translation>
    </message>
    <message>
        <source>有効</source>
        <translation>active</translation>
    </message>
    <message>
        <source>確認できません（端末ではありません）。指紋を本人に確かめたうえで --yes を付けて実行してください</source>
        <translation>Cannot ask for confirmation (not a terminal). Confirm the fingerprint with its owner, then run again with --yes.</translation>
    </message>
    <message>
        <source>署名のないファイルも取り込みます</source>
        <translation>Unsigned files are imported too</translation>
    </message>
    <message>
        <source>署名の要求: {state}</source>
        <translation>Signature requirement: {state}</translation>
    </message>
    <message>
        <source>行 {line} が読めません</source>
        <translation>Line {line} cannot be read</translation>
    </message>
    <message>
        <source>鍵 {fingerprint}（{name}）は {at} に失効させています。失効した鍵は再び信頼できません。新しい鍵を作ってもらってください</source>
        <translation>Key {fingerprint} ({name}) was revoked at {at}. A revoked key cannot be trusted again; ask its owner to create a new key.</translation>
    </message>
    <message>
        <source>鍵の保護の設定が範囲外です</source>
        <translation>The key protection settings are out of range</translation>
    </message>
    <message>
        <source>鍵の値が正しくありません</source>
        <translation>The key value is not valid</translation>
    </message>
    <message>
        <source>鍵の名前 {name} は使えません。{limit}文字以内で、/ \ : * ? &quot; &lt; &gt; | を含まない名前にしてください（例: yamada-hanako）</source>
        <translation>The key name {name} cannot be used. Use up to {limit} characters without / \ : * ? &quot; &lt; &gt; | (example: yamada-hanako).</translation>
    </message>
    <message>
        <source>鍵を作りました: {private}（秘密鍵。パスフレーズとともに本人だけが保管） / {public}（公開鍵。拠点・相手に渡す）</source>
        <translation>Key created: {private} (private key: keep it, and its passphrase, to yourself) and {public} (public key: give it to the hub and your partners)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>40%未満</source>
        <translation>below 40%</translation>
    </message>
    <message>
        <source>40–55%</source>
        <translation>40–55%</translation>
    </message>
    <message>
        <source>55–70%</source>
        <translation>55–70%</translation>
    </message>
    <message>
        <source>70–85%</source>
        <translation>70–85%</translation>
    </message>
    <message>
        <source>85%以上</source>
        <translation>85% or more</translation>
    </message>
    <message>
        <source>MSW・社会福祉士</source>
        <translation>MSW / social worker</translation>
    </message>
    <message>
        <source>{year}年度</source>
        <translation>FY{year}</translation>
    </message>
    <message>
        <source>その他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>オブザーバー</source>
        <translation>Observer</translation>
    </message>
    <message>
        <source>リーダー</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>下書き</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>下書きのみ</source>
        <translation>Draft only</translation>
    </message>
    <message>
        <source>事務局</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>事務職員</source>
        <translation>Administrative staff</translation>
    </message>
    <message>
        <source>公認心理師</source>
        <translation>Psychologist</translation>
    </message>
    <message>
        <source>医師（精神症状）</source>
        <translation>Physician (psychiatric symptoms)</translation>
    </message>
    <message>
        <source>医師（身体症状）</source>
        <translation>Physician (physical symptoms)</translation>
    </message>
    <message>
        <source>受領済み</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>地域がん診療病院</source>
        <translation>Regional cancer care hospital</translation>
    </message>
    <message>
        <source>地域がん診療連携拠点病院</source>
        <translation>Regional designated cancer hospital</translation>
    </message>
    <message>
        <source>完了</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>提言</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <source>改善が望まれる点</source>
        <translation>Area for improvement</translation>
    </message>
    <message>
        <source>未実施</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <source>未着手</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>特定領域がん診療連携拠点病院</source>
        <translation>Designated cancer hospital for specific cancers</translation>
    </message>
    <message>
        <source>看護師</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <source>確定</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>良い点</source>
        <translation>Strength</translation>
    </message>
    <message>
        <source>薬剤師</source>
        <translation>Pharmacist</translation>
    </message>
    <message>
        <source>見送り</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <source>評価者</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>進行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>都道府県がん診療連携拠点病院</source>
        <translation>Prefectural designated cancer hospital</translation>
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
        <source>表示言語</source>
        <translation>Display language</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>{path} を開けません。
{error}</source>
        <translation>{path} cannot be opened.
{error}</translation>
    </message>
    <message>
        <source>このファイルは既に開いています。</source>
        <translation>This file is already open.</translation>
    </message>
    <message>
        <source>データベースを開けません</source>
        <translation>The database cannot be opened</translation>
    </message>
    <message>
        <source>ファイルがありません（移動または削除されました）。</source>
        <translation>The file is not there (moved or deleted).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>デモデータのお知らせ</source>
        <translation>About the demo data</translation>
    </message>
    <message>
        <source>デモデータ（架空の病院）を表示しています。実際のレビューや施設はここには登録できません。自分のデータベースファイルで始めてください。</source>
        <translation>You are looking at demo data (invented hospitals). Real reviews and facilities cannot be registered here: start with a database file of your own.</translation>
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
        <source>ファイルを開く…</source>
        <translation>Open a file…</translation>
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
        <source>別のウィンドウや取込による変更を読み直します</source>
        <translation>Read again what another window or an import changed</translation>
    </message>
    <message>
        <source>利用者</source>
        <translation>User</translation>
    </message>
    <message>
        <source>利用者: {name}</source>
        <translation>User: {name}</translation>
    </message>
    <message>
        <source>変更履歴には「{name}」と記録されます。</source>
        <translation>The change history records “{name}”.</translation>
    </message>
    <message>
        <source>必須項目を確認し、リーダーの署名で確定します</source>
        <translation>Check the required items and finalise with the leader’s signature</translation>
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
        <source>緩和ケア ピアレビュー — kanwa-review</source>
        <translation>Palliative care peer review — kanwa-review</translation>
    </message>
    <message>
        <source>自分のデータベースファイルを作る</source>
        <translation>Create a database file of your own</translation>
    </message>
    <message>
        <source>自分のデータベースファイルを開く</source>
        <translation>Open a database file of your own</translation>
    </message>
    <message>
        <source>自分のファイルで始める…</source>
        <translation>Start with my own file…</translation>
    </message>
    <message>
        <source>閲覧のみ（確定済み）</source>
        <translation>Read only (finalised)</translation>
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
    <name>NewFacilityDialog</name>
    <message>
        <source>例: F013</source>
        <translation>e.g. F013</translation>
    </message>
    <message>
        <source>例: 架空県立がんセンター</source>
        <translation>e.g. Imaginary Prefectural Cancer Centre</translation>
    </message>
    <message>
        <source>保存できませんでした: {error}</source>
        <translation>Could not be saved: {error}</translation>
    </message>
    <message>
        <source>指定区分(&amp;K)</source>
        <translation>Designation &amp;kind</translation>
    </message>
    <message>
        <source>施設の登録</source>
        <translation>Register a facility</translation>
    </message>
    <message>
        <source>施設コード(&amp;C)</source>
        <translation>Facility &amp;code</translation>
    </message>
    <message>
        <source>施設名(&amp;N)</source>
        <translation>Facility &amp;name</translation>
    </message>
    <message>
        <source>登録</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>英数字・-・_ の32文字以内（例: F013）</source>
        <translation>Up to 32 letters, digits, - and _ (e.g. F013)</translation>
    </message>
    <message>
        <source>都道府県(&amp;P)</source>
        <translation>&amp;Prefecture</translation>
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
    <name>NewReviewDialog</name>
    <message>
        <source>{date}・{fiscal_year}</source>
        <translation>{date}, {fiscal_year}</translation>
    </message>
    <message>
        <source>{form}（{count}項目）</source>
        <translation>{form} ({count} items)</translation>
    </message>
    <message>
        <source>{name}の{date}訪問のレビューは既にあります。もう一つ開始しますか？</source>
        <translation>There is already a review of {name} for the visit on {date}. Start another one?</translation>
    </message>
    <message>
        <source>もう一つ開始する</source>
        <translation>Start another one</translation>
    </message>
    <message>
        <source>キャンセル(&amp;C)</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>チームなしで開始する</source>
        <translation>Start without a team</translation>
    </message>
    <message>
        <source>メンバーを追加</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>メンバーを追加(&amp;A)</source>
        <translation>&amp;Add member</translation>
    </message>
    <message>
        <source>リーダーは1名にしてください。</source>
        <translation>Name one leader only.</translation>
    </message>
    <message>
        <source>レビューの開始</source>
        <translation>Start review</translation>
    </message>
    <message>
        <source>レビューはまだ開始されていません。「キャンセル」で入力に戻ります。</source>
        <translation>The review has not been started. “Cancel” goes back to your input.</translation>
    </message>
    <message>
        <source>レビューを開始</source>
        <translation>Start the review</translation>
    </message>
    <message>
        <source>・{status}（第{revision}版）</source>
        <translation>• {status} (revision {revision})</translation>
    </message>
    <message>
        <source>今日(&amp;Y)</source>
        <translation>Toda&amp;y</translation>
    </message>
    <message>
        <source>保存できませんでした: {error}</source>
        <translation>Could not be saved: {error}</translation>
    </message>
    <message>
        <source>先に施設を登録してください。</source>
        <translation>Register a facility first.</translation>
    </message>
    <message>
        <source>入力した内容を破棄して閉じますか？</source>
        <translation>Discard what you entered and close?</translation>
    </message>
    <message>
        <source>年度（4月〜翌3月）は訪問日から決まります</source>
        <translation>The fiscal year (April to March) follows from the visit date</translation>
    </message>
    <message>
        <source>施設(&amp;F)</source>
        <translation>&amp;Facility</translation>
    </message>
    <message>
        <source>破棄して閉じる</source>
        <translation>Discard and close</translation>
    </message>
    <message>
        <source>確定にはリーダーの署名が要ります。チームは「キャンセル」で戻って入力できます。</source>
        <translation>Finalising needs the leader&apos;s signature. “Cancel” goes back so you can enter the team.</translation>
    </message>
    <message>
        <source>続きを入力するときは、ホームの一覧から既存のレビューを開いてください。</source>
        <translation>To go on with it, open the existing review from the list on the home screen.</translation>
    </message>
    <message>
        <source>訪問日(&amp;D)</source>
        <translation>Visit &amp;date</translation>
    </message>
    <message>
        <source>評価チーム(&amp;T)</source>
        <translation>Review &amp;team</translation>
    </message>
    <message>
        <source>評価チームが入力されていません。チームなしで開始しますか？</source>
        <translation>No review team is entered. Start without a team?</translation>
    </message>
    <message>
        <source>評価票(&amp;E)</source>
        <translation>Checklist for&amp;m</translation>
    </message>
    <message>
        <source>評価票が見つかりません。</source>
        <translation>No checklist form was found.</translation>
    </message>
    <message>
        <source>選択したメンバーを削除</source>
        <translation>Remove the selected member</translation>
    </message>
    <message>
        <source>選択したメンバーを削除(&amp;R)</source>
        <translation>&amp;Remove selected member</translation>
    </message>
    <message>
        <source>開始(&amp;S)</source>
        <translation>&amp;Start</translation>
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
        <translation>{file} › {member} › audit: the audit trail does not match the manifest ({count} entries). Entries were deleted or rewritten.</translation>
    </message>
    <message>
        <source>{file} › {member} › audit[{n}]: 監査記録（変更履歴）の連鎖が途切れています。記録が削除・並べ替え・書き換えされています</source>
        <translation>{file} › {member} › audit[{n}]: the audit trail chain is broken. Entries were deleted, reordered or rewritten.</translation>
    </message>
    <message>
        <source>{file} › {member}: 監査記録の連鎖（audit）がありません</source>
        <translation>{file} › {member}: the audit chain (audit) is missing</translation>
    </message>
    <message>
        <source>{file} › {member}: 第{version}版の形式には署名も監査記録の連鎖もありません（形式の版が食い違っています）</source>
        <translation>{file} › {member}: format version {version} has neither a signature nor an audit chain (the format versions disagree)</translation>
    </message>
    <message>
        <source>{file} › {member}: 署名が正しくありません（{why}）。送付後に書き換えられた可能性があるため取り込みません。送付元に確認してください</source>
        <translation>{file} › {member}: the signature is not valid ({why}). The file may have been changed after it was sent, so it is not imported. Check with the sender.</translation>
    </message>
    <message>
        <source>{file}: 別の鍵（指紋 {recipient}）あての暗号化ファイルです。指定した鍵（{mine}）では開けません。送付元に、この拠点の公開鍵で書き出し直してもらってください</source>
        <translation>{file}: encrypted for another key (fingerprint {recipient}); the key given ({mine}) cannot open it. Ask the sender to export it again with this hub&apos;s public key.</translation>
    </message>
    <message>
        <source>{file}: 暗号化された提出ファイルです（宛先の鍵の指紋 {fingerprint}）。拠点の秘密鍵を指定して開いてください（--key 拠点.key）</source>
        <translation>{file}: an encrypted submission file (recipient key fingerprint {fingerprint}). Open it with the hub&apos;s private key (--key hub.key).</translation>
    </message>
    <message>
        <source>{file}: 暗号化ファイルが壊れているか、途中で書き換えられています（認証に失敗）。送付元に書き出し直して再送してもらってください</source>
        <translation>{file}: the encrypted file is damaged or was changed on the way (authentication failed). Ask the sender to export it again and resend it.</translation>
    </message>
    <message>
        <source>値が base64 ではありません</source>
        <translation>The value is not base64</translation>
    </message>
    <message>
        <source>指紋が署名者の鍵と一致しません</source>
        <translation>The fingerprint does not match the signer&apos;s key</translation>
    </message>
    <message>
        <source>目録と署名が一致しません</source>
        <translation>The manifest and the signature do not match</translation>
    </message>
    <message>
        <source>署名がありません</source>
        <translation>No signature</translation>
    </message>
    <message>
        <source>署名者が目録にありません</source>
        <translation>The signer is not in the manifest</translation>
    </message>
</context>
<context>
    <name>Packages</name>
    <message>
        <source>{facility}（{code}）第{revision}版の提出ファイルを保存しました。
{file}

このファイルを拠点病院の事務局へ送ってください。</source>
        <translation>Submission file of {facility} ({code}), revision {revision}, saved.
{file}

Send this file to the hub hospital&apos;s office.</translation>
    </message>
    <message>
        <source>{number} / {total}  {file}</source>
        <translation>{number} / {total}  {file}</translation>
    </message>
    <message>
        <source>ファイルを探しています…</source>
        <translation>Looking for files…</translation>
    </message>
    <message>
        <source>取り込む提出ファイルを選択</source>
        <translation>Choose submission files to import</translation>
    </message>
    <message>
        <source>取込を取り消しました</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <source>提出ファイル (*.kanwa)</source>
        <translation>Submission files (*.kanwa)</translation>
    </message>
    <message>
        <source>提出ファイル (*.kanwa);;すべてのファイル (*)</source>
        <translation>Submission files (*.kanwa);;All files (*)</translation>
    </message>
    <message>
        <source>提出ファイル {count} 件を処理しました（{rejected} {bad} 件）</source>
        <translation>Submission files processed: {count} ({rejected}: {bad})</translation>
    </message>
    <message>
        <source>提出ファイルの保存先</source>
        <translation>Save the submission file</translation>
    </message>
    <message>
        <source>提出ファイルの取込結果</source>
        <translation>Submission file import results</translation>
    </message>
    <message>
        <source>提出ファイルを作成しています…</source>
        <translation>Creating the submission file…</translation>
    </message>
    <message>
        <source>提出ファイルを保存しました: {file}</source>
        <translation>Submission file saved: {file}</translation>
    </message>
    <message>
        <source>提出ファイルを取り込んでいます…</source>
        <translation>Importing submission files…</translation>
    </message>
    <message>
        <source>提出ファイルを探しています…</source>
        <translation>Looking for submission files…</translation>
    </message>
    <message>
        <source>提出ファイルを書き出しています…</source>
        <translation>Exporting the submission file…</translation>
    </message>
    <message>
        <source>提出ファイルを書き出す</source>
        <translation>Export submission file</translation>
    </message>
    <message>
        <source>提出ファイル（.kanwa）を取り込みます。ファイルやフォルダをウィンドウにドロップしても取り込めます</source>
        <translation>Import submission files (.kanwa). You can also drop files or folders on the window.</translation>
    </message>
    <message>
        <source>暗号化: {name}（指紋 {fingerprint}）だけが開けます</source>
        <translation>Encrypted: only {name} (fingerprint {fingerprint}) can open it</translation>
    </message>
    <message>
        <source>書き出しを取り消しました</source>
        <translation>Export cancelled</translation>
    </message>
    <message>
        <source>書き出す確定済みのレビューを一覧から選んでください。</source>
        <translation>Choose a finalised review to export from the list.</translation>
    </message>
    <message>
        <source>確定したレビューを拠点病院へ送る提出ファイル（.kanwa）に書き出します</source>
        <translation>Export a finalised review as a submission file (.kanwa) to send to the hub hospital</translation>
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
        <translation>Set the user recorded in the audit trail (name, profession, hospital). Even on a shared laptop, the trail then records who entered or changed what.</translation>
    </message>
    <message>
        <source>所属施設は200文字以内で入力してください</source>
        <translation>The hospital name may have at most 200 characters</translation>
    </message>
    <message>
        <source>氏名は1〜100文字で入力してください</source>
        <translation>The name must have 1 to 100 characters</translation>
    </message>
    <message>
        <source>職種 {value} は使えません</source>
        <translation>Profession {value} cannot be used</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>これからの入力・修正は、変更履歴にこの名前で記録されます。</source>
        <translation>From now on, what you enter or change is recorded under this name in the change history.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>保存できませんでした: {error}</source>
        <translation>Could not be saved: {error}</translation>
    </message>
    <message>
        <source>利用者の設定</source>
        <translation>User profile</translation>
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
    <name>ProgressDialog</name>
    <message>
        <source>いつ何をしたか、次に何をするか</source>
        <translation>What was done when, and what comes next</translation>
    </message>
    <message>
        <source>メモ(&amp;M)</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <source>対象の改善計画</source>
        <translation>The improvement action</translation>
    </message>
    <message>
        <source>改善計画: {title}</source>
        <translation>Improvement action: {title}</translation>
    </message>
    <message>
        <source>日付(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>状況(&amp;S)</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>状況を変えるか、メモを入力してください。</source>
        <translation>Change the status or enter a note.</translation>
    </message>
    <message>
        <source>記録</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>進捗があった日（今日より後の日付は記録できません）</source>
        <translation>The day of the progress (a date after today cannot be recorded)</translation>
    </message>
    <message>
        <source>進捗を記録</source>
        <translation>Record progress</translation>
    </message>
    <message>
        <source>進捗メモ</source>
        <translation>Progress note</translation>
    </message>
</context>
<context>
    <name>ProgressFiles</name>
    <message>
        <source>Excel ブック (*.xlsx);;JSON 進捗ファイル (*.json)</source>
        <translation>Excel workbook (*.xlsx);;JSON progress file (*.json)</translation>
    </message>
    <message>
        <source>改善計画の進捗の取込結果</source>
        <translation>Improvement plan progress import results</translation>
    </message>
    <message>
        <source>改善計画の進捗を取り込んでいます…</source>
        <translation>Importing improvement plan progress…</translation>
    </message>
    <message>
        <source>改善計画の進捗ファイルを選択</source>
        <translation>Choose improvement plan progress files</translation>
    </message>
    <message>
        <source>施設:</source>
        <translation>Facility:</translation>
    </message>
    <message>
        <source>施設が登録されていません。</source>
        <translation>No facilities are registered.</translation>
    </message>
    <message>
        <source>被評価施設から返ってきた改善計画の進捗（Excel の Actions シート / JSON）を取り込みます</source>
        <translation>Import the improvement plan progress returned by reviewed facilities (the Actions sheet of the Excel workbook, or JSON)</translation>
    </message>
    <message>
        <source>被評価施設に送る改善計画の進捗報告シート（1施設分）を作成します</source>
        <translation>Create the improvement plan progress sheet (one facility) to send to a reviewed facility</translation>
    </message>
    <message>
        <source>進捗ファイル (*.xlsx *.json);;Excel ブック (*.xlsx);;JSON (*.json)</source>
        <translation>Progress files (*.xlsx *.json);;Excel workbook (*.xlsx);;JSON (*.json)</translation>
    </message>
    <message>
        <source>進捗ファイル {count} 件を処理しました</source>
        <translation>Progress files processed: {count}</translation>
    </message>
    <message>
        <source>進捗報告シートの保存先</source>
        <translation>Save the progress sheet</translation>
    </message>
    <message>
        <source>進捗報告シートを作成</source>
        <translation>Create progress sheet</translation>
    </message>
    <message>
        <source>進捗報告シートを作成しています…</source>
        <translation>Creating the progress sheet…</translation>
    </message>
    <message>
        <source>進捗報告シートを保存しました: {file}（{count} 件）</source>
        <translation>Progress sheet saved: {file} (items: {count})</translation>
    </message>
</context>
<context>
    <name>RatingButtons</name>
    <message>
        <source>{mark}：{label}</source>
        <translation>{mark}: {label}</translation>
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
        <source>PDFビューアで印刷プレビュー・印刷ができます</source>
        <translation>Preview and print the report in your PDF viewer</translation>
    </message>
    <message>
        <source>kanwa-review {version}&#x3000;ヘルプ → キーボード操作 と同じ一覧です</source>
        <translation>kanwa-review {version} — the same list as Help → Keyboard shortcuts</translation>
    </message>
    <message>
        <source>kanwa-review キー操作の早見表</source>
        <translation>kanwa-review keyboard quick reference</translation>
    </message>
    <message>
        <source>チェックリストはキーボードだけで入力できます。項目の一覧で評価のキーを押すと保存され、次の項目へ進みます（保存ボタンはありません）。</source>
        <translation>The checklist can be filled in from the keyboard alone: a rating key in the item list saves at once and moves to the next item (there is no Save button).</translation>
    </message>
    <message>
        <source>全施設の報告書</source>
        <translation>Reports of all facilities</translation>
    </message>
    <message>
        <source>全施設の報告書の作成を取り消しました</source>
        <translation>Reports of all facilities cancelled</translation>
    </message>
    <message>
        <source>全施設の報告書を作成しています…</source>
        <translation>Creating the reports of all facilities…</translation>
    </message>
    <message>
        <source>全施設の報告書を保存しました: {file}</source>
        <translation>Reports of all facilities saved: {file}</translation>
    </message>
    <message>
        <source>印刷プレビュー — {file}</source>
        <translation>Print preview — {file}</translation>
    </message>
    <message>
        <source>印刷用の報告書を作成しています…</source>
        <translation>Creating the report for printing…</translation>
    </message>
    <message>
        <source>報告書</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>報告書PDFを作成</source>
        <translation>Create the report PDF</translation>
    </message>
    <message>
        <source>報告書を作成しています…</source>
        <translation>Creating the report…</translation>
    </message>
    <message>
        <source>報告書を保存しました: {file}</source>
        <translation>Report saved: {file}</translation>
    </message>
    <message>
        <source>評価を選択してください。</source>
        <translation>Select a review first.</translation>
    </message>
    <message>
        <source>評価報告書.pdf</source>
        <translation>Review report.pdf</translation>
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
        <translation>The reason for the amendment may have at most {n} characters</translation>
    </message>
    <message>
        <source>修正版を作るには修正の理由が必要です。確定後に何を、なぜ直すのかを入力してください（変更履歴と報告書に記録されます）</source>
        <translation>An amendment needs a reason. Enter what is corrected after finalisation and why (it is recorded in the audit trail and the report).</translation>
    </message>
    <message>
        <source>前の版がある修正版の下書きは削除できません。確定してください</source>
        <translation>An amendment draft cannot be deleted while earlier revisions exist; finalise it instead.</translation>
    </message>
    <message>
        <source>施設コード {code} は登録されていません</source>
        <translation>Facility code {code} is not registered</translation>
    </message>
    <message>
        <source>確定にはリーダーの氏名が必要です</source>
        <translation>Finalising needs the team leader&apos;s name</translation>
    </message>
    <message>
        <source>第{revision}版はまだ下書きです。修正版を作らずに、そのまま編集してください</source>
        <translation>Revision {revision} is still a draft; edit it directly instead of amending it.</translation>
    </message>
    <message>
        <source>評価チームのリーダーは1人だけにしてください</source>
        <translation>A review team has one leader</translation>
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
    <name>ReviewScreen</name>
    <message>
        <source>{date} 訪問・{year}&#x3000;{status}（第{revision}版）&#x3000;回答率 {done}%&#x3000;リーダー: {leader}</source>
        <translation>Visit {date}, {year}   {status} (revision {revision})   Answered {done}%   Leader: {leader}</translation>
    </message>
    <message>
        <source>← ホーム</source>
        <translation>← Home</translation>
    </message>
    <message>
        <source>この版は {who} により確定済みです（閲覧のみ）。拠点病院へは「提出ファイルを書き出す」で送ります。変更するには「修正版を作成」で次の版を作ってください。</source>
        <translation>This revision was finalised by {who} (read only). Send it to the hub with “Export submission file”. To change it, create the next revision with “Create amendment”.</translation>
    </message>
    <message>
        <source>チェックリスト</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>ホームへ戻る</source>
        <translation>Back to home</translation>
    </message>
    <message>
        <source>ホームへ戻る（{keys}）</source>
        <translation>Back to home ({keys})</translation>
    </message>
    <message>
        <source>レビューの概要</source>
        <translation>Review summary</translation>
    </message>
    <message>
        <source>レビューの画面</source>
        <translation>Review page</translation>
    </message>
    <message>
        <source>レビューを確定</source>
        <translation>Finalise the review</translation>
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
        <source>変更履歴</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>必須項目を確認し、リーダーの署名で確定します</source>
        <translation>Check the required items and finalise with the leader&apos;s signature</translation>
    </message>
    <message>
        <source>所見</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>拠点病院の事務局へ送る提出ファイル（.kanwa）を書き出します</source>
        <translation>Write the submission file (.kanwa) for the hub&apos;s office</translation>
    </message>
    <message>
        <source>提出ファイルを書き出す</source>
        <translation>Export submission file</translation>
    </message>
    <message>
        <source>提出ファイルを書き出す…（{keys}）</source>
        <translation>Export submission file… ({keys})</translation>
    </message>
    <message>
        <source>未設定</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>状態と回答率</source>
        <translation>State and answered share</translation>
    </message>
    <message>
        <source>確定…</source>
        <translation>Finalise…</translation>
    </message>
    <message>
        <source>確定済みのお知らせ</source>
        <translation>Finalised</translation>
    </message>
    <message>
        <source>確定済みの版を写して、変更できる次の版を作ります</source>
        <translation>Copy the finalised revision into a next revision that can be changed</translation>
    </message>
    <message>
        <source>良い点・改善が望まれる点・提言（Alt+2）</source>
        <translation>Strengths, areas for improvement, recommendations (Alt+2)</translation>
    </message>
    <message>
        <source>評価項目の記入（Alt+1）</source>
        <translation>Rating the items (Alt+1)</translation>
    </message>
    <message>
        <source>誰がいつ何を変えたか（Alt+3）</source>
        <translation>Who changed what and when (Alt+3)</translation>
    </message>
</context>
<context>
    <name>SectionNavigator</name>
    <message>
        <source>{code} {title}、必要な{asked}項目中{done}項目回答済み</source>
        <translation>{code} {title}, {done} of {asked} required items answered</translation>
    </message>
    <message>
        <source>{title}：回答が必要な {asked} 項目のうち {done} 項目に回答済み</source>
        <translation>{title}: {done} of the {asked} required items answered</translation>
    </message>
    <message>
        <source>大項目と回答状況</source>
        <translation>Sections and progress</translation>
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
        <translation>Signature: {word} — {name} (fingerprint {fingerprint}). Whether to trust it is decided by the importing hub&apos;s trust list.</translation>
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
    <name>TeamTable</name>
    <message>
        <source>{n}人目の{what}</source>
        <translation>{what} of member {n}</translation>
    </message>
    <message>
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>所属</source>
        <translation>Affiliation</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>氏名・役割・職種・所属。リーダーは1名です。Tabで次の欄へ進みます。</source>
        <translation>Name, role, profession, affiliation. One leader. Tab moves to the next field.</translation>
    </message>
    <message>
        <source>職種</source>
        <translation>Profession</translation>
    </message>
    <message>
        <source>評価チーム</source>
        <translation>Review team</translation>
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
    <name>WelcomeDialog</name>
    <message>
        <source>kanwa-review へようこそ</source>
        <translation>Welcome to kanwa-review</translation>
    </message>
    <message>
        <source>これまで使っていたデータベースファイル（.sqlite）を開きます</source>
        <translation>Open the database file (.sqlite) you have been using</translation>
    </message>
    <message>
        <source>はじめに</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <source>デモを見る(&amp;D)</source>
        <translation>Look at the &amp;demo</translation>
    </message>
    <message>
        <source>レビューの記録は、このパソコンのデータベースファイルに保存されます（入力はすぐに保存され、保存ボタンはありません）。まず、どのファイルで始めるかを選んでください。</source>
        <translation>Reviews are kept in a database file on this computer (what you enter is saved at once; there is no Save button). First choose which file to start with.</translation>
    </message>
    <message>
        <source>新しいデータベースファイルを作ります。はじめての方はこちら（保存場所の例: {path}）</source>
        <translation>Create a new database file. The choice for a first start (for example: {path})</translation>
    </message>
    <message>
        <source>既存のファイルを開く(&amp;O)…</source>
        <translation>&amp;Open an existing file…</translation>
    </message>
    <message>
        <source>最近使ったファイル</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <source>最近使ったファイル(&amp;R):</source>
        <translation>&amp;Recent files:</translation>
    </message>
    <message>
        <source>架空の病院のデータで操作を試します。デモには実在の施設を登録できません。あとで ファイル ▸ 新規 で自分のファイルを作れます</source>
        <translation>Try the app on invented hospitals. Real facilities cannot be registered in the demo. Later, File ▸ New creates a file of your own</translation>
    </message>
    <message>
        <source>終了</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>終了(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>緩和ケア ピアレビュー支援アプリ kanwa-review</source>
        <translation>kanwa-review, the palliative care peer review app</translation>
    </message>
    <message>
        <source>自分のファイルで始める(&amp;N)…</source>
        <translation>Start with my own &amp;new file…</translation>
    </message>
</context>
<context>
    <name>Workbook</name>
    <message>
        <source>Excel評価票 {file} の取込による修正</source>
        <translation>Changed by importing the Excel checklist {file}</translation>
    </message>
    <message>
        <source>施設 {code} {name} は未登録だったため、新しく登録しました</source>
        <translation>Facility {code} {name} was not registered and has been created</translation>
    </message>
</context>
<context>
    <name>Workbooks</name>
    <message>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Excel評価票 {count} 件を処理しました（{rejected} {bad} 件）</source>
        <translation>Checklist workbooks processed: {count} ({rejected}: {bad})</translation>
    </message>
    <message>
        <source>Excel評価票の取込結果</source>
        <translation>Checklist workbook import results</translation>
    </message>
    <message>
        <source>Excel評価票を取り込んでいます…</source>
        <translation>Importing checklist workbooks…</translation>
    </message>
    <message>
        <source>Excel集計表の保存先</source>
        <translation>Save the Excel summary</translation>
    </message>
    <message>
        <source>Excel集計表の出力を取り消しました</source>
        <translation>Excel summary cancelled</translation>
    </message>
    <message>
        <source>Excel集計表を保存しました: {file}</source>
        <translation>Excel summary saved: {file}</translation>
    </message>
    <message>
        <source>Excel集計表を出力</source>
        <translation>Excel summary</translation>
    </message>
    <message>
        <source>Excel集計表を出力しています…</source>
        <translation>Writing the Excel summary…</translation>
    </message>
    <message>
        <source>{facilities} 施設・{reviews} 件のレビューを出力しました。
{file}</source>
        <translation>Facilities: {facilities}, reviews: {reviews} written.
{file}</translation>
    </message>
    <message>
        <source>{file} を確認しています…</source>
        <translation>Checking {file}…</translation>
    </message>
    <message>
        <source>アプリを使わないチーム向けの記入用Excelを作成します</source>
        <translation>Create an Excel workbook to fill in, for teams that do not use the app</translation>
    </message>
    <message>
        <source>取り込むExcel評価票を選択</source>
        <translation>Choose checklist workbooks to import</translation>
    </message>
    <message>
        <source>空の評価票(Excel)を作成</source>
        <translation>Blank checklist workbook (Excel)</translation>
    </message>
    <message>
        <source>空の評価票の保存先</source>
        <translation>Save the blank checklist</translation>
    </message>
    <message>
        <source>空の評価票を作成しています…</source>
        <translation>Creating the blank checklist…</translation>
    </message>
    <message>
        <source>空の評価票を保存しました: {file}</source>
        <translation>Blank checklist saved: {file}</translation>
    </message>
    <message>
        <source>記入済みのExcel評価票をレビューとして取り込みます</source>
        <translation>Import filled-in checklist workbooks as reviews</translation>
    </message>
    <message>
        <source>評価票:</source>
        <translation>Checklist:</translation>
    </message>
    <message>
        <source>評価票の定義が見つかりません。</source>
        <translation>No checklist definition found.</translation>
    </message>
    <message>
        <source>評価票を作成しています…</source>
        <translation>Creating the checklist…</translation>
    </message>
    <message>
        <source>都道府県向けの集計表（.xlsx）を出力します</source>
        <translation>Write the summary for the prefecture (.xlsx)</translation>
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
    <name>bounds</name>
    <message>
        <source>{low} から {high} までの日付にしてください</source>
        <translation>Use a date from {low} to {high}</translation>
    </message>
    <message>
        <source>{low} 以上 {high} 以下にしてください</source>
        <translation>Use a value from {low} to {high}</translation>
    </message>
    <message>
        <source>{low} 年から {high} 年までの日付にしてください</source>
        <translation>Use a date from the year {low} to {high}</translation>
    </message>
    <message>
        <source>{text} は暦にない日付です</source>
        <translation>{text} is not a calendar date</translation>
    </message>
    <message>
        <source>{text} は暦にない日時です</source>
        <translation>{text} is not a calendar date and time</translation>
    </message>
    <message>
        <source>ファイルが見つかりません。名前と場所を確認してください</source>
        <translation>File not found. Check the name and folder.</translation>
    </message>
    <message>
        <source>ファイルを確認できません（{reason}）</source>
        <translation>The file cannot be checked ({reason})</translation>
    </message>
    <message>
        <source>ファイル名に使えない文字（NUL）があります</source>
        <translation>The file name contains a character that cannot be used (NUL)</translation>
    </message>
    <message>
        <source>フォルダです。ファイルを指定してください</source>
        <translation>This is a folder. Give a file.</translation>
    </message>
    <message>
        <source>数値 {text} は大きすぎます</source>
        <translation>The number {text} is too large</translation>
    </message>
    <message>
        <source>数値 {text}… は桁数が多すぎます（{n} 桁まで）</source>
        <translation>The number {text}… has too many digits (at most {n})</translation>
    </message>
    <message>
        <source>数値ではありません</source>
        <translation>Not a number</translation>
    </message>
    <message>
        <source>整数ではありません</source>
        <translation>Not a whole number</translation>
    </message>
    <message>
        <source>日付は 2025-11-20 のように YYYY-MM-DD で書いてください</source>
        <translation>Write the date as YYYY-MM-DD, e.g. 2025-11-20</translation>
    </message>
    <message>
        <source>日時に時差（+09:00 など）がありません</source>
        <translation>The timestamp has no UTC offset (such as +09:00)</translation>
    </message>
    <message>
        <source>日時は 2025-11-20T09:30:00+09:00 の形で書いてください</source>
        <translation>Write the timestamp like 2025-11-20T09:30:00+09:00</translation>
    </message>
    <message>
        <source>時差は ±14:00 以内にしてください</source>
        <translation>The UTC offset must be within ±14:00</translation>
    </message>
    <message>
        <source>有限の数値ではありません（NaN・無限大は使えません）</source>
        <translation>Not a finite number (NaN and infinity cannot be used)</translation>
    </message>
    <message>
        <source>通常のファイルではありません（名前付きパイプや装置など）。ファイルを指定してください</source>
        <translation>Not a regular file (a named pipe or a device?). Give a file.</translation>
    </message>
    <message>
        <source>項目名: {problem}</source>
        <translation>Item name: {problem}</translation>
    </message>
</context>
<context>
    <name>carry</name>
    <message>
        <source>{code} は {what} が変わりました。前の版の回答を写したので、確かめてください</source>
        <translation>{code}: the {what} changed. The answer of the previous version was copied; please check it.</translation>
    </message>
    <message>
        <source>{code} は新しい版の表示条件では対象外になるため、回答を消しました（変更履歴に残しています）</source>
        <translation>{code} does not apply under the new version&apos;s display conditions, so its answer was removed (it stays in the audit trail).</translation>
    </message>
    <message>
        <source>{new} は問いの内容が改訂されました。前の版の回答を写したので、確かめてください</source>
        <translation>{new}: the question was revised. The answer of the previous version was copied; please check it.</translation>
    </message>
    <message>
        <source>{old} の回答の一部（評価・値）は {new} の回答の形に合わないため写していません。改めて回答してください</source>
        <translation>Part of the answer of {old} (rating or value) does not fit the answer type of {new} and was not copied. Please answer again.</translation>
    </message>
    <message>
        <source>{old} の回答は対応表の指定により {new} に写していません。改めて回答してください</source>
        <translation>The answer of {old} was not copied to {new}, as the revision map says. Please answer again.</translation>
    </message>
    <message>
        <source>{old} は {new} に分割されました。{old} の回答を写したので、この項目に合っているか確かめてください</source>
        <translation>{old} was split into {new}. The answer of {old} was copied; check that it fits this item.</translation>
    </message>
    <message>
        <source>{old} は {new} に改名されました。回答を写しました</source>
        <translation>{old} was renamed {new}. The answer was copied.</translation>
    </message>
    <message>
        <source>{old} は {new} に統合されました。いちばん低い評価を写しました。根拠とコメントを確かめてください</source>
        <translation>{old} was merged into {new}. The lowest rating was copied; check the evidence and comments.</translation>
    </message>
    <message>
        <source>{old} は新しい版にない項目です。回答は変更履歴に残しています</source>
        <translation>{old} is not in the new version. Its answer stays in the audit trail.</translation>
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
        <source>警告: {message}</source>
        <translation>warning: {message}</translation>
    </message>
    <message>
        <source>警告: {warning}</source>
        <translation>Warning: {warning}</translation>
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
    <name>cli_backup</name>
    <message>
        <source>バックアップを作成しました: {file}</source>
        <translation>Backup written: {file}</translation>
    </message>
</context>
<context>
    <name>cli_demo</name>
    <message>
        <source>{db}: 施設 {facilities}、評価 {reviews}（確定 {final}、下書き {drafts}）、回答 {answers}、所見 {findings}（{seconds} 秒）</source>
        <translation>{db}: {facilities} facilities, {reviews} reviews ({final} final, {drafts} drafts), {answers} answers, {findings} findings in {seconds} s</translation>
    </message>
</context>
<context>
    <name>cli_excel</name>
    <message>
        <source>--fiscal-year には 2025 のような西暦の年度（4月〜翌年3月）を指定してください</source>
        <translation>--fiscal-year must be a fiscal year such as 2025 (April to March)</translation>
    </message>
    <message>
        <source>{file}: {status} — 問題 {count} 件。何も取り込んでいません。上の問題を直してから再度取り込んでください</source>
        <translation>{file}: {status} — problems: {count}. Nothing was imported; fix the problems above and import again.</translation>
    </message>
    <message>
        <source>{file}: {status} — 評価 {review} 第{revision}版（{state}）</source>
        <translation>{file}: {status} — review {review} revision {revision} ({state})</translation>
    </message>
    <message>
        <source>{fiscal_year}年度</source>
        <translation>FY{fiscal_year}</translation>
    </message>
    <message>
        <source>下書き</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>全年度</source>
        <translation>all fiscal years</translation>
    </message>
    <message>
        <source>確定</source>
        <translation>final</translation>
    </message>
    <message>
        <source>空の評価票を書き出しました: {file}（{form} {version}、項目 {items}）</source>
        <translation>Blank checklist workbook written: {file} ({form} {version}, {items} items)</translation>
    </message>
    <message>
        <source>集計表を書き出しました: {file}（施設 {facilities}、確定した評価 {reviews}、{scope}）</source>
        <translation>Excel return written: {file} ({facilities} facilities, {reviews} finalised reviews, {scope})</translation>
    </message>
</context>
<context>
    <name>cli_exchange</name>
    <message>
        <source> — 評価 {review} 第{revision}版（{facility}）</source>
        <translation> — review {review} revision {revision} ({facility})</translation>
    </message>
    <message>
        <source>{file}: 不合格 — 問題 {count} 件:</source>
        <translation>{file}: REJECTED — problems: {count}:</translation>
    </message>
    <message>
        <source>{file}: 問題ありません（形式 kanwa-submission {version}、{size} バイト、sha256 {sha256}…）</source>
        <translation>{file}: OK (format kanwa-submission {version}, {size} bytes, sha256 {sha256}…)</translation>
    </message>
    <message>
        <source>ファイル {count} 件: {counts}</source>
        <translation>Files: {count}: {counts}</translation>
    </message>
    <message>
        <source>却下されたファイルは何も登録されていません。上の理由を確認して送付元に連絡してください</source>
        <translation>Rejected files changed nothing. See the reasons above and contact the sender.</translation>
    </message>
    <message>
        <source>提出ファイルを書き出しました: {file}（評価 {review} 第{revision}版、回答 {answers}、所見 {findings}、{size} バイト）</source>
        <translation>Exported: {file} (review {review} revision {revision}, {answers} answers, {findings} findings, {size} bytes)</translation>
    </message>
</context>
<context>
    <name>cli_forms</name>
    <message>
        <source>--fiscal-year で年度を指定してください（例: 2026）</source>
        <translation>Give the fiscal year with --fiscal-year (example: 2026)</translation>
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
        <translation>{file}: problems: {n}. The form was not written. Fix the cells above, save, and run again.</translation>
    </message>
    <message>
        <source>{fy}年度の評価票: {form} {version}</source>
        <translation>Form for FY{fy}: {form} {version}</translation>
    </message>
    <message>
        <source>{fy}年度の評価票の指定を外しました</source>
        <translation>The form for FY{fy} is no longer set</translation>
    </message>
    <message>
        <source>{fy}年度の評価票は定められていません。forms current --set で定めてください</source>
        <translation>No form is set for FY{fy}. Set one with forms current --set.</translation>
    </message>
    <message>
        <source>{years}年度の評価票</source>
        <translation>form for FY{years}</translation>
    </message>
    <message>
        <source>、{form} {version} の改訂（対応表 {n} 件）</source>
        <translation>, revises {form} {version} ({n} map entries)</translation>
    </message>
    <message>
        <source>この評価票はすでに入っています: {form} {version}（sha256 {sha}）</source>
        <translation>This form is already installed: {form} {version} (sha256 {sha})</translation>
    </message>
    <message>
        <source>データベース</source>
        <translation>database</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>導入済み</source>
        <translation>installed</translation>
    </message>
    <message>
        <source>年度の評価票は定められていません</source>
        <translation>No form is set for any fiscal year</translation>
    </message>
    <message>
        <source>編集用Excelを書き出しました: {path}（{form} {version}、{items} 項目、sha256 {sha}）</source>
        <translation>Editing workbook written: {path} ({form} {version}, {items} items, sha256 {sha})</translation>
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
        <translation>Form installed: {form} {version} ({title}, sha256 {sha}, signature: {signature}). New reviews can use it ({db}).</translation>
    </message>
    <message>
        <source>評価票を書き出しました: {path}（{form} {version}、sha256 {sha}）。各チームは forms install で入れます</source>
        <translation>Form written: {path} ({form} {version}, sha256 {sha}). Each team installs it with forms install.</translation>
    </message>
    <message>
        <source>評価票を書き出しました: {path}（{form} {version}、{items} 項目、sha256 {sha}）</source>
        <translation>Form written: {path} ({form} {version}, {items} items, sha256 {sha})</translation>
    </message>
</context>
<context>
    <name>cli_listing</name>
    <message>
        <source>{uuid}  {code} {name}  {visit}  {fiscal_year}年度  {status} 第{revision}版  {completeness}%</source>
        <translation>{uuid}  {code} {name}  {visit}  FY{fiscal_year}  {status} rev {revision}  {completeness}%</translation>
    </message>
    <message>
        <source>（評価はありません）</source>
        <translation>(no reviews)</translation>
    </message>
</context>
<context>
    <name>cli_migrate</name>
    <message>
        <source>{form} {version} に移す下書きはありません</source>
        <translation>No drafts to move to {form} {version}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>cli_progress</name>
    <message>
        <source>{file}: {status} — 反映 {applied}、変更なし {unchanged}、古いため対象外 {stale}</source>
        <translation>{file}: {status} — applied {applied}, unchanged {unchanged}, stale {stale}</translation>
    </message>
    <message>
        <source>このファイルからは何も登録されていません。上の箇所を直して再度取り込んでください</source>
        <translation>Nothing from this file was written; fix the places above and import again.</translation>
    </message>
    <message>
        <source>進捗ファイルを書き出しました: {file}（{facility} の改善計画 {count} 件）</source>
        <translation>Progress file written: {file} ({count} actions of {facility})</translation>
    </message>
</context>
<context>
    <name>cli_report</name>
    <message>
        <source>事前提出資料のお願い.pdf</source>
        <translation>documents-request.pdf</translation>
    </message>
    <message>
        <source>事前提出資料の依頼状を書き出しました: {path}</source>
        <translation>Document request letter written: {path}</translation>
    </message>
    <message>
        <source>全施設の報告書を書き出しました: {file}（{count} 施設）</source>
        <translation>Reports written: {file} ({count} facilities)</translation>
    </message>
    <message>
        <source>報告書を書き出しました: {file}</source>
        <translation>Report written: {file}</translation>
    </message>
    <message>
        <source>（両面印刷用の白紙 {n} ページ）</source>
        <translation> ({n} blank pages for double-sided printing)</translation>
    </message>
</context>
<context>
    <name>coherence</name>
    <message>
        <source>{code}: 評価 {rating} の理由のコメントがありません</source>
        <translation>{code}: no comment giving the reason for rating {rating}</translation>
    </message>
    <message>
        <source>{code}: 評価 {rating} の項目に、改善が望まれる点・提言のどれも関連付けられていません</source>
        <translation>{code}: an item rated {rating} has no area for improvement or recommendation linked to it</translation>
    </message>
    <message>
        <source>総評がありません</source>
        <translation>No overall remarks</translation>
    </message>
</context>
<context>
    <name>completeness</name>
    <message>
        <source>{code} {text}：未回答</source>
        <translation>{code} {text}: not answered</translation>
    </message>
    <message>
        <source>{code}：評価 {rating} にはコメントが必要です</source>
        <translation>{code}: rating {rating} needs a comment</translation>
    </message>
    <message>
        <source>{code}：評価 {rating}（{label}）には該当しない理由のコメントが必要です</source>
        <translation>{code}: rating {rating} ({label}) needs a comment saying why the item does not apply</translation>
    </message>
    <message>
        <source>総評（訪問全体を通じた所見）が未記入です。報告書の最初に載る総評を記入してから確定してください</source>
        <translation>The overall remarks (findings of the whole visit) are empty. Write them (they open the report) before finalising.</translation>
    </message>
</context>
<context>
    <name>condition_text</name>
    <message>
        <source>{code} {op} のあとには数値を書いてください</source>
        <translation>Write a number after {code} {op}</translation>
    </message>
    <message>
        <source>{code} が … のあとに「のいずれか」か「のいずれでもない」が必要です</source>
        <translation>After {code} が … write 「のいずれか」 (one of) or 「のいずれでもない」 (none of)</translation>
    </message>
    <message>
        <source>{code} のあとに =、≠、≥、≤、「が … のいずれか」、「回答あり」、「未回答」のどれかが必要です</source>
        <translation>After {code} write one of =, ≠, ≥, ≤, 「が … のいずれか」 (one of), 「回答あり」 (answered) or 「未回答」 (not answered)</translation>
    </message>
    <message>
        <source>「 が閉じていません。値を「」で囲んでください</source>
        <translation>「 is not closed. Enclose the value in 「」</translation>
    </message>
    <message>
        <source>「{ch}」はここでは使えません</source>
        <translation>「{ch}」 cannot be used here</translation>
    </message>
    <message>
        <source>「{got}」から先が読めません。条件は「かつ」「または」でつなぎます</source>
        <translation>Cannot read from 「{got}」 on. Join conditions with 「かつ」 (and) or 「または」 (or).</translation>
    </message>
    <message>
        <source>「{got}」のところに {what} が必要です</source>
        <translation>{what} is needed where 「{got}」 is</translation>
    </message>
    <message>
        <source>「{got}」のところに値が必要です（ほかの語と同じ値は「」で囲みます）</source>
        <translation>A value is needed where 「{got}」 is (enclose a value that looks like another word in 「」)</translation>
    </message>
    <message>
        <source>「{got}」のところに項目コード（例: C-3）か「施設区分」が必要です</source>
        <translation>An item code (e.g. C-3) or 「施設区分」 (facility category) is needed where 「{got}」 is</translation>
    </message>
    <message>
        <source>「（」</source>
        <translation>「（」</translation>
    </message>
    <message>
        <source>かっこの入れ子が深すぎます</source>
        <translation>The parentheses are nested too deeply</translation>
    </message>
    <message>
        <source>値 {value!r} は条件の文で表せません</source>
        <translation>The value {value!r} cannot be written in a condition</translation>
    </message>
    <message>
        <source>施設区分「{text}」は使えません。使える区分: {names}</source>
        <translation>Facility category 「{text}」 cannot be used. Categories: {names}</translation>
    </message>
    <message>
        <source>条件が空です</source>
        <translation>The condition is empty</translation>
    </message>
    <message>
        <source>条件が長すぎます（{n} 文字。{limit} 文字まで）</source>
        <translation>The condition is too long ({n} characters; at most {limit})</translation>
    </message>
    <message>
        <source>（文の終わり）</source>
        <translation>(end of the text)</translation>
    </message>
</context>
<context>
    <name>dashboard</name>
    <message>
        <source>施設 {code} は登録されていません</source>
        <translation>Facility {code} is not registered</translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <source>「{text}」: 1926年12月25日（昭和元年）から2100年12月31日までの日付を入力してください</source>
        <translation>“{text}”: enter a date from 25 December 1926 (Shōwa 1) to 31 December 2100</translation>
    </message>
    <message>
        <source>「{text}」: {era}は{first}から{last}までです。年を確かめてください</source>
        <translation>“{text}”: {era} runs from {first} to {last}. Check the year</translation>
    </message>
    <message>
        <source>「{text}」: {year}年{month}月{day}日という日付はありません。月と日を確かめてください</source>
        <translation>“{text}”: there is no date {year}-{month}-{day}. Check the month and the day</translation>
    </message>
    <message>
        <source>「{text}」は日付として読めません。2023-11-15、20231115、2023/11/15、R5.11.15、令和5年11月15日 のように入力してください</source>
        <translation>“{text}” cannot be read as a date. Type it as 2023-11-15, 20231115, 2023/11/15, R5.11.15 or 令和5年11月15日</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <source>{database}: このデータベースには実際の施設（{codes}）が登録されています。デモデータは実際の施設と混ぜずに、新しいファイルかデモ用のデータベースに作ってください（例: --db demo.sqlite）</source>
        <translation>{database}: this database holds real facilities ({codes}); demo data is only added to a new or demo database. Use another file, e.g. --db demo.sqlite.</translation>
    </message>
</context>
<context>
    <name>excel_import</name>
    <message>
        <source>2000-01-01 から今日までの日付を入力してください</source>
        <translation>enter a date from 2000-01-01 to today</translation>
    </message>
    <message>
        <source>2025-11-20 のように日付を入力してください</source>
        <translation>enter a date such as 2025-11-20</translation>
    </message>
    <message>
        <source>2026-01-20 のように日付を入力するか、空欄にしてください</source>
        <translation>enter a date such as 2026-01-20, or leave it blank</translation>
    </message>
    <message>
        <source>45 のような整数を入力してください</source>
        <translation>enter a whole number such as 45</translation>
    </message>
    <message>
        <source>`kanwa-review excel-template` またはメニューの ファイル ▸ 空の評価票(Excel)を作成 で作った空の評価票に記入してください</source>
        <translation>fill in a blank workbook made with `kanwa-review excel-template` or the menu File ▸ Blank checklist workbook (Excel)</translation>
    </message>
    <message>
        <source>kanwa-review の評価票ブックではありません（評価票の情報を持つ隠しシートがありません）</source>
        <translation>this workbook was not made by kanwa-review (its hidden form sheet is missing)</translation>
    </message>
    <message>
        <source>kanwa-review を更新するか、この版で作った空の評価票を使ってください</source>
        <translation>update kanwa-review, or use a blank workbook made by this version</translation>
    </message>
    <message>
        <source>{codes} のどれかを入力してください</source>
        <translation>enter one of {codes}</translation>
    </message>
    <message>
        <source>{item} の {column} 欄は入力対象外です</source>
        <translation>{item}: the {column} column takes no input here</translation>
    </message>
    <message>
        <source>{item} の選択肢「{choice}」の行がありません（行の削除・挿入・並べ替え）</source>
        <translation>{item}: the row of the choice &quot;{choice}&quot; is missing (a row was deleted, inserted or moved)</translation>
    </message>
    <message>
        <source>{item} の選択肢の行の {column} 欄は入力対象外です</source>
        <translation>{item}: the {column} column of a choice row takes no input</translation>
    </message>
    <message>
        <source>{item} は前の回答により対象外のため取り込みません</source>
        <translation>{item} does not apply given the earlier answers and is not imported</translation>
    </message>
    <message>
        <source>{item} は必須項目ですが未回答です</source>
        <translation>{item} is required but not answered</translation>
    </message>
    <message>
        <source>{item}「{choice}」：{value} は はい／いいえ として読めません</source>
        <translation>{item} &quot;{choice}&quot;: {value} does not read as はい or いいえ (yes or no)</translation>
    </message>
    <message>
        <source>{item}：{column} {value} は0以上の整数ではありません</source>
        <translation>{item}: {column} {value} is not a whole number of 0 or more</translation>
    </message>
    <message>
        <source>{item}：{length}文字は長すぎます</source>
        <translation>{item}: {length} characters is too long</translation>
    </message>
    <message>
        <source>{item}：{value} は{kind}として読めません</source>
        <translation>{item}: {value} does not read as {kind}</translation>
    </message>
    <message>
        <source>{item}：{value} は範囲外です（{range}）</source>
        <translation>{item}: {value} is out of range ({range})</translation>
    </message>
    <message>
        <source>{item}：{value} は選べません</source>
        <translation>{item}: {value} cannot be chosen here</translation>
    </message>
    <message>
        <source>{item}：「{mark}」と分子・分母が両方入っています</source>
        <translation>{item}: both &quot;{mark}&quot; and the numerator and denominator are filled in</translation>
    </message>
    <message>
        <source>{item}：分子 {numerator} が分母 {denominator} を超えています</source>
        <translation>{item}: the numerator {numerator} is greater than the denominator {denominator}</translation>
    </message>
    <message>
        <source>{item}：評価 {rating} にはコメントが必要です</source>
        <translation>{item}: the rating {rating} needs a comment</translation>
    </message>
    <message>
        <source>{item}：評価 {value} は使えません</source>
        <translation>{item}: the rating {value} is not on the scale</translation>
    </message>
    <message>
        <source>{label} {date} が訪問日 {visit} より前です</source>
        <translation>{label} {date} is before the visit date {visit}</translation>
    </message>
    <message>
        <source>{label} {value} は日付ではありません</source>
        <translation>{label} {value} is not a date</translation>
    </message>
    <message>
        <source>{label}：{length}文字は長すぎます</source>
        <translation>{label}: {length} characters is too long</translation>
    </message>
    <message>
        <source>{limit} 文字以内に縮めてください</source>
        <translation>shorten it to {limit} characters</translation>
    </message>
    <message>
        <source>{mark} か数のどちらかを消してください</source>
        <translation>clear either {mark} or the figures</translation>
    </message>
    <message>
        <source>{mark} を選ぶか、空欄にして数を入力してください</source>
        <translation>choose {mark}, or leave it blank and give the figures</translation>
    </message>
    <message>
        <source>{max} 以下</source>
        <translation>at most {max}</translation>
    </message>
    <message>
        <source>{min} 以上</source>
        <translation>at least {min}</translation>
    </message>
    <message>
        <source>、</source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>このセルを空にしてください（灰色のセルには入力しません）</source>
        <translation>clear this cell (grey cells take no input)</translation>
    </message>
    <message>
        <source>このブックの評価票 {form} {version} はこのデータベースにありません</source>
        <translation>the workbook was made for form {form} {version}, which this database does not hold</translation>
    </message>
    <message>
        <source>このブックは評価票 {form} 第{version}版（{hash}…）用で、このデータベースはその版を知りません（知っている版: {known}）</source>
        <translation>the workbook was made for form {form} version {version} ({hash}…), which this database does not know (known versions: {known})</translation>
    </message>
    <message>
        <source>この版のアプリでは読めない評価票の形式です（{format}。読める形式: {known}）</source>
        <translation>this version of the app cannot read the workbook format {format} (it reads {known})</translation>
    </message>
    <message>
        <source>その文字を消して保存し直してください</source>
        <translation>Delete that character and save again</translation>
    </message>
    <message>
        <source>はい か いいえ を選んでください</source>
        <translation>choose はい (yes) or いいえ (no)</translation>
    </message>
    <message>
        <source>はい／いいえ</source>
        <translation>はい or いいえ (yes or no)</translation>
    </message>
    <message>
        <source>ほかに {count} 個のセル（{cells}）にも同じ数式の問題があります</source>
        <translation>{count} more cells ({cells}) have the same formula problem</translation>
    </message>
    <message>
        <source>シート「{sheet}」がありません（名前が変えられた可能性）</source>
        <translation>the sheet &quot;{sheet}&quot; is missing (it may have been renamed)</translation>
    </message>
    <message>
        <source>シートの名前を「{sheet}」に戻してください</source>
        <translation>name the sheet &quot;{sheet}&quot; again</translation>
    </message>
    <message>
        <source>リーダーが{count}名います</source>
        <translation>{count} members are marked as leader</translation>
    </message>
    <message>
        <source>リーダーは1名だけにしてください（下書きとして取り込むならリーダーなし）</source>
        <translation>mark exactly one member as リーダー (leader), or none to import a draft</translation>
    </message>
    <message>
        <source>・</source>
        <comment>list separator</comment>
        <translation> and </translation>
    </message>
    <message>
        <source>一覧から選んでください: {choices}</source>
        <translation>choose from the list: {choices}</translation>
    </message>
    <message>
        <source>両方の数を確かめてください。分子は分母のうちの数です</source>
        <translation>check both figures; the numerator counts part of the denominator</translation>
    </message>
    <message>
        <source>値を確かめてください</source>
        <translation>check the value</translation>
    </message>
    <message>
        <source>回答するか、下書きとして取り込むならリーダーを空欄にしてください</source>
        <translation>answer it, or leave the leader (リーダー) blank to import a draft</translation>
    </message>
    <message>
        <source>回答を今の評価票の空のブック（`kanwa-review excel-template`）に写して、そちらを取り込んでください</source>
        <translation>copy the answers into a blank workbook of the current form (`kanwa-review excel-template`) and import that</translation>
    </message>
    <message>
        <source>役割 {value} は選択肢にありません</source>
        <translation>the role {value} is not one of the choices</translation>
    </message>
    <message>
        <source>拠点の事務局から受けた施設コード（英数字・-・_）を入力してください</source>
        <translation>enter the facility code the hub office gave (letters, digits, - and _)</translation>
    </message>
    <message>
        <source>数を入力してください</source>
        <translation>enter a number</translation>
    </message>
    <message>
        <source>数を入力してください（単位: {unit}）</source>
        <translation>enter a number (unit: {unit})</translation>
    </message>
    <message>
        <source>数値</source>
        <translation>a number</translation>
    </message>
    <message>
        <source>数式が入っていて、その結果を読み取れません（数式は取り込みません）</source>
        <translation>the cell holds a formula whose result cannot be read (formulas are not imported)</translation>
    </message>
    <message>
        <source>数式ではなく文字や値そのものを入力してください。= で始まる文字は前に &apos; を付けます（&apos;=…）</source>
        <translation>type the text or value itself instead of a formula; text that starts with = needs a &apos; in front (&apos;=…)</translation>
    </message>
    <message>
        <source>整数</source>
        <translation>a whole number</translation>
    </message>
    <message>
        <source>整数を入力してください</source>
        <translation>enter a whole number</translation>
    </message>
    <message>
        <source>整数を入力してください（単位: {unit}）</source>
        <translation>enter a whole number (unit: {unit})</translation>
    </message>
    <message>
        <source>文字</source>
        <translation>text</translation>
    </message>
    <message>
        <source>施設 {code} は未登録なので施設名が必要です</source>
        <translation>the facility {code} is not registered, so its name is needed</translation>
    </message>
    <message>
        <source>施設を登録できるよう、施設名を入力してください</source>
        <translation>enter the facility name (施設名) so the facility can be registered</translation>
    </message>
    <message>
        <source>施設コード {code} は使えない文字を含みます</source>
        <translation>the facility code {code} holds characters that cannot be used</translation>
    </message>
    <message>
        <source>施設コードが空欄です</source>
        <translation>the facility code is blank</translation>
    </message>
    <message>
        <source>施設区分 {value} は選択肢にありません</source>
        <translation>the facility category {value} is not one of the choices</translation>
    </message>
    <message>
        <source>施設名 {name} は登録済みの名称 {registered} と異なります。登録済みの名称を使います</source>
        <translation>the facility name {name} differs from the registered name {registered}; the registered name is kept</translation>
    </message>
    <message>
        <source>施設名が長すぎます</source>
        <translation>the facility name is too long</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>a date</translation>
    </message>
    <message>
        <source>旧様式の評価票には総評の欄がないため、下書きとして取り込みます。アプリで総評を記入して確定してください</source>
        <translation>a workbook of the old layout has no place for the overall remarks (総評), so it is imported as a draft; enter them in the app and finalise</translation>
    </message>
    <message>
        <source>氏名が空欄です</source>
        <translation>the name is blank</translation>
    </message>
    <message>
        <source>氏名を入力するか、その行をすべて消してください</source>
        <translation>enter the name, or clear the whole row</translation>
    </message>
    <message>
        <source>範囲内の値を入力してください（{range}）</source>
        <translation>enter a value within the range ({range})</translation>
    </message>
    <message>
        <source>総評が空欄です。リーダーを記入した評価票は確定済みとして取り込むため、総評が必要です</source>
        <translation>the overall remarks (総評) are blank; a workbook that names a leader is imported as finalised, which needs them</translation>
    </message>
    <message>
        <source>総評を書くか、下書きとして取り込むならリーダーを空欄にしてください</source>
        <translation>write the overall remarks (総評), or leave the leader (リーダー) blank to import a draft</translation>
    </message>
    <message>
        <source>職種 {value} は選択肢にありません</source>
        <translation>the profession {value} is not one of the choices</translation>
    </message>
    <message>
        <source>英数字・-・_ だけで 32 文字までにしてください</source>
        <translation>use letters, digits, - and _ only (up to 32)</translation>
    </message>
    <message>
        <source>行の追加・削除・移動はしないでください。回答を新しい空の評価票に写してください</source>
        <translation>do not add, delete or move rows: copy the answers into a fresh blank workbook</translation>
    </message>
    <message>
        <source>訪問日 {date} は範囲外です</source>
        <translation>the visit date {date} is out of range</translation>
    </message>
    <message>
        <source>訪問日 {value} は日付ではありません</source>
        <translation>the visit date {value} is not a date</translation>
    </message>
    <message>
        <source>訪問日が空欄です</source>
        <translation>the visit date is blank</translation>
    </message>
    <message>
        <source>訪問日以降の日付を入力してください</source>
        <translation>enter a date on or after the visit</translation>
    </message>
    <message>
        <source>評価の理由をコメント欄に書いてください</source>
        <translation>write the reason for the rating in コメント (comment)</translation>
    </message>
    <message>
        <source>評価票にない行 {row} があります</source>
        <translation>the row {row} is not in the form</translation>
    </message>
    <message>
        <source>追加した行を消すか、新しい空の評価票を使ってください</source>
        <translation>delete the added row or use a fresh blank workbook</translation>
    </message>
    <message>
        <source>選択肢</source>
        <translation>one of the choices</translation>
    </message>
    <message>
        <source>項目 {item} があるはずの行に {found} があります（行の削除・挿入・並べ替え）</source>
        <translation>the row of item {item} holds {found} (a row was deleted, inserted or moved)</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>excel_return</name>
    <message>
        <source>シート</source>
        <translation>Sheets</translation>
    </message>
    <message>
        <source>作成</source>
        <translation>Generated by</translation>
    </message>
    <message>
        <source>作成日時</source>
        <translation>Generated at</translation>
    </message>
    <message>
        <source>対象</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>施設</source>
        <translation>Facility</translation>
    </message>
    <message>
        <source>施設数</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <source>注意</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>確定レビュー数</source>
        <translation>Finalised reviews</translation>
    </message>
    <message>
        <source>評価票</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>（対象となる改善計画はありません）</source>
        <translation>(no improvement actions)</translation>
    </message>
    <message>
        <source>（対象となる施設・確定済みレビューがありません）</source>
        <translation>(no facilities or finalised reviews)</translation>
    </message>
</context>
<context>
    <name>excel_safety</name>
    <message>
        <source>{name}: Excel ブック（.xlsx）ではありません（ZIP 形式ではない）。Excel で「Excel ブック (*.xlsx)」として保存し直して取り込んでください</source>
        <translation>{name}: not an .xlsx workbook (not a ZIP file). Save it in Excel as &quot;Excel Workbook (*.xlsx)&quot; and import again.</translation>
    </message>
    <message>
        <source>{name}: ZIP ファイルですが Excel ブック（.xlsx）ではありません（xl/workbook.xml がない）。.xls・.ods 等は読めません。.xlsx で保存し直してください</source>
        <translation>{name}: a ZIP file but not an .xlsx workbook (no xl/workbook.xml). .xls and .ods files are not read; save it as .xlsx.</translation>
    </message>
    <message>
        <source>{name}: シート「{sheet}」の行が多すぎます（{limit:,} 行まで）。ファイルを分けて取り込んでください</source>
        <translation>{name}: sheet 「{sheet}」 has too many rows (at most {limit:,}). Split the file and import the parts.</translation>
    </message>
    <message>
        <source>{name}: シート（{part}）の行が多すぎます（{limit:,} 行を超えています）。kanwa-review が書き出したブックに記入してください</source>
        <translation>{name}: a sheet ({part}) has too many rows (more than {limit:,}). Fill in a workbook made by kanwa-review.</translation>
    </message>
    <message>
        <source>{name}: パスワードで保護（暗号化）されています。パスワードなしで保存し直してください</source>
        <translation>{name}: the workbook is encrypted or password-protected; save it without a password.</translation>
    </message>
    <message>
        <source>{name}: ファイルが大きすぎます（{size:,} バイト、上限 {limit:,}）。kanwa-review が書き出したブック（空の評価票・進捗報告シート）はずっと小さいので、そのどれかに記入してください</source>
        <translation>{name}: the file is {size:,} bytes; the limit is {limit:,}. A workbook made by kanwa-review (blank checklist or progress sheet) is far smaller — fill in one of those.</translation>
    </message>
    <message>
        <source>{name}: ファイルが見つかりません。名前と場所を確認してください</source>
        <translation>{name}: file not found; check the name and folder.</translation>
    </message>
    <message>
        <source>{name}: ファイルではありません（フォルダなど）。.xlsx ファイルを選んでください</source>
        <translation>{name}: not a regular file (a folder?); choose an .xlsx file.</translation>
    </message>
    <message>
        <source>{name}: ブックが壊れています（{part} を読めません: {kind}）。Excel で開いて .xlsx として保存し直してください</source>
        <translation>{name}: the workbook is damaged (part {part} cannot be read: {kind}); open it in Excel and save it again as .xlsx.</translation>
    </message>
    <message>
        <source>{name}: ブックが壊れています（{reason}）。Excel で開いて保存し直してください</source>
        <translation>{name}: the workbook is damaged ({reason}); open it in Excel and save it again.</translation>
    </message>
    <message>
        <source>{name}: ブックのセルが多すぎます（{limit:,} 個を超えています）。kanwa-review が書き出したブックに記入してください</source>
        <translation>{name}: the workbook has too many cells (more than {limit:,}). Fill in a workbook made by kanwa-review.</translation>
    </message>
    <message>
        <source>{name}: ブックの中身が多すぎます（{count} 個、上限 {limit}）。kanwa-review が書き出したブックを使ってください</source>
        <translation>{name}: {count} parts inside the workbook; the limit is {limit}. Use a workbook made by kanwa-review.</translation>
    </message>
    <message>
        <source>{name}: ブックを読めませんでした（{kind}: {reason}）。Excel で .xlsx として保存し直してください</source>
        <translation>{name}: the workbook could not be read ({kind}: {reason}); save it again in Excel as .xlsx.</translation>
    </message>
    <message>
        <source>{name}: 圧縮率が異常なため開きません（{part}、{ratio}倍、zip 爆弾の可能性）</source>
        <translation>{name}: part {part} expands {ratio}×; refused as a possible zip bomb</translation>
    </message>
    <message>
        <source>{name}: 展開後のサイズが上限を超えます（{size:,} バイト、上限 {limit:,}）</source>
        <translation>{name}: {size:,} bytes uncompressed; the limit is {limit:,}</translation>
    </message>
    <message>
        <source>{name}: 文字列の表（{part}）が大きすぎます（{size:,} バイト、上限 {limit:,}）。kanwa-review が書き出したブックに記入してください</source>
        <translation>{name}: the shared strings table ({part}) is too large ({size:,} bytes; the limit is {limit:,}). Fill in a workbook made by kanwa-review.</translation>
    </message>
    <message>
        <source>{name}: 表計算ソフトが書かない XML 宣言（DOCTYPE・ENTITY）が {part} にあるため開きません（XML 爆弾の可能性）</source>
        <translation>{name}: part {part} declares XML entities (DOCTYPE/ENTITY), which spreadsheet programs never write; refused as a possible XML bomb.</translation>
    </message>
</context>
<context>
    <name>exports</name>
    <message>
        <source>{review} 第{revision}版</source>
        <translation>{review} revision {revision}</translation>
    </message>
    <message>
        <source>評価 {review} は {database} にありません。`kanwa-review list --db …` で UUID を確認してください</source>
        <translation>No review {review} in {database}. Check the UUID with `kanwa-review list --db …`.</translation>
    </message>
</context>
<context>
    <name>facilities</name>
    <message>
        <source>施設の種別 {category} は使えません。{allowed} のいずれかを指定してください</source>
        <translation>Unknown facility category {category}; use one of {allowed}</translation>
    </message>
    <message>
        <source>施設コード {code} は既に登録されています</source>
        <translation>Facility code {code} is already registered</translation>
    </message>
    <message>
        <source>施設コード {code} は英数字・-・_ の32文字以内で入力してください</source>
        <translation>Facility code {code}: use letters, digits, - and _, up to 32 characters</translation>
    </message>
    <message>
        <source>施設名を1〜200文字で入力してください</source>
        <translation>Enter a facility name of 1 to 200 characters</translation>
    </message>
</context>
<context>
    <name>facility_master</name>
    <message>
        <source>{name} {row}行目: {problem}</source>
        <translation>{name} row {row}: {problem}</translation>
    </message>
    <message>
        <source>{name} {row}行目: 見出しに {columns} の列がありません。1行目に 施設コード, 施設名, 都道府県, 区分 の見出しを付けてください</source>
        <translation>{name} row {row}: the header has no {columns} column; put the headers 施設コード, 施設名, 都道府県, 区分 (code, name, prefecture, category) in the first row.</translation>
    </message>
    <message>
        <source>{name}: CSV として読めません（{reason}）</source>
        <translation>{name}: not a valid CSV file ({reason})</translation>
    </message>
    <message>
        <source>{name}: CSV（.csv）か Excel（.xlsx）のファイルを選んでください</source>
        <translation>{name}: choose a .csv or .xlsx file</translation>
    </message>
    <message>
        <source>{name}: Shift_JIS（cp932）として読み込みました</source>
        <translation>{name}: read as Shift_JIS (cp932)</translation>
    </message>
    <message>
        <source>{name}: ファイルが大きすぎます（{size:,} バイト、上限 {limit:,}）</source>
        <translation>{name}: the file is {size:,} bytes; the limit is {limit:,}</translation>
    </message>
    <message>
        <source>{name}: 文字コードが UTF-8 でも Shift_JIS（cp932）でもありません。CSV を UTF-8（BOM付き可）で保存し直してください</source>
        <translation>{name}: the text encoding is neither UTF-8 nor Shift_JIS (cp932); save the CSV as UTF-8 (a BOM is fine).</translation>
    </message>
    <message>
        <source>{name}: 文字コードが判別できません。CSV を UTF-8 で保存し直してください</source>
        <translation>{name}: the text encoding could not be recognised; save the CSV as UTF-8.</translation>
    </message>
    <message>
        <source>{name}: 空のファイルです</source>
        <translation>{name}: the file is empty</translation>
    </message>
    <message>
        <source>{name}: 行が多すぎます（上限 {limit:,} 行）</source>
        <translation>{name}: more than {limit:,} rows</translation>
    </message>
    <message>
        <source>{name}: 見出しの下に施設の行がありません</source>
        <translation>{name}: no facility rows below the header</translation>
    </message>
    <message>
        <source>区分「{category}」は使えません。{allowed} のいずれかにしてください（{keys}）</source>
        <translation>Category 「{category}」 cannot be used; use one of {allowed} ({keys})</translation>
    </message>
    <message>
        <source>施設コード {code} が {row}行目と重複しています</source>
        <translation>Facility code {code} repeats row {row}</translation>
    </message>
    <message>
        <source>施設コード「{code}」は英数字・-・_ の32文字以内にしてください</source>
        <translation>Facility code 「{code}」: use letters, digits, - and _, up to 32 characters</translation>
    </message>
    <message>
        <source>施設名</source>
        <translation>facility name</translation>
    </message>
    <message>
        <source>施設名を1〜{limit}文字で入力してください</source>
        <translation>Enter a facility name of 1 to {limit} characters</translation>
    </message>
    <message>
        <source>都道府県</source>
        <translation>prefecture</translation>
    </message>
    <message>
        <source>都道府県が長すぎます（{limit}文字まで）</source>
        <translation>The prefecture is too long (at most {limit} characters)</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <source>{file} は {place} の中にあります。同期やネットワークの途中で書き込むとデータベースが壊れることがあります。作業はパソコン内のフォルダ（{local}）にコピーしたファイルで行い、提出ファイルやバックアップで共有してください</source>
        <translation>{file} is in {place}. A write during synchronisation or over the network can damage the database. Work on a copy in a folder on this computer ({local}) and share submission files or backups instead.</translation>
    </message>
    <message>
        <source>{file} は他のアプリで開かれています。Excel や PDF ビューアーなどで {name} を閉じてからもう一度実行してください（書きかけのファイルは残していません）</source>
        <translation>{file} is open in another app. Close {name} in Excel, the PDF viewer or wherever it is open, then try again (nothing half-written was left).</translation>
    </message>
    <message>
        <source>{file} は読み取り専用のため上書きできません。別のファイル名で保存するか、ファイルのプロパティで読み取り専用を外してからもう一度実行してください</source>
        <translation>{file} is read-only and cannot be replaced. Save under another name, or clear Read-only in the file&apos;s properties and try again.</translation>
    </message>
    <message>
        <source>{folder}: このフォルダには書き込めません。別の場所を選んでください</source>
        <translation>{folder}: this folder cannot be written to; choose another place</translation>
    </message>
    <message>
        <source>ネットワークドライブ</source>
        <translation>a network drive</translation>
    </message>
</context>
<context>
    <name>findings</name>
    <message>
        <source>所見 {finding} は評価 {review} のものではありません</source>
        <translation>Finding {finding} does not belong to review {review}</translation>
    </message>
    <message>
        <source>所見の本文を入力してください</source>
        <translation>A finding needs text</translation>
    </message>
    <message>
        <source>所見の種類 {kind} は使えません。{allowed} のいずれかを指定してください</source>
        <translation>Unknown finding kind {kind}; use one of {allowed}</translation>
    </message>
    <message>
        <source>所見は{limit:,}文字以内で入力してください（{count:,}文字あります）</source>
        <translation>A finding may have at most {limit:,} characters (it has {count:,})</translation>
    </message>
    <message>
        <source>項目コード {codes} はこの評価票にありません</source>
        <translation>Item codes {codes} are not in this form</translation>
    </message>
</context>
<context>
    <name>form</name>
    <message>
        <source>QI の ID {qi} は {item} で使われています</source>
        <translation>QI id {qi} is already used by {item}</translation>
    </message>
    <message>
        <source>UTF-8 の文字になっていません（{byte} バイト目）。UTF-8 で保存し直してください</source>
        <translation>not UTF-8 text (byte {byte}); save the file as UTF-8</translation>
    </message>
    <message>
        <source>YAML として読めません。字下げや記号を確認してください</source>
        <translation>not valid YAML; check the indentation and the symbols</translation>
    </message>
    <message>
        <source>YAML として読めません（{column} 文字目）。字下げや記号を確認してください</source>
        <translation>not valid YAML (column {column}); check the indentation and the symbols</translation>
    </message>
    <message>
        <source>anchors の {key} は評価尺度 {scale} にない記号です。使える記号: {codes}</source>
        <translation>{key} in anchors is not a code of the scale {scale}. Codes you can use: {codes}</translation>
    </message>
    <message>
        <source>comment_required に尺度にない記号 {codes} があります</source>
        <translation>comment_required names codes not in the scale: {codes}</translation>
    </message>
    <message>
        <source>exclusive（ほかの選択肢と併用できない）は複数選択（multi_choice）の項目の選択肢にだけ付けられます</source>
        <translation>exclusive (cannot be combined with other choices) applies only to the choices of a multi_choice item</translation>
    </message>
    <message>
        <source>min（最小値）が max（最大値）より大きくなっています</source>
        <translation>min is greater than max</translation>
    </message>
    <message>
        <source>qi と reference は整数・数値・割合の項目にだけ付けられます</source>
        <translation>qi and reference apply only to integer, number and percentage items</translation>
    </message>
    <message>
        <source>relevant_if の {ref} はこの項目より前にありません</source>
        <translation>relevant_if refers to {ref}, which is not an earlier item</translation>
    </message>
    <message>
        <source>relevant_if の値 {expected} は {ref} の回答としてありえないため、この項目は表示されません（{ref} の回答: {allowed}）</source>
        <translation>relevant_if compares {ref} with {expected}, which {ref} can never be, so the item would never show ({ref} can be: {allowed})</translation>
    </message>
    <message>
        <source>traces_to に空の行があります</source>
        <translation>traces_to entries must not be blank</translation>
    </message>
    <message>
        <source>true か false で書いてください</source>
        <translation>write true or false</translation>
    </message>
    <message>
        <source>version は文字列で書いてください（{value!r} と読まれました）。引用符がないと数値として読まれ、2026.10 は 2026.1 になります。引用符で囲んでください（例: version: &quot;2026.10&quot;）</source>
        <translation>Write version as text (it was read as {value!r}). Without quotes it is read as a number and 2026.10 becomes 2026.1; put it in quotes (example: version: &quot;2026.10&quot;).</translation>
    </message>
    <message>
        <source>{key}: {problem}</source>
        <translation>{key}: {problem}</translation>
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
        <source>「キー: 値」の形で書いてください</source>
        <translation>write it as &quot;key: value&quot; lines (a mapping)</translation>
    </message>
    <message>
        <source>キー {keys} は種類 {type} の項目には使えません</source>
        <translation>keys {keys} do not apply to a {type} item</translation>
    </message>
    <message>
        <source>キー {key} がここに2回あります。1つにしてください</source>
        <translation>key {key} appears twice here; keep one</translation>
    </message>
    <message>
        <source>ファイルがありません。パスを確かめてください</source>
        <translation>file not found; check the path</translation>
    </message>
    <message>
        <source>ファイルが大きすぎます（{size} バイト。上限 {limit} バイト）</source>
        <translation>the file is too large ({size} bytes; the limit is {limit})</translation>
    </message>
    <message>
        <source>ファイルを読み込めません（{reason}）</source>
        <translation>cannot read the file ({reason})</translation>
    </message>
    <message>
        <source>フォルダです。評価票のファイルを指定してください</source>
        <translation>this is a folder; name a form file</translation>
    </message>
    <message>
        <source>リスト（- で始まる行）で書いてください</source>
        <translation>write it as a list (lines starting with -)</translation>
    </message>
    <message>
        <source>不明なキーです（つづりを確認してください。書き方は README の評価票の形式を参照）</source>
        <translation>unknown key (check the spelling; see the form format in README)</translation>
    </message>
    <message>
        <source>使える値ではありません（使える値: {values}）</source>
        <translation>not an allowed value (allowed: {values})</translation>
    </message>
    <message>
        <source>使える値ではありません（書き方は README の評価票の形式を参照）</source>
        <translation>not an allowed value (see the form format in README)</translation>
    </message>
    <message>
        <source>値が大きすぎます（{limit} 以下）</source>
        <translation>the value is too large (at most {limit})</translation>
    </message>
    <message>
        <source>値が大きすぎます（{limit} 未満）</source>
        <translation>the value is too large (less than {limit})</translation>
    </message>
    <message>
        <source>値が小さすぎます（{limit} より大きく）</source>
        <translation>the value is too small (more than {limit})</translation>
    </message>
    <message>
        <source>値が小さすぎます（{limit} 以上）</source>
        <translation>the value is too small (at least {limit})</translation>
    </message>
    <message>
        <source>字下げにタブ文字は使えません。空白で字下げしてください</source>
        <translation>tabs cannot indent YAML; indent with spaces</translation>
    </message>
    <message>
        <source>少なくとも1つの選択肢に points（点数）を付けてください</source>
        <translation>at least one option must carry points</translation>
    </message>
    <message>
        <source>必要なキーがありません</source>
        <translation>a required key is missing</translation>
    </message>
    <message>
        <source>数値で書いてください</source>
        <translation>write a number</translation>
    </message>
    <message>
        <source>整数で書いてください</source>
        <translation>write a whole number</translation>
    </message>
    <message>
        <source>文字列で書いてください</source>
        <translation>write a text</translation>
    </message>
    <message>
        <source>書き方（形式）が正しくありません（形式: {pattern}）</source>
        <translation>not written in the expected form (pattern: {pattern})</translation>
    </message>
    <message>
        <source>種類 {type} の項目には {keys} が必要です</source>
        <translation>a {type} item needs {keys}</translation>
    </message>
    <message>
        <source>空にはできません</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <source>章のコードが2回使われています</source>
        <translation>the section code is used twice</translation>
    </message>
    <message>
        <source>要素が多すぎます（{limit} 個まで）</source>
        <translation>too many entries (at most {limit})</translation>
    </message>
    <message>
        <source>要素が足りません（{limit} 個以上）</source>
        <translation>too few entries (at least {limit})</translation>
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
    <message>
        <source>評価尺度 {scale} が2回定義されています</source>
        <translation>scale id {scale} is defined twice</translation>
    </message>
    <message>
        <source>評価尺度 {scale} の選択肢の記号が重複しています: {codes}</source>
        <translation>duplicate option codes in scale {scale}: {codes}</translation>
    </message>
    <message>
        <source>評価尺度 {scale} は定義されていません（定義済み: {defined}）</source>
        <translation>unknown scale {scale} (defined: {defined})</translation>
    </message>
    <message>
        <source>評価票が大きすぎます（YAML の要素が多すぎます）</source>
        <translation>the form is too large (too many YAML nodes)</translation>
    </message>
    <message>
        <source>評価票は「キー: 値」の形（YAML のマッピング）で書いてください</source>
        <translation>a form must be a YAML mapping (&quot;key: value&quot; lines)</translation>
    </message>
    <message>
        <source>評価票ファイルではアンカーと別名（&amp;name・*name）は使えません。内容を省略せずに書いてください</source>
        <translation>anchors and aliases (&amp;name, *name) are not allowed in form files; write the content out in full</translation>
    </message>
    <message>
        <source>選択肢の記号が重複しています: {codes}</source>
        <translation>duplicate choice codes: {codes}</translation>
    </message>
    <message>
        <source>選択肢は2つ以上必要です</source>
        <translation>a choice item needs at least two choices</translation>
    </message>
    <message>
        <source>長すぎます（{limit} 文字まで）</source>
        <translation>too long (at most {limit} characters)</translation>
    </message>
    <message>
        <source>項目が {count} 個あります。{limit} 個以内にしてください</source>
        <translation>{count} items; a form may have at most {limit}</translation>
    </message>
    <message>
        <source>項目の表示条件に自分自身は使えません</source>
        <translation>an item cannot depend on itself</translation>
    </message>
    <message>
        <source>項目コードが2回使われています。評価票の中で重複しないようにしてください</source>
        <translation>the item code is used twice; codes must be unique in a form</translation>
    </message>
    <message>
        <source>項目コードは章のコード {section}- で始めてください</source>
        <translation>the item code must start with its section code {section}-</translation>
    </message>
</context>
<context>
    <name>form_diff</name>
    <message>
        <source>{what}の変更 {n}</source>
        <translation>{what} changes: {n}</translation>
    </message>
    <message>
        <source>そのまま写す</source>
        <translation>copy as is</translation>
    </message>
    <message>
        <source>それぞれに写す</source>
        <translation>copy to each</translation>
    </message>
    <message>
        <source>まとめ: {summary}</source>
        <translation>Summary: {summary}</translation>
    </message>
    <message>
        <source>コメント必須の評価 {old} → {new}</source>
        <translation>ratings that need a comment {old} → {new}</translation>
    </message>
    <message>
        <source>事前提出資料</source>
        <translation>documents to send before the visit</translation>
    </message>
    <message>
        <source>低い方の評価を写す</source>
        <translation>copy the lower rating</translation>
    </message>
    <message>
        <source>写さない</source>
        <translation>do not copy</translation>
    </message>
    <message>
        <source>分割</source>
        <translation>split</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>removed</translation>
    </message>
    <message>
        <source>回答: {carry}</source>
        <translation>Answers: {carry}</translation>
    </message>
    <message>
        <source>回答は変更履歴に残ります</source>
        <translation>the answers stay in the audit trail</translation>
    </message>
    <message>
        <source>回答形式</source>
        <translation>answer type</translation>
    </message>
    <message>
        <source>変更</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>変更はありません</source>
        <translation>No changes</translation>
    </message>
    <message>
        <source>対応表: あり（{new} は {old} の改訂版です）</source>
        <translation>Revision map: yes ({new} revises {old})</translation>
    </message>
    <message>
        <source>対応表: なし（項目コードで比べています）</source>
        <translation>Revision map: none (compared by item code)</translation>
    </message>
    <message>
        <source>必須</source>
        <translation>required</translation>
    </message>
    <message>
        <source>改名</source>
        <translation>renamed</translation>
    </message>
    <message>
        <source>改訂</source>
        <translation>revised</translation>
    </message>
    <message>
        <source>数値の設定</source>
        <translation>number settings</translation>
    </message>
    <message>
        <source>文言</source>
        <translation>wording</translation>
    </message>
    <message>
        <source>根拠</source>
        <translation>basis</translation>
    </message>
    <message>
        <source>統合</source>
        <translation>merged</translation>
    </message>
    <message>
        <source>表示</source>
        <translation>display</translation>
    </message>
    <message>
        <source>表示条件</source>
        <translation>display condition</translation>
    </message>
    <message>
        <source>評価の定義</source>
        <translation>grade definitions</translation>
    </message>
    <message>
        <source>評価の視点</source>
        <translation>points to assess</translation>
    </message>
    <message>
        <source>評価の記号・点数</source>
        <translation>rating codes and points</translation>
    </message>
    <message>
        <source>評価尺度</source>
        <translation>rating scale</translation>
    </message>
    <message>
        <source>評価票の変更: {title} {old} → {new}</source>
        <translation>Form changes: {title} {old} → {new}</translation>
    </message>
    <message>
        <source>追加</source>
        <translation>added</translation>
    </message>
    <message>
        <source>選択肢</source>
        <translation>choices</translation>
    </message>
    <message>
        <source>重み・自己評価</source>
        <translation>weight and self-assessment</translation>
    </message>
    <message>
        <source>題名の変更</source>
        <translation>title changed</translation>
    </message>
    <message>
        <source>［整合ルール］</source>
        <translation>[Consistency rules]</translation>
    </message>
    <message>
        <source>［比較しない章］ {codes}（達成率の経年比較をしません）</source>
        <translation>[Sections not compared] {codes} (no year-on-year comparison of their scores)</translation>
    </message>
    <message>
        <source>［章］</source>
        <translation>[Sections]</translation>
    </message>
    <message>
        <source>［評価尺度］</source>
        <translation>[Rating scales]</translation>
    </message>
    <message>
        <source>［項目］</source>
        <translation>[Items]</translation>
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
        <translation>  Values are はい / いいえ (yes / no), numbers, a choice&apos;s label (or code), or a rating code (A to D, NA). Enclose values with spaces or symbols in 「」.</translation>
    </message>
    <message>
        <source>  施設区分: {names}</source>
        <translation>  Facility categories: {names}</translation>
    </message>
    <message>
        <source>{code}: 評価 {grade} の定義が空欄です。評価 {grade} となる状態を書いてください</source>
        <translation>{code}: the definition of grade {grade} is empty. Describe what earns grade {grade}.</translation>
    </message>
    <message>
        <source>{file}: 評価票が大きすぎます（{size:,} バイト。上限 {limit:,}）。項目や文を減らしてください</source>
        <translation>{file}: the form is too large ({size:,} bytes; the limit is {limit:,}). Remove items or text.</translation>
    </message>
    <message>
        <source>{n:,} 文字あります。1つのセルは {limit:,} 文字までにしてください</source>
        <translation>{n:,} characters; a cell may hold at most {limit:,}.</translation>
    </message>
    <message>
        <source>{what}「{value}」は使えません。一覧から選んでください: {allowed}</source>
        <translation>{what} 「{value}」 cannot be used. Choose from the list: {allowed}</translation>
    </message>
    <message>
        <source>「{value}」は使えません。「はい」か「いいえ」を選ぶか、空欄にしてください</source>
        <translation>「{value}」 cannot be used. Choose はい (yes) or いいえ (no), or leave the cell empty.</translation>
    </message>
    <message>
        <source>「{value}」は数値ではありません。半角の数値（例: 0、12.5）を入力するか、空欄にしてください</source>
        <translation>「{value}」 is not a number. Enter a number in half-width digits (e.g. 0, 12.5) or leave the cell empty.</translation>
    </message>
    <message>
        <source>このブックは評価票そのものです。シートの内容を編集して保存し、`kanwa-review forms from-xlsx このブック.xlsx -o 評価票.yaml` で評価票のファイルに戻します。誤りがあれば「シート名!セル」と直し方が示されます。</source>
        <translation>This workbook is the form itself. Edit the sheets, save, and turn it back into a form file with `kanwa-review forms from-xlsx this-workbook.xlsx -o form.yaml`. Any mistake is shown as &quot;sheet!cell&quot; with how to fix it.</translation>
    </message>
    <message>
        <source>ほかに {n} 件の問題があります。上の問題を直してから、もう一度読み込んでください</source>
        <translation>{n} more problems. Fix the problems above, then read the workbook again.</translation>
    </message>
    <message>
        <source>シート「{sheet}」がありません。kanwa-review が書き出したブックを使い、シート名を変えないでください</source>
        <translation>Sheet 「{sheet}」 is missing. Use the workbook made by kanwa-review and do not rename its sheets.</translation>
    </message>
    <message>
        <source>シート「{sheet}」がありません。kanwa-review が書き出したブックを使ってください</source>
        <translation>Sheet 「{sheet}」 is missing. Use the workbook made by kanwa-review.</translation>
    </message>
    <message>
        <source>シート名・見出しの行（1行目）は変えないでください。行の追加・削除・並べ替えはできます（項目の順は「項目」シートの行の順です）。灰色の見出しの列は英語の表示です。</source>
        <translation>Do not change the sheet names or the header row (row 1). Rows may be added, deleted and reordered (the items follow the row order of the 項目 sheet). Columns with grey headers hold the English texts.</translation>
    </message>
    <message>
        <source>一覧から選んでください</source>
        <translation>Choose from the list</translation>
    </message>
    <message>
        <source>使えない値です</source>
        <translation>This value cannot be used</translation>
    </message>
    <message>
        <source>参照値の種類</source>
        <translation>reference kind</translation>
    </message>
    <message>
        <source>回答の引き継ぎ</source>
        <translation>carrying answers over</translation>
    </message>
    <message>
        <source>対応表があるときは「改訂前の評価票ID」と「改訂前の版」を書いてください</source>
        <translation>With a revision map, fill in 「改訂前の評価票ID」 (previous form ID) and 「改訂前の版」 (previous version)</translation>
    </message>
    <message>
        <source>対応表（改訂版のみ）: 種別は 改名（別のコードへ）・改訂（同じコードで問いが変わった）・分割・統合・削除・新規。回答の引き継ぎは そのまま写す・それぞれに写す（分割）・低い方の評価（統合）・写さない。空欄なら種別ごとの既定です。</source>
        <translation>対応表 (revision map, revised forms only): the kinds are 改名 (renamed to another code), 改訂 (same code, revised question), 分割 (split), 統合 (merged), 削除 (removed) and 新規 (new). Carrying answers over: そのまま写す (copy as is), それぞれに写す (copy to each, for a split), 低い方の評価 (lower rating, for a merge), 写さない (do not copy). Empty means the default of the kind.</translation>
    </message>
    <message>
        <source>対象期間</source>
        <translation>period covered</translation>
    </message>
    <message>
        <source>尺度IDを入力してください（例: abcd）</source>
        <translation>Enter the scale ID (example: abcd)</translation>
    </message>
    <message>
        <source>数式は使えません。値（文字・数値）を入力してください</source>
        <translation>Formulas cannot be used. Enter a value (text or a number).</translation>
    </message>
    <message>
        <source>施設区分「{value}」は使えません。使える区分: {names}</source>
        <translation>Facility category 「{value}」 cannot be used. Categories: {names}</translation>
    </message>
    <message>
        <source>条件「{text}」が読めません: {why}。書き方は「使い方」シートを見てください</source>
        <translation>The condition 「{text}」 cannot be read: {why}. See the 使い方 (how to use) sheet for how to write it.</translation>
    </message>
    <message>
        <source>条件の項目 {code} はこの評価票にありません。項目コードを確かめてください</source>
        <translation>The condition&apos;s item {code} is not in this form. Check the item code.</translation>
    </message>
    <message>
        <source>条件を入力してください</source>
        <translation>Enter the condition</translation>
    </message>
    <message>
        <source>種別</source>
        <translation>kind</translation>
    </message>
    <message>
        <source>種別を一覧から選んでください</source>
        <translation>Choose the kind from the list</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>type</translation>
    </message>
    <message>
        <source>種類を一覧から選んでください</source>
        <translation>Choose the type from the list</translation>
    </message>
    <message>
        <source>英語の事前提出資料だけがあります。日本語を1行に1つずつ書いてください</source>
        <translation>Only English documents to send before the visit are given. Write the Japanese ones, one per line.</translation>
    </message>
    <message>
        <source>英語の事前提出資料の行数（{en}）が日本語（{ja}）と合いません。1行に1つずつ、同じ順に書いてください</source>
        <translation>The English documents to send before the visit ({en} lines) do not match the Japanese ({ja} lines). Write one per line, in the same order.</translation>
    </message>
    <message>
        <source>行が多すぎます（{limit} 行まで）。余分な行を消してください</source>
        <translation>Too many rows (at most {limit}). Delete the extra rows.</translation>
    </message>
    <message>
        <source>表示条件・整合ルールの書き方:</source>
        <translation>How to write display conditions and consistency rules:</translation>
    </message>
    <message>
        <source>見出し「{name}」の列が2つあります。1つにしてください</source>
        <translation>There are two columns headed 「{name}」. Keep one.</translation>
    </message>
    <message>
        <source>見出し「{name}」の列がありません。1行目に見出しを戻してください</source>
        <translation>The column headed 「{name}」 is missing. Put the header back in row 1.</translation>
    </message>
    <message>
        <source>見出し「{name}」は使えません。kanwa-review が書き出した見出しに戻すか、列ごと消してください</source>
        <translation>The header 「{name}」 cannot be used. Restore the header kanwa-review wrote, or delete the whole column.</translation>
    </message>
    <message>
        <source>見出しのない列に値があります。見出しを付け直すか、値を消してください</source>
        <translation>A column without a header holds values. Give it its header again or delete the values.</translation>
    </message>
    <message>
        <source>設定: 評価票ID・版・題名。改訂版では「改訂前の評価票ID」「改訂前の版」と「対応表」シートで、前の版との対応を書きます。</source>
        <translation>設定 (settings): the form ID, version and title. For a revised form, link it to the previous version with 「改訂前の評価票ID」, 「改訂前の版」 and the 対応表 (revision map) sheet.</translation>
    </message>
    <message>
        <source>設定の項目「{label}」が2回あります</source>
        <translation>The setting 「{label}」 appears twice</translation>
    </message>
    <message>
        <source>設定の項目「{label}」は使えません。使える項目: {labels}</source>
        <translation>The setting 「{label}」 cannot be used. Settings: {labels}</translation>
    </message>
    <message>
        <source>評価票の編集用ブック（kanwa-review）</source>
        <translation>Form editing workbook (kanwa-review)</translation>
    </message>
    <message>
        <source>選択肢: 「選択」「複数選択」の項目の選択肢（1行が1つ）。尺度: 評価の記号と点数（該当なしは点数を空欄）。</source>
        <translation>選択肢 (choices): the choices of 選択 (choice) and 複数選択 (multiple choice) items, one per row. 尺度 (scales): the rating codes and their points (leave the points empty for not applicable).</translation>
    </message>
    <message>
        <source>項目 {code} の種類は「{type}」です。選択肢を付けられるのは「選択」「複数選択」の項目だけです</source>
        <translation>Item {code} is of type 「{type}」. Only 選択 (choice) and 複数選択 (multiple choice) items take choices.</translation>
    </message>
    <message>
        <source>項目 {code} の章 {section} が「セクション」シートにありません。章を加えるか、コードを直してください</source>
        <translation>The section {section} of item {code} is not on the セクション (sections) sheet. Add the section or correct the code.</translation>
    </message>
    <message>
        <source>項目 {code} は「項目」シートにありません。項目コードを確かめてください</source>
        <translation>Item {code} is not on the 項目 (items) sheet. Check the item code.</translation>
    </message>
    <message>
        <source>項目: 1行が1項目。コードは章の記号・ハイフン・番号（例: C-18）。種類・必須・尺度などは一覧から選びます。評価の項目は「定義 A」〜「定義 D」に、その評価となる状態を必ず書きます。</source>
        <translation>項目 (items): one item per row. The code is the section letter, a hyphen and a number (e.g. C-18). Choose the type, required, scale and so on from the lists. For a rating item, always describe in 「定義 A」 to 「定義 D」 what earns each grade.</translation>
    </message>
    <message>
        <source>項目コード {code} は {other} でも使われています。評価票の中で重ならないコードにしてください</source>
        <translation>Item code {code} is also used at {other}. Codes must be unique in a form.</translation>
    </message>
    <message>
        <source>項目コード「{codes}」の書き方が正しくありません。C-18、C-19 のように「、」で区切って書いてください</source>
        <translation>The item codes 「{codes}」 are not written correctly. Separate them with 「、」, like C-18、C-19.</translation>
    </message>
    <message>
        <source>項目コード「{code}」の書き方が正しくありません。章の記号・ハイフン・番号で書いてください（例: C-18）</source>
        <translation>The item code 「{code}」 is not written correctly. Write the section letter, a hyphen and a number (e.g. C-18).</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>{file}: 署名が確認できないため入れません（署名: {status}）</source>
        <translation>{file}: not installed because its signature cannot be confirmed (signature: {status})</translation>
    </message>
    <message>
        <source>{form}: この評価票の {where} は編集用Excelでは正確に表せません。YAML のまま編集してください</source>
        <translation>{form}: the {where} of this form cannot be shown exactly in the editing workbook. Edit the YAML file instead.</translation>
    </message>
    <message>
        <source>{form}: 編集用Excelに正しく書き出せませんでした（{why}）</source>
        <translation>{form}: the editing workbook could not be written correctly ({why})</translation>
    </message>
    <message>
        <source>{fy}年度の評価票は {current} と定められています（この評価は {mine}）。下書きは「評価票の移行」（kanwa-review migrate）で移せます</source>
        <translation>The form for FY{fy} is {current} (this review uses {mine}). Drafts can be moved with &quot;Migrate to form&quot; (kanwa-review migrate).</translation>
    </message>
    <message>
        <source>{n} 件の回答を移しました。確認が必要な項目: {k} 件</source>
        <translation>Answers moved: {n}. Items to check: {k}</translation>
    </message>
    <message>
        <source>{p}: 改訂前の版 {form} {version} が見つからないため、対応表の旧項目は確かめていません（その版のファイルも一緒に指定してください）</source>
        <translation>{p}: the previous version {form} {version} was not found, so the old items of the revision map were not checked (give that version&apos;s file too).</translation>
    </message>
    <message>
        <source>{title} {version} — kanwa-review が {source} から作成（編集は元のExcelで行い、forms from-xlsx で作り直してください）</source>
        <translation>{title} {version} — made by kanwa-review from {source} (edit the original workbook and rebuild with forms from-xlsx)</translation>
    </message>
    <message>
        <source>この評価票（{mine}）には新しい版 {later} があります。下書きは「評価票の移行」（kanwa-review migrate）で移せます</source>
        <translation>This form ({mine}) has a newer version {later}. Drafts can be moved with &quot;Migrate to form&quot; (kanwa-review migrate).</translation>
    </message>
    <message>
        <source>すでにこの評価票です</source>
        <translation>Already on this form</translation>
    </message>
    <message>
        <source>修正版の下書きは、確定済みの前の版と同じ評価票のままにします</source>
        <translation>An amendment draft keeps the form of its finalised previous revision</translation>
    </message>
    <message>
        <source>版 {version} の評価票が複数あります（{ids}）。--form で評価票IDを指定してください</source>
        <translation>Several forms have version {version} ({ids}). Give the form ID with --form.</translation>
    </message>
    <message>
        <source>版 {version} の評価票はこのデータベースにありません。forms install で入れてください</source>
        <translation>No form of version {version} in this database. Install it with forms install.</translation>
    </message>
    <message>
        <source>確定済みの評価は移行しません。確定した版はその評価票のまま残ります</source>
        <translation>Finalised reviews are not migrated; a finalised revision keeps its form.</translation>
    </message>
    <message>
        <source>評価票 {old} と {new} は別の評価票で、対応表もないため移行できません</source>
        <translation>Forms {old} and {new} are different forms with no revision map, so the review cannot be migrated.</translation>
    </message>
</context>
<context>
    <name>importer</name>
    <message>
        <source>{folder}: .kanwa ファイルが {count:,} 個あります。一度に取り込めるのは {limit:,} 個までです。いくつかのフォルダに分けて、それぞれ取り込んでください</source>
        <translation>{folder}: the folder holds {count:,} packages; one run takes up to {limit:,}. Split them into several folders and import each.</translation>
    </message>
</context>
<context>
    <name>imports</name>
    <message>
        <source>{file}: 評価票 {id} 第{version}版 は、この拠点が持つ同じ名前・版の評価票と内容が違います（ファイル: {theirs}…、拠点: {ours}…）。質問文などが書き換えられた評価票を正式な評価票の名前で取り込むことはできません。チームに使った評価票を確認してもらってください</source>
        <translation>{file}: form {id} version {version} differs from the form of the same name and version held by this hub (file: {theirs}…, hub: {ours}…). A form with changed questions cannot be imported under the name of the official form. Ask the team to check which form they used.</translation>
    </message>
</context>
<context>
    <name>incidents</name>
    <message>
        <source>{file}: 予期しないエラーのため処理できませんでした（{kind}）。このファイルからは何も登録していません。詳細はエラーログ {log} に記録しました</source>
        <translation>{file}: could not be processed because of an unexpected error ({kind}). Nothing from this file was registered. The details are in the error log {log}.</translation>
    </message>
    <message>
        <source>{subject}: 予期しないエラーのため{what}に載せられませんでした（{kind}）。ほかの施設は出力しました。詳細はエラーログ {log} に記録しました</source>
        <translation>{subject}: could not be included in the {what} because of an unexpected error ({kind}). The other facilities were written. The details are in the error log {log}.</translation>
    </message>
    <message>
        <source>（ログに書けませんでした）</source>
        <translation>(could not be written to the log)</translation>
    </message>
</context>
<context>
    <name>odd_values</name>
    <message>
        <source>{facility}: {what} を表示できないため「—」または空欄にしました（値が大きすぎるか壊れています。レビューの内容を確認してください）</source>
        <translation>{facility}: the {what} cannot be shown, so it was left as &quot;—&quot; or empty (the value is too large or damaged; check the review).</translation>
    </message>
    <message>
        <source>指標 {code}</source>
        <translation>indicator {code}</translation>
    </message>
    <message>
        <source>達成率（{codes}）</source>
        <translation>score ({codes})</translation>
    </message>
    <message>
        <source>項目 {code} の値</source>
        <translation>value of item {code}</translation>
    </message>
</context>
<context>
    <name>package</name>
    <message>
        <source>Excel などの Office ファイルで、提出ファイル（.kanwa）ではありません。Excel評価票は「Excel評価票の取込」で取り込んでください</source>
        <translation>an Office file (e.g. an Excel workbook), not a submission package; import checklist workbooks with &apos;excel-import&apos;</translation>
    </message>
    <message>
        <source>JSON として読めません（{reason}）</source>
        <translation>not valid JSON ({reason})</translation>
    </message>
    <message>
        <source>JSON の入れ子が深すぎます</source>
        <translation>JSON nested too deeply</translation>
    </message>
    <message>
        <source>UTF-8 の文字として読めません（{byte} バイト目）</source>
        <translation>not UTF-8 text (byte {byte})</translation>
    </message>
    <message>
        <source>ZIP ファイルが途中で切れているか壊れています（{reason}。コピーやメール添付の途中で欠けた可能性）</source>
        <translation>the ZIP file is truncated or damaged ({reason}); it was probably cut short while copying or mailing</translation>
    </message>
    <message>
        <source>kanwa-review の提出ファイルではありません（format が kanwa-submission ではない）</source>
        <translation>not a kanwa-review submission package (format is not &apos;kanwa-submission&apos;)</translation>
    </message>
    <message>
        <source>{items} は前の回答により対象外の項目のため、その回答は取り込みません（アプリでは表示も集計もされない回答です）</source>
        <translation>{items} do not apply given the earlier answers, so their answers are not imported (the app neither shows nor counts them).</translation>
    </message>
    <message>
        <source>{member} がありません</source>
        <translation>{member} is missing</translation>
    </message>
    <message>
        <source>{member} の記載が不正です（重複または目録自身）</source>
        <translation>{member} is listed twice or is the manifest itself</translation>
    </message>
    <message>
        <source>{problem}。{fix}</source>
        <translation>{problem}. {fix}</translation>
    </message>
    <message>
        <source>{problem}（{detail}）</source>
        <translation>{problem} ({detail})</translation>
    </message>
    <message>
        <source>このファイルは新しい形式（第{version}版）で作られています。このアプリが読めるのは第{latest}版までです。取り込むには kanwa-review のアプリを更新してください</source>
        <translation>this package uses format version {version}; this app reads up to version {latest}. Update the app (kanwa-review) to import it</translation>
    </message>
    <message>
        <source>この形式にない項目があります</source>
        <translation>fields not in this format</translation>
    </message>
    <message>
        <source>ほかに {count} 件の形式の問題があります</source>
        <translation>{count} more schema problems</translation>
    </message>
    <message>
        <source>チーム: {count}（リーダー: {leader}）</source>
        <translation>Team: {count} (leader: {leader})</translation>
    </message>
    <message>
        <source>チームに kanwa-review から書き出し直して再送してもらってください</source>
        <translation>Ask the team to export it again from kanwa-review and resend it.</translation>
    </message>
    <message>
        <source>チームメンバーの記載が正しくありません（{detail}）</source>
        <translation>a team member is not written correctly ({detail})</translation>
    </message>
    <message>
        <source>ファイルが大きすぎます</source>
        <translation>the file is over the size limit</translation>
    </message>
    <message>
        <source>ファイルが大きすぎます（{size:,} バイト、上限 {limit:,}）。提出ファイルではない可能性があります</source>
        <translation>the file is {size:,} bytes; the limit is {limit:,}. It is probably not a submission file</translation>
    </message>
    <message>
        <source>ファイルが見つかりません。名前と場所を確認してください</source>
        <translation>file not found; check the name and folder</translation>
    </message>
    <message>
        <source>ファイルではありません（フォルダなど）。.kanwa ファイルを選んでください</source>
        <translation>not a regular file (a folder?); choose a .kanwa file</translation>
    </message>
    <message>
        <source>リーダーが2人以上います</source>
        <translation>the team has more than one leader</translation>
    </message>
    <message>
        <source>不明な形式の版です（format_version = {value}。このアプリが読めるのは {versions}）</source>
        <translation>unknown format version {value}; this app reads versions {versions}</translation>
    </message>
    <message>
        <source>中身が壊れています（{reason}。CRC 不一致など）</source>
        <translation>the member is damaged ({reason}; a CRC mismatch or the like)</translation>
    </message>
    <message>
        <source>中身のファイルが多すぎます（{count:,} 個、上限 {limit}）</source>
        <translation>{count:,} members in the ZIP; the limit is {limit}</translation>
    </message>
    <message>
        <source>件数が多すぎます</source>
        <translation>too many entries</translation>
    </message>
    <message>
        <source>件数が足りません</source>
        <translation>too few entries</translation>
    </message>
    <message>
        <source>作成: {at}（{app} {version}）</source>
        <translation>Created: {at} by {app} {version}</translation>
    </message>
    <message>
        <source>使えない値です</source>
        <translation>a value that cannot be used</translation>
    </message>
    <message>
        <source>値が大きすぎます</source>
        <translation>the value is too large</translation>
    </message>
    <message>
        <source>値が大きすぎます（{limit:,} 以下にしてください）</source>
        <translation>The value is too large (at most {limit:,})</translation>
    </message>
    <message>
        <source>値が小さすぎます</source>
        <translation>the value is too small</translation>
    </message>
    <message>
        <source>値が小さすぎます（{limit:,} 以上にしてください）</source>
        <translation>The value is too small (at least {limit:,})</translation>
    </message>
    <message>
        <source>値の型が違います</source>
        <translation>wrong type of value</translation>
    </message>
    <message>
        <source>値の形式が違います</source>
        <translation>the value is not in the expected form</translation>
    </message>
    <message>
        <source>元の版 {origin_revision} が、このレビューの第{revision}版より新しくなっています</source>
        <translation>origin revision {origin_revision} is after revision {revision} of this review</translation>
    </message>
    <message>
        <source>内容が目録のハッシュ値（SHA-256）と一致しません。ファイルが途中で変更されたか壊れています</source>
        <translation>the content does not match its SHA-256 in manifest.json: the file was altered or damaged after export</translation>
    </message>
    <message>
        <source>別の施設（{other}）の改善計画です（このファイルは {code}）</source>
        <translation>the action belongs to facility {other}, not {code}</translation>
    </message>
    <message>
        <source>同じ名前の中身が2つあります（重複）</source>
        <translation>the ZIP holds this member name twice (duplicate)</translation>
    </message>
    <message>
        <source>同じ改善計画（UUID）が2つあります</source>
        <translation>the same action uuid appears twice</translation>
    </message>
    <message>
        <source>同じ項目の回答が2つあります</source>
        <translation>a second answer for the same item</translation>
    </message>
    <message>
        <source>回答: {answers}、所見: {findings}</source>
        <translation>Answers: {answers}; findings: {findings}</translation>
    </message>
    <message>
        <source>回答が評価票の項目に合いません（評価の記号・値の種類など）（{detail}）</source>
        <translation>the answer does not fit the form&apos;s item (rating code, kind of value, …) ({detail})</translation>
    </message>
    <message>
        <source>圧縮率が異常です（{ratio}倍）。zip 爆弾の可能性があるため開きません</source>
        <translation>expands {ratio}×; refused as a possible zip bomb</translation>
    </message>
    <message>
        <source>安全でない、またはこの形式にない名前です（{reason}）</source>
        <translation>unsafe or unknown member name ({reason})</translation>
    </message>
    <message>
        <source>宣言されたサイズと実際のサイズが違います（読んだのは {read:,} バイト、宣言は {size:,} バイト）</source>
        <translation>{read:,} bytes read but {size:,} declared</translation>
    </message>
    <message>
        <source>宣言より大きく展開されます。zip 爆弾の可能性があるため読み込みを中止しました</source>
        <translation>expands beyond its declared size; reading was stopped (possible zip bomb)</translation>
    </message>
    <message>
        <source>対応していない圧縮方式です（{method}）</source>
        <translation>unsupported compression method {method}</translation>
    </message>
    <message>
        <source>対応する所見（{kind} の {position} 番目）が review.json にありません</source>
        <translation>no {kind} finding at position {position} in review.json</translation>
    </message>
    <message>
        <source>展開後のサイズが上限を超えます（{size:,} バイト、上限 {limit:,}）。zip 爆弾の可能性があるため開きません</source>
        <translation>declares {size:,} bytes uncompressed; the limit is {limit:,}. Refused as a possible zip bomb</translation>
    </message>
    <message>
        <source>展開後の合計サイズが上限を超えます（{total:,} バイト、上限 {limit:,}）</source>
        <translation>{total:,} bytes uncompressed in total; the limit is {limit:,}</translation>
    </message>
    <message>
        <source>年度 {given} が訪問日と合いません（{visit} は {expected}年度）</source>
        <translation>fiscal year {given} does not fit the visit date {visit} (FY{expected})</translation>
    </message>
    <message>
        <source>形式に合いません</source>
        <translation>does not fit the format</translation>
    </message>
    <message>
        <source>必要な項目がありません</source>
        <translation>a required field is missing</translation>
    </message>
    <message>
        <source>必須の回答・コメントが {count} 件不足したまま確定されています</source>
        <translation>The review is final although required answers or comments are missing: {count}</translation>
    </message>
    <message>
        <source>所見への対応は、このレビューで決めた改善計画にだけ書けます</source>
        <translation>a finding link is only allowed on actions agreed at this review</translation>
    </message>
    <message>
        <source>提出ファイル（.kanwa）ではありません（ZIP 形式ではない）。kanwa-review の「提出ファイルを書き出す」で作ったファイルを選んでください</source>
        <translation>not a submission file (.kanwa): it is not a ZIP file. Choose a file made with kanwa-review&apos;s &apos;export submission file&apos;</translation>
    </message>
    <message>
        <source>改善計画 {member} がありません（形式の第{version}版では必要です）</source>
        <translation>the improvement actions {member} are missing (required by format version {version})</translation>
    </message>
    <message>
        <source>改善計画: {count}（未完了 {open}）</source>
        <translation>Improvement actions: {count} ({open} open)</translation>
    </message>
    <message>
        <source>改善計画の施設・レビュー（{code}、{uuid}）が review.json と食い違っています</source>
        <translation>facility_code/review_uuid ({code}, {uuid}) differ from review.json</translation>
    </message>
    <message>
        <source>改善計画の記載が正しくありません（{detail}）</source>
        <translation>the improvement action is not written correctly ({detail})</translation>
    </message>
    <message>
        <source>文字数が多すぎます</source>
        <translation>too many characters</translation>
    </message>
    <message>
        <source>施設: {code} {name}{prefecture}</source>
        <translation>Facility: {code} {name}{prefecture}</translation>
    </message>
    <message>
        <source>日付として正しくありません（{value}）</source>
        <translation>{value} is not a valid date</translation>
    </message>
    <message>
        <source>暗号化されています（この版の形式では使いません）</source>
        <translation>the member is encrypted, which this format does not use</translation>
    </message>
    <message>
        <source>添付ファイル {count} 件はこの版では取り込まれません</source>
        <translation>Attachments not stored by this version: {count}</translation>
    </message>
    <message>
        <source>監査記録: {count}</source>
        <translation>Audit entries: {count}</translation>
    </message>
    <message>
        <source>監査記録にこの版の確定の記録がありません</source>
        <translation>The audit trail holds no finalisation entry for this revision</translation>
    </message>
    <message>
        <source>目録に記載された中身がありません</source>
        <translation>listed in manifest.json but missing</translation>
    </message>
    <message>
        <source>目録（manifest.json）と内容が食い違っています</source>
        <translation>differs from manifest.json</translation>
    </message>
    <message>
        <source>目録（manifest.json）に記載のない中身があります</source>
        <translation>the member is not listed in manifest.json</translation>
    </message>
    <message>
        <source>確定: {at}（{by}）</source>
        <translation>Finalised: {at} by {by}</translation>
    </message>
    <message>
        <source>空です</source>
        <translation>empty</translation>
    </message>
    <message>
        <source>空のファイルです（0 バイト）</source>
        <translation>the file is empty (0 bytes)</translation>
    </message>
    <message>
        <source>第1版の形式には {member} はありません（目録の format_version が誤っています）</source>
        <translation>format version 1 has no {member}; the manifest&apos;s format_version is wrong</translation>
    </message>
    <message>
        <source>訪問日: {visit}  {fiscal_year}年度</source>
        <translation>Visit date: {visit}  FY{fiscal_year}</translation>
    </message>
    <message>
        <source>訪問日が日付として正しくありません（{value}）</source>
        <translation>{value} is not a valid date</translation>
    </message>
    <message>
        <source>評価: {review} 第{revision}版</source>
        <translation>Review: {review} revision {revision}</translation>
    </message>
    <message>
        <source>評価票 {id} {version} にない項目コードがあります（{codes}）</source>
        <translation>item codes not in form {id} {version}: {codes}</translation>
    </message>
    <message>
        <source>評価票 {id} {version} にない項目コードです（{code}）</source>
        <translation>item {code} is not in form {id} {version}</translation>
    </message>
    <message>
        <source>評価票: {form} {version}（sha256 {sha256}…、項目 {items}）</source>
        <translation>Form: {form} {version} (sha256 {sha256}…, {items} items)</translation>
    </message>
    <message>
        <source>評価票が正規の形（canonical JSON）で書かれていません</source>
        <translation>form.json is not the canonical JSON of its form</translation>
    </message>
    <message>
        <source>評価票にない項目コードがあります（{codes}）</source>
        <translation>item codes not in the form: {codes}</translation>
    </message>
    <message>
        <source>評価票の ID・版（{id} {version}）が目録の記載（{listed_id} {listed_version}）と違います</source>
        <translation>the form is {id} {version}, the manifest says {listed_id} {listed_version}</translation>
    </message>
    <message>
        <source>評価票の内容が目録のハッシュ値と一致しません</source>
        <translation>the form&apos;s SHA-256 does not match the one in manifest.json</translation>
    </message>
    <message>
        <source>評価票の定義に誤りがあります（{detail}）</source>
        <translation>the form definition has an error ({detail})</translation>
    </message>
    <message>
        <source>評価票の形式ではありません</source>
        <translation>not a form definition</translation>
    </message>
    <message>
        <source>読み込めません（{reason}）。ローカルのフォルダにコピーしてやり直してください</source>
        <translation>cannot be read ({reason}); copy it to a local folder and try again</translation>
    </message>
</context>
<context>
    <name>package_format</name>
    <message>
        <source>「..」や「.」を含むパスです</source>
        <translation>path with &apos;..&apos; or &apos;.&apos; segments</translation>
    </message>
    <message>
        <source>この形式にない名前です（manifest.json, review.json, form.json, actions.json, signature.json, attachments/名前 のみ）</source>
        <translation>not a member of this format (only manifest.json, review.json, form.json, actions.json, signature.json, attachments/NAME)</translation>
    </message>
    <message>
        <source>ドライブ名（C: など）で始まります</source>
        <translation>starts with a drive letter (such as C:)</translation>
    </message>
    <message>
        <source>バックスラッシュ（\）を含みます</source>
        <translation>contains a backslash (\)</translation>
    </message>
    <message>
        <source>制御文字を含みます</source>
        <translation>contains control characters</translation>
    </message>
    <message>
        <source>名前が空か長すぎます</source>
        <translation>empty or over-long name</translation>
    </message>
    <message>
        <source>絶対パスです</source>
        <translation>absolute path</translation>
    </message>
</context>
<context>
    <name>pdca</name>
    <message>
        <source>1つの改善計画に関連付けられる項目は{limit}個までです</source>
        <translation>an action may concern at most {limit} items</translation>
    </message>
    <message>
        <source>{code}: 前回の評価にこの項目の回答がありません</source>
        <translation>{code}: the previous review has no answer for this item</translation>
    </message>
    <message>
        <source>{what}は{limit}文字以内で入力してください（{length}文字あります）</source>
        <translation>{what}: {length} characters; the limit is {limit}</translation>
    </message>
    <message>
        <source>{what}は文字で入力してください</source>
        <translation>{what} must be text</translation>
    </message>
    <message>
        <source>{what}を入力してください</source>
        <translation>{what} is required</translation>
    </message>
    <message>
        <source>この改善計画（{action}）は {at} に他の操作で更新されています（読み込んだのは {expected} の内容）。再読み込みしてから編集してください</source>
        <translation>This improvement action ({action}) was changed elsewhere at {at}, after the version you loaded ({expected}). Reload it, then edit.</translation>
    </message>
    <message>
        <source>フォローアップの訪問日は前回（{previous}）より後の日付にしてください</source>
        <translation>The follow-up visit must be after the previous one ({previous})</translation>
    </message>
    <message>
        <source>・</source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>完了</source>
        <translation>done</translation>
    </message>
    <message>
        <source>実施内容 (title)</source>
        <translation>the action (title)</translation>
    </message>
    <message>
        <source>所見 {finding} が見つかりません</source>
        <translation>Finding {finding} not found</translation>
    </message>
    <message>
        <source>所見 {finding} は評価 {review} のものではありません</source>
        <translation>Finding {finding} does not belong to review {review}</translation>
    </message>
    <message>
        <source>担当 (owner)</source>
        <translation>the owner (owner)</translation>
    </message>
    <message>
        <source>改善計画 {action} は {database} にありません</source>
        <translation>No improvement action {action} in {database}</translation>
    </message>
    <message>
        <source>改善計画 {action} は施設 {held} のもので、{code} のものではありません</source>
        <translation>Improvement action {action} belongs to facility {held}, not {code}</translation>
    </message>
    <message>
        <source>改善計画 {uuid}: origin_revision（版番号）は整数にしてください</source>
        <translation>action {uuid}: origin_revision (the revision number) must be a whole number</translation>
    </message>
    <message>
        <source>改善計画 {uuid}: 実施内容がありません</source>
        <translation>action {uuid}: the action (title) is missing</translation>
    </message>
    <message>
        <source>改善計画 {uuid}: 進捗の形式が正しくありません</source>
        <translation>action {uuid}: a progress note must be an object</translation>
    </message>
    <message>
        <source>改善計画に {key} という欄はありません</source>
        <translation>actions have no field {key}</translation>
    </message>
    <message>
        <source>改善計画の ID {uuid} が正しい UUID ではありません</source>
        <translation>the action id {uuid} is not a UUID</translation>
    </message>
    <message>
        <source>改善計画の形式が正しくありません</source>
        <translation>an action must be an object</translation>
    </message>
    <message>
        <source>施設 {code} には確定済みの評価がないため、フォローアップできません。通常の新規評価を開始してください</source>
        <translation>Facility {code} has no finalised review to follow up; start a new review instead.</translation>
    </message>
    <message>
        <source>施設コード {code} は登録されていません</source>
        <translation>Facility code {code} is not registered</translation>
    </message>
    <message>
        <source>日時 {value} が未来です。パソコンの時計を確認してください</source>
        <translation>the time {value} is in the future; check the computer&apos;s clock</translation>
    </message>
    <message>
        <source>日時 {value} は 2026-05-01T09:30:00+09:00 の形式で入力してください</source>
        <translation>write the time {value} as 2026-05-01T09:30:00+09:00 (ISO 8601)</translation>
    </message>
    <message>
        <source>日時 {value} は範囲外です</source>
        <translation>the time {value} is out of range</translation>
    </message>
    <message>
        <source>未着手</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>状況 {value} は {labels} のいずれかで入力してください（コードなら {codes}）</source>
        <translation>the status {value} must be one of {labels} (as codes: {codes})</translation>
    </message>
    <message>
        <source>状況を「{old}」から「{new}」に変更することはできません。変更できるのは {allowed} です</source>
        <translation>the status cannot change from &quot;{old}&quot; to &quot;{new}&quot;; it can change to {allowed}</translation>
    </message>
    <message>
        <source>目標期日 {value} は YYYY-MM-DD で入力してください</source>
        <translation>write the due date {value} as YYYY-MM-DD</translation>
    </message>
    <message>
        <source>良い点には改善計画を付けられません</source>
        <translation>A strength cannot have an improvement action</translation>
    </message>
    <message>
        <source>見送り</source>
        <translation>dropped</translation>
    </message>
    <message>
        <source>記入者 (author)</source>
        <translation>the author (author)</translation>
    </message>
    <message>
        <source>評価 {review} は施設 {held} のもので、{code} のものではありません</source>
        <translation>Review {review} is of facility {held}, not {code}</translation>
    </message>
    <message>
        <source>評価指標 (success measure)</source>
        <translation>the success measure</translation>
    </message>
    <message>
        <source>進捗メモ (note)</source>
        <translation>the progress note (note)</translation>
    </message>
    <message>
        <source>進行中</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>項目コード {codes} は B-3 の形式で入力してください</source>
        <translation>item codes {codes} must look like B-3</translation>
    </message>
    <message>
        <source>項目コード {codes} は評価票 {form} {version} にありません</source>
        <translation>Item codes {codes} are not in form {form} {version}</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <source>kanwa-review が書き出した Actions シートの見出しを変えずに記入してください</source>
        <translation>fill in the Actions sheet as exported, without renaming its headers</translation>
    </message>
    <message>
        <source>{path} › {place}.at: 日時が未来です。パソコンの時計を確かめてください</source>
        <translation>{path} › {place}.at: the time is in the future; check the clock.</translation>
    </message>
    <message>
        <source>{path} › {place}.uuid: この改善計画は施設 {held} のものです（ファイルは {code}）</source>
        <translation>{path} › {place}.uuid: the action belongs to facility {held}, the file to {code}</translation>
    </message>
    <message>
        <source>{path} › {place}.uuid: 改善計画 {action} はこのデータベースにありません。uuid は変更しないでください</source>
        <translation>{path} › {place}.uuid: action {action} is not held here; do not change uuids.</translation>
    </message>
    <message>
        <source>{path} › {place}: {problem}。`kanwa-review progress-export` で作ったファイルを使ってください</source>
        <translation>{path} › {place}: {problem}; use the file made by `kanwa-review progress-export`.</translation>
    </message>
    <message>
        <source>{path} › {sheet}!1行目: 見出し {headers} がありません。{fix}</source>
        <translation>{path} › {sheet}!row 1: the header row lacks {headers}. {fix}.</translation>
    </message>
    <message>
        <source>{path} › {sheet}: {limit:,} 行を超えています。ファイルを分けてください</source>
        <translation>{path} › {sheet}: more than {limit:,} rows; split the file.</translation>
    </message>
    <message>
        <source>{path} › {sheet}: これは都道府県向け集計表の改善計画シートで、進捗を記入する列がありません。施設ごとの進捗報告シート（kanwa-review progress-export --facility 施設コード -o 進捗.xlsx）に記入して取り込んでください</source>
        <translation>{path} › {sheet}: this is the improvement-action sheet of the prefectural return, which has no columns for progress. Fill in the facility&apos;s progress workbook (kanwa-review progress-export --facility CODE -o progress.xlsx) and import that.</translation>
    </message>
    <message>
        <source>{path}: Actions シートがありません（シート: {sheets}）。`kanwa-review progress-export -o ファイル.xlsx` で作った進捗報告シートを使ってください</source>
        <translation>{path}: the workbook has no Actions sheet (sheets: {sheets}). Use the progress workbook made by `kanwa-review progress-export -o FILE.xlsx`.</translation>
    </message>
    <message>
        <source>{path}: JSON（UTF-8）として読めません（{reason}）。`kanwa-review progress-export -o ファイル.json` で作ったファイルを使ってください</source>
        <translation>{path}: not valid JSON (UTF-8) ({reason}). Use the file made by `kanwa-review progress-export -o FILE.json`.</translation>
    </message>
    <message>
        <source>{path}: ファイルが大きすぎます（{size:,} バイト、上限 {limit:,}）</source>
        <translation>{path}: the file is too large ({size:,} bytes; the limit is {limit:,})</translation>
    </message>
    <message>
        <source>{path}: フォルダです。進捗ファイル（.xlsx か .json）を指定してください</source>
        <translation>{path}: this is a folder; give a progress file (.xlsx or .json).</translation>
    </message>
    <message>
        <source>{path}: 新しい形式（第{version}版）の進捗ファイルです。アプリを更新してください</source>
        <translation>{path}: a newer progress-file format (version {version}); update the app.</translation>
    </message>
    <message>
        <source>{path}: 読み込めません（{reason}）</source>
        <translation>{path}: cannot be read ({reason})</translation>
    </message>
    <message>
        <source>{path}: 進捗ファイルは .xlsx（Actions シート）か .json の進捗ファイルです</source>
        <translation>{path}: a progress file is an .xlsx workbook (Actions sheet) or a .json progress file.</translation>
    </message>
    <message>
        <source>{value} は使えません。次のいずれかにしてください: {allowed}</source>
        <translation>{value} is not one of the allowed values: {allowed}</translation>
    </message>
    <message>
        <source>この形式にない項目 {names} があります</source>
        <translation>Fields not in this format: {names}</translation>
    </message>
    <message>
        <source>値 {value} の形式が違います</source>
        <translation>The value {value} is not in the expected form</translation>
    </message>
    <message>
        <source>値の種類が違います（{expected} が必要です）</source>
        <translation>Wrong kind of value ({expected} expected)</translation>
    </message>
    <message>
        <source>形式に合いません（{rule}）</source>
        <translation>Does not fit the format ({rule})</translation>
    </message>
    <message>
        <source>必要な項目 {names} がありません</source>
        <translation>Required field missing: {names}</translation>
    </message>
    <message>
        <source>改善計画ID「{action}」はこのデータベースにありません。ID の列は変更しないでください（この拠点が書き出したシートを使います）</source>
        <translation>Improvement action ID 「{action}」 is not held here. Do not edit the ID column (use the sheet exported by this hub).</translation>
    </message>
    <message>
        <source>数式が入っていて、その結果を読み取れません（数式は取り込みません）。文字そのものを入力してください（= で始まる文字は先頭に &apos; を付けます）</source>
        <translation>The cell holds a formula whose result cannot be read (formulas are not imported). Type the text itself (text that starts with = needs a &apos; in front).</translation>
    </message>
    <message>
        <source>新しい状況か進捗メモを記入してください（または行を空にしてください）</source>
        <translation>Fill in a new status or a progress note (or clear the row).</translation>
    </message>
    <message>
        <source>施設コード {code} はこの改善計画の施設（{held}）と違います。施設の間で行を写さないでください</source>
        <translation>Facility {code} does not match the action&apos;s facility {held}. Do not copy rows between facilities.</translation>
    </message>
    <message>
        <source>日付 {value} が正しくありません</source>
        <translation>{value} is not a valid date</translation>
    </message>
    <message>
        <source>日時 {value} は 2026-02-01 または 2026-02-01T09:30:00+09:00 の形式で入力してください</source>
        <translation>Write the date {value} like 2026-02-01 (or 2026-02-01T09:30:00+09:00)</translation>
    </message>
    <message>
        <source>日時 {value} は 2026-02-01T09:30:00+09:00 の形式（ISO 8601）で入力してください</source>
        <translation>The timestamp {value} must be ISO 8601, like 2026-02-01T09:30:00+09:00</translation>
    </message>
    <message>
        <source>状況「{status}」は 未着手・進行中・完了・見送り のいずれかにしてください（一覧から選びます）</source>
        <translation>Status 「{status}」 must be one of 未着手 (not started), 進行中 (in progress), 完了 (done), 見送り (deferred); choose from the list.</translation>
    </message>
    <message>
        <source>進捗メモは {limit:,} 文字以内にしてください</source>
        <translation>The note is over {limit:,} characters; shorten it.</translation>
    </message>
    <message>
        <source>進捗日「{date}」が日付ではありません。2026-02-01 のように入力してください</source>
        <translation>The progress date 「{date}」 is not a date; enter it like 2026-02-01.</translation>
    </message>
    <message>
        <source>進捗日が未来の日付です。確かめてください</source>
        <translation>The progress date is in the future; check it.</translation>
    </message>
    <message>
        <source>進捗日は {low} 年から {high} 年までの日付にしてください</source>
        <translation>The progress date must be from the year {low} to {high}</translation>
    </message>
    <message>
        <source>進捗日を記入してください（例: 2026-02-01。その日の状況として記録します）</source>
        <translation>Enter the date of this progress report (e.g. 2026-02-01); it is recorded as the state on that day.</translation>
    </message>
    <message>
        <source>（{low} 年から {high} 年までの日付、時差は ±14:00 まで）</source>
        <translation>(a date from the year {low} to {high}; UTC offset within ±14:00)</translation>
    </message>
</context>
<context>
    <name>progress_files</name>
    <message>
        <source>{count} 件の報告は、より新しい記録があるため取り込みませんでした</source>
        <translation>Reports older than the data held, skipped: {count}</translation>
    </message>
    <message>
        <source>{file}: データベースに書き込めませんでした（何も変更されていません）: {reason}</source>
        <translation>{file}: the database could not be written; nothing was changed: {reason}</translation>
    </message>
    <message>
        <source>{file}: 出力ファイルは .json（進捗ファイル）か .xlsx（進捗報告シート）にしてください</source>
        <translation>{file}: the output must end in .json (progress file) or .xlsx (progress workbook)</translation>
    </message>
    <message>
        <source>{folder}: 保存先のフォルダがありません</source>
        <translation>{folder}: the folder does not exist</translation>
    </message>
    <message>
        <source>{place}: {action}（{date}）— より新しい記録があるため取り込みません（改善計画がその後に更新されています）</source>
        <translation>{place}: {action} ({date}) — stale, skipped: the action was updated later</translation>
    </message>
    <message>
        <source>施設コード {code} は登録されていません。`kanwa-review list` で確認してください</source>
        <translation>Facility code {code} is not registered; check it with `kanwa-review list`.</translation>
    </message>
    <message>
        <source>記入された進捗がありません</source>
        <translation>No progress was filled in</translation>
    </message>
</context>
<context>
    <name>qi</name>
    <message>
        <source>分子が分母より大きくなっています</source>
        <translation>the numerator is greater than the denominator</translation>
    </message>
    <message>
        <source>分母が0です</source>
        <translation>the denominator is zero</translation>
    </message>
    <message>
        <source>期間が未記入です</source>
        <translation>the period is missing</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>{due}: 資料の提出期限は訪問日 {visit} までの日付にしてください</source>
        <translation>{due}: the deadline for the documents must be on or before the visit date {visit}</translation>
    </message>
    <message>
        <source>{year}年度の確定済みの評価がありません。評価を確定するか、別の年度を指定してください</source>
        <translation>No finalised review in FY{year}. Finalise a review or choose another fiscal year.</translation>
    </message>
    <message>
        <source>全施設の報告書</source>
        <translation>reports of all facilities</translation>
    </message>
    <message>
        <source>確定済みの評価がありません。評価を確定してから作成してください</source>
        <translation>No finalised review. Finalise a review first.</translation>
    </message>
    <message>
        <source>評価 {review} は {database} にありません。`kanwa-review list --db …` で UUID を確認してください</source>
        <translation>No review {review} in {database}. Check the UUID with `kanwa-review list --db …`.</translation>
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
    <name>returns</name>
    <message>
        <source>Excel集計表</source>
        <translation>Excel return</translation>
    </message>
    <message>
        <source>改善計画の一覧</source>
        <translation>list of improvement actions</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>{code} コメント</source>
        <translation>{code} comment</translation>
    </message>
    <message>
        <source>{code} 期間</source>
        <translation>{code} period</translation>
    </message>
    <message>
        <source>{code} 確認した資料・根拠</source>
        <translation>{code} evidence</translation>
    </message>
    <message>
        <source>{code}: {key}は {limit:,} 以下にしてください</source>
        <translation>{code}: the {key} must be at most {limit:,}</translation>
    </message>
    <message>
        <source>{code}: {key}は0以上の整数で入力してください</source>
        <translation>{code}: the {key} must be a whole number ≥ 0</translation>
    </message>
    <message>
        <source>{code}: {low} から {high} までの日付を入力してください</source>
        <translation>{code}: enter a date from {low} to {high}</translation>
    </message>
    <message>
        <source>{code}: {value} は最大値 {max} を超えています。{max} 以下を入力してください</source>
        <translation>{code}: {value} is above the maximum {max}; enter at most {max}</translation>
    </message>
    <message>
        <source>{code}: {value} は最小値 {min} を下回っています。{min} 以上を入力してください</source>
        <translation>{code}: {value} is below the minimum {min}; enter at least {min}</translation>
    </message>
    <message>
        <source>{code}: {value} は選択肢にありません。{choices} から選んでください</source>
        <translation>{code}: {value} is not one of {choices}</translation>
    </message>
    <message>
        <source>{code}: {what}の記号 {value} は使えません。{codes} から選んでください</source>
        <translation>{code}: {what} {value} is not one of {codes}</translation>
    </message>
    <message>
        <source>{code}: 「{label}」はほかの選択肢と同時には選べません。「{label}」だけを選ぶか、「{label}」を外してください</source>
        <translation>{code}: “{label}” cannot be chosen together with other choices. Choose only “{label}”, or clear it</translation>
    </message>
    <message>
        <source>{code}: 「はい」か「いいえ」で回答してください</source>
        <translation>{code}: answer yes or no</translation>
    </message>
    <message>
        <source>{code}: 「未集計」のときは分子・分母を入力しません。どちらかにしてください</source>
        <translation>{code}: “not collected” takes no numerator or denominator. Choose one or the other</translation>
    </message>
    <message>
        <source>{code}: この種類の項目（{type}）には回答できません</source>
        <translation>{code}: unknown item type {type}</translation>
    </message>
    <message>
        <source>{code}: この項目には自己評価がありません</source>
        <translation>{code}: this item has no self-assessment</translation>
    </message>
    <message>
        <source>{code}: この項目は「未集計」にできません。分子と分母を入力してください</source>
        <translation>{code}: this item cannot be “not collected”. Enter the numerator and the denominator</translation>
    </message>
    <message>
        <source>{code}: この項目は評価の記号で回答します。値は入力できません</source>
        <translation>{code}: a rating item takes ratings, not a value</translation>
    </message>
    <message>
        <source>{code}: 値が大きすぎます。{limit:,} 以内の数値を入力してください</source>
        <translation>{code}: the value is too large. Enter a number up to {limit:,}.</translation>
    </message>
    <message>
        <source>{code}: 分子と分母を入力してください</source>
        <translation>{code}: give numerator and denominator</translation>
    </message>
    <message>
        <source>{code}: 分子（{numerator}）が分母（{denominator}）より大きくなっています。数値を確認してください</source>
        <translation>{code}: the numerator ({numerator}) exceeds the denominator ({denominator}); check the figures</translation>
    </message>
    <message>
        <source>{code}: 数値を入力してください</source>
        <translation>{code}: enter a number</translation>
    </message>
    <message>
        <source>{code}: 整数を入力してください</source>
        <translation>{code}: enter a whole number</translation>
    </message>
    <message>
        <source>{code}: 日付は 2026-05-01 のように YYYY-MM-DD の形式で入力してください</source>
        <translation>{code}: a date must be YYYY-MM-DD, e.g. 2026-05-01</translation>
    </message>
    <message>
        <source>{code}: 期間は100文字以内で入力してください</source>
        <translation>{code}: the period is too long (100 characters at most)</translation>
    </message>
    <message>
        <source>{code}: 評価の記号を付けられるのは評価項目だけです</source>
        <translation>{code}: only rating items take ratings</translation>
    </message>
    <message>
        <source>{code}: 評価票 {form} {version} にこの項目はありません</source>
        <translation>{code}: no such item in form {form} {version}</translation>
    </message>
    <message>
        <source>{code}: 選択肢 {choices} から選んでください</source>
        <translation>{code}: choose from {choices}</translation>
    </message>
    <message>
        <source>{what}: {count}文字あります。{limit}文字以内にしてください</source>
        <translation>{what}: {count} characters; the limit is {limit}</translation>
    </message>
    <message>
        <source>{what}: 文字で入力してください</source>
        <translation>{what}: enter text</translation>
    </message>
    <message>
        <source>分子</source>
        <translation>numerator</translation>
    </message>
    <message>
        <source>分母</source>
        <translation>denominator</translation>
    </message>
    <message>
        <source>役割 {role} は使えません。{allowed} のいずれかを指定してください</source>
        <translation>Unknown team role {role}; use one of {allowed}</translation>
    </message>
    <message>
        <source>職種 {profession} は使えません。{allowed} のいずれかを指定してください</source>
        <translation>Unknown profession {profession}; use one of {allowed}</translation>
    </message>
    <message>
        <source>自己評価</source>
        <translation>self-assessment</translation>
    </message>
    <message>
        <source>評価</source>
        <translation>rating</translation>
    </message>
    <message>
        <source>評価チームのメンバーの氏名を入力してください</source>
        <translation>A team member needs a name</translation>
    </message>
</context>
<context>
    <name>reviews</name>
    <message>
        <source>{date} は訪問日 {visit} より前です。訪問日以降の日付にしてください</source>
        <translation>{date} is before the visit date {visit}. Use a date on or after the visit.</translation>
    </message>
</context>
<context>
    <name>revisions</name>
    <message>
        <source>carry: lowest は評価項目どうしにだけ使えます（{code} は {type} の項目です）</source>
        <translation>carry: lowest works only between rating items ({code} is a {type} item)</translation>
    </message>
    <message>
        <source>carry: lowest（低い方の評価）は評価項目にだけ使えます。{code} は {type} の項目です。carry: empty にしてください</source>
        <translation>carry: lowest (the lower rating) works only for rating items; {code} is a {type} item. Use carry: empty.</translation>
    </message>
    <message>
        <source>dropped は from 1個以上で、to はありません</source>
        <translation>dropped has one or more from and no to</translation>
    </message>
    <message>
        <source>from の項目 {code} は {form} {version} にありません</source>
        <translation>The from item {code} is not in {form} {version}</translation>
    </message>
    <message>
        <source>merged は from 2個以上・to 1個です</source>
        <translation>merged has two or more from and one to</translation>
    </message>
    <message>
        <source>new は to 1個以上で、from はありません</source>
        <translation>new has one or more to and no from</translation>
    </message>
    <message>
        <source>not_comparable の章 {code} はこの評価票にありません</source>
        <translation>The not_comparable section {code} is not in this form</translation>
    </message>
    <message>
        <source>renamed は from 1個・to 1個（別のコード）です</source>
        <translation>renamed has one from and one to (a different code)</translation>
    </message>
    <message>
        <source>renamed（改名）は別のコードへの変更です。同じコードで内容が変わったときは kind: revised にしてください</source>
        <translation>renamed is a change to another code. When the content changed under the same code, use kind: revised.</translation>
    </message>
    <message>
        <source>replaces は、この評価票が改訂する前の版を指してください（自分自身の版は指せません）</source>
        <translation>replaces must name the version this form revises (not its own version)</translation>
    </message>
    <message>
        <source>revised は from 1個・to 1個（同じコード）です</source>
        <translation>revised has one from and one to (the same code)</translation>
    </message>
    <message>
        <source>revised（改訂）は同じコードの項目です。コードが変わるときは kind: renamed にしてください</source>
        <translation>revised keeps the same code. When the code changes, use kind: renamed.</translation>
    </message>
    <message>
        <source>split は from 1個・to 2個以上です</source>
        <translation>split has one from and two or more to</translation>
    </message>
    <message>
        <source>to の項目 {code} はこの評価票にありません。項目コードを確かめてください</source>
        <translation>The to item {code} is not in this form. Check the item code.</translation>
    </message>
    <message>
        <source>{code} は {kind} とされていますが、この評価票にまだあります。廃止したコードは再利用しないでください</source>
        <translation>{code} is marked {kind} but is still in this form. Do not reuse a retired code.</translation>
    </message>
    <message>
        <source>{code} は {version} にありましたが、この版にはなく、対応表にもありません。dropped・renamed・split・merged のどれかに書いてください</source>
        <translation>{code} was in {version} but is neither in this version nor in the revision map. List it as dropped, renamed, split or merged.</translation>
    </message>
    <message>
        <source>{code} は {version} になかった項目です。対応表に kind: new （または引き継ぎ元）を書いてください</source>
        <translation>{code} was not in {version}. Add it to the revision map as kind: new (or name where its answers come from).</translation>
    </message>
    <message>
        <source>{code} は {version} にもある項目です。new ではなく、内容が変わったなら revised にしてください</source>
        <translation>{code} is also in {version}. It is not new; if its content changed, use revised.</translation>
    </message>
    <message>
        <source>{kind} には carry: {carry} は使えません。使えるのは {allowed} です（省略すると {default}）</source>
        <translation>{kind} cannot use carry: {carry}. Allowed: {allowed} (default {default}).</translation>
    </message>
    <message>
        <source>{kind} の項目数が合いません（from {nf} 個・to {nt} 個）。{rule}</source>
        <translation>{kind} has the wrong number of items (from {nf}, to {nt}). {rule}</translation>
    </message>
    <message>
        <source>{old} の回答（{otype}）は {new}（{ntype}）にそのまま写せません。carry: empty にしてください</source>
        <translation>The answer of {old} ({otype}) cannot be copied to {new} ({ntype}) as it is. Use carry: empty.</translation>
    </message>
    <message>
        <source>{old} の評価の記号が {new} の評価尺度にありません。carry: empty にしてください</source>
        <translation>The rating codes of {old} are not in the rating scale of {new}. Use carry: empty.</translation>
    </message>
    <message>
        <source>{side} に {codes} が2回あります</source>
        <translation>{codes} appears twice in {side}</translation>
    </message>
    <message>
        <source>評価票が異なるため比較なし</source>
        <translation>not compared: different forms</translation>
    </message>
    <message>
        <source>評価票改訂のため比較なし</source>
        <translation>not compared: the form was revised</translation>
    </message>
    <message>
        <source>項目 {code} は対応表の {other} 行目ですでに引き継ぎ先になっています。1つの項目の回答の出どころは1つにしてください</source>
        <translation>Item {code} already receives answers in row {other} of the revision map. An item&apos;s answers may come from one place only.</translation>
    </message>
    <message>
        <source>項目コード {codes} の書き方が正しくありません（例: C-10）</source>
        <translation>The item codes {codes} are not written correctly (example: C-10)</translation>
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
    <name>services</name>
    <message>
        <source>{codes}: このデータベース（{file}）はデモ用で、架空の病院だけを入れます。実在の施設の登録や取り込みはできません。ファイル ▸ 新規 で自分のデータベースファイルを作り、そこで登録・取り込みしてください（コマンドでは --db で自分のファイルを指定）</source>
        <translation>{codes}: this database ({file}) is the demo and holds invented hospitals only. Real facilities cannot be registered or imported into it. Create a database file of your own with File ▸ New and register or import there (on the command line, name your own file with --db)</translation>
    </message>
    <message>
        <source>この評価は確定済みのため変更できません。変更するには「修正版を作成」して新しい版を作ってください</source>
        <translation>A finalised review cannot be changed. To change it, use &quot;Amend&quot; to create a new revision.</translation>
    </message>
    <message>
        <source>変更履歴（監査記録）は変更できません</source>
        <translation>The audit trail cannot be changed.</translation>
    </message>
    <message>
        <source>必須の回答またはコメントが {count} 件未記入です</source>
        <translation>Required answers or comments missing: {count}</translation>
    </message>
    <message>
        <source>評価 {review} の第{revision}版は確定済みのため変更できません。「修正版を作成」で次の版を作ってください</source>
        <translation>Revision {revision} of review {review} is final and cannot be changed. Use &quot;Amend&quot; to make the next revision.</translation>
    </message>
    <message>
        <source>評価 {review} は {database} にありません</source>
        <translation>No review {review} in {database}</translation>
    </message>
</context>
<context>
    <name>session</name>
    <message>
        <source>{path}: データベースを新しい形式に更新しました（形式 {version} → {latest}）。更新前のバックアップ: {backup}</source>
        <translation>{path}: the database was upgraded to the current schema ({version} → {latest}). A copy of the file before the upgrade: {backup}</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>{field}: {limit}文字以内にしてください</source>
        <translation>{field}: at most {limit} characters</translation>
    </message>
    <message>
        <source>{field}: 文字で入力してください</source>
        <translation>{field}: enter text</translation>
    </message>
    <message>
        <source>設定 {field} はありません。{known} のいずれかです</source>
        <translation>There is no setting {field}. Settings: {known}</translation>
    </message>
</context>
<context>
    <name>shortcuts</name>
    <message>
        <source>Excelから評価票を作成</source>
        <translation>Create a form from an Excel workbook</translation>
    </message>
    <message>
        <source>Excelから評価票を作成(&amp;W)…</source>
        <translation>Form from &amp;workbook…</translation>
    </message>
    <message>
        <source>Excel評価票の取込(&amp;W)…</source>
        <translation>Import checklist &amp;workbooks…</translation>
    </message>
    <message>
        <source>Excel評価票を取り込む</source>
        <translation>Import filled-in checklist workbooks (Excel)</translation>
    </message>
    <message>
        <source>Excel集計表を出力</source>
        <translation>Write the Excel summary</translation>
    </message>
    <message>
        <source>Excel集計表を出力(&amp;X)…</source>
        <translation>E&amp;xcel summary…</translation>
    </message>
    <message>
        <source>kanwa-review について(&amp;A)</source>
        <translation>&amp;About kanwa-review</translation>
    </message>
    <message>
        <source>n 番目の選択肢（選択の項目）</source>
        <translation>the n-th choice (choice items)</translation>
    </message>
    <message>
        <source>このアプリについて</source>
        <translation>About this app</translation>
    </message>
    <message>
        <source>はい / いいえ（はい・いいえの項目）</source>
        <translation>yes / no (yes/no items)</translation>
    </message>
    <message>
        <source>やり直し</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>やり直し(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>キー</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>キーボード操作(&amp;K)</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>キーボード操作の一覧</source>
        <translation>List of keyboard shortcuts</translation>
    </message>
    <message>
        <source>キー操作の一覧を A4 1 枚の PDF にする（チームで印刷して使えます）</source>
        <translation>Make the list of keys a one-page A4 PDF (to print for the team)</translation>
    </message>
    <message>
        <source>キー操作の早見表 (PDF)(&amp;Q)…</source>
        <translation>&amp;Quick Reference (PDF)…</translation>
    </message>
    <message>
        <source>ダッシュボード(&amp;D)…</source>
        <translation>&amp;Dashboard…</translation>
    </message>
    <message>
        <source>ダッシュボード・施設の経過のウィンドウを閉じる</source>
        <translation>Close the dashboard or facility history window</translation>
    </message>
    <message>
        <source>ダッシュボード（施設×セクションの達成率）</source>
        <translation>Dashboard (achievement by facility and section)</translation>
    </message>
    <message>
        <source>チェックリスト</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>チェックリスト / 所見 / 変更履歴 のタブへ</source>
        <translation>To the Checklist / Findings / Change history tab</translation>
    </message>
    <message>
        <source>ツール(&amp;O)</source>
        <translation>T&amp;ools</translation>
    </message>
    <message>
        <source>デモを見る(&amp;D)</source>
        <translation>Look at the &amp;demo</translation>
    </message>
    <message>
        <source>デモデータ（架空の病院）を見る</source>
        <translation>Look at the demo data (invented hospitals)</translation>
    </message>
    <message>
        <source>データの保存場所</source>
        <translation>Where the data is kept</translation>
    </message>
    <message>
        <source>データの保存場所(&amp;L)</source>
        <translation>Data &amp;location</translation>
    </message>
    <message>
        <source>データベースファイルを開く</source>
        <translation>Open a database file</translation>
    </message>
    <message>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>フォローアップとして複製</source>
        <translation>Copy as follow-up</translation>
    </message>
    <message>
        <source>フォローアップとして複製(&amp;U)…</source>
        <translation>Copy as follow-&amp;up…</translation>
    </message>
    <message>
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>ホーム</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>ホームへ戻る</source>
        <translation>Back to home</translation>
    </message>
    <message>
        <source>ホームへ戻る(&amp;H)</source>
        <translation>Back to &amp;home</translation>
    </message>
    <message>
        <source>メニュー</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>レビュー</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>レビュー(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <source>レビューを開始</source>
        <translation>Start review</translation>
    </message>
    <message>
        <source>レビューを開始(&amp;S)…</source>
        <translation>&amp;Start review…</translation>
    </message>
    <message>
        <source>下書きを削除(&amp;D)…</source>
        <translation>&amp;Delete draft…</translation>
    </message>
    <message>
        <source>下書きを新しい評価票に移す</source>
        <translation>Move drafts to a new form</translation>
    </message>
    <message>
        <source>下書きを新しい評価票に移す(&amp;M)…</source>
        <translation>&amp;Move drafts to a new form…</translation>
    </message>
    <message>
        <source>事前提出資料の依頼状(&amp;Q)…</source>
        <translation>Re&amp;quest letter for documents…</translation>
    </message>
    <message>
        <source>事前提出資料の依頼状（PDF）を作る</source>
        <translation>Make the request letter for documents before the visit (PDF)</translation>
    </message>
    <message>
        <source>作成した報告書PDFを開く（入・切）</source>
        <translation>Open the report PDF once it is made (on / off)</translation>
    </message>
    <message>
        <source>使い方ガイド(&amp;G)</source>
        <translation>User &amp;Guide</translation>
    </message>
    <message>
        <source>保存したPDFを開く(&amp;F)</source>
        <translation>Open the PDF after savin&amp;g</translation>
    </message>
    <message>
        <source>信頼リストと署名(&amp;S)…</source>
        <translation>Trust list and &amp;signatures…</translation>
    </message>
    <message>
        <source>信頼リストと署名（信頼する公開鍵・署名の要求・暗号化の鍵）</source>
        <translation>Trust list and signatures (trusted public keys, required signatures, encryption key)</translation>
    </message>
    <message>
        <source>修正版を作成</source>
        <translation>Create amendment</translation>
    </message>
    <message>
        <source>修正版を作成(&amp;M)…</source>
        <translation>Create a&amp;mendment…</translation>
    </message>
    <message>
        <source>元に戻す(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>元に戻す（入力した文字も）</source>
        <translation>Undo (typed text too)</translation>
    </message>
    <message>
        <source>入力欄から項目の一覧へ戻る（どの入力欄からでも）</source>
        <translation>From an input field back to the item list (from any input field)</translation>
    </message>
    <message>
        <source>全体</source>
        <translation>Everywhere</translation>
    </message>
    <message>
        <source>全施設の報告書</source>
        <translation>Reports of all facilities</translation>
    </message>
    <message>
        <source>全施設の報告書(&amp;A)…</source>
        <translation>Reports of &amp;all facilities…</translation>
    </message>
    <message>
        <source>再集計（ダッシュボード）</source>
        <translation>Recalculate (dashboard)</translation>
    </message>
    <message>
        <source>利用者の設定(&amp;P)…</source>
        <translation>User &amp;profile…</translation>
    </message>
    <message>
        <source>利用者の設定（変更履歴に記録する氏名・職種・所属）</source>
        <translation>User profile (the name, profession and hospital the change history records)</translation>
    </message>
    <message>
        <source>前回の訪問の評価（値）を採用（フォローアップ）</source>
        <translation>Take the rating (value) of the previous visit (follow-up)</translation>
    </message>
    <message>
        <source>印刷プレビュー・印刷</source>
        <translation>Print preview and print</translation>
    </message>
    <message>
        <source>印刷プレビュー・印刷(&amp;V)…</source>
        <translation>Print pre&amp;view and print…</translation>
    </message>
    <message>
        <source>取り込む(&amp;I)…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>同梱の使い方ガイドをブラウザで開く</source>
        <translation>Open the bundled user guide in the browser</translation>
    </message>
    <message>
        <source>報告書PDFを作成</source>
        <translation>Create the report PDF</translation>
    </message>
    <message>
        <source>報告書PDFを作成(&amp;P)…</source>
        <translation>Report &amp;PDF…</translation>
    </message>
    <message>
        <source>報告書の設定(&amp;R)…</source>
        <translation>&amp;Report settings…</translation>
    </message>
    <message>
        <source>報告書の設定（発行者・取扱注意・配布先）</source>
        <translation>Report settings (issuer, handling note, distribution)</translation>
    </message>
    <message>
        <source>場面</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>年度ごとに使う評価票を定める</source>
        <translation>Choose the form used for each fiscal year</translation>
    </message>
    <message>
        <source>年度ごとの評価票(&amp;Y)…</source>
        <translation>Forms by fiscal &amp;year…</translation>
    </message>
    <message>
        <source>所見</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>所見に追加（改善が望まれる点・良い点・提言）</source>
        <translation>Add to findings (area for improvement, strength, recommendation)</translation>
    </message>
    <message>
        <source>所見を上 / 下へ移動</source>
        <translation>Move a finding up / down</translation>
    </message>
    <message>
        <source>所見を削除（一覧で、確認あり）</source>
        <translation>Delete a finding (in the list, asks first)</translation>
    </message>
    <message>
        <source>所見を追加（一覧で）</source>
        <translation>Add a finding (in the list)</translation>
    </message>
    <message>
        <source>提出ファイルを書き出す(&amp;E)…</source>
        <translation>&amp;Export submission file…</translation>
    </message>
    <message>
        <source>提出ファイルを書き出す（確定済みのレビュー）</source>
        <translation>Export the submission file (a finalised review)</translation>
    </message>
    <message>
        <source>提出ファイル（.kanwa）を取り込む</source>
        <translation>Import submission files (.kanwa)</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>What it does</translation>
    </message>
    <message>
        <source>新しいデータベースファイルを作る</source>
        <translation>Create a new database file</translation>
    </message>
    <message>
        <source>新規(&amp;N)…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <source>施設の経過(&amp;Y)…</source>
        <translation>Facility histor&amp;y…</translation>
    </message>
    <message>
        <source>施設の経過（達成率の推移・改善計画・QI）</source>
        <translation>Facility history (achievement over time, improvement actions, QIs)</translation>
    </message>
    <message>
        <source>施設を登録</source>
        <translation>Register facility</translation>
    </message>
    <message>
        <source>施設を登録(&amp;A)…</source>
        <translation>Register f&amp;acility…</translation>
    </message>
    <message>
        <source>施設マスタを取り込む</source>
        <translation>Import the facility master</translation>
    </message>
    <message>
        <source>施設マスタ取込(&amp;M)…</source>
        <translation>Import facility &amp;master…</translation>
    </message>
    <message>
        <source>日付欄で 1 日ずつ動かす（空なら今日）</source>
        <translation>In a date field: one day on / back (today when empty)</translation>
    </message>
    <message>
        <source>最新の情報に更新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>最新の情報に更新(&amp;L)</source>
        <translation>Re&amp;fresh</translation>
    </message>
    <message>
        <source>最近使ったデータベースファイルを開く</source>
        <translation>Open a recently used database file</translation>
    </message>
    <message>
        <source>最近使ったファイル(&amp;R)</source>
        <translation>&amp;Recent files</translation>
    </message>
    <message>
        <source>本文から一覧へ戻る</source>
        <translation>From the text back to the list</translation>
    </message>
    <message>
        <source>検索(&amp;F)…</source>
        <translation>&amp;Search…</translation>
    </message>
    <message>
        <source>検索（ホームの一覧・チェックリスト）</source>
        <translation>Search (the home list, the checklist)</translation>
    </message>
    <message>
        <source>次 / 前の大項目の最初の項目へ</source>
        <translation>To the first item of the next / previous section</translation>
    </message>
    <message>
        <source>次の項目へ（Shift で前の項目へ）</source>
        <translation>Next item (with Shift: previous item)</translation>
    </message>
    <message>
        <source>確定(&amp;K)…</source>
        <translation>&amp;Finalise…</translation>
    </message>
    <message>
        <source>確定（必須項目を確認し、リーダーの署名で確定）</source>
        <translation>Finalise (check the required items, finalise with the leader&apos;s signature)</translation>
    </message>
    <message>
        <source>移行で確認が必要な項目(&amp;C)…</source>
        <translation>Items to &amp;check after migration…</translation>
    </message>
    <message>
        <source>空の評価票(Excel)を作成(&amp;T)…</source>
        <translation>Blank checklis&amp;t workbook (Excel)…</translation>
    </message>
    <message>
        <source>空の評価票（Excel）を作成</source>
        <translation>Create a blank checklist workbook (Excel)</translation>
    </message>
    <message>
        <source>終了</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>終了(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>編集(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>署名と暗号化に使う鍵を設定</source>
        <translation>Set the keys for signing and encryption</translation>
    </message>
    <message>
        <source>署名と暗号化の鍵(&amp;S)…</source>
        <translation>&amp;Signing and encryption keys…</translation>
    </message>
    <message>
        <source>署名・暗号化の鍵を作成</source>
        <translation>Create a key for signing and encryption</translation>
    </message>
    <message>
        <source>自己評価を付ける</source>
        <translation>Enter the self-assessment</translation>
    </message>
    <message>
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>表示の言語（次の起動から）</source>
        <translation>The display language (from the next start)</translation>
    </message>
    <message>
        <source>言語(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>評価を付ける（尺度の順に A〜D）</source>
        <translation>Rate (A–D in the order of the scale)</translation>
    </message>
    <message>
        <source>評価・回答を取り消す</source>
        <translation>Clear the rating or answer</translation>
    </message>
    <message>
        <source>評価票の移行で確認が必要な項目</source>
        <translation>Items to check after a form migration</translation>
    </message>
    <message>
        <source>評価票を取り込む(&amp;I)…</source>
        <translation>&amp;Install a form…</translation>
    </message>
    <message>
        <source>評価票を編集用Excelに書き出す</source>
        <translation>Export a form as an editing workbook (Excel)</translation>
    </message>
    <message>
        <source>評価票を編集用Excelに書き出す(&amp;E)…</source>
        <translation>&amp;Export form as editing workbook…</translation>
    </message>
    <message>
        <source>評価票ファイルを取り込む</source>
        <translation>Install a form file</translation>
    </message>
    <message>
        <source>該当なし（N/A）</source>
        <translation>Not applicable (N/A)</translation>
    </message>
    <message>
        <source>進捗を取り込む</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <source>進捗を取り込む(&amp;I)…</source>
        <translation>&amp;Import progress…</translation>
    </message>
    <message>
        <source>進捗報告シートを作成</source>
        <translation>Create progress report sheets</translation>
    </message>
    <message>
        <source>進捗報告シートを作成(&amp;P)…</source>
        <translation>&amp;Progress report sheets…</translation>
    </message>
    <message>
        <source>選んだレビューを開く（ダブルクリックでも）</source>
        <translation>Open the selected review (or double-click)</translation>
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
        <source>鍵を作成(&amp;K)…</source>
        <translation>Create &amp;key…</translation>
    </message>
    <message>
        <source>開く(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>開く(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>集計(&amp;T)</source>
        <translation>H&amp;ub</translation>
    </message>
    <message>
        <source>集計（ダッシュボード・施設の経過）</source>
        <translation>Hub (dashboard, facility history)</translation>
    </message>
    <message>
        <source>項目</source>
        <translation>Entry</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <source>{folder}: フォルダがありません。先に作るか、別の --db を指定してください</source>
        <translation>{folder}: the folder does not exist. Create it first or choose another --db path.</translation>
    </message>
    <message>
        <source>{folder}: フォルダに書き込めないため {name} を作成できません。別の --db を指定してください</source>
        <translation>{folder}: the folder is not writable, so {name} cannot be created there. Choose another --db path.</translation>
    </message>
    <message>
        <source>{path}: kanwa-review のデータベースではない SQLite ファイルです。kanwa-review のデータベースか新しいファイル名を選んでください</source>
        <translation>{path}: this SQLite file does not belong to kanwa-review. Choose a kanwa-review database or a new file name.</translation>
    </message>
    <message>
        <source>{path}: kanwa-review のデータベースではないか、ファイルが壊れています（{text}）。バックアップから戻してください</source>
        <translation>{path}: not a kanwa-review database, or the file is damaged ({text}). Restore it from a backup.</translation>
    </message>
    <message>
        <source>{path}: ディスクに書き込めませんでした（{text}）。空き容量を作るか別のドライブを使ってください。この操作は保存されていません</source>
        <translation>{path}: the disk could not be written ({text}). Free some space or use another drive; nothing of this action was saved.</translation>
    </message>
    <message>
        <source>{path}: データベースがありません。パスを確かめるか、`kanwa-review demo --db PATH` で作ってください</source>
        <translation>{path}: no such database. Check the path, or create one with `kanwa-review demo --db PATH`.</translation>
    </message>
    <message>
        <source>{path}: データベースが読み取り専用です。ファイルの権限を確かめるか、書き込めるフォルダにコピーしてそのコピーを開いてください</source>
        <translation>{path}: the database is read-only. Check the file&apos;s permissions, or copy it to a folder you can write to and open the copy.</translation>
    </message>
    <message>
        <source>{path}: データベースのエラー: {text}</source>
        <translation>{path}: database error: {text}</translation>
    </message>
    <message>
        <source>{path}: データベースを開けません（{text}）。ファイルとフォルダの権限を確かめるか、書き込める場所にコピーして開いてください</source>
        <translation>{path}: the database cannot be opened ({text}). Check the permissions of the file and its folder, or copy it to a place you can write to and open the copy.</translation>
    </message>
    <message>
        <source>{path}: データベースファイルが壊れています（{text}）。このファイルには書き込まず、まず控えを取ってください: kanwa-review backup --db {path} -o 控え.sqlite 。そのうえで自動バックアップ（アプリのヘルプ ▸ データの保存場所）から戻すか、sqlite3 のコマンドで復旧を試してください: sqlite3 {path} &quot;.recover&quot; | sqlite3 復旧.sqlite</source>
        <translation>{path}: the database file is damaged ({text}). Do not write to it; first keep a copy: kanwa-review backup --db {path} -o copy.sqlite . Then restore an automatic backup (Help ▸ Where the data is kept in the app), or try recovering it with the sqlite3 command: sqlite3 {path} &quot;.recover&quot; | sqlite3 recovered.sqlite</translation>
    </message>
    <message>
        <source>{path}: フォルダです。データベースファイルのパス（例: reviews.sqlite）を指定してください</source>
        <translation>{path}: this is a folder. Give the path of a database file, e.g. reviews.sqlite.</translation>
    </message>
    <message>
        <source>{path}: 他のプログラム（別の kanwa-review の画面や同期ソフトなど）がデータベースを使用中です。閉じてからやり直してください</source>
        <translation>{path}: the database is locked by another program (another kanwa-review window or a sync tool?). Close it and try again.</translation>
    </message>
    <message>
        <source>{path}: 形式の更新（{version} → {target}）が必要ですが読み取り専用で開かれました。一度書き込み可能で開いてください</source>
        <translation>{path}: the database needs upgrading (schema {version} → {target}) but was opened read-only. Open it once with write access.</translation>
    </message>
    <message>
        <source>{path}: 新しい版の kanwa-review で作られたデータベースです（データベースの形式 {version}、このアプリが読めるのは {latest} まで）。開くにはアプリを更新してください（ファイルは変更していません）</source>
        <translation>{path}: written by a newer version of kanwa-review (database schema {version}; this app knows up to {latest}). Update kanwa-review to open it; the file was not changed.</translation>
    </message>
    <message>
        <source>{path}: 読み取り専用で開いているため、書き込みが必要なこの操作はできません</source>
        <translation>{path}: opened read-only; this action needs to write.</translation>
    </message>
    <message>
        <source>{path}: 読み取り専用の場所にあり、まだ反映されていない変更（{wal}）があるため開けません。フォルダごと書き込める場所にコピーしてから開いてください</source>
        <translation>{path}: the database is in a read-only place and has changes not yet merged into it ({wal}), so it cannot be opened. Copy the whole folder to a place you can write to, then open it there.</translation>
    </message>
    <message>
        <source>{path}: 通常のファイルではありません（名前付きパイプや装置など）。データベースファイルを指定してください</source>
        <translation>{path}: not a regular file (a named pipe or a device?). Give a database file.</translation>
    </message>
</context>
<context>
    <name>store_backup</name>
    <message>
        <source>{file}: データベースそのものです。別のファイルを指定してください</source>
        <translation>{file}: this is the database itself; choose another file.</translation>
    </message>
    <message>
        <source>{file}: バックアップに失敗しました（{reason}）。{database} は何も変更していません</source>
        <translation>{file}: the backup failed ({reason}). Nothing was changed in {database}.</translation>
    </message>
    <message>
        <source>{file}: 既にあります。バックアップには別のファイル名を指定してください</source>
        <translation>{file}: already exists; choose a new file name for the backup.</translation>
    </message>
    <message>
        <source>{folder}: フォルダがありません。先に作ってください</source>
        <translation>{folder}: the folder does not exist; create it first.</translation>
    </message>
</context>
<context>
    <name>text_policy</name>
    <message>
        <source>Unicode の非文字</source>
        <translation>Unicode noncharacter</translation>
    </message>
    <message>
        <source>{n:,} 文字あります。{limit:,} 文字以内にしてください</source>
        <translation>{n:,} characters; the limit is {limit:,}</translation>
    </message>
    <message>
        <source>{rule} U+{code:04X}（{n} 文字目）は使えません</source>
        <translation>{rule} U+{code:04X} (character {n}) cannot be used</translation>
    </message>
    <message>
        <source>制御文字</source>
        <translation>Control character</translation>
    </message>
    <message>
        <source>対になっていないサロゲート（文字として壊れています）</source>
        <translation>Unpaired surrogate (a broken character)</translation>
    </message>
    <message>
        <source>改行文字</source>
        <translation>Line break</translation>
    </message>
    <message>
        <source>文字の向きを変える制御文字</source>
        <translation>Text direction control character</translation>
    </message>
    <message>
        <source>目に見えない書式文字（ゼロ幅スペースなど）</source>
        <translation>Invisible formatting character (such as a zero-width space)</translation>
    </message>
</context>
</TS>
