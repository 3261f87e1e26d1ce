"""Reading and verifying a submission package (.kanwa) without touching any database.

A package is hostile input until proven otherwise. The reader:
  - caps the file size and reads it once into memory (no second look at a file that may change);
  - inspects the ZIP directory before reading any member: names (no "..", absolute paths,
    drive letters, backslashes), duplicates, counts, declared sizes and ratios, encryption;
  - reads each member in chunks with a hard cap, whatever its header says (zip bombs);
  - never extracts anything to disk;
  - opens a sealed (encrypted) file with the hub's key first, and applies every check below to
    what is inside (exchange/envelope.py);
  - checks the manifest's format and version first (a newer package asks for an app update),
    then the JSON Schema, the signature over the manifest (format version 3), every member's
    SHA-256 and size, the carried form against its hash, the audit trail's hash chain, and
    finally the answers against that form (core.review.normalise_answer).
Every problem found is reported at once, in Japanese then English, naming the file, the member
or field, and what to do.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from pydantic import ValidationError

from kanwa_review.core import audit_chain, bounds, text_policy
from kanwa_review.core import trust as T
from kanwa_review.core.completeness import gaps
from kanwa_review.core.dates import fiscal_year
from kanwa_review.core.i18n import translate
from kanwa_review.core.form import Form, FormError, _cross_checks, validation_message
from kanwa_review.core.pdca import ImprovementAction, action_from_dict, check_not_future
from kanwa_review.core.review import (
    Answer,
    AnswerError,
    AnswerMeta,
    Finding,
    TeamMember,
    normalise_answer,
)
from kanwa_review.core.skiplogic import relevant_items
from kanwa_review.exchange import document_bounds
from kanwa_review.exchange import package_format as P
from kanwa_review.exchange.envelope import SignatureCheck
from kanwa_review.exchange.package_writer import header_details

def resend() -> str:
    return translate("package", "チームに kanwa-review から書き出し直して再送してもらってください")


UNSIGNED = SignatureCheck(T.UNSIGNED)


class PackageRejected(ValueError):
    """The package was refused; `problems` holds one clerk-readable line per problem, and
    `signature` what was found of its signature before it was refused (None: not reached)."""

    def __init__(self, file: str, problems: list[str], signature: SignatureCheck | None = None):
        self.file = file
        self.problems = problems
        self.signature = signature
        super().__init__("\n".join(problems))


class _Stop(Exception):
    """Further checks make no sense (e.g. the file is not a ZIP)."""


@dataclass
class Package:
    """A verified package: every value below has passed every check."""

    file: str
    file_sha256: str
    size: int
    manifest: dict
    document: dict                    # review.json as read
    form: Form
    team: tuple[TeamMember, ...]
    answers: list[tuple[Answer, AnswerMeta]]
    findings: list[tuple[Finding, str | None, str | None]]   # finding, created_at, updated_at
    attachments: dict[str, bytes] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # format version 2: the facility's improvement actions, and for those answering a finding
    # of this review, that finding's (kind, position)
    actions: list[ImprovementAction] = field(default_factory=list)
    action_findings: dict[str, tuple[str, int]] = field(default_factory=dict)
    # format version 3: the signature over the manifest, and whether the file came sealed
    signature: SignatureCheck = UNSIGNED
    sealed: bool = False

    @property
    def audit_chain(self) -> dict | None:
        """{"count", "head"} of the audit trail's hash chain (format version 3)."""
        return self.manifest.get("audit")

    @property
    def format_version(self) -> int:
        return self.manifest["format_version"]

    @property
    def uuid(self) -> str:
        return self.manifest["review"]["uuid"]

    @property
    def revision(self) -> int:
        return self.manifest["review"]["revision"]

    @property
    def facility(self) -> dict:
        return self.document["facility"]

    @property
    def header(self) -> dict:
        return self.document["review"]

    @property
    def audit(self) -> list[dict]:
        return self.document["audit"]

    @property
    def facility_category(self) -> str:
        """The facility's category when the review started (a file of an older version does
        not say: the facility's category it carries)."""
        return self.header.get("facility_category") or self.facility["category"]

    @property
    def details(self) -> dict:
        """総評, visit overview and plan dates as store/repository.DETAIL_COLUMNS keys (empty
        in a file of an older version)."""
        return header_details(self.header)

    def summary_lines(self) -> list[str]:
        """What `verify` prints about a good package."""
        r, f, fm = self.header, self.facility, self.form
        leader = next((m.name for m in self.team if m.role == "leader"), "—")
        kinds: dict[str, int] = {}
        for finding, _c, _u in self.findings:
            kinds[finding.kind] = kinds.get(finding.kind, 0) + 1
        place = f" ({f['prefecture']})" if f["prefecture"] else ""
        return [
            translate("package", "施設: {code} {name}{prefecture}").format(
                code=f['code'], name=f['name'], prefecture=place),
            translate("package", "評価: {review} 第{revision}版").format(
                review=r['uuid'], revision=r['revision']),
            translate("package", "訪問日: {visit}  {fiscal_year}年度").format(
                visit=r['visit_date'], fiscal_year=r['fiscal_year']),
            translate("package", "確定: {at}（{by}）").format(at=r['finalised_at'], by=r['finalised_by']),
            translate("package", "評価票: {form} {version}（sha256 {sha256}…、項目 {items}）").format(
                form=fm.id, version=fm.version, sha256=fm.sha256[:12], items=fm.item_count),
            translate("package", "チーム: {count}（リーダー: {leader}）").format(
                count=len(self.team), leader=leader),
            translate("package", "回答: {answers}、所見: {findings}").format(
                answers=len(self.answers),
                findings=", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "0"),
            translate("package", "監査記録: {count}").format(count=len(self.audit)),
        ] + ([
            translate("package", "改善計画: {count}（未完了 {open}）").format(
                count=len(self.actions), open=sum(1 for a in self.actions if a.is_open)),
        ] if self.format_version >= 2 else []) + [
            translate("package", "作成: {at}（{app} {version}）").format(
                at=self.manifest['created_at'], app=self.manifest['app']['name'],
                version=self.manifest['app']['version']),
        ]


# Forms are pinned by their SHA-256, so a form validated once needs no second validation.
_verified_forms: dict[str, Form] = {}


class _Checker:
    def __init__(self, name: str):
        self.name = name
        self.problems: list[str] = []
        self.signature: SignatureCheck | None = None

    def add(self, place: str | None, text: str, *, fix: bool = False) -> None:
        """A problem in the language of the run; `fix`: ask for the file again."""
        where = f"{self.name}" + (f" › {place}" if place else "")
        if fix:
            text = translate("package", "{problem}。{fix}").format(problem=text, fix=resend())
        self.problems.append(f"{where}: {text}")

    def rule(self, place: str | None, text: str, *, fix: bool = True) -> None:
        """A problem in the language of the run (a bounds or character rule): the file must
        be made again unless `fix` is False."""
        self.add(place, text, fix=fix)

    def stop_if_any(self) -> None:
        if self.problems:
            raise _Stop()


# --- entry points --------------------------------------------------------------------------

def read_package(path: str | Path, *, key=None) -> Package:
    """Read and verify a .kanwa file (a sealed one with `key`, the hub's PrivateKey); raise
    PackageRejected listing every problem."""
    return read_package_bytes(read_package_file(path), str(path), key=key)


def read_package_file(path: str | Path) -> bytes:
    """The bytes of a .kanwa file, refused (PackageRejected) when missing, not a file or over
    the size limit. Nothing is checked inside: pass the bytes to read_package_bytes."""
    path = Path(path)
    name = str(path)
    check = _Checker(name)
    try:
        if not path.exists():
            check.add(None, translate("package", "ファイルが見つかりません。名前と場所を確認してください"))
            raise _Stop()
        if not path.is_file():
            check.add(None, translate("package", "ファイルではありません（フォルダなど）。.kanwa ファイルを選んでください"))
            raise _Stop()
        size = path.stat().st_size
        if size > P.MAX_PACKAGE_BYTES:
            check.add(None, translate("package", "ファイルが大きすぎます（{size:,} バイト、上限 {limit:,}）。提出ファイルではない可能性があります").format(size=size, limit=P.MAX_PACKAGE_BYTES))
            raise _Stop()
        try:
            with path.open("rb") as fh:
                data = fh.read(P.MAX_PACKAGE_BYTES + 1)
        except OSError as exc:
            check.add(None, translate("package", "読み込めません（{reason}）。ローカルのフォルダにコピーしてやり直してください").format(reason=exc.strerror))
            raise _Stop() from None
        if len(data) > P.MAX_PACKAGE_BYTES:  # grew while we looked
            check.add(None, translate("package", "ファイルが大きすぎます"))
            raise _Stop()
    except _Stop:
        raise PackageRejected(name, check.problems) from None
    return data


def read_package_bytes(data: bytes, name: str = "<package>", *, key=None) -> Package:
    """Verify a package's bytes; a sealed file is opened with `key` (exchange.keys.PrivateKey)
    and its content verified like any package."""
    check = _Checker(name)
    try:
        sealed = _is_sealed(data)
        plain = _open_envelope(data, key, check) if sealed else data
        package = _verify(plain, check)
    except _Stop:
        raise PackageRejected(name, check.problems, check.signature) from None
    if sealed:
        package.sealed = True
        package.file_sha256 = hashlib.sha256(data).hexdigest()
        package.size = len(data)
    return package


def _is_sealed(data: bytes) -> bool:
    from kanwa_review.exchange.envelope import is_sealed

    return is_sealed(data)


def _open_envelope(data: bytes, key, check: _Checker) -> bytes:
    """The package inside a sealed file, or a problem naming what is needed."""
    from kanwa_review.exchange.envelope import EnvelopeError, open_sealed, recipient_fingerprint

    if len(data) > P.MAX_PACKAGE_BYTES:
        check.add(None, translate("package", "ファイルが大きすぎます"))
        raise _Stop()
    if key is None:
        check.problems.append(translate(
            "Package", "{file}: 暗号化された提出ファイルです（宛先の鍵の指紋 {fingerprint}）。拠点の"
            "秘密鍵を指定して開いてください（--key 拠点.key）").format(
                file=check.name, fingerprint=recipient_fingerprint(data) or "?"))
        raise _Stop()
    try:
        return open_sealed(data, key)
    except EnvelopeError as exc:
        if exc.reason == "recipient":
            text = translate("Package", "{file}: 別の鍵（指紋 {recipient}）あての暗号化ファイルです。"
                             "指定した鍵（{mine}）では開けません。送付元に、この拠点の公開鍵で書き出し直して"
                             "もらってください").format(file=check.name, recipient=exc.recipient,
                                                 mine=key.fingerprint)
        else:
            text = translate("Package", "{file}: 暗号化ファイルが壊れているか、途中で書き換えられています"
                             "（認証に失敗）。送付元に書き出し直して再送してもらってください").format(
                                 file=check.name)
        check.problems.append(text)
        raise _Stop() from None


# --- the checks ----------------------------------------------------------------------------

def _verify(data: bytes, check: _Checker) -> Package:
    if len(data) > P.MAX_PACKAGE_BYTES:
        check.add(None, translate("package", "ファイルが大きすぎます"))
        raise _Stop()
    zf = _open_zip(data, check)
    infos = _inspect_directory(zf, check)
    contents = {info.filename: _read_member(zf, info, check) for info in infos}
    check.stop_if_any()

    manifest = _parse_json(contents[P.MANIFEST], P.MANIFEST, check)
    check.stop_if_any()
    _check_format(manifest, check)
    _schema_check(manifest, "manifest", P.MANIFEST, check)
    _bounds_check(manifest, P.MANIFEST, check, contents[P.MANIFEST])
    check.stop_if_any()
    _check_members_of_version(manifest["format_version"], contents, check)
    _check_version_3_parts(manifest, contents, check)
    check.stop_if_any()
    signature = check.signature = _check_signature(manifest, contents, check)
    _check_member_hashes(manifest, contents, check)
    if check.problems and signature.status == T.VALID:
        # signed, but the members are not what was signed
        check.signature = SignatureCheck(T.INVALID, signature.signer_name,
                                         signature.signer_fingerprint)
    check.stop_if_any()

    form = _check_form(manifest, contents[P.FORM], check)
    document = _parse_json(contents[P.REVIEW], P.REVIEW, check)
    check.stop_if_any()
    _schema_check(document, "review", P.REVIEW, check)
    _bounds_check(document, P.REVIEW, check, contents[P.REVIEW])
    check.stop_if_any()
    _check_chain(manifest, document, check)
    _check_agreement(manifest, document, check)
    team, answers, findings, warnings = _check_domain(document, form, check)
    check.stop_if_any()
    actions: list[ImprovementAction] = []
    action_findings: dict[str, tuple[str, int]] = {}
    if manifest["format_version"] >= 2:
        actions_doc = _parse_json(contents[P.ACTIONS], P.ACTIONS, check)
        check.stop_if_any()
        _schema_check(actions_doc, "actions", P.ACTIONS, check)
        _bounds_check(actions_doc, P.ACTIONS, check, contents[P.ACTIONS])
        check.stop_if_any()
        actions, action_findings = _check_actions(actions_doc, document, form, findings, check)
        check.stop_if_any()

    attachments = {n[len(P.ATTACHMENTS):]: b for n, b in contents.items()
                   if n.startswith(P.ATTACHMENTS)}
    if attachments:
        warnings.append(translate("package", "添付ファイル {count} 件はこの版では取り込まれません").format(
            count=len(attachments)))
    return Package(file=check.name, file_sha256=hashlib.sha256(data).hexdigest(),
                   size=len(data), manifest=manifest, document=document, form=form, team=team,
                   answers=answers, findings=findings, attachments=attachments,
                   warnings=warnings, actions=actions, action_findings=action_findings,
                   signature=signature)


def _open_zip(data: bytes, check: _Checker) -> zipfile.ZipFile:
    if not data:
        check.add(None, translate("package", "空のファイルです（0 バイト）"), fix=True)
        raise _Stop()
    looks_zip = data[:4] in (b"PK\x03\x04", b"PK\x05\x06")
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
            NotImplementedError) as exc:
        if looks_zip:
            check.add(None, translate("package", "ZIP ファイルが途中で切れているか壊れています（{reason}。コピーやメール添付の途中で欠けた可能性）").format(reason=exc), fix=True)
        else:
            check.add(None, translate("package", "提出ファイル（.kanwa）ではありません（ZIP 形式ではない）。kanwa-review の「提出ファイルを書き出す"
                    "」で作ったファイルを選んでください"))
        raise _Stop() from None


