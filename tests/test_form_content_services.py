"""The checklist additions of 2026.2 seen through the services, the CLI and packages: old forms'
reviews still open and finalise, `forms check` names every item without anchors, rule warnings
never block finalising, an N/A needs its reason, 「未集計」 travels in a package, the demo data
keeps the new rules. (The pure form, rule and period logic is tested in
test_core_form_content.py, which the mutation check runs.)"""

from __future__ import annotations

import random
from datetime import date

import pytest

from kanwa_review.cli import main
from kanwa_review.core.form import default_form_path, load_form, parse_form
from kanwa_review.core.rules import check_rules
from kanwa_review.core.skiplogic import relevant_items
from tests.core_support import MINI, OLD, OLD_SHA256, anchored, line_of


def test_a_stored_review_of_the_old_form_still_opens_and_finalises(services, facility):
    old = load_form(OLD)
    r = services.start_review("F001", old, date(2026, 5, 1))
    services.set_answer(r.uuid, "A-1", rating="NA")        # 2026.1 asked no reason for N/A
    data = services.load(r.uuid)
    assert data.form.sha256 == OLD_SHA256
    assert not [g for g in data.gaps() if g.item_code == "A-1"]


def test_forms_check_rejects_a_rating_item_without_a_b_anchor(tmp_path, capsys):
    text = anchored().replace("          B: {ja: 概ね, en: Mostly}\n", "", 1)   # A-1 loses B
    path = tmp_path / "no-b.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["forms", "check", str(path)]) == 1
    err = capsys.readouterr().err
    line = line_of(text, "code: A-1")
    assert f"{path}:{line} [A-1]: 評価 B の定義（anchors）がありません" in err
    assert "[A-2]" not in err and "[B-4]" not in err
    parse_form(text)                            # an ordinary load does not ask for anchors


def test_forms_check_names_every_item_without_anchors_and_passes_an_anchored_form(tmp_path,
                                                                                   capsys):
    bare = tmp_path / "bare.yaml"
    bare.write_text(MINI, encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(anchored(), encoding="utf-8")
    assert main(["forms", "check", str(bare), str(good)]) == 1
    captured = capsys.readouterr()
    for code in ("A-1", "A-2", "B-4"):
        assert f"{bare}:{line_of(MINI, f'code: {code}')} [{code}]: 評価 A, B, C, D" in \
            captured.err
    assert f"{good}: ok" in captured.out and str(bare) not in captured.out


def test_cli_check_of_the_shipped_form_reports_its_rules(capsys):
    assert main(["forms", "check", str(default_form_path())]) == 0
    out = capsys.readouterr().out
    assert "2026.2" in out and "整合ルール 21" in out


def test_rule_warnings_never_block_finalising(services, facility):
    form = load_form(default_form_path())
    r = services.start_review("F001", form, date(2026, 6, 1))
    services.set_answer(r.uuid, "C-3", value="concurrent")
    services.set_answer(r.uuid, "C-2", rating="A")
    data = services.load(r.uuid)
    warnings = check_rules(data.form, data.answers)
    assert [w.rule_id for w in warnings] == ["c3-concurrent-c2"]
    assert "C-2 は C または D" in warnings[0].message
    assert not [g for g in data.gaps() if g.item_code in ("C-2", "C-3")]
    services.set_answer(r.uuid, "C-2", rating="C", comment="兼任の医師のみ")
    assert not check_rules(form, services.answers(r.uuid))


def test_finalising_asks_for_the_reason_of_an_na(services, facility, real_form):
    from kanwa_review.services import IncompleteReviewError

    r = services.start_review("F001", real_form, date(2026, 6, 1))
    services.set_answer(r.uuid, "H-9", rating="NA")
    with pytest.raises(IncompleteReviewError) as info:
        services.finalise(r.uuid, "山田 花子")
    assert any(g.item_code == "H-9" and g.kind == "comment_required" for g in info.value.gaps)


def test_not_collected_travels_in_a_package(services, facility, real_form, tmp_path):
    from kanwa_review.services import Services

    r = services.start_review("F001", real_form, date(2026, 6, 1))
    services.set_answer(r.uuid, "B-9", value={"not_collected": True}, period="2026年4月")
    _complete(services, r.uuid, real_form)
    services.finalise(r.uuid, "山田 花子")
    out = services.export_package(r.uuid, tmp_path / "x.kanwa")
    with Services.open(tmp_path / "hub.sqlite", create=True, actor="拠点 事務") as hub:
        result = hub.import_package(out.path)
        assert result.status == "imported", result.errors
        assert hub.answers(r.uuid)["B-9"].value == {"not_collected": True}


def _complete(services, uuid, form) -> None:
    """Answer what finalising needs, skipping items already answered."""
    from kanwa_review.services.demo_data import _value

    done = services.answers(uuid)
    for item in form.items():
        if item.code in done or not item.required:
            continue
        if item.code not in relevant_items(form, services.answers(uuid)):
            continue
        if item.type == "rating":
            services.set_answer(uuid, item.code, rating="B")
        else:
            services.set_answer(uuid, item.code, value=_value(item, 2.0, random.Random(1),
                                                              date(2026, 6, 1)),
                                period="2026年4月")
    services.set_overall_comment(uuid, "体制は概ね整っている。")


def test_the_demo_gives_every_na_a_reason_and_no_exclusive_mix(tmp_path, real_form):
    from kanwa_review.services import Services

    with Services.open(tmp_path / "demo.sqlite", create=True) as s:
        s.add_demo_data(real_form, facilities=16, years=1, seed=5, today=date(2026, 11, 1))
        rows = [(r, a) for r in s.list_reviews() for a in s.answers(r.uuid).values()]
        categories = {f.code: f.category for f in s.facilities()}
    na = [(r, a) for r, a in rows if a.rating == "NA"]
    # N/A only where it can apply (AYA care at a regional cancer hospital), always with a reason
    assert na and all(a.comment.strip() and a.item_code == "H-9" for _r, a in na)
    assert all(categories[r.facility_code] == "regional_hospital" for r, _a in na)
    rows = [a for _r, a in rows]
    b2 = [a.value for a in rows if a.item_code == "B-2" and a.value]
    assert b2 and all("none" not in v or v == ["none"] for v in b2)
