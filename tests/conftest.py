"""Shared fixtures: a small test form, a fresh database, services over it, a demo database."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import gc

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kanwa_review.core.form import Form, default_form_path, load_form  # noqa: E402
from kanwa_review.core.review import TeamMember  # noqa: E402
from kanwa_review.services import Services  # noqa: E402
from kanwa_review.store import open_database  # noqa: E402

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Never touch the real app-data folder or QSettings from a test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("KANWA_REVIEW_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))


@pytest.fixture(autouse=True)
def _no_isolated_errors(request, monkeypatch):
    """An import turns an unexpected exception into the file's "rejected" line (services
    incidents.py), which would hide a bug from every test that only looks at the status: here
    any such isolated error fails the test, unless it is marked `incidents` (it provokes one)."""
    import traceback

    from kanwa_review.services import incidents

    seen: list[str] = []
    real = incidents.log

    def spy(what, subject, exc):
        seen.append("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
        return real(what, subject, exc)

    monkeypatch.setattr(incidents, "log", spy)
    yield seen
    if seen and request.node.get_closest_marker("incidents") is None:
        pytest.fail("an import isolated an unexpected error (a bug):\n" + seen[0])


@pytest.fixture(autouse=True)
def _japanese(monkeypatch):
    """Tests read the Japanese source strings unless a test chooses English itself."""
    from kanwa_review.core import i18n

    monkeypatch.setenv("KANWA_LANG", "ja")     # and the commands a test starts as a process
    monkeypatch.setattr(i18n, "_language", "ja")


@pytest.fixture(autouse=True)
def _collect_cycles_between_tests():
    """With the Qt app the automatic collector is off (ui/gc_guard.py): collect here too,
    between tests, as its timer would between events."""
    yield
    if not gc.isenabled():
        gc.collect(1)


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's QApplication, speaking Japanese as the app does on a Japanese machine: Qt's
    own texts (standard buttons such as キャンセル, Qt's dialogs) from qtbase_ja.qm, installed by
    the app's own install_translations. A test that needs English installs it and puts this
    back (tests/test_ui_language.py)."""
    from kanwa_review.app import install_translations

    install_translations(qapp, "ja")
    from kanwa_review.ui import gc_guard

    gc_guard.install(qapp)   # as the app does: cycles collected on the UI thread only
    return qapp


class _EchoCatalog(dict):
    """Stands in for a translation catalog: every text "translates" to "[context] text"."""

    def get(self, key, default=None):
        context, text, _disambiguation = key
        return f"[{context}] {text}"


@pytest.fixture
def echo_catalog(monkeypatch):
    """English with a catalog that echoes the lookup: a message then reads "[context] source",
    so a test sees that it went through translate() and under which context (the one
    pyside6-lupdate files it under, where a translator's entry will be looked up)."""
    from kanwa_review.core import i18n

    monkeypatch.setattr(i18n, "_language", "en")
    monkeypatch.setitem(i18n._catalogs, "en", _EchoCatalog())


@pytest.fixture(scope="session")
def mini_form() -> Form:
    return load_form(DATA / "forms" / "mini.yaml")


@pytest.fixture(scope="session")
def real_form() -> Form:
    return load_form(default_form_path())


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "reviews.sqlite"


@pytest.fixture
def database(db_path):
    db = open_database(db_path)
    yield db
    db.close()


@pytest.fixture
def services(database) -> Services:
    return Services(database, actor="テスト 太郎")


@pytest.fixture
def facility(services):
    return services.create_facility("F001", "架空県立がんセンター", "架空県", "prefectural")


@pytest.fixture
def draft(services, facility, mini_form):
    """A draft review of the mini form for facility F001."""
    return services.start_review(
        "F001", mini_form, date(2025, 11, 20),
        [TeamMember("山田 花子", "leader", "physician"), TeamMember("鈴木 一郎", "member", "nurse")])


def complete_mini(services: Services, uuid: str) -> None:
    """Answer every required item of the mini form so it can be finalised."""
    services.set_answer(uuid, "A-1", rating="A", self_rating="A", evidence="委員会規程")
    services.set_answer(uuid, "A-2", rating="C", comment="計画が文書化されていない")
    services.set_answer(uuid, "A-3", value=False)
    services.set_answer(uuid, "B-1", value={"numerator": 45, "denominator": 60}, period="2025年度")
    services.set_overall_comment(uuid, "委員会を中心に体制が整っている。計画の文書化が今後の課題である。")


@pytest.fixture
def final_review(services, draft):
    complete_mini(services, draft.uuid)
    services.add_finding(draft.uuid, "strength", "委員会が定期的に開催されている", ["A-1"])
    services.finalise(draft.uuid, "山田 花子")
    return services.review(draft.uuid)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, real_form) -> Path:
    """A small demo database of the real form, built once per test session (read it only;
    copy it with shutil.copy if a test needs to write)."""
    from kanwa_review.demo import generate

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = open_database(path)
    generate(db, real_form, facilities=6, years=2, seed=3, today=date(2026, 11, 1))
    db.close()
    return path
