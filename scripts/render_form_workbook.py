"""Render pictures of the form editing workbook for docs/forms.md (developer tool).

    .venv/bin/python scripts/render_form_workbook.py [OUT_DIR]

Writes the shipped form's workbook (Services.write_form_workbook), keeps a few rows and columns
of one sheet per picture, prints it to PDF with LibreOffice (`soffice --headless`, Debian's
libreoffice-calc) and turns the first page into a PNG with pdftoppm (poppler-utils)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kanwa_review.core.form import default_form_path, load_form  # noqa: E402
from kanwa_review.services import Services  # noqa: E402

# picture name -> (sheet, headers to show, rows to show)
PICTURES = {
    "form-workbook-items": ("項目", ["コード", "種類", "必須", "項目", "定義 A", "定義 B",
                                    "尺度", "表示条件"], 9),
    "form-workbook-map": ("対応表", ["種別", "旧項目", "新項目", "回答の引き継ぎ", "説明"], 9),
}


def _trim(png: Path, margin: int = 12) -> None:
    """Cut the white page around the printed cells."""
    from PIL import Image, ImageChops

    image = Image.open(png).convert("RGB")
    box = ImageChops.difference(image, Image.new("RGB", image.size, "white")).getbbox()
    if box:
        left, top, right, bottom = box
        image.crop((max(0, left - margin), max(0, top - margin),
                    min(image.width, right + margin), min(image.height, bottom + margin))
                   ).save(png)


def render(out_dir: Path) -> list[Path]:
    if not shutil.which("soffice") or not shutil.which("pdftoppm"):
        sys.exit("needs LibreOffice (soffice) and pdftoppm: apt-get install libreoffice-calc "
                 "poppler-utils")
    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = Services.write_form_workbook(load_form(default_form_path()), tmp / "form.xlsx")
        for name, (sheet, headers, rows) in PICTURES.items():
            wb = load_workbook(source)
            for other in [s for s in wb.sheetnames if s != sheet]:
                del wb[other]
            ws = wb[sheet]
            names = [c.value for c in ws[1]]
            for n, header in enumerate(names, start=1):
                ws.column_dimensions[get_column_letter(n)].hidden = header not in headers
            for col in ("D", "E", "F"):
                if ws.column_dimensions[col].width and ws.column_dimensions[col].width > 36:
                    ws.column_dimensions[col].width = 36
            ws.print_area = f"A1:{get_column_letter(len(names))}{rows}"
            ws.page_setup.orientation = "landscape"
            ws.page_setup.fitToWidth = 1
            ws.page_setup.fitToHeight = 1
            ws.sheet_properties.pageSetUpPr.fitToPage = True
            ws.print_options.gridLines = True
            part = tmp / f"{name}.xlsx"
            wb.save(part)
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp),
                            str(part)], check=True, capture_output=True, timeout=180)
            png = out_dir / name
            subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", "-f", "1", "-l", "1",
                            str(tmp / f"{name}.pdf"), str(png)], check=True, timeout=60)
            _trim(png.with_suffix(".png"))
            made.append(png.with_suffix(".png"))
    return made


if __name__ == "__main__":
    for path in render(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"):
        print(path)