def _inspect_directory(zf: zipfile.ZipFile, check: _Checker) -> list[zipfile.ZipInfo]:
    """Everything decidable from the ZIP directory, before a single member is decompressed."""
    infos = zf.infolist()
    if len(infos) > P.MAX_MEMBERS:
        check.add(None, translate("package", "中身のファイルが多すぎます（{count:,} 個、上限 {limit}）").format(count=len(infos), limit=P.MAX_MEMBERS), fix=True)
        raise _Stop()
    if any(i.filename == "[Content_Types].xml" for i in infos):
        check.add(None, translate("package", "Excel などの Office ファイルで、提出ファイル（.kanwa）ではありません。Excel評価票は「Excel"
                "評価票の取込」で取り込んでください"))
        raise _Stop()
    seen: dict[str, str] = {}
    total = 0
    for info in infos:
        name = info.filename
        reason = P.unsafe_name_reason(name)
        if reason is not None:
            check.add(repr(name)[1:-1], translate("package", "安全でない、またはこの形式にない名前です（{reason}）"
                                                  ).format(reason=reason), fix=True)
            continue
        folded = name.casefold()
        if folded in seen:
            check.add(name, translate("package", "同じ名前の中身が2つあります（重複）"), fix=True)
            continue
        seen[folded] = name
        if info.flag_bits & 0x1:
            check.add(name, translate("package", "暗号化されています（この版の形式では使いません）"), fix=True)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            check.add(name, translate("package", "対応していない圧縮方式です（{method}）").format(method=info.compress_type), fix=True)
        limit = P.member_limit(name)
        if info.file_size > limit:
            check.add(name, translate("package", "展開後のサイズが上限を超えます（{size:,} バイト、上限 {limit:,}）。zip 爆弾の可能性があるため開き"
                    "ません").format(size=info.file_size, limit=limit), fix=True)
        elif (info.file_size > P.RATIO_FLOOR and info.compress_size
              and info.file_size / info.compress_size > P.MAX_RATIO):
            check.add(name, translate("package", "圧縮率が異常です（{ratio}倍）。zip 爆弾の可能性があるため開きません").format(
                ratio=info.file_size // info.compress_size), fix=True)
        total += info.file_size
    if total > P.MAX_TOTAL_BYTES:
        check.add(None, translate("package", "展開後の合計サイズが上限を超えます（{total:,} バイト、上限 {limit:,}）").format(
            total=total, limit=P.MAX_TOTAL_BYTES), fix=True)
    for required in P.REQUIRED_MEMBERS:
        if required not in seen:
            check.add(required, translate("package", "{member} がありません").format(member=required),
                      fix=True)
    check.stop_if_any()
    return infos


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, check: _Checker) -> bytes:
    """Decompress one member in chunks, never past its cap or its declared size."""
    name = info.filename
    cap = min(P.member_limit(name), info.file_size)
    out = bytearray()
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(P.READ_CHUNK)
                if not chunk:
                    break
                out += chunk
                if len(out) > cap:
                    check.add(name, translate("package", "宣言より大きく展開されます。zip 爆弾の可能性があるため読み込みを中止しました"), fix=True)
                    return b""
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
            NotImplementedError, RuntimeError) as exc:
        check.add(name, translate("package", "中身が壊れています（{reason}。CRC 不一致など）").format(reason=exc), fix=True)
        return b""
    if len(out) != info.file_size:
        check.add(name, translate("package", "宣言されたサイズと実際のサイズが違います（読んだのは {read:,} バイト、宣言は {size:,} バイト）").format(
            read=len(out), size=info.file_size), fix=True)
        return b""
    return bytes(out)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        dup = next(k for k in keys if keys.count(k) > 1)
        raise ValueError(f"key {dup!r} appears twice")
    return dict(pairs)


