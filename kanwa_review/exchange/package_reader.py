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

from kanwa_review.core import audit_chain
from kanwa_review.core import trust as T
from kanwa_review.core.completeness import gaps
from kanwa_review.core.dates import fiscal_year
from kanwa_review.core.form import Form, FormError, _cross_checks
from kanwa_review.core.pdca import ImprovementAction, action_from_dict, check_not_future
from kanwa_review.core.review import (
    Answer,
    AnswerError,
    AnswerMeta,
    Finding,
    TeamMember,
    normalise_answer,
)
from kanwa_review.core.i18n import translate
from kanwa_review.exchange import package_format as P
from kanwa_review.exchange.envelope import SignatureCheck
from kanwa_review.exchange.package_writer import header_details

RESEND_JA = "チームに kanwa-review から書き出し直して再送してもらってください"
RESEND_EN = "ask the team to export the review again from kanwa-review and resend it"


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
        return [
            f"施設 / facility: {f['code']} {f['name']}" + (f" ({f['prefecture']})" if f["prefecture"] else ""),
            f"レビュー / review: {r['uuid']} 第{r['revision']}版 (revision {r['revision']})",
            f"訪問日 / visit date: {r['visit_date']}  {r['fiscal_year']}年度 (FY{r['fiscal_year']})",
            f"確定 / finalised: {r['finalised_at']} by {r['finalised_by']}",
            f"評価票 / form: {fm.id} {fm.version} (sha256 {fm.sha256[:12]}…, {fm.item_count} items)",
            f"チーム / team: {len(self.team)} (リーダー / leader: {leader})",
            f"回答 / answers: {len(self.answers)}; 所見 / findings: "
            + (", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "0"),
            f"監査記録 / audit entries: {len(self.audit)}",
        ] + ([
            f"改善計画 / improvement actions: {len(self.actions)} (未完了 / open "
            f"{sum(1 for a in self.actions if a.is_open)})",
        ] if self.format_version >= 2 else []) + [
            f"作成 / created: {self.manifest['created_at']} by {self.manifest['app']['name']} "
            f"{self.manifest['app']['version']}",
        ]


# Forms are pinned by their SHA-256, so a form validated once needs no second validation.
_verified_forms: dict[str, Form] = {}


class _Checker:
    def __init__(self, name: str):
        self.name = name
        self.problems: list[str] = []
        self.signature: SignatureCheck | None = None

    def add(self, place: str | None, ja: str, en: str, *, fix: bool = False) -> None:
        where = f"{self.name}" + (f" › {place}" if place else "")
        text = f"{where}: {ja}"
        if fix:
            text += f"。{RESEND_JA}"
        text += f" / {en}"
        if fix:
            text += f"; {RESEND_EN}"
        self.problems.append(text + ("" if text.endswith(".") else "."))

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
            check.add(None, "ファイルが見つかりません", "file not found; check the name and folder")
            raise _Stop()
        if not path.is_file():
            check.add(None, "ファイルではありません（フォルダなど）",
                      "not a regular file (a folder?); choose a .kanwa file")
            raise _Stop()
        size = path.stat().st_size
        if size > P.MAX_PACKAGE_BYTES:
            check.add(None, f"ファイルが大きすぎます（{size:,} バイト、上限 {P.MAX_PACKAGE_BYTES:,}）。"
                      "提出ファイルではない可能性があります",
                      f"the file is {size:,} bytes; the limit is {P.MAX_PACKAGE_BYTES:,}. It is "
                      "probably not a submission file")
            raise _Stop()
        try:
            with path.open("rb") as fh:
                data = fh.read(P.MAX_PACKAGE_BYTES + 1)
        except OSError as exc:
            check.add(None, f"読み込めません（{exc.strerror}）",
                      f"cannot be read ({exc.strerror}); copy it to a local folder and try again")
            raise _Stop() from None
        if len(data) > P.MAX_PACKAGE_BYTES:  # grew while we looked
            check.add(None, "ファイルが大きすぎます", "the file is over the size limit")
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
        check.add(None, "ファイルが大きすぎます", "the file is over the size limit")
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
        check.add(None, "ファイルが大きすぎます", "the file is over the size limit")
        raise _Stop()
    zf = _open_zip(data, check)
    infos = _inspect_directory(zf, check)
    contents = {info.filename: _read_member(zf, info, check) for info in infos}
    check.stop_if_any()

    manifest = _parse_json(contents[P.MANIFEST], P.MANIFEST, check)
    check.stop_if_any()
    _check_format(manifest, check)
    _schema_check(manifest, "manifest", P.MANIFEST, check)
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
        check.stop_if_any()
        actions, action_findings = _check_actions(actions_doc, document, form, findings, check)
        check.stop_if_any()

    attachments = {n[len(P.ATTACHMENTS):]: b for n, b in contents.items()
                   if n.startswith(P.ATTACHMENTS)}
    if attachments:
        warnings.append(f"添付ファイル {len(attachments)} 件はこの版では取り込まれません / "
                        f"{len(attachments)} attachment(s) are not stored by this version")
    return Package(file=check.name, file_sha256=hashlib.sha256(data).hexdigest(),
                   size=len(data), manifest=manifest, document=document, form=form, team=team,
                   answers=answers, findings=findings, attachments=attachments,
                   warnings=warnings, actions=actions, action_findings=action_findings,
                   signature=signature)


def _open_zip(data: bytes, check: _Checker) -> zipfile.ZipFile:
    if not data:
        check.add(None, "空のファイルです（0 バイト）", "the file is empty (0 bytes)", fix=True)
        raise _Stop()
    looks_zip = data[:4] in (b"PK\x03\x04", b"PK\x05\x06")
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
            NotImplementedError) as exc:
        if looks_zip:
            check.add(None, "ZIP ファイルが途中で切れているか壊れています（コピーやメール添付の途中で欠けた可能性）",
                      f"the ZIP file is truncated or damaged ({exc}); it was probably cut short "
                      "while copying or mailing", fix=True)
        else:
            check.add(None, "提出ファイル（.kanwa）ではありません（ZIP 形式ではない）。"
                      "kanwa-review の「提出ファイルを書き出す」で作ったファイルを選んでください",
                      "not a submission file (.kanwa): it is not a ZIP file. Choose a file made "
                      "with kanwa-review's 'export submission file'")
        raise _Stop() from None


