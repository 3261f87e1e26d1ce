"""Draw the application icon and write every size the platforms need.

The icon is a white checklist sheet with a clip and a check mark on a rounded teal square: a
review checklist, in the calm colour of the app. Drawn with Pillow at 1024 px and scaled down;
the small sizes (≤ 32 px) use a simpler drawing (no text lines, a bolder check) so they stay
legible in a title bar or a file list.

    python packaging/icons/make_icons.py          # rewrites the files below

Writes packaging/icons/kanwa-review-<N>.png (16…1024), kanwa-review.ico (Windows: exe,
installer), kanwa-review.icns (macOS .app) and the window icon kanwa_review/icons/kanwa-review.png.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
WINDOW_ICON_SIZE = 256

TEAL_TOP, TEAL_BOTTOM = (42, 157, 143), (23, 105, 96)
PAPER, INK, CLIP = (255, 255, 255), (23, 105, 96), (233, 161, 59)
LINE = (170, 205, 200)


def _gradient(size: int) -> Image.Image:
    top, bottom = TEAL_TOP, TEAL_BOTTOM
    column = Image.new("RGB", (1, size))
    for y in range(size):
        t = y / max(size - 1, 1)
        column.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom)))
    return column.resize((size, size))


def draw(size: int = 1024, *, simple: bool = False) -> Image.Image:
    """The icon at `size` px (drawn at 4× and scaled down, so edges are smooth)."""
    big = size * 4  # Pillow draws without anti-aliasing: draw large, scale down
    s = big / 1024  # every coordinate below is on a 1024 grid

    def box(x0, y0, x1, y1):
        return [round(x0 * s), round(y0 * s), round(x1 * s), round(y1 * s)]

    mask = Image.new("L", (big, big), 0)
    ImageDraw.Draw(mask).rounded_rectangle(box(32, 32, 992, 992), radius=round(200 * s), fill=255)
    icon = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    icon.paste(_gradient(big), (0, 0), mask)

    d = ImageDraw.Draw(icon)
    # the sheet, with a soft shadow
    d.rounded_rectangle(box(262, 214, 782, 874), radius=round(48 * s), fill=(16, 80, 73))
    d.rounded_rectangle(box(242, 190, 762, 850), radius=round(48 * s), fill=PAPER)
    if not simple:
        # the clip
        d.rounded_rectangle(box(392, 140, 612, 250), radius=round(36 * s), fill=CLIP)
        d.ellipse(box(477, 160, 527, 210), fill=PAPER)
        # three checklist rows: a small box and a line each
        for row, y in enumerate((330, 450, 570)):
            d.rounded_rectangle(box(310, y, 370, y + 60), radius=round(10 * s),
                                outline=INK, width=round(12 * s))
            d.rounded_rectangle(box(410, y + 18, 690 - row * 60, y + 42), radius=round(12 * s),
                                fill=LINE)
        check = [(430, 700), (530, 790), (790, 520)]
        width = 80
    else:
        d.rounded_rectangle(box(392, 130, 612, 250), radius=round(36 * s), fill=CLIP)
        check = [(330, 540), (480, 690), (760, 400)]
        width = 130
    d.line([(round(x * s), round(y * s)) for x, y in check], fill=CLIP if not simple else INK,
           width=round(width * s), joint="curve")
    for x, y in (check[0], check[-1]):  # round caps
        r = width / 2
        d.ellipse(box(x - r, y - r, x + r, y + r), fill=CLIP if not simple else INK)
    return icon.resize((size, size), Image.LANCZOS)


def icon_at(size: int) -> Image.Image:
    return draw(size, simple=size <= 32)


def write_all(out: Path = HERE, window_icon: Path | None = None) -> list[Path]:
    """Write the PNGs, .ico and .icns into `out` (and the window icon); return the paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    images = {n: icon_at(n) for n in PNG_SIZES}
    for n, image in images.items():
        path = out / f"kanwa-review-{n}.png"
        image.save(path, optimize=True)
        written.append(path)
    ico = out / "kanwa-review.ico"
    # Pillow writes each requested size from the largest image; hand it the small drawings too
    images[256].save(ico, sizes=[(n, n) for n in ICO_SIZES],
                     append_images=[images[n] for n in ICO_SIZES if n != 256])
    written.append(ico)
    icns = out / "kanwa-review.icns"
    images[1024].save(icns, append_images=[images[n] for n in (16, 32, 64, 128, 256, 512)])
    written.append(icns)
    if window_icon is not None:
        window_icon.parent.mkdir(parents=True, exist_ok=True)
        images[WINDOW_ICON_SIZE].save(window_icon, optimize=True)
        written.append(window_icon)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder for the icon files")
    parser.add_argument("--window-icon", type=Path,
                        default=ROOT / "kanwa_review" / "icons" / "kanwa-review.png")
    args = parser.parse_args(argv)
    for path in write_all(args.out, args.window_icon):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
