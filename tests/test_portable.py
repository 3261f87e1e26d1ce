"""Portable mode: `portable.txt` beside the bundle's executable puts data and settings in data/."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kanwa_review import paths


@pytest.fixture
def frozen_bundle(tmp_path, monkeypatch):
    """Pretend to run from a PyInstaller bundle in a folder with a Japanese name and a space."""
    bundle = tmp_path / "USBメモリ" / "kanwa review"
    bundle.mkdir(parents=True)
    exe = bundle / ("kanwa-review.exe" if sys.platform == "win32" else "kanwa-review")
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    monkeypatch.delenv("KANWA_REVIEW_HOME", raising=False)
    return bundle


def test_marker_beside_the_executable_puts_data_in_data_folder(frozen_bundle):
    (frozen_bundle / "portable.txt").write_text("portable\n", encoding="utf-8")
    data = frozen_bundle.resolve() / "data"
    assert paths.portable_dir() == data
    assert paths.data_dir() == data
    assert paths.default_db_path() == data / "kanwa-review.sqlite"
    assert paths.demo_db_path() == data / "demo.sqlite"
    assert paths.backups_dir() == data / "backups"
    assert paths.settings_file() == data / "settings.ini"


def test_without_marker_the_platform_folder_is_used(frozen_bundle, monkeypatch):
    monkeypatch.setattr(paths.platformdirs, "user_data_dir",
                        lambda app, author: f"/platform/{app}")
    assert paths.portable_dir() is None
    assert paths.settings_file() is None
    assert paths.data_dir() == Path("/platform/kanwa-review")


def test_a_folder_named_portable_txt_is_not_a_marker(frozen_bundle):
    (frozen_bundle / "portable.txt").mkdir()
    assert paths.portable_dir() is None


def test_kanwa_review_home_still_wins_over_the_marker(frozen_bundle, monkeypatch, tmp_path):
    (frozen_bundle / "portable.txt").write_text("", encoding="utf-8")
    monkeypatch.setenv("KANWA_REVIEW_HOME", str(tmp_path / "elsewhere"))
    assert paths.data_dir() == tmp_path / "elsewhere"


def test_source_checkout_is_never_portable(monkeypatch, tmp_path):
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    (tmp_path / "portable.txt").write_text("", encoding="utf-8")
    assert paths.app_dir() is None
    assert paths.portable_dir() is None


def test_macos_app_bundle_looks_beside_the_app(tmp_path, monkeypatch):
    macos = tmp_path / "kanwa-review.app" / "Contents" / "MacOS"
    macos.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(macos / "kanwa-review"))
    monkeypatch.delenv("KANWA_REVIEW_HOME", raising=False)
    (tmp_path / "portable.txt").write_text("", encoding="utf-8")
    assert paths.data_dir() == tmp_path.resolve() / "data"


def test_settings_are_an_ini_file_in_data_when_portable(frozen_bundle, qapp):
    from kanwa_review.ui.settings import AppSettings, open_settings

    (frozen_bundle / "portable.txt").write_text("", encoding="utf-8")
    q = open_settings()
    assert Path(q.fileName()) == frozen_bundle.resolve() / "data" / "settings.ini"
    AppSettings().set_last_db(frozen_bundle / "data" / "demo.sqlite")  # syncs on write
    AppSettings().set_last_review(frozen_bundle / "data" / "demo.sqlite", "abc")
    text = (frozen_bundle / "data" / "settings.ini").read_text(encoding="utf-8")
    assert "last_db" in text and "last_review" in text


def test_settings_use_the_platform_store_when_not_portable(frozen_bundle, qapp):
    from PySide6.QtCore import QSettings

    from kanwa_review.ui.settings import open_settings

    q = open_settings()
    assert q.fileName() == QSettings("kanwa-review", "kanwa-review").fileName()
    assert "data" not in Path(q.fileName()).parts[-2:]


def test_no_module_makes_its_own_qsettings():
    """The portable choice is made in one place: ui/settings.open_settings."""
    root = Path(paths.__file__).parent
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if p.name != "settings.py" and "QSettings(" in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_app_start_in_portable_mode_writes_only_beside_the_executable(frozen_bundle, qapp,
                                                                     monkeypatch):
    """The start-up path (choose database, demo, remembered database) under portable mode."""
    from kanwa_review.app import choose_database, ensure_demo

    (frozen_bundle / "portable.txt").write_text("", encoding="utf-8")
    assert choose_database(None, False, None) is None     # the first start asks
    path, mode = choose_database(None, True, None)
    assert mode == "demo" and path == frozen_bundle.resolve() / "data" / "demo.sqlite"
    ensure_demo(path)
    assert path.is_file()
