"""Form revisions end to end: `forms diff` of a revised copy of the shipped form, `migrate` of
drafts by its map (finals untouched, one audit entry per moved answer, the "what changed" list),
`forms check` of a map against the version it revises, and the 2026.1 → 2026.2 map."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kanwa_review.core.form import load_form
from kanwa_review.core.review import Finding, TeamMember
from kanwa_review.services import ReviewStateError, Services
from tests.revision_support import (
    ADDED, DROPPED, MERGED, RENAMED, SPLIT, complete, revised_form, revised_yaml,
)

DATA = Path(__file__).parent / "data" / "forms"
OLD_2026_1 = DATA / "palliative-care-peer-review-2026.1.yaml"
TEAM = [TeamMember("山田 花子", "leader", "physician")]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kanwa_review", *args], capture_output=True,
                          text=True, encoding="utf-8")


@pytest.fixture
def revised(real_form, tmp_path) -> Path:
    path = tmp_path / "revised.yaml"
    path.write_text(revised_yaml(real_form), encoding="utf-8")
    return path


# --- forms diff ---------------------------------------------------------------------------

def test_forms_diff_lists_each_change_of_the_revised_copy(revised, tmp_path):
    from kanwa_review.core.form import default_form_path

    done = cli("forms", "diff", str(default_form_path()), str(revised))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[1] == "対応表: あり（2026.3 は 2026.2 の改訂版です）"
    assert "まとめ: 追加 1・削除 1・改名 1・分割 1・統合 1・改訂 0" in lines[2]
    text = done.stdout
    assert f"改名　{RENAMED[0]} → {RENAMED[1]}（回答: そのまま写す）" in text
    assert f"分割　{SPLIT[0]} → {'、'.join(SPLIT[1])}（回答: それぞれに写す）" in text
    assert f"統合　{'、'.join(MERGED[0])} → {MERGED[1]}（回答: 低い方の評価を写す）" in text
    assert f"削除　{DROPPED}（回答は変更履歴に残ります）" in text
    assert f"追加　{ADDED}　「新しい項目」" in text
    done = cli("forms", "diff", str(default_form_path()), str(revised), "--json")
    data = json.loads(done.stdout)
    kinds = {(c["kind"], tuple(c["old"]), tuple(c["new"])) for c in data["items"]}
    assert kinds == {("renamed", (RENAMED[0],), (RENAMED[1],)), ("split", (SPLIT[0],), SPLIT[1]),
                     ("merged", MERGED[0], (MERGED[1],)), ("dropped", (DROPPED,), ()),
                     ("added", (), (ADDED,))}
    assert data["summary"]["split"] == 1 and data["mapped"] is True


def test_forms_diff_without_a_map_compares_by_code(tmp_path, real_form):
    data = revised_yaml(real_form).split("replaces:")[0]
    plain = tmp_path / "plain.yaml"
    plain.write_text(data, encoding="utf-8")
    from kanwa_review.core.form import default_form_path

    done = cli("forms", "diff", str(default_form_path()), str(plain))
    assert "対応表: なし（項目コードで比べています）" in done.stdout
    assert f"追加　{RENAMED[1]}" in done.stdout and f"削除　{RENAMED[0]}" in done.stdout


def test_forms_diff_of_2026_1_and_2026_2(real_form):
    from kanwa_review.core.form import default_form_path

    done = cli("forms", "diff", str(OLD_2026_1), str(default_form_path()))
    assert done.returncode == 0
    assert "分割　C-10 → C-18、C-19" in done.stdout and "分割　H-4 → H-7、H-8" in done.stdout
    assert "統合　B-7、C-12 → B-7" in done.stdout and "改訂　C-12 → C-12" in done.stdout


# --- forms check of a map ---------------------------------------------------------------

def test_forms_check_checks_a_map_against_the_version_it_revises(revised, tmp_path, real_form):
    done = cli("forms", "check", str(revised))
    assert done.returncode == 0, done.stderr
    assert "palliative-care-peer-review 2026.2 の改訂（対応表 5 件）" in done.stdout
    broken = revised_yaml(real_form).replace(f"- {DROPPED}\n", "- Z-9\n", 1)
    bad = tmp_path / "bad.yaml"
    bad.write_text(broken, encoding="utf-8")
    done = cli("forms", "check", str(bad))
    assert done.returncode == 1
    assert "[Z-9]: from の項目 Z-9 は palliative-care-peer-review 2026.2 にありません" in done.stderr
    assert f"[{DROPPED}]: {DROPPED} は 2026.2 にありましたが" in done.stderr


def test_forms_check_says_when_the_earlier_version_is_not_found(tmp_path, real_form):
    text = revised_yaml(real_form).replace('version: "2026.2"', 'version: "2025.9"').replace(
        "version: '2026.2'", "version: '2025.9'")
    lone = tmp_path / "lone.yaml"
    lone.write_text(text, encoding="utf-8")
    done = cli("forms", "check", str(lone))
    assert done.returncode == 0, done.stderr
    assert "改訂前の版 palliative-care-peer-review 2025.9 が見つからない" in done.stderr


def test_the_shipped_map_fits_2026_1():
    from kanwa_review.core.form import default_form_path

    [result] = Services.check_form_files([default_form_path()])
    assert result.ok and "2026.1 が見つからない" in result.notes[0]
    # checked against 2026.1 when it is given (it fails the authoring rules on its own)
    results = Services.check_form_files([default_form_path(), OLD_2026_1])
    assert results[0].ok and results[0].notes == () and not results[1].ok


# --- migrate ------------------------------------------------------------------------------

def _answer_all(services, uuid, form):
    """Distinct answers on every item the revision touches, and a finding naming them."""
    services.set_answer(uuid, RENAMED[0], rating="A", self_rating="A", comment="調査を活用")
    services.set_answer(uuid, SPLIT[0], rating="C", self_rating="B", evidence="掲示",
                        comment="一部の病棟のみ")
    services.set_answer(uuid, MERGED[0][0], rating="B", evidence="紹介状")
    services.set_answer(uuid, MERGED[0][1], rating="D", comment="聴取なし")
    services.set_answer(uuid, DROPPED, rating="A", evidence="帳簿")
    services.set_answer(uuid, "A-1", rating="B")
    services.add_finding(uuid, "improve", "外来の苦痛の聴取", (SPLIT[0], MERGED[0][1], DROPPED))


@pytest.fixture
def hub(services, facility, real_form):
    """A final and a draft of the shipped form (2026.2), with answers on the changed items."""
    services.create_facility("F002", "架空市民病院", "架空県", "regional")
    final = services.start_review("F001", real_form, date(2026, 6, 1), TEAM)
    _answer_all(services, final.uuid, real_form)
    complete(services, final.uuid, real_form)
    services.finalise(final.uuid, "山田 花子")
    draft = services.start_review("F002", real_form, date(2026, 7, 1), TEAM)
    _answer_all(services, draft.uuid, real_form)
    return services, final, draft


def _rows(db: Path, sql: str, *params) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return list(con.execute(sql, params))
    finally:
        con.close()


def test_migrate_moves_a_draft_as_the_map_says(hub, real_form, db_path):
    services, final, draft = hub
    to = revised_form(real_form)
    before_final = _rows(db_path, "SELECT * FROM answers WHERE review_id = ? ORDER BY item_code",
                         final.id)
    [result] = services.migrate_drafts(to)
    assert (result.uuid, result.status, result.from_version, result.to_version) == (
        draft.uuid, "migrated", "2026.2", "2026.3")
    data = services.load(draft.uuid)
    assert data.form.sha256 == to.sha256 and data.review.form_version == "2026.3"
    a = data.answers
    # renamed: copied
    assert (a[RENAMED[1]].rating, a[RENAMED[1]].comment) == ("A", "調査を活用")
    assert RENAMED[0] not in a
    # split: copied to each part
    for code in SPLIT[1]:
        assert (a[code].rating, a[code].self_rating, a[code].comment) == ("C", "B",
                                                                          "一部の病棟のみ")
    # merged: the lowest rating, both sources' words
    assert a[MERGED[1]].rating == "D"
    assert a[MERGED[1]].evidence == f"【{MERGED[0][0]}】紹介状"
    assert a[MERGED[1]].comment == f"【{MERGED[0][1]}】聴取なし"
    # dropped: gone from the answers, kept in the audit trail; added: empty
    assert DROPPED not in a and ADDED not in a
    assert a["A-1"].rating == "B"
    # the "what changed" list names every item that needs a second look
    listed = {(c.code, c.reason) for c in result.checks}
    assert {(RENAMED[1], "renamed"), (SPLIT[1][0], "split"), (SPLIT[1][1], "split"),
            (MERGED[1], "merged"), (None, "dropped")} <= listed
    assert services.migration_checks(draft.uuid)[0]["reason"] in {
        "renamed", "split", "merged", "dropped"}
    assert len(services.migration_checks(draft.uuid)) == len(result.checks)
    # the finding follows the items
    [finding] = data.findings
    assert finding.item_codes == (*SPLIT[1], MERGED[1])
    # the final review is untouched: same form, same answers
    assert services.review(final.uuid).form_hash == real_form.sha256
    assert _rows(db_path, "SELECT * FROM answers WHERE review_id = ? ORDER BY item_code",
                 final.id) == before_final


def test_migrate_writes_one_audit_entry_per_moved_answer(hub, real_form):
    services, _final, draft = hub
    before = len(services.audit_trail(draft.uuid))
    [result] = services.migrate_drafts(revised_form(real_form))
    trail = services.audit_trail(draft.uuid)[before:]
    moved = [e for e in trail if e["action"] == "migrate" and e["entity"] == "answer"]
    assert len(moved) == result.moved == len(services.answers(draft.uuid))
    by_key = {e["key"]: e for e in moved}
    assert by_key[MERGED[1]]["old"]["from"] == list(MERGED[0])
    assert by_key[MERGED[1]]["old"]["rule"] == "lowest"
    assert by_key[MERGED[1]]["old"]["answers"][MERGED[0][1]] == {"rating": "D",
                                                                 "comment": "聴取なし"}
    assert by_key[MERGED[1]]["new"]["rating"] == "D"
    dropped = [e for e in trail if e["action"] == "migrate_drop"]
    assert [(e["key"], e["old"], e["new"]) for e in dropped] == [
        (DROPPED, {"rating": "A", "evidence": "帳簿"}, {"reason": "dropped"})]
    review_entry = [e for e in trail if e["entity"] == "review"][-1]
    assert review_entry["action"] == "migrate"
    assert review_entry["old"]["form"] == "palliative-care-peer-review 2026.2"
    assert review_entry["new"]["form"] == "palliative-care-peer-review 2026.3"
    assert [e for e in trail if e["entity"] == "finding"][0]["new"]["item_codes"] == [
        *SPLIT[1], MERGED[1]]


def test_finals_are_refused_and_never_change(hub, real_form, db_path):
    services, final, _draft = hub
    from tests.db_support import db_snapshot

    [result] = services.migrate_drafts(revised_form(real_form), final.uuid)
    assert result.status == "refused" and "確定済み" in result.message
    # and the store itself refuses a form change of a final revision
    with pytest.raises(sqlite3.IntegrityError):
        with services.database.transaction():
            services.database.conn.execute("UPDATE reviews SET form_hash = 'x' WHERE id = ?",
                                           (final.id,))
    snapshot = db_snapshot(db_path)
    assert services.migrate_drafts(revised_form(real_form), final.uuid)[0].status == "refused"
    assert db_snapshot(db_path) == snapshot


def test_migrating_again_changes_nothing_and_amendments_stay(hub, real_form):
    services, final, draft = hub
    to = revised_form(real_form)
    services.migrate_drafts(to)
    assert services.migrate_drafts(to) == []
    assert services.migrate_drafts(to, draft.uuid)[0].status == "unchanged"
    services.amend(final.uuid, "根拠資料を追加で確認した")
    results = services.migrate_drafts(to)
    assert [(r.uuid, r.revision, r.status) for r in results] == [(final.uuid, 2, "skipped")]
    [again] = services.migrate_drafts(to, final.uuid)
    assert again.status == "skipped" and "修正版" in again.message
    assert services.review(final.uuid).form_hash == real_form.sha256


def test_migrate_refuses_another_form(services, facility, mini_form, real_form):
    r = services.start_review("F001", mini_form, date(2026, 6, 1))
    assert services.migrate_drafts(real_form) == []
    [result] = services.migrate_drafts(real_form, r.uuid)
    assert result.status == "refused" and "別の評価票" in result.message
    with pytest.raises(LookupError):
        services.migrate_drafts(real_form, "no-such-review")


def test_a_2026_1_draft_moves_to_2026_2(services, facility, real_form):
    old = load_form(OLD_2026_1)
    r = services.start_review("F001", old, date(2026, 5, 1), TEAM)
    services.set_answer(r.uuid, "C-10", rating="B", comment="両職種とも参加")
    services.set_answer(r.uuid, "H-4", rating="C", comment="アピアランスは未対応")
    services.set_answer(r.uuid, "B-7", rating="A")
    services.set_answer(r.uuid, "C-12", rating="C", comment="周知が一部")
    services.set_answer(r.uuid, "A-1", rating="A")
    [result] = services.migrate_drafts(real_form)
    a = services.answers(r.uuid)
    assert a["C-18"].rating == a["C-19"].rating == "B"
    assert a["H-7"].rating == a["H-8"].rating == "C"
    assert a["B-7"].rating == "C" and a["C-12"].rating == "C"
    assert a["A-1"].rating == "A"
    assert "C-10" not in a and "H-4" not in a
    reasons = {(c.code, c.reason) for c in result.checks}
    assert {("C-18", "split"), ("H-8", "split"), ("B-7", "merged"), ("C-12", "revised")} <= reasons
    # 2026.2 defines every grade: the rating carried on A-1 is listed for a second look
    assert ("A-1", "changed") in reasons


def test_migrate_cli_with_json(hub, real_form, db_path, revised):
    _services, _final, draft = hub
    done = cli("migrate", "--db", str(db_path), "--to", str(revised), "--json")
    assert done.returncode == 0, done.stderr
    [line] = done.stdout.splitlines()
    data = json.loads(line)
    assert (data["review"], data["status"], data["to_version"]) == (draft.uuid, "migrated",
                                                                     "2026.3")
    assert any(c["reason"] == "merged" and c["item"] == MERGED[1] for c in data["checks"])
    done = cli("migrate", "--db", str(db_path), "--to", str(revised))
    assert "2026.3 に移す下書きはありません" in done.stdout


def test_migrate_cli_refusal_exits_1(hub, db_path, revised):
    _services, final, _draft = hub
    done = cli("migrate", "--db", str(db_path), "--to", str(revised), "--review", final.uuid)
    assert done.returncode == 1 and "refused" in done.stderr


def test_a_migrated_draft_can_be_finalised_and_exported(hub, real_form, tmp_path):
    services, _final, draft = hub
    to = revised_form(real_form)
    services.migrate_drafts(to)
    complete(services, draft.uuid, to)
    services.finalise(draft.uuid, "山田 花子")
    out = services.export_package(draft.uuid, tmp_path / "x.kanwa")
    with Services.open(tmp_path / "other.sqlite", create=True) as other:
        assert other.import_package(out.path).status == "imported"
        assert other.load(draft.uuid).form.sha256 == to.sha256
    with pytest.raises(ReviewStateError):
        services.set_answer(draft.uuid, "A-1", rating="A")


def test_findings_unchanged_by_a_map_are_not_rewritten(services, facility, real_form):
    r = services.start_review("F001", real_form, date(2026, 6, 1))
    services.add_finding(r.uuid, "strength", "体制が整っている", ("A-1",))
    [result] = services.migrate_drafts(revised_form(real_form))
    assert result.findings == () and result.checks == ()
    assert services.load(r.uuid).findings[0] == Finding(
        "strength", "体制が整っている", ("A-1",), 0, services.load(r.uuid).findings[0].id)