def _inspect_directory(zf: zipfile.ZipFile, check: _Checker) -> list[zipfile.ZipInfo]:
    """Everything decidable from the ZIP directory, before a single member is decompressed."""
    infos = zf.infolist()
    if len(infos) > P.MAX_MEMBERS:
        check.add(None, f"中身のファイルが多すぎます（{len(infos):,} 個、上限 {P.MAX_MEMBERS}）",
                  f"{len(infos):,} members in the ZIP; the limit is {P.MAX_MEMBERS}", fix=True)
        raise _Stop()
    if any(i.filename == "[Content_Types].xml" for i in infos):
        check.add(None, "Excel などの Office ファイルで、提出ファイル（.kanwa）ではありません。Excel評価票は"
                  "「Excel評価票の取込」で取り込んでください",
                  "an Office file (e.g. an Excel workbook), not a submission package; import "
                  "checklist workbooks with 'excel-import'")
        raise _Stop()
    seen: dict[str, str] = {}
    total = 0
    for info in infos:
        name = info.filename
        reason = P.unsafe_name_reason(name)
        if reason is not None:
            check.add(repr(name)[1:-1], "安全でない、またはこの形式にない名前です（" + reason.split(" / ")[0] + "）",
                      f"unsafe or unknown member name ({reason.split(' / ')[-1]})", fix=True)
            continue
        folded = name.casefold()
        if folded in seen:
            check.add(name, "同じ名前の中身が2つあります（重複）",
                      "the ZIP holds this member name twice (duplicate)", fix=True)
            continue
        seen[folded] = name
        if info.flag_bits & 0x1:
            check.add(name, "暗号化されています（この版の形式では使いません）",
                      "the member is encrypted, which this format does not use", fix=True)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            check.add(name, f"対応していない圧縮方式です（{info.compress_type}）",
                      f"unsupported compression method {info.compress_type}", fix=True)
        limit = P.member_limit(name)
        if info.file_size > limit:
            check.add(name, f"展開後のサイズが上限を超えます（{info.file_size:,} バイト、上限 {limit:,}）。"
                      "zip 爆弾の可能性があるため開きません",
                      f"declares {info.file_size:,} bytes uncompressed; the limit is {limit:,}. "
                      "Refused as a possible zip bomb", fix=True)
        elif (info.file_size > P.RATIO_FLOOR and info.compress_size
              and info.file_size / info.compress_size > P.MAX_RATIO):
            check.add(name, f"圧縮率が異常です（{info.file_size // info.compress_size}倍）。"
                      "zip 爆弾の可能性があるため開きません",
                      f"expands {info.file_size // info.compress_size}×; refused as a possible "
                      "zip bomb", fix=True)
        total += info.file_size
    if total > P.MAX_TOTAL_BYTES:
        check.add(None, f"展開後の合計サイズが上限を超えます（{total:,} バイト）",
                  f"{total:,} bytes uncompressed in total; the limit is {P.MAX_TOTAL_BYTES:,}",
                  fix=True)
    for required in P.REQUIRED_MEMBERS:
        if required not in seen:
            what = {"manifest.json": "目録 manifest.json", "review.json": "レビュー本体 review.json",
                    "form.json": "評価票 form.json"}[required]
            check.add(required, f"{what} がありません", f"{required} is missing", fix=True)
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
                    check.add(name, "宣言より大きく展開されます。zip 爆弾の可能性があるため読み込みを中止しました",
                              "expands beyond its declared size; reading was stopped (possible "
                              "zip bomb)", fix=True)
                    return b""
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
            NotImplementedError, RuntimeError) as exc:
        check.add(name, "中身が壊れています（CRC 不一致など）",
                  f"the member is damaged ({exc})", fix=True)
        return b""
    if len(out) != info.file_size:
        check.add(name, "宣言されたサイズと実際のサイズが違います",
                  f"{len(out):,} bytes read but {info.file_size:,} declared", fix=True)
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
        check.add(member, f"UTF-8 の文字として読めません（{exc.start} バイト目）",
                  f"not UTF-8 text (byte {exc.start})", fix=True)
        return None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except RecursionError:
        check.add(member, "JSON の入れ子が深すぎます", "JSON nested too deeply", fix=True)
    except ValueError as exc:  # json.JSONDecodeError is a ValueError
        check.add(member, f"JSON として読めません（{exc}）", f"not valid JSON ({exc})", fix=True)
    return None


