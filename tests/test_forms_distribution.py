"""Forms from the hub to the teams: the editing workbook on the command line, `forms install`
(strict, idempotent, offered for new reviews), the current form of a fiscal year with the
warning for a review on another version, `forms list` and `forms export`."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kanwa_review.core.form import default_form_path, load_form
from kanwa_review.services import Services
from tests.revision_support import revised_yaml

DATA = Path(__file__).parent / "data" / "forms"


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([sys.executable, "-m", "kanwa_review", *args], capture_output=True,
                          text=True, encoding="utf-8", env={**os.environ, **(env or {})})


@pytest.fixture
def revised(real_form, tmp_path) -> Path:
    path = tmp_path / "revised.yaml"
    path.write_text(revised_yaml(real_form), encoding="utf-8")
    return path


# --- the workbook on the command line ----------------------------------------------------

def test_to_xlsx_and_from_xlsx_give_the_same_form(tmp_path, real_form):
    xlsx, yaml_out = tmp_path / "評価票.xlsx", tmp_path / "評価票.yaml"
    done = cli("forms", "to-xlsx", str(default_form_path()), "-o", str(xlsx))
    assert done.returncode == 0, done.stderr
    assert f"sha256 {real_form.sha256[:16]}" in done.stdout
    done = cli("forms", "from-xlsx", str(xlsx), "-o", str(yaml_out))
    assert done.returncode == 0, done.stderr
    again = load_form(yaml_out, strict=True)
    assert again.canonical_json() == real_form.canonical_json()
    assert yaml_out.read_text(encoding="utf-8").startswith("# 緩和ケア提供体制")
    done = cli("forms", "check", str(yaml_out))
    assert done.returncode == 0 and "ok" in done.stdout


def test_from_xlsx_refuses_a_bad_workbook_and_writes_nothing(tmp_path):
    from openpyxl import load_workbook

    xlsx = tmp_path / "f.xlsx"
    cli("forms", "to-xlsx", str(DATA / "mini.yaml"), "-o", str(xlsx))
    wb = load_workbook(xlsx)
    wb["項目"]["B2"] = "評定"
    wb.save(xlsx)
    out = tmp_path / "f.yaml"
    done = cli("forms", "from-xlsx", str(xlsx), "-o", str(out), "--lenient")
    assert done.returncode == 1
    assert "f.xlsx 項目!B2［種類］: 種類「評定」は使えません" in done.stderr
    assert "評価票は書き出していません" in done.stderr
    assert not out.exists()
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK not really")
    done = cli("forms", "from-xlsx", str(junk), "-o", str(out))
    assert done.returncode == 1 and "xlsx" in done.stderr and not out.exists()


def test_an_old_form_needs_lenient_from_xlsx(tmp_path):
    xlsx = tmp_path / "old.xlsx"
    done = cli("forms", "to-xlsx", str(DATA / "palliative-care-peer-review-2026.1.yaml"),
               "-o", str(xlsx))
    assert done.returncode == 0, done.stderr
    out = tmp_path / "old.yaml"
    assert cli("forms", "from-xlsx", str(xlsx), "-o", str(out)).returncode == 1
    assert cli("forms", "from-xlsx", str(xlsx), "-o", str(out), "--lenient").returncode == 0
    assert load_form(out).version == "2026.1"


def test_output_paths_are_checked_first(tmp_path):
    done = cli("forms", "to-xlsx", str(default_form_path()), "-o", str(tmp_path / "x.yaml"))
    assert done.returncode == 1 and ".xlsx" in done.stderr
    done = cli("forms", "from-xlsx", str(tmp_path / "none.xlsx"), "-o", str(tmp_path / "x.txt"))
    assert done.returncode == 1 and ".yaml" in done.stderr


def test_a_form_read_from_a_workbook_has_its_map_checked(tmp_path, real_form, revised):
    from openpyxl import load_workbook

    xlsx = tmp_path / "r.xlsx"
    Services.write_form_workbook(load_form(revised), xlsx)
    assert Services.read_form_workbook(xlsx).version == "2026.3"
    wb = load_workbook(xlsx)
    ws = wb["対応表"]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "削除")
    row[0].value = None
    row[1].value = None
    wb.save(xlsx)
    from kanwa_review.services import FormWorkbookInvalid

    with pytest.raises(FormWorkbookInvalid) as info:
        Services.read_form_workbook(xlsx)
    assert any("対応表" in p and "E-6" in p for p in info.value.problems)


# --- install, list, current, export ------------------------------------------------------

def test_install_is_strict_idempotent_and_offers_the_form(services, revised, tmp_path):
    before = [f.version for f in services.offered_forms()]
    assert before == ["2026.2"]
    result = services.install_form(revised)
    assert result.newly and result.signature == "unsigned" and result.form.version == "2026.3"
    assert [f.version for f in services.offered_forms()] == ["2026.3", "2026.2"]
    assert not services.install_form(revised).newly
    entries = [a for a in services.database.query(
        "SELECT action, key FROM audit WHERE entity = 'form'")]
    assert [tuple(e) for e in entries] == [("install", result.form.sha256)]
    old = DATA / "palliative-care-peer-review-2026.1.yaml"
    from kanwa_review.core.form import FormError

    with pytest.raises(FormError):
        services.install_form(old)          # no grade definitions: refused
    with pytest.raises(ValueError, match="署名"):
        services.install_form(revised, require_signature=True)


def test_installing_the_shipped_version_replaces_it_in_the_offer(services, real_form):
    services.install_form(default_form_path())
    assert [f.sha256 for f in services.offered_forms()] == [real_form.sha256]


def test_install_list_current_and_export_on_the_command_line(tmp_path, revised, real_form):
    db = tmp_path / "hub.sqlite"
    done = cli("forms", "install", str(revised), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "評価票を入れました: palliative-care-peer-review 2026.3" in done.stdout
    done = cli("forms", "install", str(revised), "--db", str(db))
    assert "すでに入っています" in done.stdout
    done = cli("forms", "current", "--db", str(db), "--fiscal-year", "2027", "--set", "2026.3")
    assert done.returncode == 0, done.stderr
    assert "2027年度の評価票: palliative-care-peer-review 2026.3" in done.stdout
    done = cli("forms", "current", "--db", str(db))
    assert done.stdout.startswith("2027: palliative-care-peer-review 2026.3")
    done = cli("forms", "list", "--db", str(db), "--json")
    [row] = json.loads(done.stdout)
    assert (row["version"], row["current_years"], row["reviews"]) == ("2026.3", [2027], 0)
    assert row["installed_from"] == "revised.yaml"
    done = cli("forms", "list", "--db", str(db))
    assert "導入済み" in done.stdout and "2027年度の評価票" in done.stdout
    out = tmp_path / "配布.yaml"
    done = cli("forms", "export", "--db", str(db), "--fiscal-year", "2027", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert load_form(out, strict=True).sha256 == load_form(revised).sha256
    done = cli("forms", "export", "--db", str(db), "--fiscal-year", "2030", "-o", str(out))
    assert done.returncode == 1 and "2030年度の評価票は定められていません" in done.stderr
    done = cli("forms", "current", "--db", str(db), "--fiscal-year", "2027", "--set", "9.9")
    assert done.returncode == 1 and "9.9" in done.stderr
    done = cli("forms", "current", "--db", str(db), "--fiscal-year", "2027", "--clear")
    assert "指定を外しました" in done.stdout
    assert "定められていません" in cli("forms", "current", "--db", str(db)).stdout
    done = cli("forms", "current", "--db", str(db), "--set", "2026.3")
    assert done.returncode == 1 and "--fiscal-year" in done.stderr


def test_install_without_db_uses_the_app_database(tmp_path, revised):
    home = tmp_path / "home"
    done = cli("forms", "install", str(revised), env={"KANWA_REVIEW_HOME": str(home)})
    assert done.returncode == 0, done.stderr
    assert (home / "kanwa-review.sqlite").is_file()
    with Services.open(home / "kanwa-review.sqlite", readonly=True) as s:
        assert [f.version for f in s.installed_forms()] == ["2026.3"]


def test_a_review_on_an_outdated_form_gets_a_warning(services, facility, revised, real_form):
    old = load_form(DATA / "palliative-care-peer-review-2026.1.yaml")
    # no setting: a later version offered here is enough
    r = services.start_review("F001", old, date(2026, 5, 1))
    assert "新しい版 2026.2" in services.form_warning(r.uuid)
    current = services.start_review("F001", real_form, date(2026, 6, 1))
    assert services.form_warning(current.uuid) is None
    services.install_form(revised)
    assert "新しい版 2026.3" in services.form_warning(current.uuid)
    # the hub's setting decides for its fiscal year
    services.set_current_form(2026, real_form)
    assert services.form_warning(current.uuid) is None
    warning = services.form_warning(r.uuid)
    assert "2026年度の評価票は 2026.2 と定められています（この評価は 2026.1）" in warning
    assert services.form_warning_for(real_form, date(2027, 4, 1)) is not None  # no setting
    services.set_current_form(2026, None)
    assert services.current_forms() == {}
    # another checklist altogether is not "outdated"
    mini = load_form(DATA / "mini.yaml")
    services.set_current_form(2026, real_form)
    assert services.form_warning_for(mini, date(2026, 6, 1)) is None


def test_finals_get_no_warning_and_settings_are_audited(services, facility, real_form):
    from tests.revision_support import complete

    old = load_form(DATA / "palliative-care-peer-review-2026.1.yaml")
    r = services.start_review("F001", old, date(2026, 5, 1),
                              [__import__("kanwa_review.core.review", fromlist=["TeamMember"])
                               .TeamMember("山田 花子", "leader", "physician")])
    complete(services, r.uuid, old)
    services.finalise(r.uuid, "山田 花子")
    assert services.form_warning(r.uuid) is None
    services.set_current_form(2026, real_form)
    services.set_current_form(2026, real_form)        # the same again: no second entry
    rows = services.database.query("SELECT key, action FROM audit WHERE entity = 'setting'")
    assert [tuple(x) for x in rows] == [("current_form:2026", "set")]
    assert services.find_held_form("2026.2").sha256 == real_form.sha256
    with pytest.raises(LookupError):
        services.find_held_form("1999.1")
