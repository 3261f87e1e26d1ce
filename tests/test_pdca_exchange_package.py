"""Improvement actions (改善計画) through submission packages (format version 2): a round trip
keeps every field and progress note, re-import is a no-op, older updates never overwrite newer
ones, version-1 files still import, and hostile actions.json files change nothing."""

from __future__ import annotations

import importlib.util
import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from kanwa_review.exchange import package_format as P
from kanwa_review.exchange.package_reader import (
    PackageRejected,
    read_package,
    read_package_bytes,
)
from kanwa_review.services import Services
from kanwa_review.store import open_database
from tests.conftest import complete_mini
from tests.db_support import db_snapshot as _snapshot

HOSTILE = Path(__file__).parent / "data" / "hostile"


def _make_hostile():
    spec = importlib.util.spec_from_file_location("make_hostile", HOSTILE / "make_hostile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def hub(tmp_path):
    db = open_database(tmp_path / "hub.sqlite")
    yield Services(db, actor="拠点 事務")
    db.close()


@pytest.fixture
def team_review(services, draft):
    """A finalised review with a point to improve, and two actions of its facility: one agreed
    at this review (with progress), one carried over from before (no origin)."""
    complete_mini(services, draft.uuid)
    services.add_finding(draft.uuid, "strength", "委員会が定期的に開催されている", ["A-1"])
    improve_id, _ = services.add_finding(draft.uuid, "improve", "年度計画が文書化されていない",
                                        ["A-2"])
    services.finalise(draft.uuid, "山田 花子")
    a1 = services.add_action("F001", "緩和ケア年度計画を文書化する", owner_role="緩和ケアセンター",
                             owner_name="架空 次郎", due_date=date(2026, 3, 31),
                             success_measure="委員会承認の計画書", finding_id=improve_id,
                             created_at="2025-11-20T08:00:00+00:00")
    services.add_progress(a1.uuid, "in_progress", "草案を作成した", at="2025-12-10T01:00:00+00:00",
                          author="架空 次郎")
    a2 = services.add_action("F001", "=SUM(A1) 研修の案内を全職員に送る", owner_role="教育研修室",
                             due_date=date(2025, 10, 1), item_codes=["B-1"],
                             created_at="2025-06-01T00:00:00+00:00")
    return services.review(draft.uuid), services.action(a1.uuid), services.action(a2.uuid)


def _comparable(a):
    d = a.to_dict()
    d.pop("finding_id")
    return d


def test_round_trip_carries_every_action_field_and_progress_note(services, team_review, hub,
                                                                 tmp_path):
    review, a1, a2 = team_review
    out = services.export_package(review.uuid, tmp_path / "x.kanwa")
    assert out.actions == 2
    with zipfile.ZipFile(out.path) as zf:
        assert zf.namelist()[:4] == [P.MANIFEST, P.REVIEW, P.FORM, P.ACTIONS]
        assert json.loads(zf.read(P.MANIFEST))["format_version"] == 3
        doc = json.loads(zf.read(P.ACTIONS))
    assert doc["facility_code"] == "F001" and len(doc["actions"]) == 2
    assert "finding_id" not in doc["actions"][0]

    result = Services(hub.database, actor="拠点 事務").import_package(out.path)
    assert result.status == "imported", result.errors
    assert result.actions == {"created": 2, "updated": 0, "stale": 0, "unchanged": 0}
    assert result.to_json()["actions"]["created"] == 2
    for mine in (a1, a2):
        theirs = hub.action(mine.uuid)
        assert _comparable(theirs) == _comparable(mine)          # every field, every note
        assert [(p.at, p.status, p.note, p.author) for p in theirs.progress] == \
            [(p.at, p.status, p.note, p.author) for p in mine.progress]
    # the action is linked again to the hub's copy of the finding it answers
    linked = hub.action(a1.uuid).finding_id
    row = hub.database.query("SELECT kind, text FROM findings WHERE id = ?", (linked,))[0]
    assert (row["kind"], row["text"]) == ("improve", "年度計画が文書化されていない")
    assert hub.action(a2.uuid).finding_id is None
    assert [a.uuid for a in hub.actions_of_review(review.uuid)] == [a1.uuid]
    audit = hub.action_audit_trail(a1.uuid)
    assert any(e["action"] == "import_create" for e in audit)


def test_reimport_is_a_no_op_and_an_older_update_never_overwrites(services, team_review, hub,
                                                                  tmp_path):
    review, a1, a2 = team_review
    old_file = services.export_package(review.uuid, tmp_path / "old.kanwa").path
    assert Services(hub.database).import_package(old_file).status == "imported"
    hub.database.conn.execute("PRAGMA wal_checkpoint")
    before = _snapshot(hub.database.path)
    again = Services(hub.database).import_package(old_file)
    assert again.status == "unchanged" and again.errors == []
    assert again.actions == {}  # the very same bytes were applied before: recognised by hash
    assert _snapshot(hub.database.path) == before

    # the hospital reports to the hub that action 1 is done (newer than the team's file)
    hub.add_progress(a1.uuid, "done", "計画書を委員会で承認", at="2026-02-01T00:00:00+00:00")
    stale = Services(hub.database).import_package(old_file)
    assert stale.status == "unchanged"
    assert hub.action(a1.uuid).status == "done"
    assert hub.action(a1.uuid).progress[-1].note == "計画書を委員会で承認"

    # the team updates action 2 later and exports the same revision again: it is applied
    services.add_progress(a2.uuid, "in_progress", "案内文を作成", at="2026-01-15T00:00:00+00:00")
    newer = services.export_package(review.uuid, tmp_path / "new.kanwa").path
    applied = Services(hub.database).import_package(newer)
    assert applied.status == "unchanged"
    assert applied.actions == {"created": 0, "updated": 1, "stale": 1, "unchanged": 0}
    # action 1 in the file is older
    assert any("より新しい記録があるため更新しませんでした" in w for w in applied.warnings)
    held = hub.action(a2.uuid)
    assert held.status == "in_progress" and held.progress[-1].note == "案内文を作成"
    assert held.updated_at == services.action(a2.uuid).updated_at


def test_version_1_package_still_imports_without_actions(hub):
    package = read_package(HOSTILE / "valid.kanwa")
    assert package.format_version == 1 and package.actions == []
    result = Services(hub.database).import_package(HOSTILE / "valid.kanwa")
    assert result.status == "imported" and result.actions == {}
    assert "actions" not in result.to_json()
    assert hub.actions() == []
    assert Services(hub.database).import_package(HOSTILE / "valid.kanwa").status == "unchanged"


def test_version_2_fixture_built_by_the_corpus_script_imports_with_its_action(hub):
    mh = _make_hostile()
    data = mh.package(format_version=2, actions=mh.actions_document())
    package = read_package_bytes(data, "v2.kanwa")
    assert [a.title for a in package.actions] == ["緩和ケア年度計画を文書化する"]
    assert any("改善計画" in line for line in package.summary_lines())


def test_a_newer_format_version_asks_for_an_app_update(monkeypatch):
    from kanwa_review.core import i18n

    with pytest.raises(PackageRejected) as info:
        read_package(HOSTILE / "newer_version.kanwa")
    text = "\n".join(info.value.problems)
    assert "アプリを更新してください" in text and "第4版" in text
    monkeypatch.setattr(i18n, "_language", "en")
    with pytest.raises(PackageRejected) as info:
        read_package(HOSTILE / "newer_version.kanwa")
    text = "\n".join(info.value.problems)
    assert "Update the app" in text and "version 4" in text


def _hostile_v2(mh, change) -> bytes:
    actions = mh.actions_document()
    change(actions)
    return mh.package(format_version=2, actions=actions)


def _without_actions_member(mh) -> bytes:
    data = mh.package(format_version=2, actions=mh.actions_document())
    m = mh.manifest_of(data)
    m["members"] = [e for e in m["members"] if e["name"] != P.ACTIONS]
    return mh.rezip([(P.MANIFEST, mh.dump(m))] + [(i.filename, d) for i, d in mh.members(data)
                                                  if i.filename not in (P.MANIFEST, P.ACTIONS)])


def _v1_with_actions_member(mh) -> bytes:
    v2 = mh.package(format_version=2, actions=mh.actions_document())
    m = mh.manifest_of(v2)
    m["format_version"] = 1
    return mh.rezip([(P.MANIFEST, mh.dump(m))] + [(i.filename, d) for i, d in mh.members(v2)
                                                  if i.filename != P.MANIFEST])


def _set(path, value):
    def change(doc):
        node = doc["actions"][0]
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return change


HOSTILE_V2 = {
    "other_facility": (_set(["facility_code"], "H999"), "facility_code", "H999"),
    "bad_status": (_set(["status"], "finished"), "status", "使えない値です"),
    "future": (_set(["updated_at"], "2099-01-01T00:00:00.000+00:00"), "actions[0]", "future"),
    "unknown_item": (_set(["item_codes"], ["Z-9"]), "item_codes", "評価票にない項目コード"),
    "bad_finding": (_set(["finding"], {"kind": "improve", "position": 7}), "finding",
                    "対応する所見（improve の 7 番目）"),
    "title_too_long": (_set(["title"], "x" * 1001), "title", "文字数が多すぎます"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_V2) + ["missing_member", "v1_with_actions"])
def test_hostile_actions_are_rejected_and_change_nothing(case, hub, final_review, services,
                                                         tmp_path):
    mh = _make_hostile()
    if case == "missing_member":
        data, place, word = _without_actions_member(mh), P.ACTIONS, "がありません"
    elif case == "v1_with_actions":
        data, place, word = _v1_with_actions_member(mh), P.ACTIONS, "第1版の形式には"
    else:
        change, place, word = HOSTILE_V2[case]
        data = _hostile_v2(mh, change)
    path = tmp_path / f"{case}.kanwa"
    path.write_bytes(data)
    # the hub already holds the v1 review of the corpus, and an action of its own
    assert Services(hub.database).import_package(HOSTILE / "valid.kanwa").status == "imported"
    hub.add_action("H001", "既存の計画", created_at="2025-12-01T00:00:00+00:00")
    hub.database.conn.execute("PRAGMA wal_checkpoint")
    before = _snapshot(hub.database.path)
    result = Services(hub.database).import_package(path)
    text = "\n".join(result.errors)
    assert result.status == "rejected", case
    assert str(path) in text and place in text and word in text, text
    assert _snapshot(hub.database.path) == before


def test_action_refused_by_the_database_rolls_back_the_review(hub, tmp_path, services,
                                                              team_review):
    """An action the services refuse (held for another facility) rejects the whole file:
    the review it came with is not written either."""
    review, a1, _a2 = team_review
    _review, data = services.package_bytes(review.uuid)
    hub.create_facility("F002", "架空市民病院", "架空県", "regional")
    from kanwa_review.core.pdca import action_from_dict
    d = a1.to_dict()
    d["facility_code"] = "F002"
    d["origin_review_uuid"] = None
    d["origin_revision"] = None
    hub.upsert_action(action_from_dict(d))
    path = tmp_path / "clash.kanwa"
    path.write_bytes(data)
    hub.database.conn.execute("PRAGMA wal_checkpoint")
    before = _snapshot(hub.database.path)
    result = Services(hub.database).import_package(path)
    assert result.status == "rejected" and "F002" in result.errors[0]
    assert "何も変更されていません" in result.errors[0]
    assert _snapshot(hub.database.path) == before
    assert hub.database.query("SELECT count(*) AS n FROM reviews")[0]["n"] == 0


def test_package_bytes_are_stable_for_the_same_actions(services, team_review):
    review, *_ = team_review
    zf1 = zipfile.ZipFile(io.BytesIO(services.package_bytes(review.uuid)[1]))
    zf2 = zipfile.ZipFile(io.BytesIO(services.package_bytes(review.uuid)[1]))
    assert zf1.read(P.ACTIONS) == zf2.read(P.ACTIONS)


def test_demo_facility_round_trip_with_the_real_form(demo_db, hub, tmp_path):
    """Every action of a demo facility (real form, finding links, progress, overdue ones)
    arrives identical through the package of its latest finalised review."""
    import shutil
    team_db = open_database(shutil.copy(demo_db, tmp_path / "team.sqlite"))
    try:
        team = Services(team_db)
        counts = team_db.query("SELECT f.code, count(*) AS n FROM improvement_actions a JOIN "
                               "facilities f ON f.id = a.facility_id GROUP BY f.code "
                               "ORDER BY n DESC, f.code LIMIT 1")[0]
        code = counts["code"]
        latest = next(r for r in team.latest_per_facility() if r.facility_code == code)
        out = Services(team_db).export_package(latest.uuid, tmp_path / "demo.kanwa")
        result = Services(hub.database).import_package(out.path)
        assert result.status == "imported", result.errors
        assert result.actions["created"] == counts["n"] == out.actions
        mine = {a.uuid: a for a in team.actions_of_facility(code)}
        theirs = {a.uuid: a for a in hub.actions_of_facility(code)}
        assert {u: _comparable(a) for u, a in theirs.items()} == \
            {u: _comparable(a) for u, a in mine.items()}
        linked = [a for a in mine.values() if a.finding_id is not None
                  and a.origin_review_uuid == latest.uuid]
        assert linked, "the demo facility should have actions linked to its latest findings"
        team_findings = {f.id: (f.kind, f.text) for f in team.findings(latest.uuid)}
        hub_findings = {f.id: (f.kind, f.text) for f in hub.findings(latest.uuid)}
        for a in linked:   # linked, at the hub, to the same finding (its own row id there)
            assert hub_findings[theirs[a.uuid].finding_id] == team_findings[a.finding_id]
    finally:
        team_db.close()