def _no_constants(token: str):
    raise ValueError(f"{token} is not allowed in JSON")


def _parse_json(raw: bytes, member: str, check: _Checker) -> Any:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        check.add(member, translate("package", "UTF-8 の文字として読めません（{byte} バイト目）").format(byte=exc.start), fix=True)
        return None
    try:
        # 1e400 would be read as infinity: refused like NaN (core.bounds.json_float)
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants,
                          parse_float=bounds.json_float)
    except RecursionError:
        check.add(member, translate("package", "JSON の入れ子が深すぎます"), fix=True)
    except ValueError as exc:  # json.JSONDecodeError is a ValueError
        check.add(member, translate("package", "JSON として読めません（{reason}）").format(reason=exc), fix=True)
    return None


def _check_format(manifest: Any, check: _Checker) -> None:
    """Format name and version first: a newer package may look different in every other way."""
    if not isinstance(manifest, dict) or manifest.get("format") != P.FORMAT_NAME:
        check.add(P.MANIFEST, translate("package", "kanwa-review の提出ファイルではありません（format が kanwa-submission ではない）"), fix=True)
        raise _Stop()
    version = manifest.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > max(
            P.READABLE_VERSIONS):
        check.add(P.MANIFEST, translate("package", "このファイルは新しい形式（第{version}版）で作られています。このアプリが読めるのは"
                "第{latest}版までです。取り込むには kanwa-review のアプリを更新してください").format(
            version=version, latest=max(P.READABLE_VERSIONS)))
        raise _Stop()
    if version not in P.READABLE_VERSIONS or isinstance(version, bool):
        check.add(P.MANIFEST, translate("package", "不明な形式の版です（format_version = {value}。このアプリが読めるのは {versions}）").format(
            value=json.dumps(version)[:40], versions=', '.join(map(str, P.READABLE_VERSIONS))), fix=True)
        raise _Stop()