def _check_format(manifest: Any, check: _Checker) -> None:
    """Format name and version first: a newer package may look different in every other way."""
    if not isinstance(manifest, dict) or manifest.get("format") != P.FORMAT_NAME:
        check.add(P.MANIFEST, "kanwa-review の提出ファイルではありません（format が kanwa-submission ではない）",
                  "not a kanwa-review submission package (format is not 'kanwa-submission')",
                  fix=True)
        raise _Stop()
    version = manifest.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > max(
            P.READABLE_VERSIONS):
        check.add(P.MANIFEST, f"このファイルは新しい形式（第{version}版）で作られています。"
                  f"このアプリが読めるのは第{max(P.READABLE_VERSIONS)}版までです。"
                  "アプリを更新してください",
                  f"this package uses format version {version}; this app reads up to version "
                  f"{max(P.READABLE_VERSIONS)}. Update the app (kanwa-review) to import it")
        raise _Stop()
    if version not in P.READABLE_VERSIONS or isinstance(version, bool):
        check.add(P.MANIFEST, f"不明な形式の版です（format_version = {json.dumps(version)[:40]}）",
                  f"unknown format version {json.dumps(version)[:40]}; this app reads versions "
                  f"{', '.join(map(str, P.READABLE_VERSIONS))}", fix=True)
        raise _Stop()


