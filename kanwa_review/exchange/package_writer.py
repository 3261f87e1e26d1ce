"""Writing a submission package (.kanwa, format version 3: the review with its hash-chained
audit trail, its form, the facility's improvement actions in actions.json, and optionally a
signature over the manifest and a sealed envelope for the hub) from core objects; no database.

The package is built in memory, checked by the same reader the hub uses (so the app never
hands out a file it would itself refuse), then written next to its destination and moved into
place, so an interrupted export leaves no half-written .kanwa behind. What goes in is gathered
by `Services.export_package` (services/exports.py).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kanwa_review import __version__
from kanwa_review.core import audit_chain
from kanwa_review.core.file_errors import IN_USE_WINERRORS
from kanwa_review.core.form import Form, item_sort_key
from kanwa_review.core.pdca import ImprovementAction
from kanwa_review.core.review import (
    VISIT_OVERVIEW_LABELS,
    Answer, AnswerMeta, Facility, Finding, Review, ReviewStateError, TeamMember,
)
from kanwa_review.core.i18n import translate
from kanwa_review.exchange import package_format as P

if TYPE_CHECKING:
    from kanwa_review.exchange.keys import PrivateKey, PublicKey

APP_NAME = "kanwa-review"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    uuid: str
    revision: int
    size: int
    answers: int
    findings: int
    actions: int = 0
    signer: str | None = None          # fingerprint of the key that signed the package
    encrypted_for: str | None = None   # fingerprint of the key it was sealed for (the hub)


def _now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _json_bytes(data: Any) -> bytes:
    # Indented and key-sorted: stable bytes for the same content, readable in a text editor.
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def proposed_file_name(review: Review) -> str:
    """FACILITYCODE_YYYYMMDD_rN.kanwa — what the save dialog and the CLI docs propose."""
    return f"{review.facility_code}_{review.visit_date:%Y%m%d}_r{review.revision}{P.SUFFIX}"


# --- the review document -------------------------------------------------------------------

def _answer_entry(a: Answer, meta: AnswerMeta) -> dict:
    return {"item_code": a.item_code, "self_rating": a.self_rating, "rating": a.rating,
            "value": a.value, "period": a.period, "evidence": a.evidence or "",
            "comment": a.comment or "", "updated_at": meta.updated_at,
            "updated_by": meta.updated_by}


def _finding_entry(f: Finding, created_at: str | None, updated_at: str | None) -> dict:
    return {"kind": f.kind, "text": f.text, "item_codes": list(f.item_codes),
            "position": f.position, "created_at": created_at, "updated_at": updated_at}


def _audit_entry(entry: dict) -> dict:
    return {k: entry.get(k) for k in ("at", "actor", "revision", "entity", "key", "action",
                                      "old", "new")}


_KINDS = {"strength": 0, "improve": 1, "recommendation": 2}


def review_document(review: Review, form: Form, facility: Facility,
                    answers: list[tuple[Answer, AnswerMeta]],
                    findings: list[tuple[Finding, str | None, str | None]],
                    audit: list[dict] | None = None) -> dict:
    """review.json of one revision (also what the import compares a held revision by).

    `audit`: the review's audit entries (decoded); this revision's story and every earlier
    one's are kept, not later amendments. None writes an empty trail."""
    order = {item.code: n for n, item in enumerate(form.items())}
    answers = sorted(answers, key=lambda am: (order.get(am[0].item_code, len(order)),
                                              item_sort_key(am[0].item_code)))
    findings = sorted(findings, key=lambda fc: (_KINDS.get(fc[0].kind, 9), fc[0].position,
                                                fc[0].id))
    doc = {
        "facility": {"code": facility.code, "name": facility.name,
                     "prefecture": facility.prefecture or "",
                     "category": facility.category or "other"},
        "review": {"uuid": review.uuid, "revision": review.revision, "status": review.status,
                   "form": {"id": form.id, "version": form.version, "sha256": form.sha256},
                   "visit_date": review.visit_date.isoformat(),
                   "fiscal_year": review.fiscal_year, "created_at": review.created_at,
                   "updated_at": review.updated_at, "finalised_at": review.finalised_at,
                   "finalised_by": review.finalised_by,
                   **details_dict(review)},
        "team": [member_dict(m) for m in review.team],
        "answers": [_answer_entry(a, m) for a, m in answers],
        "findings": [_finding_entry(f, c, u) for f, c, u in findings],
        "audit": [],
    }
    if audit is not None:
        # An older revision's trail stops where the next revision began: whatever is written
        # later (e.g. progress on its actions) belongs to the later revisions' trails, so every
        # revision's trail is the start of the next one's (the hub checks that it is).
        later = next((n for n, e in enumerate(audit)
                      if e["revision"] is not None and e["revision"] > review.revision),
                     len(audit))
        doc["audit"] = [_audit_entry(e) for e in audit[:later]
                        if e["revision"] is None or e["revision"] <= review.revision]
    return doc