def _check_members_of_version(version: int, contents: dict[str, bytes], check: _Checker) -> None:
    """actions.json is required from version 2 on and unknown to version 1."""
    if version >= 2 and P.ACTIONS not in contents:
        check.add(P.ACTIONS, translate("package", "改善計画 {member} がありません（形式の第{version}版では必要です）").format(
            member=P.ACTIONS, version=version), fix=True)
    if version < 2 and P.ACTIONS in contents:
        check.add(P.ACTIONS, translate("package", "第1版の形式には {member} はありません（目録の format_version が誤っています）").format(
            member=P.ACTIONS), fix=True)


_validators: dict[str, Draft202012Validator] = {}


def _validator(which: str) -> Draft202012Validator:
    v = _validators.get(which)
    if v is None:
        v = _validators[which] = Draft202012Validator(P.sub_schema(which))
    return v


def _schema_problem(err) -> str:
    """A schema error in the reader's language, with the data it is about (names, values,
    limits) rather than the validator's English sentence."""
    words = {
        "required": translate("package", "必要な項目がありません"),
        "type": translate("package", "値の型が違います"),
        "enum": translate("package", "使えない値です"),
        "const": translate("package", "使えない値です"),
        "additionalProperties": translate("package", "この形式にない項目があります"),
        "pattern": translate("package", "値の形式が違います"),
        "maxLength": translate("package", "文字数が多すぎます"),
        "minLength": translate("package", "空です"),
        "maxItems": translate("package", "件数が多すぎます"),
        "minItems": translate("package", "件数が足りません"),
        "minimum": translate("package", "値が小さすぎます"),
        "maximum": translate("package", "値が大きすぎます"),
    }
    problem = words.get(err.validator) or translate("package", "形式に合いません")
    instance, value = err.instance, err.validator_value
    if err.validator == "required" and isinstance(instance, dict):
        detail = ", ".join(str(k) for k in value if k not in instance)
    elif err.validator == "additionalProperties" and isinstance(instance, dict):
        known = err.schema.get("properties", {})
        detail = ", ".join(str(k) for k in instance if k not in known)
    elif err.validator in ("enum", "const"):
        detail = f"{str(instance)[:40]!r} → {value!r}"
    elif err.validator == "type":
        detail = f"{type(instance).__name__} → {value}"
    elif err.validator == "pattern":
        detail = repr(str(instance)[:40])
    elif err.validator in ("maxLength", "minLength", "maxItems", "minItems", "minimum", "maximum"):
        detail = str(value)
    else:
        detail = err.validator
    detail = detail if len(detail) <= 160 else detail[:157] + "…"
    return translate("package", "{problem}（{detail}）").format(problem=problem, detail=detail)
