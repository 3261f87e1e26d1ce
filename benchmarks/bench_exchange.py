"""Submission package figures (issue 4): import of 1,000 packages made from demo data
(target ≤ 20 s), re-import of the same 1,000 (target ≤ 5 s, every file "unchanged"), and a bare
baseline in the same run — unzip + JSON parse + sqlite-utils insert of the same rows, no checks,
one transaction per file like the real import — with the ratio of the two.

Issue 13: the same 1,000 packages exported and imported plain and signed + encrypted (an
Ed25519 signature, sealed for the hub's X25519 key, imported with the hub's key against a trust
list); signing and encryption may add at most 10 % to either."""

from __future__ import annotations

import copy
import io
import json
import tempfile
import time
import uuid as uuidlib
import zipfile
from datetime import date
from pathlib import Path

import sqlite_utils

from kanwa_review.core.form import default_form_path, load_form
from kanwa_review.demo import generate
from kanwa_review.exchange.keys import generate as generate_key
from kanwa_review.exchange.package_writer import build_package, seal_package
from kanwa_review.services import Services
from kanwa_review.store import open_database

_NS = uuidlib.UUID("6f1c0c52-9a8e-4c1b-a0b4-1d5a8f3e2b77")


def _packages(folder: Path, count: int, facilities: int, *, signer=None,
              hub=None) -> tuple[list[Path], list[Path], float, float]:
    """`count` packages: the demo's finalised reviews, cloned under new ids and facilities,
    each written plain (in `folder`) and signed by `signer` and sealed for `hub` (in
    `folder`/secure); with the seconds spent building and writing each kind. The two kinds
    are made in turn, file by file, so a machine busy with other work slows both alike."""
    form = load_form(default_form_path())
    db = open_database(folder / "team.sqlite")
    try:
        generate(db, form, facilities=facilities, years=3, seed=5, today=date(2026, 11, 1))
        services = Services(db)
        finals = [r for r in services.list_reviews() if r.status == "final"]
        docs = [services.review_document(r.uuid) for r in finals]
    finally:
        db.close()
    canonical = form.canonical_json()
    clones = []
    for n in range(count):
        doc = copy.deepcopy(docs[n % len(docs)])
        doc["review"]["uuid"] = str(uuidlib.uuid5(_NS, str(n)))
        code = f"B{n % 400:03d}"
        doc["facility"]["code"], doc["facility"]["name"] = code, f"架空県 ベンチ病院 {code}"
        clones.append((folder / f"{code}_{n:04d}.kanwa", doc))
    secure_folder = folder / "secure"
    secure_folder.mkdir()
    plain_s = secure_s = 0.0
    for path, doc in clones:
        t = time.perf_counter()
        path.write_bytes(build_package(doc, canonical, created_at="2026-11-01T00:00:00+09:00"))
        t2 = time.perf_counter()
        data = build_package(doc, canonical, created_at="2026-11-01T00:00:00+09:00",
                             signer=signer)
        (secure_folder / path.name).write_bytes(seal_package(data, hub))
        secure_s += time.perf_counter() - t2
        plain_s += t2 - t
    return ([p for p, _d in clones], [secure_folder / p.name for p, _d in clones], plain_s,
            secure_s)


def _baseline(paths: list[Path], db_path: Path) -> float:
    """The same rows without any check: what the safety and the model cost is measured against."""
    db = sqlite_utils.Database(db_path)
    db.conn.execute("PRAGMA journal_mode = WAL")
    db.conn.execute("PRAGMA synchronous = FULL")
    t = time.perf_counter()
    for p in paths:
        with zipfile.ZipFile(io.BytesIO(p.read_bytes())) as zf:
            doc = json.loads(zf.read("review.json"))
            zf.read("form.json")
        r = doc["review"]
        with db.conn:
            db["reviews"].insert({"uuid": r["uuid"], "revision": r["revision"],
                                  "facility": doc["facility"]["code"], "status": r["status"],
                                  "visit_date": r["visit_date"]})
            rid = db["reviews"].last_pk
            db["team_members"].insert_all([dict(m, review_id=rid) for m in doc["team"]])
            db["answers"].insert_all([dict(a, review_id=rid, value=json.dumps(a["value"]))
                                      for a in doc["answers"]])
            db["findings"].insert_all([dict(f, review_id=rid, item_codes=json.dumps(
                f["item_codes"])) for f in doc["findings"]])
            db["audit"].insert_all([dict(e, review_uuid=r["uuid"], old=json.dumps(e["old"]),
                                         new=json.dumps(e["new"])) for e in doc["audit"]])
    elapsed = time.perf_counter() - t
    db.close()
    return elapsed