def actions_document(review: Review, actions: list[ImprovementAction],
                     findings: list[Finding]) -> dict:
    """actions.json: every improvement action of the review's facility held (`actions`), with
    its progress notes. All of them, not only those agreed at this review: an older action's
    progress checked at this visit travels too, and the importer's stale rule keeps a newer
    state held at the hub. A finding link (to one of `findings`, this revision's) is given by
    kind and position (ids are local)."""
    by_id = {f.id: {"kind": f.kind, "position": f.position} for f in findings}
    out = []
    for a in actions:
        entry = a.to_dict()
        finding_id = entry.pop("finding_id")
        entry["finding"] = by_id.get(finding_id) if a.origin_review_uuid == review.uuid \
            else None
        out.append(entry)
    return {"facility_code": review.facility_code, "review_uuid": review.uuid, "actions": out}


def details_dict(review: Review) -> dict:
    """The review's 総評, visit overview, plan dates and facility category as review.json
    carries them (optional properties: files of older versions have none of them)."""
    return {"facility_category": review.facility_category,
            "overall_comment": review.overall_comment,
            "visit_overview": review.overview.as_dict(),
            "plan_due": review.plan_due.isoformat() if review.plan_due else None,
            "follow_up": review.follow_up.isoformat() if review.follow_up else None}


def header_details(header: dict) -> dict:
    """The details of a review.json header (総評, visit overview, plan dates), absent ones
    empty: DETAIL_COLUMNS key -> text, or ISO date / None."""
    overview = header.get("visit_overview") or {}
    out = {"overall_comment": header.get("overall_comment") or ""}
    out.update({key: overview.get(key) or "" for key in VISIT_OVERVIEW_LABELS})
    out.update({key: header.get(key) for key in ("plan_due", "follow_up")})
    return out


def member_dict(m: TeamMember) -> dict:
    return {"name": m.name, "role": m.role, "profession": m.profession,
            "affiliation": m.affiliation}


# --- the ZIP -------------------------------------------------------------------------------

def _zip_time(timestamp: str | None) -> tuple[int, int, int, int, int, int]:
    """Member timestamps are the finalisation time (UTC), so the same revision exported twice
    gives members with the same dates."""
    try:
        t = datetime.fromisoformat(timestamp or "").astimezone(timezone.utc)
    except (ValueError, OverflowError):  # year 1 with +09:00 cannot be moved to UTC
        return (1980, 1, 1, 0, 0, 0)
    return (max(t.year, 1980), t.month, t.day, t.hour, t.minute, t.second)


def build_package(doc: dict, form_json: str, *, created_at: str | None = None,
                  attachments: dict[str, bytes] | None = None, actions: dict | None = None,
                  format_version: int = P.FORMAT_VERSION,
                  signer: PrivateKey | None = None) -> bytes:
    """The bytes of a .kanwa package for a review document and its form's canonical JSON.

    Version 3 (the default) chains the audit trail (each entry carries the hash of the one
    before; count and head in the manifest) and, given `signer`, adds signature.json: an
    Ed25519 signature over manifest.json, which names the signer. Versions 2 and 3 carry
    `actions` (an `actions_document`; none given = an empty plan). `format_version` 1 or 2
    writes an older layout, for tests and fixtures only."""
    r = doc["review"]
    chain = None
    if format_version >= 3:
        linked, head = audit_chain.link(doc["audit"], r["uuid"])
        doc = dict(doc, audit=linked)
        chain = {"count": len(linked), "head": head}
    elif signer is not None:
        raise ValueError("only format version 3 can be signed")
    members: list[tuple[str, bytes]] = [(P.REVIEW, _json_bytes(doc)),
                                        (P.FORM, form_json.encode("utf-8"))]
    if format_version >= 2:
        if actions is None:
            actions = {"facility_code": doc["facility"]["code"], "review_uuid": r["uuid"],
                       "actions": []}
        members.append((P.ACTIONS, _json_bytes(actions)))
    elif actions is not None:
        raise ValueError("format version 1 cannot carry improvement actions")
    for name, data in sorted((attachments or {}).items()):
        members.append((P.ATTACHMENTS + name, data))
    manifest = {
        "format": P.FORMAT_NAME,
        "format_version": format_version,
        "app": {"name": APP_NAME, "version": __version__},
        "created_at": created_at or _now_iso(),
        "review": {"uuid": r["uuid"], "revision": r["revision"], "status": r["status"],
                   "visit_date": r["visit_date"], "finalised_at": r["finalised_at"],
                   "finalised_by": r["finalised_by"]},
        "form": dict(r["form"]),
        "facility": {"code": doc["facility"]["code"], "name": doc["facility"]["name"]},
        "team": doc["team"],
        "members": [{"name": name, "sha256": hashlib.sha256(data).hexdigest(),
                     "size": len(data)} for name, data in members],
    }
    if chain is not None:
        manifest["audit"] = chain
    if signer is not None:
        from kanwa_review.exchange.envelope import sign

        pub = signer.public
        manifest["signer"] = {"name": pub.name, "fingerprint": pub.fingerprint,
                              "sign_public": base64.b64encode(pub.sign_public).decode("ascii"),
                              "box_public": base64.b64encode(pub.box_public).decode("ascii")}
    manifest_bytes = _json_bytes(manifest)
    tail: list[tuple[str, bytes]] = []
    if signer is not None:
        # The one member the manifest cannot list: it signs the manifest's exact bytes.
        signature = base64.b64encode(sign(manifest_bytes, signer)).decode("ascii")
        tail.append((P.SIGNATURE, _json_bytes({"algorithm": "Ed25519",
                                               "signature": signature})))
    when = _zip_time(r["finalised_at"])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in [(P.MANIFEST, manifest_bytes)] + members + tail:
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3                      # same bytes on every platform
            info.external_attr = 0o644 << 16
            zf.writestr(info, data, compresslevel=6)
    return buf.getvalue()