def _check_members_of_version(version: int, contents: dict[str, bytes], check: _Checker) -> None:
    """actions.json is required from version 2 on and unknown to version 1."""
    if version >= 2 and P.ACTIONS not in contents:
        check.add(P.ACTIONS, "改善計画 actions.json がありません",
                  f"{P.ACTIONS} is missing (required by format version {version})", fix=True)
    if version < 2 and P.ACTIONS in contents:
        check.add(P.ACTIONS, "第1版の形式には actions.json はありません（形式の版が食い違っています）",
                  f"format version 1 has no {P.ACTIONS}; the manifest's format_version is "
                  "wrong", fix=True)


_validators: dict[str, Draft202012Validator] = {}


def _validator(which: str) -> Draft202012Validator:
    v = _validators.get(which)
    if v is None:
        v = _validators[which] = Draft202012Validator(P.sub_schema(which))
    return v


_SCHEMA_JA = {
    "required": "必要な項目がありません", "type": "値の型が違います", "enum": "使えない値です",
    "const": "使えない値です", "additionalProperties": "この形式にない項目があります",
    "pattern": "値の形式が違います", "maxLength": "文字数が多すぎます", "minLength": "空です",
    "maxItems": "件数が多すぎます", "minItems": "件数が足りません",
    "minimum": "値が小さすぎます", "maximum": "値が大きすぎます",
}
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
    return v.is_valid(doc)


def _schema_check(doc: Any, which: str, member: str, check: _Checker) -> None:
    if _fast_valid(doc, which):
        return
    errors = sorted(_validator(which).iter_errors(doc), key=lambda e: list(map(str, e.path)))
    for err in errors[:MAX_REPORTED]:
        place = member + (f" › {_where(doc, err.path)}" if err.path else "")
        message = err.message if len(err.message) <= 160 else err.message[:157] + "…"
        check.add(place, _SCHEMA_JA.get(err.validator, "形式に合いません"), message, fix=True)
    if len(errors) > MAX_REPORTED:
        check.add(member, f"ほかに {len(errors) - MAX_REPORTED} 件の形式の問題があります",
                  f"{len(errors) - MAX_REPORTED} more schema problems")


