"""Screenshots of the rendered reports for the README, taken by headless Chromium.

Renders the suite from the project's seeds into a temporary folder (``analysis render``), opens
each page from its file path, waits for its charts to draw, and saves the top of the page (at
most 1800 px tall) as docs/screenshots/<page>.png at 1280 px, <page>-390.png as a 390 px phone
sees it, and <page>-print.png as Chromium prints it (print stylesheet, A4 width)::

    .venv/bin/python tools/screenshots.py            # render, then shoot
    .venv/bin/python tools/screenshots.py --from reports/   # shoot pages already rendered

Needs Chromium and chromedriver (Debian: ``apt-get install chromium chromium-driver``).
"""

from __future__ import annotations

import argparse
import base64
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.render.pdf import CHROMIUM_ARGS as HEADLESS_ARGS

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
PAGES = ("transfers", "policy", "sources", "index")
WIDTH, PHONE, MAX_HEIGHT = 1280, 390, 1800
#: The width an A4 page leaves between 12 mm margins, in CSS pixels (see page.css).
PRINTABLE = int((210 - 2 * 12) / 25.4 * 96)
#: (file suffix, width, CSS media, pages) of each kind of shot.
SHOTS = (
    ("", WIDTH, "screen", ("transfers", "policy", "sources", "index")),
    ("-390", PHONE, "screen", ("transfers", "index")),
    ("-print", PRINTABLE, "print", ("policy",)),
)
#: A screenshot kept in the repository should stay small.
MAX_BYTES = 400_000
#: The project's headless flags (analysis.render.pdf), and the screenshots' own.
CHROMIUM_ARGS = (
    *HEADLESS_ARGS,
    "--disable-quic",
    "--hide-scrollbars",
    f"--window-size={WIDTH},{MAX_HEIGHT}",
)
CHARTS_DRAWN_JS = """
return Array.from(document.querySelectorAll('div.chart')).every(function (div) {
  return div.querySelector('svg g.role-mark > *') !== null;
});
"""


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def render(out: Path) -> None:
    """``analysis render --out OUT --force`` with this interpreter's package."""
    command = [sys.executable, "-m", "analysis", "render", "--out", str(out), "--force"]
    subprocess.run(command, check=True)


def browser(profile: Path) -> WebDriver:
    from selenium import webdriver  # noqa: PLC0415
    from selenium.webdriver.chrome.service import Service  # noqa: PLC0415

    binary = shutil.which("chromium") or "/usr/bin/chromium"
    driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in (*CHROMIUM_ARGS, f"--user-data-dir={profile}"):
        options.add_argument(arg)
    return webdriver.Chrome(options=options, service=Service(driver))


def shoot(
    driver: WebDriver, page: Path, png: Path, width: int = WIDTH, media: str = "screen"
) -> tuple[int, int]:
    """Save the top of ``page`` as ``png`` at ``width`` in ``media``; return the height shot
    and the file's size."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})
    # Lay the page out at the final width in a short viewport, so a short page measures short.
    metrics = {"width": width, "height": 400, "deviceScaleFactor": 1, "mobile": width < 600}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    driver.get(page.as_uri())
    deadline = time.monotonic() + 20
    while not driver.execute_script(CHARTS_DRAWN_JS) and time.monotonic() < deadline:
        time.sleep(0.1)
    full = int(driver.execute_script("return document.documentElement.scrollHeight"))
    height = min(full, MAX_HEIGHT)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**metrics, "height": height})
    time.sleep(0.5)  # let the resize settle (Vega re-lays out on resize)
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {"format": "png", "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}},
    )
    data = base64.b64decode(shot["data"])
    png.write_bytes(data)
    return height, len(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--from", dest="source", type=Path, help="shoot the pages in this folder (no render)"
    )
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder (default: {OUT})")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as tmp:
        pages = args.source
        if pages is None:
            pages = Path(tmp) / "reports"
            render(pages)
        driver = browser(Path(tmp) / "profile")
        too_big = []
        try:
            for suffix, width, media, names in SHOTS:
                for name in names:
                    png = args.out / f"{name}{suffix}.png"
                    height, size = shoot(driver, pages / f"{name}.html", png, width, media)
                    say(
                        f"{png.relative_to(ROOT) if png.is_relative_to(ROOT) else png}: "
                        f"{width}x{height} ({media}), {size / 1000:.0f} KB"
                    )
                    if size > MAX_BYTES:
                        too_big.append(png.name)
        finally:
            driver.quit()
    if too_big:
        say(f"over {MAX_BYTES // 1000} KB: {', '.join(too_big)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