def draft_refusal(review: Review, earlier_final: int | None) -> ReviewStateError:
    """Why a draft cannot be exported (`earlier_final`: its latest final revision, if any)."""
    hint = (translate("Export", "（確定済みの第{revision}版があります）").format(revision=earlier_final)
            if earlier_final else "")
    return ReviewStateError(translate(
        "Export", "{facility} {visit} の第{revision}版は下書きです{hint}。提出ファイルは確定したレビューだけ"
                  "から作れます。レビューを確定してから書き出してください。").format(
                      facility=review.facility_code, visit=review.visit_date,
                      revision=review.revision, hint=hint))


def seal_package(data: bytes, recipient: PublicKey) -> bytes:
    """A package encrypted for the hub (`recipient`): exchange/envelope.py."""
    from kanwa_review.exchange.envelope import seal

    sealed = seal(data, recipient)
    if len(sealed) > P.MAX_PACKAGE_BYTES:
        raise ValueError(translate("Export", "暗号化した提出ファイルが上限（{limit} バイト）を超えます").format(
            limit=f"{P.MAX_PACKAGE_BYTES:,}"))
    return sealed


def write_package(review: Review, data: bytes, out: str | Path, *,
                  recipient: PublicKey | None = None) -> ExportResult:
    """Check the package bytes with the reader the hub uses, then write them to `out`
    (`.kanwa` added when missing) atomically; sealed for `recipient` when given."""
    from kanwa_review.exchange.package_reader import PackageRejected, read_package_bytes

    out = Path(out).expanduser()
    if out.suffix.lower() != P.SUFFIX:
        out = out.with_name(out.name + P.SUFFIX)
    try:
        # Never hand out a file the hub would refuse (e.g. data written by an old version).
        package = read_package_bytes(data, out.name)
    except PackageRejected as exc:
        raise ValueError(translate("Export", "書き出しを中止しました。このレビューの内容が提出形式に合いません:")
                         + "\n" + "\n".join(exc.problems)) from None
    signer = package.signature.signer_fingerprint
    if recipient is not None:
        data = seal_package(data, recipient)
    if not out.parent.is_dir():
        raise ValueError(translate(
            "Export", "{folder}: 保存先のフォルダがありません。作成するか別の場所を選んでください").format(
                folder=out.parent))
    fd, tmp = tempfile.mkstemp(prefix=".kanwa-", suffix=".part", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, PermissionError) or getattr(exc, "winerror", None) in IN_USE_WINERRORS:
            raise   # held open or refused: the services say which (core/file_errors.py)
        raise ValueError(translate(
            "Export", "{file}: 書き込めませんでした（{reason}）。別の場所を選んでください").format(
                file=out, reason=exc.strerror)) from None
    return ExportResult(out, review.uuid, review.revision, len(data), len(package.answers),
                        len(package.findings), len(package.actions), signer,
                        recipient.fingerprint if recipient is not None else None)