def _check_member_hashes(manifest: dict, contents: dict[str, bytes], check: _Checker) -> None:
    listed: dict[str, dict] = {}
    for entry in manifest["members"]:
        if entry["name"] in listed or entry["name"] in (P.MANIFEST, P.SIGNATURE):
            check.add(f"{P.MANIFEST} › members", f"{entry['name']} の記載が不正です（重複または目録自身）",
                      f"{entry['name']} is listed twice or is the manifest itself", fix=True)
        listed[entry["name"]] = entry
    for name, data in contents.items():
        if name in (P.MANIFEST, P.SIGNATURE):
            continue
        entry = listed.get(name)
        if entry is None:
            check.add(name, "目録（manifest.json）に記載のない中身があります",
                      "the member is not listed in manifest.json", fix=True)
            continue
        if entry["size"] != len(data) or hashlib.sha256(data).hexdigest() != entry["sha256"]:
            check.add(name, "内容が目録のハッシュ値（SHA-256）と一致しません。ファイルが途中で"
                      "変更されたか壊れています",
                      "the content does not match its SHA-256 in manifest.json: the file was "
                      "altered or damaged after export", fix=True)
    for name in listed:
        if name not in contents:
            check.add(name, "目録に記載された中身がありません", "listed in manifest.json but missing",
                      fix=True)


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
        check.add(P.FORM, "評価票の内容が目録のハッシュ値と一致しません",
                  "the form's SHA-256 does not match the one in manifest.json", fix=True)
        return None
    form = _verified_forms.get(digest)
    if form is None:
        data = _parse_json(raw, P.FORM, check)
        if data is None:
            return None
        if not isinstance(data, dict):
            check.add(P.FORM, "評価票の形式ではありません", "not a form definition", fix=True)
            return None
        problems = _cross_checks(data, {}, P.FORM)
        try:
            form = Form.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors()[:MAX_REPORTED]:
                loc = " › ".join(str(x) for x in err["loc"])
                check.add(f"{P.FORM} › {loc}", "評価票の定義に誤りがあります", err["msg"], fix=True)
            return None
        except (FormError, ValueError) as exc:
            check.add(P.FORM, "評価票の定義に誤りがあります", str(exc)[:200], fix=True)
            return None
        for p in problems[:MAX_REPORTED]:
            check.add(P.FORM + (f" › {p.item}" if p.item else ""), "評価票の定義に誤りがあります",
                      p.message, fix=True)
        if problems:
            return None
        if form.sha256 != digest:
            check.add(P.FORM, "評価票が正規の形（canonical JSON）で書かれていません",
                      "form.json is not the canonical JSON of its form", fix=True)
            return None
        _verified_forms[digest] = form
    if form.id != ref["id"] or form.version != ref["version"]:
        check.add(P.FORM, f"評価票の ID・版が目録と違います（{form.id} {form.version}）",
                  f"the form is {form.id} {form.version}, the manifest says {ref['id']} "
                  f"{ref['version']}", fix=True)
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
            check.add(f"{P.REVIEW} › {place}", "目録（manifest.json）と内容が食い違っています",
                      "differs from manifest.json", fix=True)


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
            check.add(f"{P.REVIEW} › review › fiscal_year",
                      f"年度が訪問日と合いません（{visit} は {fiscal_year(visit)}年度）",
                      f"fiscal year {header['fiscal_year']} does not fit the visit date "
                      f"{visit} (FY{fiscal_year(visit)})", fix=True)
    except ValueError:
        check.add(f"{P.REVIEW} › review › visit_date", "訪問日が日付として正しくありません",
                  f"{header['visit_date']!r} is not a valid date", fix=True)
    for key in ("plan_due", "follow_up"):
        if header.get(key) is not None:
            try:
                date.fromisoformat(header[key])
            except ValueError:
                check.add(f"{P.REVIEW} › review › {key}", "日付として正しくありません",
                          f"{header[key]!r} is not a valid date", fix=True)
    for n, m in enumerate(doc["team"]):
        try:
            team.append(TeamMember(m["name"], m["role"], m["profession"], m["affiliation"]))
        except ValueError as exc:
            check.add(f"{P.REVIEW} › team[{n}]", "チームメンバーの記載が正しくありません", str(exc),
                      fix=True)
    if sum(1 for m in team if m.role == "leader") > 1:
        check.add(f"{P.REVIEW} › team", "リーダーが2人以上います", "the team has more than one leader",
                  fix=True)
    if form is None:
        return tuple(team), answers, findings, warnings
    seen: set[str] = set()
    for n, a in enumerate(doc["answers"]):
        code = a["item_code"]
        place = f"{P.REVIEW} › answers[{n}] ({code})"
        if code in seen:
            check.add(place, "同じ項目の回答が2つあります", "a second answer for the same item", fix=True)
            continue
        seen.add(code)
        raw = Answer(item_code=code, self_rating=a.get("self_rating"), rating=a.get("rating"),
                     value=a.get("value"), period=a.get("period"),
                     evidence=a.get("evidence", ""), comment=a.get("comment", ""))
        try:
            answer = normalise_answer(form, raw)
        except AnswerError as exc:
            if not form.has_item(code):
                check.add(place, f"評価票 {form.id} {form.version} にない項目コードです",
                          f"item {code} is not in form {form.id} {form.version}", fix=True)
            else:
                check.add(place, "回答が評価票の項目に合いません（評価の記号・値の種類など）", str(exc),
                          fix=True)
            continue
        if not answer.is_empty():
            answers.append((answer, AnswerMeta(a.get("updated_at"), a.get("updated_by"))))
    for n, f in enumerate(doc["findings"]):
        unknown = [c for c in f["item_codes"] if not form.has_item(c)]
        if unknown:
            check.add(f"{P.REVIEW} › findings[{n}] › item_codes",
                      f"評価票にない項目コードがあります（{', '.join(unknown[:5])}）",
                      f"item codes not in form {form.id} {form.version}: {unknown[:5]}", fix=True)
            continue
        findings.append((Finding(kind=f["kind"], text=f["text"], item_codes=tuple(f["item_codes"]),
                                 position=f["position"]), f.get("created_at"), f.get("updated_at")))
    if check.problems:
        return tuple(team), answers, findings, warnings
    missing = gaps(form, {a.item_code: a for a, _m in answers})
    if missing:
        warnings.append(f"必須の回答・コメントが {len(missing)} 件不足したまま確定されています / "
                        f"{len(missing)} required answers or comments are missing although the "
                        "review is final")
    if not any(e["action"] == "finalise" and e["revision"] == header["revision"]
               for e in doc["audit"]):
        warnings.append("監査記録に確定の記録がありません / the audit trail holds no finalisation "
                        "entry for this revision")
    return tuple(team), answers, findings, warnings


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
        check.add(P.ACTIONS, "改善計画の施設・レビューが review.json と食い違っています",
                  f"facility_code/review_uuid differ from review.json ({code}, {uuid})", fix=True)
        return out, links
    held_findings = {(f.kind, f.position) for f, _c, _u in findings}
    seen: set[str] = set()
    for n, entry in enumerate(doc["actions"]):
        place = f"{P.ACTIONS} › actions[{n}] ({entry['uuid']})"
        if entry["uuid"] in seen:
            check.add(place, "同じ改善計画（UUID）が2つあります", "the same action uuid appears twice",
                      fix=True)
            continue
        seen.add(entry["uuid"])
        if entry["facility_code"] != code:
            check.add(f"{place} › facility_code", f"別の施設（{entry['facility_code']}）の改善計画です",
                      f"the action belongs to facility {entry['facility_code']}, not {code}",
                      fix=True)
            continue
        try:
            action = action_from_dict(entry)
            check_not_future(action.updated_at)
            for p in action.progress:
                check_not_future(p.at)
        except ValueError as exc:
            check.add(place, "改善計画の記載が正しくありません", str(exc), fix=True)
            continue
        if action.origin_review_uuid == uuid:
            if action.origin_revision is not None and action.origin_revision > revision:
                check.add(f"{place} › origin_revision", "このレビューより新しい版を指しています",
                          f"origin revision {action.origin_revision} is after revision "
                          f"{revision} of this review", fix=True)
            unknown = [c for c in action.item_codes if form is not None and not form.has_item(c)]
            if unknown:
                check.add(f"{place} › item_codes", f"評価票にない項目コードがあります（{', '.join(unknown[:5])}）",
                          f"item codes not in the form: {unknown[:5]}", fix=True)
                continue
            finding = entry.get("finding")
            if finding:
                key = (finding["kind"], finding["position"])
                if key not in held_findings:
                    check.add(f"{place} › finding", "対応する所見がこのレビューにありません",
                              f"no {key[0]} finding at position {key[1]} in review.json",
                              fix=True)
                    continue
                links[action.uuid] = key
        elif entry.get("finding"):
            check.add(f"{place} › finding", "所見への対応は、このレビューで決めた改善計画にだけ書けます",
                      "a finding link is only allowed on actions agreed at this review", fix=True)
            continue
        out.append(action)
    return out, links