def run(quick: bool = False):
    count = 100 if quick else 1000
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        leader, hub_key = generate_key("bench leader"), generate_key("bench hub")
        paths, secure, t_export, t_export_secure = _packages(
            tmp, count, 6 if quick else 12, signer=leader, hub=hub_key.public)
        size = sum(p.stat().st_size for p in paths)

        # plain and signed + encrypted imports in turn, file by file (see _packages)
        hub = open_database(tmp / "hub.sqlite")
        importer = Services(hub, actor="bench")
        secure_hub = open_database(tmp / "secure-hub.sqlite")
        secure_importer = Services(secure_hub, actor="bench")
        secure_importer.trust_key(leader.public)
        t_import = t_import_secure = 0.0
        results, signed = [], []
        for plain_file, secure_file in zip(paths, secure):
            t = time.perf_counter()
            results += importer.import_packages([plain_file])
            t2 = time.perf_counter()
            signed += secure_importer.import_packages([secure_file], key=hub_key,
                                                      require_signature=True)
            t_import_secure += time.perf_counter() - t2
            t_import += t2 - t
        assert all(r.status == "imported" for r in results), results[0]
        assert all((r.status, r.signature) == ("imported", "trusted") for r in signed), signed[0]
        secure_hub.close()
        t = time.perf_counter()
        again = importer.import_packages(paths)
        t_reimport = time.perf_counter() - t
        assert all(r.status == "unchanged" for r in again)
        # the same reviews in files not seen before (e.g. exported again by the team): every
        # file is verified in full and compared with the held revision
        with hub.transaction():
            hub.conn.execute("DELETE FROM package_imports")
        t = time.perf_counter()
        full = importer.import_packages(paths)
        t_reimport_full = time.perf_counter() - t
        assert all(r.status == "unchanged" for r in full)
        rows = hub.query("SELECT (SELECT count(*) FROM answers) AS a, "
                         "(SELECT count(*) FROM audit) AS u")[0]
        hub.close()
        t_base = _baseline(paths, tmp / "baseline.sqlite")

    yield {"name": "package_import_s", "value": round(t_import, 2), "unit": "s",
           "target": 20.0 if not quick else None, "files": count,
           "per_file_ms": round(1000 * t_import / count, 1), "answers": rows["a"],
           "audit_rows": rows["u"], "mb": round(size / 1e6, 1),
           "note": "verify every check + one transaction per file (WAL, synchronous=FULL)"}
    yield {"name": "package_reimport_s", "value": round(t_reimport, 2), "unit": "s",
           "target": 5.0 if not quick else None, "files": count,
           "per_file_ms": round(1000 * t_reimport / count, 1),
           "note": "the same files again: recognised by SHA-256 as applied before, nothing written"}
    yield {"name": "package_reimport_unseen_files_s", "value": round(t_reimport_full, 2),
           "unit": "s", "files": count, "per_file_ms": round(1000 * t_reimport_full / count, 1),
           "note": "same revisions in files not seen before: full verification + comparison"}
    yield {"name": "package_baseline_s", "value": round(t_base, 2), "unit": "s", "files": count,
           "note": "unzip + json.loads + sqlite-utils insert of the same rows, no checks"}
    yield {"name": "package_import_vs_baseline", "value": round(t_import / t_base, 2),
           "unit": "×", "note": "checked import time / bare baseline time"}
    yield {"name": "package_export_s", "value": round(t_export, 2), "unit": "s", "files": count,
           "per_file_ms": round(1000 * t_export / count, 1),
           "note": "build (chained audit trail) + write, unsigned"}
    yield {"name": "package_export_signed_encrypted_s", "value": round(t_export_secure, 2),
           "unit": "s", "files": count, "per_file_ms": round(1000 * t_export_secure / count, 1),
           "note": "the same, signed (Ed25519) and sealed for the hub (X25519, ChaCha20-Poly1305)"}
    yield {"name": "package_export_signed_encrypted_overhead", "unit": "%",
           "value": round(100 * (t_export_secure / t_export - 1), 1), "target": 10.0,
           "note": "signing + encryption added to the export"}
    yield {"name": "package_import_signed_encrypted_s", "value": round(t_import_secure, 2),
           "unit": "s", "files": count, "per_file_ms": round(1000 * t_import_secure / count, 1),
           "note": "opened with the hub key, signature checked against the trust list, "
                   "--require-signature"}
    yield {"name": "package_import_signed_encrypted_overhead", "unit": "%",
           "value": round(100 * (t_import_secure / t_import - 1), 1), "target": 10.0,
           "note": "signing + encryption added to the import"}
