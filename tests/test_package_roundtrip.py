"""Export → import: a review arrives identical, a second import is a no-op, a higher revision
supersedes, a lower one is reported and not applied, conflicts are refused."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from kanwa_review.core.review import ReviewStateError
from kanwa_review.exchange import package_format as P
from kanwa_review.exchange.importer import expand_paths
from kanwa_review.exchange.package_reader import read_package
from kanwa_review.exchange.package_writer import build_package, proposed_file_name
from kanwa_review.services import Services
from kanwa_review.store import open_database

HOSTILE = Path(__file__).parent / "data" / "hostile"


@pytest.fixture
def hub(tmp_path):
    db = open_database(tmp_path / "hub.sqlite")
    yield db
    db.close()


def _rows(database, sql, *params):
    return [dict(r) for r in database.query(sql, params)]


def _content(database, uuid, revision):
    """Every answer, finding, team member and the finalisation audit of one revision."""
    rid = database.query("SELECT id FROM reviews WHERE uuid = ? AND revision = ?",
                         (uuid, revision))[0]["id"]
    strip = lambda rows, *drop: [{k: v for k, v in r.items() if k not in drop} for r in rows]  # noqa: E731
    return {
        "review": strip(_rows(database, "SELECT * FROM reviews WHERE id = ?", rid),
                        "id", "facility_id", "last_item", "superseded"),
        "answers": strip(_rows(database, "SELECT * FROM answers WHERE review_id = ? ORDER BY "
                               "item_code", rid), "review_id"),
        "findings": strip(_rows(database, "SELECT * FROM findings WHERE review_id = ? ORDER BY "
                                "kind, position", rid), "id", "review_id"),
        "team": strip(_rows(database, "SELECT * FROM team_members WHERE review_id = ? ORDER BY "
                            "position", rid), "id", "review_id"),
        "finalise": strip(_rows(database, "SELECT * FROM audit WHERE review_uuid = ? AND "
                                "revision = ? AND action = 'finalise'", uuid, revision), "id"),
    }


def test_round_trip_is_identical_and_twice_is_a_no_op(services, final_review, hub, tmp_path):
    out = services.export_package(final_review.uuid, tmp_path / "x.kanwa")
    assert out.path.name == "x.kanwa" and out.revision == 1
    first = Services(hub, actor="拠点 事務").import_package(out.path)
    assert (first.status, first.review, first.revision, first.errors) == \
        ("imported", final_review.uuid, 1, [])
    assert _content(hub, final_review.uuid, 1) == _content(services.database, final_review.uuid, 1)
    assert _content(hub, final_review.uuid, 1)["finalise"]        # the signature travelled
    src_audit = [(a["at"], a["actor"], a["action"], a["old"], a["new"])
                 for a in services.audit_trail(final_review.uuid)]
    hub_audit = [(a["at"], a["actor"], a["action"], a["old"], a["new"])
                 for a in Services(hub).audit_trail(final_review.uuid)]
    assert hub_audit[:-1] == src_audit and hub_audit[-1][2] == "import"
    # the hub sees the same review through the services, scores and all
    a, b = services.load(final_review.uuid), Services(hub).load(final_review.uuid)
    assert a.answers == b.answers and a.findings[0].text == b.findings[0].text
    assert a.review.team == b.review.team and b.review.is_final
    assert a.scores() == b.scores()

    counts = {t: hub.query(f"SELECT count(*) AS n FROM {t}")[0]["n"]
              for t in ("reviews", "answers", "findings", "audit", "facilities", "package_imports")}
    second = Services(hub).import_package(out.path)
    assert second.status == "unchanged" and second.errors == []
    assert counts == {t: hub.query(f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in counts}
    log = hub.query("SELECT * FROM package_imports")
    assert [(r["file_name"], r["result"], r["revision"]) for r in log] == [("x.kanwa", "imported", 1)]


def test_facility_unknown_at_the_hub_is_created_with_a_warning(final_review, services, hub,
                                                               tmp_path):
    out = services.export_package(final_review.uuid, tmp_path / "x.kanwa")
    result = Services(hub).import_package(out.path)
    assert any("F001" in w and "新しく登録しました" in w for w in result.warnings)
    f = Services(hub).facilities()[0]
    assert (f.code, f.name, f.prefecture, f.category) == \
        ("F001", "架空県立がんセンター", "架空県", "prefectural")


def test_export_refuses_a_draft_with_a_clear_message(services, draft, tmp_path):
    with pytest.raises(ReviewStateError) as info:
        services.export_package(draft.uuid, tmp_path / "d.kanwa")
    assert "下書き" in str(info.value) and "確定してから書き出して" in str(info.value)
    assert not list(tmp_path.glob("*.kanwa*"))


def test_export_of_an_unknown_review_names_the_uuid(services, tmp_path):
    with pytest.raises(LookupError) as info:
        services.export_package("0000", tmp_path / "d.kanwa")
    assert "0000" in str(info.value)


def test_package_layout_manifest_and_determinism(services, final_review, mini_form):
    review, data = services.package_bytes(final_review.uuid)
    zf = zipfile.ZipFile(io.BytesIO(data))
    assert zf.namelist() == [P.MANIFEST, P.REVIEW, P.FORM, P.ACTIONS]       # fixed order
    manifest = json.loads(zf.read(P.MANIFEST))
    assert manifest["format"] == "kanwa-submission" and manifest["format_version"] == 3
    assert "signer" not in manifest and manifest["audit"]["count"] >= 1  # unsigned, chained
    assert manifest["review"]["uuid"] == final_review.uuid and manifest["review"]["revision"] == 1
    assert manifest["form"] == {"id": "mini-test", "version": "1", "sha256": mini_form.sha256}
    assert manifest["facility"] == {"code": "F001", "name": "架空県立がんセンター"}
    assert [m["name"] for m in manifest["team"]] == ["山田 花子", "鈴木 一郎"]
    assert zf.read(P.FORM).decode() == mini_form.canonical_json()
    assert {m["name"] for m in manifest["members"]} == {P.REVIEW, P.FORM, P.ACTIONS}
    # same content, same creation time → same bytes; member times are the finalisation time
    doc = services.review_document(review.uuid, review.revision)
    one = build_package(doc, mini_form.canonical_json(), created_at="2025-11-21T00:00:00+00:00")
    two = build_package(doc, mini_form.canonical_json(), created_at="2025-11-21T00:00:00+00:00")
    assert one == two
    assert proposed_file_name(review) == "F001_20251120_r1.kanwa"
    assert any(a["action"] == "finalise" for a in doc["audit"])


def test_higher_revision_supersedes_and_lower_is_reported_not_applied(services, final_review,
                                                                     hub, tmp_path):
    uuid = final_review.uuid
    r1 = services.export_package(uuid, tmp_path / "r1.kanwa").path
    services.amend(uuid, "A-2 の評価を修正")
    services.set_answer(uuid, "A-2", rating="B", comment="計画を文書化した")
    services.finalise(uuid, "山田 花子")
    r2 = services.export_package(uuid, tmp_path / "r2.kanwa").path
    assert [r.status for r in Services(hub).import_packages([r1, r2])] == ["imported", "superseded"]
    rows = hub.query("SELECT revision, status, superseded FROM reviews WHERE uuid = ? "
                     "ORDER BY revision", (uuid,))
    assert [tuple(r) for r in rows] == [(1, "final", 1), (2, "final", 0)]   # 1 kept in history
    assert Services(hub).load(uuid).answers["A-2"].rating == "B"
    assert _content(hub, uuid, 2) == _content(services.database, uuid, 2)
    before = hub.query("SELECT count(*) AS n FROM audit")[0]["n"]
    # revision 1 again: already held → unchanged; a hub holding only 2 refuses 1
    assert Services(hub).import_package(r1).status == "unchanged"
    other = open_database(tmp_path / "other.sqlite")
    try:
        assert Services(other).import_package(r2).status == "imported"
        lower = Services(other).import_package(r1)
        assert lower.status == "rejected" and "古い版" in lower.errors[0] \
            and "既に第2版がある" in lower.errors[0]
        assert [r["revision"] for r in other.query("SELECT revision FROM reviews")] == [2]
    finally:
        other.close()
    assert hub.query("SELECT count(*) AS n FROM audit")[0]["n"] == before
    # the audit of revision 1 was not copied twice when revision 2 arrived
    finals = hub.query("SELECT revision FROM audit WHERE review_uuid = ? AND action = "
                       "'finalise' ORDER BY revision", (uuid,))
    assert [r["revision"] for r in finals] == [1, 2]


def test_same_uuid_claimed_by_another_facility_is_refused(hub):
    assert Services(hub).import_package(HOSTILE / "valid.kanwa").status == "imported"
    result = Services(hub).import_package(HOSTILE / "other_facility.kanwa")
    assert result.status == "rejected"
    assert "H001" in result.errors[0] and "H999" in result.errors[0]
    assert "別の施設" in result.errors[0] and "送付元に確認" in result.errors[0]
    assert [f.code for f in Services(hub).facilities()] == ["H001"]


def test_same_revision_with_different_content_is_a_conflict(hub, tmp_path):
    spec_dir = HOSTILE
    import importlib.util

    spec = importlib.util.spec_from_file_location("mh", spec_dir / "make_hostile.py")
    mh = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mh)
    doc = mh.base_document()
    doc["answers"][1]["comment"] = "別の内容"
    changed = tmp_path / "changed.kanwa"
    changed.write_bytes(mh.package(doc))
    assert Services(hub).import_package(HOSTILE / "valid.kanwa").status == "imported"
    result = Services(hub).import_package(changed)
    assert result.status == "rejected" and "内容が異なります" in result.errors[0]
    assert Services(hub).load(mh.UUID).answers["A-2"].comment == "計画が文書化されていない"


def test_local_draft_of_the_same_review_blocks_import(services, final_review, tmp_path):
    r1 = services.export_package(final_review.uuid, tmp_path / "r1.kanwa").path
    services.amend(final_review.uuid, "誤記の訂正")         # revision 2 is a draft here
    result = Services(services.database).import_package(r1)
    assert result.status == "unchanged"         # revision 1 is held, final
    # a package of revision 2 cannot overwrite the local draft of revision 2
    hub_path = tmp_path / "team2.sqlite"
    other = open_database(hub_path)
    try:
        assert Services(other).import_package(r1).status == "imported"
        Services(other).amend(final_review.uuid, "誤記の訂正")
        services.set_answer(final_review.uuid, "A-2", rating="B", comment="修正")
        services.finalise(final_review.uuid, "山田 花子")
        r2 = services.export_package(final_review.uuid, tmp_path / "r2.kanwa").path
        result = Services(other).import_package(r2)
        assert result.status == "rejected" and "下書き" in result.errors[0]
    finally:
        other.close()


def test_expand_paths_takes_folders_without_repeating_named_files(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.kanwa", "a.KANWA", "sub/c.kanwa", "note.txt"):
        (tmp_path / name).write_bytes(b"x")
    found = expand_paths([tmp_path / "b.kanwa", tmp_path, tmp_path / "note.txt",
                          tmp_path / "b.kanwa"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == \
        ["b.kanwa", "a.KANWA", "sub/c.kanwa", "note.txt", "b.kanwa"]


def test_real_form_demo_reviews_export_and_import(demo_db, tmp_path):
    src = open_database(demo_db, readonly=True)
    hub = open_database(tmp_path / "hub.sqlite")
    try:
        finals = [r for r in Services(src).list_reviews() if r.status == "final"][:5]
        assert len(finals) == 5
        paths = [Services(src).export_package(r.uuid, tmp_path / f"{n}.kanwa").path
                 for n, r in enumerate(finals)]
        results = Services(hub).import_packages(paths)
        assert [r.status for r in results] == ["imported"] * len(finals)
        for r in finals:
            assert _content(hub, r.uuid, r.revision) == _content(src, r.uuid, r.revision)
        assert read_package(paths[0]).form.item_count > 50
    finally:
        src.close()
        hub.close()


def test_a_held_revision_compares_like_its_document(services, final_review, mini_form):
    """The import compares a held revision through its core objects, without building its
    review.json: both ways must say the same."""
    from kanwa_review.exchange.importer import comparable, revision_comparable

    services.amend(final_review.uuid, "誤記の訂正")        # a second revision, so findings have copies
    r = services.review(final_review.uuid, 1)
    data = services.load(r.uuid, 1)
    held = revision_comparable(r, data.form, data.answers.values(), data.findings)
    assert held == comparable(services.review_document(r.uuid, 1, with_audit=False))
    assert held["answers"] and held["findings"] and held["team"]