MAX_REPORTED = 20


def _where(doc: Any, path) -> str:
    """answers[3] (A-2) › rating: the JSON path, with the item code where there is one."""
    parts, node = [], doc
    for step in path:
        if isinstance(step, int):
            parts[-1:] = [f"{parts[-1] if parts else ''}[{step}]"]
            node = node[step] if isinstance(node, list) and step < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("item_code"), str):
                parts[-1] += f" ({node['item_code'][:20]})"
        else:
            parts.append(str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return " › ".join(parts)


try:  # compiled Draft 2020-12 validator: ~50x faster on the valid files that are the norm
    import jsonschema_rs
except ImportError:  # pragma: no cover - the pure-Python validator alone is correct, only slower
    jsonschema_rs = None

_fast_validators: dict[str, Any] = {}


def _fast_valid(doc: Any, which: str) -> bool:
    """True when the compiled validator accepts `doc`. A False (or no compiled validator) sends
    the document to the pure-Python validator, whose per-error paths make the messages; both
    implement the same schema, and tests/test_package_schema.py checks they agree."""
    if jsonschema_rs is None:
        return False
    v = _fast_validators.get(which)
    if v is None:
        v = _fast_validators[which] = jsonschema_rs.Draft202012Validator(P.sub_schema(which))
    try:
        return v.is_valid(doc)
    except Exception:  # noqa: BLE001 — e.g. a lone surrogate cannot cross into Rust: let the
        return False   # pure-Python validator say what is wrong, with its path


def _schema_check(doc: Any, which: str, member: str, check: _Checker) -> None:
    if _fast_valid(doc, which):
        return
    errors = sorted(_validator(which).iter_errors(doc), key=lambda e: list(map(str, e.path)))
    for err in errors[:MAX_REPORTED]:
        place = member + (f" › {_where(doc, err.path)}" if err.path else "")
        policy = _policy_problem(err)
        if policy is not None:   # a character rule: say which character, not the pattern
            check.rule(place, policy)
            continue
        check.add(place, _schema_problem(err), fix=True)
    if len(errors) > MAX_REPORTED:
        check.add(member, translate("package", "ほかに {count} 件の形式の問題があります").format(
            count=len(errors) - MAX_REPORTED))


def _policy_problem(err) -> str | None:
    """The rule of core/bounds.py or core/text_policy.py a value broke, in words, where the
    schema's own message would show a regular expression or a 400-digit number."""
    if err.validator in ("maximum", "minimum"):
        if err.validator == "maximum":
            return translate("package", "値が大きすぎます（{limit:,} 以下にしてください）").format(
                limit=err.validator_value)
        return translate("package", "値が小さすぎます（{limit:,} 以上にしてください）").format(
            limit=err.validator_value)
    if err.validator not in ("pattern", "anyOf") or not isinstance(err.instance, str):
        return None   # anyOf: a time that may also be null, e.g. updated_at
    for kind in (text_policy.FREE, text_policy.LINE):
        problem = text_policy.problem(err.instance, kind)
        if problem is not None:
            return problem
    key = err.path[-1] if err.path else None
    if key in document_bounds.PACKAGE_RULES.timestamps:
        return bounds.timestamp_problem(err.instance)
    if key in document_bounds.PACKAGE_RULES.dates:
        return bounds.date_problem(err.instance)
    return None


def _bounds_check(doc: Any, member: str, check: _Checker, raw: bytes) -> None:
    """Every string, number, date and time of a member within the bounds (after its schema,
    which states most of them); accepted text is normalised to NFC in place. A member whose
    JSON text is plain (nearly every one) needs no character check per string."""
    if check.problems:
        return   # the schema refused it already: its messages are the ones to act on
    plain = document_bounds.plain_json(raw.decode("utf-8"))
    for path, problem in document_bounds.problems(doc, document_bounds.PACKAGE_RULES,
                                                  limit=MAX_REPORTED, text_checked=plain):
        check.rule(f"{member} › {_where(doc, path)}", problem)


def _check_member_hashes(manifest: dict, contents: dict[str, bytes], check: _Checker) -> None:
    listed: dict[str, dict] = {}
    for entry in manifest["members"]:
        if entry["name"] in listed or entry["name"] in (P.MANIFEST, P.SIGNATURE):
            check.add(f"{P.MANIFEST} › members", translate("package", "{member} の記載が不正です（重複または目録自身）").format(member=entry['name']), fix=True)
        listed[entry["name"]] = entry
    for name, data in contents.items():
        if name in (P.MANIFEST, P.SIGNATURE):
            continue
        entry = listed.get(name)
        if entry is None:
            check.add(name, translate("package", "目録（manifest.json）に記載のない中身があります"), fix=True)
            continue
        if entry["size"] != len(data) or hashlib.sha256(data).hexdigest() != entry["sha256"]:
            check.add(name, translate("package", "内容が目録のハッシュ値（SHA-256）と一致しません。ファイルが途中で変更されたか壊れています"), fix=True)
    for name in listed:
        if name not in contents:
            check.add(name, translate("package", "目録に記載された中身がありません"), fix=True)


def _check_version_3_parts(manifest: dict, contents: dict[str, bytes], check: _Checker) -> None:
    """signature.json and the manifest's audit chain and signer belong to version 3; version 3
    always chains its audit trail."""
    version = manifest["format_version"]
    if version < 3 and (P.SIGNATURE in contents or "audit" in manifest or "signer" in manifest):
        check.problems.append(translate(
            "Package", "{file} › {member}: 第{version}版の形式には署名も監査記録の連鎖もありません（形式の版"
            "が食い違っています）").format(file=check.name, member=P.MANIFEST, version=version))
    if version >= 3 and "audit" not in manifest:
        check.problems.append(translate(
            "Package", "{file} › {member}: 監査記録の連鎖（audit）がありません").format(
                file=check.name, member=P.MANIFEST))


def _signature_problem(check: _Checker, why: str) -> None:
    check.problems.append(translate(
        "Package", "{file} › {member}: 署名が正しくありません（{why}）。送付後に書き換えられた可能性が"
        "あるため取り込みません。送付元に確認してください").format(
            file=check.name, member=P.SIGNATURE, why=why))


def _check_signature(manifest: dict, contents: dict[str, bytes], check: _Checker
                     ) -> SignatureCheck:
    """The signature over manifest.json's exact bytes (format version 3). A manifest that names
    a signer needs a signature that verifies with the signer's key; a signature with no signer
    named, a missing (stripped) one, or one of another manifest (moved) is invalid."""
    import base64
    import binascii

    from kanwa_review.exchange.envelope import signature_valid

    signer = manifest.get("signer")
    raw = contents.get(P.SIGNATURE)
    if signer is None:
        if raw is not None:
            _signature_problem(check, translate("Package", "署名者が目録にありません"))
            return SignatureCheck(T.INVALID)
        return UNSIGNED
    name, claimed = signer["name"], signer["fingerprint"]
    bad = SignatureCheck(T.INVALID, name, claimed)
    if raw is None:
        _signature_problem(check, translate("Package", "署名がありません"))
        return bad
    doc = _parse_json(raw, P.SIGNATURE, check)
    if doc is None:
        return bad
    _schema_check(doc, "signature", P.SIGNATURE, check)
    if check.problems:
        return bad
    try:
        sign_public = base64.b64decode(signer["sign_public"], validate=True)
        box_public = base64.b64decode(signer["box_public"], validate=True)
        signature = base64.b64decode(doc["signature"], validate=True)
    except (binascii.Error, ValueError):
        _signature_problem(check, translate("Package", "値が base64 ではありません"))
        return bad
    if T.fingerprint(sign_public, box_public) != claimed:
        _signature_problem(check, translate("Package", "指紋が署名者の鍵と一致しません"))
        return bad
    if not signature_valid(contents[P.MANIFEST], signature, sign_public):
        _signature_problem(check, translate("Package", "目録と署名が一致しません"))
        return bad
    return SignatureCheck(T.VALID, name, claimed)


def _check_chain(manifest: dict, doc: dict, check: _Checker) -> None:
    """Format version 3: every audit entry carries the hash of the one before, and the last
    hash is the manifest's (signed) head, so an entry deleted, moved or edited shows."""
    chain = manifest.get("audit")
    if chain is None:
        return
    entries = doc["audit"]
    broken, head = audit_chain.first_break(entries, doc["review"]["uuid"])
    if broken is not None:
        check.problems.append(translate(
            "Package", "{file} › {member} › audit[{n}]: 監査記録（変更履歴）の連鎖が途切れています。記録が"
            "削除・並べ替え・書き換えされています").format(file=check.name, member=P.REVIEW,
                                                 n=broken))
    elif chain["count"] != len(entries) or chain["head"] != head:
        check.problems.append(translate(
            "Package", "{file} › {member} › audit: 監査記録（変更履歴）が目録の記載（{count} 件）と"
            "一致しません。記録が削除・書き換えされています").format(
                file=check.name, member=P.REVIEW, count=chain["count"]))


def _check_form(manifest: dict, raw: bytes, check: _Checker) -> Form | None:
    ref = manifest["form"]
    digest = hashlib.sha256(raw).hexdigest()
    if digest != ref["sha256"]:
        check.add(P.FORM, translate("package", "評価票の内容が目録のハッシュ値と一致しません"), fix=True)
        return None
    form = _verified_forms.get(digest)
    if form is None:
        data = _parse_json(raw, P.FORM, check)
        if data is None:
            return None
        if not isinstance(data, dict):
            check.add(P.FORM, translate("package", "評価票の形式ではありません"), fix=True)
            return None
        problems = _cross_checks(data, {}, P.FORM)
        try:
            form = Form.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors()[:MAX_REPORTED]:
                loc = " › ".join(str(x) for x in err["loc"])
                check.add(f"{P.FORM} › {loc}", translate("package", "評価票の定義に誤りがあります（{detail}）").format(detail=validation_message(err)), fix=True)
            return None
        except (FormError, ValueError) as exc:
            check.add(P.FORM, translate("package", "評価票の定義に誤りがあります（{detail}）").format(detail=str(exc)[:200]), fix=True)
            return None
        for p in problems[:MAX_REPORTED]:
            check.add(P.FORM + (f" › {p.item}" if p.item else ""), translate("package", "評価票の定義に誤りがあります（{detail}）").format(detail=p.message), fix=True)
        if problems:
            return None
        if form.sha256 != digest:
            check.add(P.FORM, translate("package", "評価票が正規の形（canonical JSON）で書かれていません"), fix=True)
            return None
        _verified_forms[digest] = form
    if form.id != ref["id"] or form.version != ref["version"]:
        check.add(P.FORM, translate("package", "評価票の ID・版（{id} {version}）が目録の記載（{listed_id} {listed_version}）と違います").format(
            id=form.id, version=form.version, listed_id=ref['id'], listed_version=ref['version']), fix=True)
    return form


def _check_agreement(manifest: dict, doc: dict, check: _Checker) -> None:
    """The manifest is a summary of review.json; the two must say the same."""
    m, r = manifest["review"], doc["review"]
    pairs = [("review.uuid", m["uuid"], r["uuid"]), ("review.revision", m["revision"], r["revision"]),
             ("review.visit_date", m["visit_date"], r["visit_date"]),
             ("review.finalised_at", m["finalised_at"], r["finalised_at"]),
             ("review.finalised_by", m["finalised_by"], r["finalised_by"]),
             ("review.form", manifest["form"], r["form"]),
             ("facility.code", manifest["facility"]["code"], doc["facility"]["code"]),
             ("facility.name", manifest["facility"]["name"], doc["facility"]["name"]),
             ("team", manifest["team"], doc["team"])]
    for place, a, b in pairs:
        if a != b:
            check.add(f"{P.REVIEW} › {place}", translate("package", "目録（manifest.json）と内容が食い違っています"), fix=True)


def _check_domain(doc: dict, form: Form | None, check: _Checker):
    """Checks that need the carried form: item codes, rating codes, value types."""
    warnings: list[str] = []
    team: list[TeamMember] = []
    answers: list[tuple[Answer, AnswerMeta]] = []
    findings: list[tuple[Finding, str | None, str | None]] = []
    header = doc["review"]
    try:
        visit = date.fromisoformat(header["visit_date"])
        if header["fiscal_year"] != fiscal_year(visit):
            check.add(f"{P.REVIEW} › review › fiscal_year", translate("package", "年度 {given} が訪問日と合いません（{visit} は {expected}年度）").format(
                visit=visit, expected=fiscal_year(visit), given=header['fiscal_year']), fix=True)
    except ValueError:
        check.add(f"{P.REVIEW} › review › visit_date", translate("package", "訪問日が日付として正しくありません（{value}）").format(value=header['visit_date']), fix=True)
    for key in ("plan_due", "follow_up"):
        if header.get(key) is not None:
            try:
                date.fromisoformat(header[key])
            except ValueError:
                check.add(f"{P.REVIEW} › review › {key}", translate("package", "日付として正しくありません（{value}）").format(value=header[key]), fix=True)
    for n, m in enumerate(doc["team"]):
        try:
            team.append(TeamMember(m["name"], m["role"], m["profession"], m["affiliation"]))
        except ValueError as exc:
            check.add(f"{P.REVIEW} › team[{n}]", translate("package", "チームメンバーの記載が正しくありません（{detail}）").format(detail=str(exc)), fix=True)
    if sum(1 for m in team if m.role == "leader") > 1:
        check.add(f"{P.REVIEW} › team", translate("package", "リーダーが2人以上います"), fix=True)
    if form is None:
        return tuple(team), answers, findings, warnings
    seen: set[str] = set()
    for n, a in enumerate(doc["answers"]):
        code = a["item_code"]
        place = f"{P.REVIEW} › answers[{n}] ({code})"
        if code in seen:
            check.add(place, translate("package", "同じ項目の回答が2つあります"), fix=True)
            continue
        seen.add(code)
        raw = Answer(item_code=code, self_rating=a.get("self_rating"), rating=a.get("rating"),
                     value=a.get("value"), period=a.get("period"),
                     evidence=a.get("evidence", ""), comment=a.get("comment", ""))
        try:
            answer = normalise_answer(form, raw)
        except AnswerError as exc:
            if not form.has_item(code):
                check.add(place, translate("package", "評価票 {id} {version} にない項目コードです（{code}）").format(id=form.id, version=form.version, code=code), fix=True)
            else:
                check.add(place, translate("package", "回答が評価票の項目に合いません（評価の記号・値の種類など）（{detail}）").format(detail=str(exc)), fix=True)
            continue
        if not answer.is_empty():
            answers.append((answer, AnswerMeta(a.get("updated_at"), a.get("updated_by"))))
    for n, f in enumerate(doc["findings"]):
        unknown = [c for c in f["item_codes"] if not form.has_item(c)]
        if unknown:
            check.add(f"{P.REVIEW} › findings[{n}] › item_codes", translate("package", "評価票 {id} {version} にない項目コードがあります（{codes}）").format(
                codes=', '.join(unknown[:5]), id=form.id, version=form.version), fix=True)
            continue
        findings.append((Finding(kind=f["kind"], text=f["text"], item_codes=tuple(f["item_codes"]),
                                 position=f["position"]), f.get("created_at"), f.get("updated_at")))
    if check.problems:
        return tuple(team), answers, findings, warnings
    answers = _without_hidden(form, answers, doc["facility"]["category"], warnings)
    missing = gaps(form, {a.item_code: a for a, _m in answers})
    if missing:
        warnings.append(translate("package", "必須の回答・コメントが {count} 件不足したまま確定されています"
                                  ).format(count=len(missing)))
    if not any(e["action"] == "finalise" and e["revision"] == header["revision"]
               for e in doc["audit"]):
        warnings.append(translate("package", "監査記録にこの版の確定の記録がありません"))
    return tuple(team), answers, findings, warnings


def _without_hidden(form: Form, answers: list[tuple[Answer, AnswerMeta]], category: str,
                    warnings: list[str]) -> list[tuple[Answer, AnswerMeta]]:
    """The app's skip-logic rule: an answer to an item that does not apply given the earlier
    answers (relevant_if) is not kept — the app clears it when the earlier answer changes, the
    workbook import drops it — so it is dropped here too, with a warning naming the items."""
    relevant = relevant_items(form, {a.item_code: a for a, _m in answers}, category)
    hidden = [a.item_code for a, _m in answers if a.item_code not in relevant]
    if not hidden:
        return answers
    warnings.append(translate(
        "package", "{items} は前の回答により対象外の項目のため、その回答は取り込みません"
                   "（アプリでは表示も集計もされない回答です）").format(items="、".join(hidden[:20])))
    return [(a, m) for a, m in answers if a.item_code in relevant]


def _check_actions(doc: dict, review_doc: dict, form: Form | None, findings: list,
                   check: _Checker) -> tuple[list[ImprovementAction], dict[str, tuple[str, int]]]:
    """actions.json after its schema: one facility (the review's), unique uuids, no future
    timestamps, valid fields (core.pdca.action_from_dict), item codes of actions agreed at
    this review in the carried form, finding links that point at a finding of this review."""
    code, uuid = review_doc["facility"]["code"], review_doc["review"]["uuid"]
    revision = review_doc["review"]["revision"]
    out: list[ImprovementAction] = []
    links: dict[str, tuple[str, int]] = {}
    if doc["facility_code"] != code or doc["review_uuid"] != uuid:
        check.add(P.ACTIONS, translate("package", "改善計画の施設・レビュー（{code}、{uuid}）が review.json と食い違っています").format(
            code=code, uuid=uuid), fix=True)
        return out, links
    held_findings = {(f.kind, f.position) for f, _c, _u in findings}
    seen: set[str] = set()
    for n, entry in enumerate(doc["actions"]):
        place = f"{P.ACTIONS} › actions[{n}] ({entry['uuid']})"
        if entry["uuid"] in seen:
            check.add(place, translate("package", "同じ改善計画（UUID）が2つあります"), fix=True)
            continue
        seen.add(entry["uuid"])
        if entry["facility_code"] != code:
            check.add(f"{place} › facility_code", translate("package", "別の施設（{other}）の改善計画です（このファイルは {code}）").format(
                other=entry['facility_code'], code=code), fix=True)
            continue
        try:
            action = action_from_dict(entry)
            check_not_future(action.updated_at)
            for p in action.progress:
                check_not_future(p.at)
        except ValueError as exc:
            check.add(place, translate("package", "改善計画の記載が正しくありません（{detail}）").format(detail=str(exc)), fix=True)
            continue
        if action.origin_review_uuid == uuid:
            if action.origin_revision is not None and action.origin_revision > revision:
                check.add(f"{place} › origin_revision", translate("package", "元の版 {origin_revision} が、このレビューの第{revision}版より新しくなっています").format(origin_revision=action.origin_revision, revision=revision), fix=True)
            unknown = [c for c in action.item_codes if form is not None and not form.has_item(c)]
            if unknown:
                check.add(f"{place} › item_codes", translate("package", "評価票にない項目コードがあります（{codes}）").format(codes=', '.join(unknown[:5])), fix=True)
                continue
            finding = entry.get("finding")
            if finding:
                key = (finding["kind"], finding["position"])
                if key not in held_findings:
                    check.add(f"{place} › finding", translate("package", "対応する所見（{kind} の {position} 番目）が review.json にありません").format(
                        kind=key[0], position=key[1]), fix=True)
                    continue
                links[action.uuid] = key
        elif entry.get("finding"):
            check.add(f"{place} › finding", translate("package", "所見への対応は、このレビューで決めた改善計画にだけ書けます"), fix=True)
            continue
        out.append(action)
    return out, links
