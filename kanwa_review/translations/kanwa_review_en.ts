<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja">
<context>
    <name>ImportStatus</name>
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
    <message>
        <source>却下</source>
        <translation>rejected</translation>
    </message>
</context>
</TS>
