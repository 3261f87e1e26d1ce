"""The one place that finds the data files shipped with the app (forms, font, schemas, translations).

Every data file is package data, found through `importlib.resources.files`, so the editable
install, an installed wheel and the PyInstaller bundle all resolve it the same way:

- `forms/` and `resources/` stay at the top of the repository; pyproject.toml/setup.py map them
  into the package as `kanwa_review.forms` and `kanwa_review.resources` (each folder has an
  `__init__.py` so the editable install's import finder can map it). The wheel and the bundle
  hold them at `kanwa_review/forms/` and `kanwa_review/resources/`.
- the JSON schemas (`exchange/*.schema.json`) and translations (`translations/*.ts`, `*.qm`) live
  inside the package folder itself.

Callers get a real `pathlib.Path`: ReportLab, Qt and the form loader open files by name, and every
supported install keeps the package on disk (a zipped install is refused with a clear message).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

PACKAGE = "kanwa_review"
# top-level repository folders that the build maps into the package (see setup.py)
MAPPED_FOLDERS = ("forms", "resources", "guide")

DEFAULT_FORM = "palliative-care-peer-review.yaml"
FONT_FILE = "ipaexg.ttf"
FONT_LICENCE_FILE = "IPA_Font_License_Agreement_v1.0.txt"


def resource(folder: str, *parts: str) -> Path:
    """The shipped file or folder `folder/parts...` as it sits in the installed package, e.g.
    `resource("forms", "x.yaml")`, `resource("resources", "fonts", "ipaexg.ttf")`,
    `resource("exchange", "submission.schema.json")`, `resource("translations")`.

    The path is returned whether or not the file exists; callers that need it say so when it is
    missing."""
    if folder in MAPPED_FOLDERS:
        root = files(f"{PACKAGE}.{folder}")   # a mapped package: its own location on disk
    else:
        root = files(PACKAGE).joinpath(folder)
    found = root.joinpath(*parts) if parts else root
    if not isinstance(found, Path):
        from kanwa_review.core.i18n import translate  # here: i18n finds its catalogs through us

        where = "/".join((folder, *parts))
        raise RuntimeError(translate(
            "resources", "同梱ファイル {file} がディスク上にありません（zip からの実行には対応して"
            "いません）。kanwa-review を展開された形でインストールし直してください。"
        ).format(file=where))
    return found


def forms_dir() -> Path:
    """The form definitions shipped with the app."""
    return resource("forms")


def default_form_path() -> Path:
    return resource("forms", DEFAULT_FORM)


def font_path() -> Path:
    """IPAexGothic, embedded in reports and used as the UI font on bare machines."""
    return resource("resources", "fonts", FONT_FILE)


def font_licence_path() -> Path:
    return resource("resources", "fonts", FONT_LICENCE_FILE)


def schema_path(name: str) -> Path:
    """A JSON Schema of the exchange formats, e.g. "submission.schema.json"."""
    return resource("exchange", name)


def translation_path(name: str) -> Path:
    """A translation catalog, e.g. "kanwa_review_en.ts" or "kanwa_review_en.qm"."""
    return resource("translations", name)


def guide_path(language: str | None, page: str) -> Path:
    """A page of the bundled guide (docs/guide, mapped into the package as `guide`): the
    Japanese page for `language` None, else the page of that language's folder (guide/en/)."""
    return resource("guide", *((language,) if language else ()), page)


def app_icon_path() -> Path:
    """The window icon (the installers' .ico/.icns are made in packaging/icons)."""
    return resource("icons", "kanwa-review.png")
