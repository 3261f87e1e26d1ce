"""The one finder of shipped data files: each lands where the app and the bundle expect it, and
a file that is not on disk (a zipped install) is refused by name."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from kanwa_review.core import resources
from kanwa_review.core.resources import (
    app_icon_path, default_form_path, font_licence_path, font_path, forms_dir, resource,
    schema_path, translation_path,
)

PACKAGE = Path(resources.__file__).resolve().parent.parent      # kanwa_review/


def tail(path: Path, n: int) -> tuple[str, ...]:
    return path.parts[-n:]


def test_every_shipped_file_is_found_on_disk():
    found = {
        "form": default_form_path(), "font": font_path(), "licence": font_licence_path(),
        "schema": schema_path("submission.schema.json"),
        "catalog": translation_path("kanwa_review_en.ts"), "icon": app_icon_path(),
    }
    assert all(isinstance(p, Path) and p.is_file() for p in found.values()), found
    assert tail(found["form"], 2) == ("forms", "palliative-care-peer-review.yaml")
    assert tail(found["font"], 3) == ("resources", "fonts", "ipaexg.ttf")
    assert tail(found["licence"], 3) == ("resources", "fonts",
                                         "IPA_Font_License_Agreement_v1.0.txt")
    assert found["font"].read_bytes()[:4] == b"\x00\x01\x00\x00"     # a TrueType font
    assert found["licence"].read_text(encoding="utf-8").strip()


def test_folders_inside_the_package_are_found_in_the_package():
    assert schema_path("progress.schema.json") == PACKAGE / "exchange" / "progress.schema.json"
    assert translation_path("x.qm") == PACKAGE / "translations" / "x.qm"
    assert app_icon_path() == PACKAGE / "icons" / "kanwa-review.png"
    assert resource("translations") == PACKAGE / "translations"
    assert resource("exchange", "a", "b.json") == PACKAGE / "exchange" / "a" / "b.json"


def test_the_mapped_folders_are_found_as_their_own_packages():
    assert forms_dir().is_dir() and forms_dir() == default_form_path().parent
    assert resource("forms") == forms_dir()
    assert resource("resources", "fonts") == font_path().parent
    assert font_licence_path().parent == font_path().parent
    # a path is given whether or not the file is there; callers say when it is missing
    assert resource("forms", "missing.yaml") == forms_dir() / "missing.yaml"
    assert not resource("forms", "missing.yaml").exists()


def test_a_package_that_is_not_on_disk_is_refused_by_name(tmp_path, monkeypatch):
    archive = tmp_path / "kanwa.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("kanwa_review/forms/x.yaml", "x")
    monkeypatch.setattr(resources, "files",
                        lambda package: zipfile.Path(archive, package.replace(".", "/") + "/"))
    with pytest.raises(RuntimeError) as info:
        resource("forms", "sub", "x.yaml")
    assert str(info.value) == (
        "同梱ファイル forms/sub/x.yaml がディスク上にありません（zip からの実行には対応して"
        "いません）。kanwa-review を展開された形でインストールし直してください。")
    with pytest.raises(RuntimeError, match="同梱ファイル translations がディスク上"):
        resource("translations")


def test_the_zip_message_is_translated(tmp_path, monkeypatch, echo_catalog):
    archive = tmp_path / "kanwa.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("kanwa_review/icons/kanwa-review.png", "x")
    monkeypatch.setattr(resources, "files", lambda package: zipfile.Path(archive))
    with pytest.raises(RuntimeError, match=r"^\[resources\] 同梱ファイル icons/kanwa-review.png が"):
        app_icon_path()


def test_the_guide_is_mapped_into_the_package_by_language():
    from kanwa_review.core.resources import guide_path

    ja, en = guide_path(None, "index.html"), guide_path("en", "index.html")
    assert ja.is_file() and en.is_file()
    assert tail(ja, 2) == ("guide", "index.html")
    assert tail(en, 3) == ("guide", "en", "index.html")
    assert guide_path(None, "x.html") == resource("guide", "x.html")
