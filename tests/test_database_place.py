"""Windows reality: a database in a cloud-synced folder or on a network drive (WAL is unsafe
there) — the warning on the command line's stderr, the app's one warning at opening with a
local working copy offered, and the system's network-drive answer."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from kanwa_review import cli, paths
from kanwa_review.services import Services
from kanwa_review.services import file_places as sfp
from tests.ui_window_support import click_button, when_modal


@pytest.fixture
def synced_db(tmp_path, demo_db) -> Path:
    folder = tmp_path / "山田 花子" / "OneDrive - 架空病院" / "提出 ファイル"
    folder.mkdir(parents=True)
    db = folder / "レビュー 2026.sqlite"
    shutil.copy(demo_db, db)
    return db


def test_services_warn_about_a_synced_folder(synced_db):
    found = Services.database_place_warning(synced_db)
    assert found is not None and found.kind == "onedrive"
    assert found.path == synced_db.resolve()
    assert found.message.startswith(f"{synced_db.resolve()} は OneDrive の中にあります。")
    assert str(paths.data_dir()) in found.message


def test_an_ordinary_folder_and_the_apps_own_folder_are_not_warned_about(tmp_path, monkeypatch):
    assert Services.database_place_warning(tmp_path / "a.sqlite") is None
    inside = paths.data_dir() / "Dropbox" / "a.sqlite"   # the local folder is never "synced"
    assert Services.database_place_warning(inside) is None


def test_a_mapped_network_drive_is_warned_about(tmp_path, monkeypatch):
    monkeypatch.setattr(sfp, "drive_is_remote", lambda path: True)
    found = Services.database_place_warning(tmp_path / "a.sqlite")
    assert found.kind == "network"
    assert "ネットワークドライブ の中にあります" in found.message


MOUNTS = """\
sysfs /sys sysfs rw 0 0
/dev/sda1 / ext4 rw 0 0
//fileserver/kanwa /mnt/kanwa cifs rw 0 0
fileserver:/export /mnt/nfs nfs4 rw 0 0
/dev/sdb1 /mnt/kanwa/local ext4 rw 0 0
//srv/with\\040space /mnt/with\\040space cifs rw 0 0
broken
"""


@pytest.mark.parametrize("path, remote", [
    ("/mnt/kanwa/a.sqlite", True), ("/mnt/kanwa", True), ("/mnt/nfs/x/a.sqlite", True),
    ("/mnt/kanwa/local/a.sqlite", False),        # the longest mount point decides
    ("/mnt/kanwa2/a.sqlite", False), ("/home/a.sqlite", False),
    ("/mnt/with space/a.sqlite", True),
])
def test_linux_mounts_say_which_folders_are_remote(path, remote):
    assert sfp._mount_is_remote(Path(path), MOUNTS) is remote


def test_asking_the_system_never_fails(monkeypatch, tmp_path):
    assert sfp.drive_is_remote(tmp_path) in (True, False)
    monkeypatch.setattr(sfp.sys, "platform", "win32")
    monkeypatch.setattr(sfp, "_windows_drive_is_remote", lambda p: (_ for _ in ()).throw(
        AttributeError("windll")))
    assert sfp.drive_is_remote(tmp_path) is False


def test_the_local_copy_is_a_consistent_copy_under_a_free_name(synced_db):
    first = Services.copy_database_to_local(synced_db)
    second = Services.copy_database_to_local(synced_db)
    assert first == paths.data_dir() / "レビュー 2026.sqlite"
    assert second == paths.data_dir() / "レビュー 2026-2.sqlite"
    with Services.open(first, readonly=True) as copy, \
            Services.open(synced_db, readonly=True) as original:
        assert [r.uuid for r in copy.list_reviews()] == [r.uuid for r in original.list_reviews()]


# --- the command line: a warning on stderr, the command runs as before ---------------------
def test_the_command_line_warns_on_stderr_and_still_runs(synced_db, capsys):
    code = cli.main(["list", "--db", str(synced_db), "--json"])
    out, err = capsys.readouterr()
    assert code == 0
    assert json.loads(out)                      # stdout stays pure JSON
    assert err.startswith("警告: ") and "OneDrive の中にあります" in err


def test_the_command_line_is_quiet_for_a_local_database(demo_db, capsys):
    assert cli.main(["list", "--db", str(demo_db)]) == 0
    assert "警告" not in capsys.readouterr().err


# --- the app: one warning when such a database is opened ------------------------------------
def test_the_app_offers_a_local_copy_and_opens_it(qtbot, synced_db):
    from kanwa_review.ui.dialogs.database_place import check_database_place

    seen = when_modal(lambda box: click_button(box, "パソコン内にコピーして開く"))
    chosen = check_database_place(None, synced_db)
    assert seen and seen[0].objectName() == "databasePlaceDialog"
    assert "OneDrive の中にあります" in seen[0].text()
    assert chosen == paths.data_dir() / synced_db.name and chosen.is_file()


def test_the_app_continues_with_the_file_when_asked(qtbot, synced_db):
    from kanwa_review.ui.dialogs.database_place import check_database_place

    seen = when_modal(lambda box: click_button(box, "このまま開く"))
    assert check_database_place(None, synced_db) == synced_db
    assert seen and not (paths.data_dir() / synced_db.name).exists()


def test_a_failed_copy_is_shown_and_the_file_opened(qtbot, synced_db, monkeypatch):
    from kanwa_review.ui.dialogs import database_place

    monkeypatch.setattr(Services, "copy_database_to_local",
                        staticmethod(lambda p: (_ for _ in ()).throw(OSError(28, "disk full"))))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k:
                        warned.append(text))
    when_modal(lambda box: click_button(box, "パソコン内にコピーして開く"))
    assert database_place.check_database_place(None, synced_db) == synced_db
    assert warned == ["[Errno 28] disk full"]


def test_no_question_for_a_local_database(qtbot, tmp_path, monkeypatch):
    from kanwa_review.ui.dialogs.database_place import check_database_place

    monkeypatch.setattr(QMessageBox, "exec", lambda self: pytest.fail("asked"))
    assert check_database_place(None, tmp_path / "a.sqlite") == tmp_path / "a.sqlite"


def test_the_app_asks_at_start(qtbot, synced_db, monkeypatch):
    from kanwa_review import app
    from kanwa_review.ui.dialogs import database_place

    asked = []

    def check(parent, path):
        asked.append(path)
        raise SystemExit(7)   # stop the start here
    monkeypatch.setattr(database_place, "check_database_place", check)
    with pytest.raises(SystemExit):
        app.run_app(db=str(synced_db))
    assert asked == [synced_db]
