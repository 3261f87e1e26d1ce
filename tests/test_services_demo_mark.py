"""The demo database holds invented hospitals only (issue 15, item 1): the generator marks the
file, and the services refuse a real facility in it however it would arrive — registered by
hand, from a facility master, in a submission package, in a checklist workbook — with advice
and nothing written. An own database is never marked; an old demo file is recognised."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date

import pytest

from kanwa_review.cli import main
from kanwa_review.core.review import TeamMember
from kanwa_review.exchange import excel_template as T
from kanwa_review.services import Services
from kanwa_review.store import open_database
from kanwa_review.store import repository as repo
from tests.conftest import complete_mini
from tests.data.excel import make_bad_workbooks as bad

ADVICE = "はデモ用で、架空の病院だけを入れます。実在の施設の登録や取り込みはできません。" \
         "ファイル ▸ 新規 で自分のデータベースファイルを作り"


def _dump(path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


@pytest.fixture
def demo(tmp_path, demo_db):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_db, path)
    with Services.open(path) as services:
        yield services


def test_the_generator_marks_the_file_and_an_own_file_is_not_marked(demo, services, facility):
    assert demo.is_demo
    assert not services.is_demo
    assert repo.database_marks(services.database) == set()


def test_registering_a_real_facility_in_the_demo_is_refused_with_advice(demo):
    before = _dump(demo.database.path)
    with pytest.raises(ValueError) as err:
        demo.create_facility("H001", "実在の病院", "東京都")
    assert str(err.value).startswith(f"H001: このデータベース（demo.sqlite）{ADVICE}")
    assert str(err.value).endswith("（コマンドでは --db で自分のファイルを指定）")
    assert _dump(demo.database.path) == before
    # an invented one is still welcome
    assert demo.create_facility("DEMO900", "架空県 試験病院").code == "DEMO900"


def test_a_facility_master_with_real_codes_is_refused_whole(demo, tmp_path):
    path = tmp_path / "master.csv"
    path.write_text("施設コード,施設名,都道府県,区分\nDEMO901,架空県 病院,架空県,地域がん診療連携拠点病院\n"
                    "H001,実在の病院,東京都,その他\nH002,実在の第二病院,東京都,その他\n",
                    encoding="utf-8")
    before = _dump(demo.database.path)
    result = demo.import_facility_master(path)
    assert result.status == "rejected"
    assert result.errors == [f"{path}: H001、H002: このデータベース（demo.sqlite）{ADVICE}"
                             "、そこで登録・取り込みしてください（コマンドでは --db で自分の"
                             "ファイルを指定）"]
    assert _dump(demo.database.path) == before


def test_a_real_facilitys_package_is_refused_and_a_demo_one_is_taken(
        demo, services, facility, final_review, tmp_path):
    real = services.export_package(final_review.uuid, tmp_path / "real.kanwa").path
    before = _dump(demo.database.path)
    [result] = demo.import_packages([real])
    assert result.status == "rejected"
    assert result.errors[0].startswith(f"{real}: F001: このデータベース（demo.sqlite）{ADVICE}")
    assert _dump(demo.database.path) == before
    # a package of an invented hospital (from another demo database) is imported as usual
    other = tmp_path / "other-demo.sqlite"
    with Services.open(other, create=True) as second:
        second.create_facility("DEMO950", "架空県 別の病院")
        assert not second.is_demo                  # marks come from the generator only
        r = second.start_review("DEMO950", final_review_form(services, final_review),
                                date(2025, 11, 1), [TeamMember("架空 花子", "leader")])
        complete_mini(second, r.uuid)
        second.finalise(r.uuid, "架空 花子")
        package = second.export_package(r.uuid, tmp_path / "demo950.kanwa").path
    [taken] = demo.import_packages([package])
    assert taken.status == "imported", taken.errors


def final_review_form(services, review):
    return services.form_of(review)


def test_a_real_facilitys_workbook_is_refused(demo, mini_form, tmp_path):
    with demo.database.transaction():
        repo.ensure_form(demo.database, mini_form)
    blank = T.write_template(mini_form, tmp_path / "blank.xlsx")
    bad.fill(blank, bad.VALID)
    reviews = len(demo.list_reviews())
    result = demo.import_workbook(blank)
    assert result.status == "rejected"
    assert "F001: このデータベース（demo.sqlite）はデモ用" in result.errors[0]
    assert len(demo.list_reviews()) == reviews
    assert "F001" not in {f.code for f in demo.facilities()}


def test_the_command_line_refuses_too(demo, services, facility, final_review, tmp_path, capsys):
    real = services.export_package(final_review.uuid, tmp_path / "real.kanwa").path
    db = demo.database.path
    demo.close()
    assert main(["import", "--db", str(db), str(real)]) == 1
    captured = capsys.readouterr()
    assert "はデモ用で、架空の病院だけを入れます" in captured.out + captured.err


def test_an_old_demo_file_is_recognised_by_its_invented_facilities(tmp_path, real_form):
    old = tmp_path / "old-demo.sqlite"
    database = open_database(old, migrate_to=4)
    s = Services(database)
    s.create_facility("DEMO001", "架空県 病院")
    s.create_facility("DEMO002", "架空県 第二病院")
    database.close()
    mine = tmp_path / "mine.sqlite"
    database = open_database(mine, migrate_to=4)
    s = Services(database)
    s.create_facility("DEMO001", "架空県 病院")
    s.create_facility("H001", "実在の病院")
    database.close()
    empty = tmp_path / "empty.sqlite"
    open_database(empty, migrate_to=4).close()
    with Services.open(old) as a, Services.open(mine) as b, Services.open(empty) as c:
        assert (a.is_demo, b.is_demo, c.is_demo) == (True, False, False)
