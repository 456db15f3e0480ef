"""The archive in a real browser: `pipeline serve` on a free loopback port, driven in headless Chromium.

Screenshots of each view are kept in tests/artifacts/browser/ (git-ignored),
at 1400x1000.  Chromium comes from Debian's package, which `make test`
installs; where it is missing the test fails and says so (set
NEWSCLEAN_SKIP_BROWSER=1 to skip it knowingly).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import EXPECTED
from pipeline.clean.rules import describe

ARTIFACTS = Path(__file__).resolve().parent / "artifacts" / "browser"
VIEWPORT = {"width": 1400, "height": 1000}
# Flags that keep a headless Chromium off the network (this machine has none) and quiet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_SECONDS = 60


def chromium_path() -> str:
    found = os.environ.get("NEWSCLEAN_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    message = (
        "Chromium is not installed, so the browser test cannot run: `make test` installs Debian's chromium "
        "(apt-get install chromium, as root or with sudo); set NEWSCLEAN_SKIP_BROWSER=1 to skip this test knowingly"
    )
    if os.environ.get("NEWSCLEAN_SKIP_BROWSER") == "1":
        pytest.skip(message)
    pytest.fail(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served(seeds_db, tmp_path_factory):
    """`pipeline serve` on the seeds' archive (conftest.seeds_db): (base URL, database name)."""
    port = free_port()
    log_path = tmp_path_factory.mktemp("serve") / "serve.log"
    log = open(log_path, "wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "serve", "--db", str(seeds_db), "--port", str(port), "--host", "127.0.0.1"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/-/versions.json", server, log_path)
        yield base, seeds_db.stem
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def wait_for(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"pipeline serve exited with {server.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"pipeline serve did not answer within {SERVER_START_SECONDS} s:\n{log.read_text()}")


@pytest.fixture(scope="module")
def page():
    executable = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed: pip install -e '.[test]' (make test does)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser.new_page(viewport=VIEWPORT)
        finally:
            browser.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_search_open_an_article_and_its_removed_blocks(served, page):
    base, database = served
    title = json.loads((EXPECTED / "000_2768534c0c2f43dc.json").read_text(encoding="utf-8"))["meta"]["title"]

    page.goto(f"{base}/{database}/articles")
    assert page.locator("table.newsclean-articles tbody tr").count() == 7  # six articles and a copy
    assert "content_hash" not in page.locator("table.newsclean-articles").inner_text()
    shot(page, "articles")

    page.fill("input[name=q]", "landmines")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/search?q=landmines*")
    assert page.locator("table.newsclean-articles mark").first.inner_text().lower() == "landmines"
    shot(page, "search")

    page.locator("table.newsclean-articles td.col-title a", has_text=title).click()
    page.wait_for_url(f"**/{database}/articles/*")
    assert page.locator("h1").inner_text() == title
    assert page.locator(".newsclean-text p").count() > 5
    shot(page, "article")

    page.locator("a.newsclean-removed-link").click()
    page.wait_for_url("**/removals?article=*")
    table = page.locator("table.newsclean-removals").inner_text()
    assert "related_section" in table and describe("related_section") in table
    shot(page, "removed_blocks")


def test_raw_page_is_shown_as_text_and_never_run(served, page):
    base, database = served
    page.goto(f"{base}/{database}/search?q=breakwater")
    page.locator("td.col-title a", has_text="Harbour reopens after storm repairs").click()
    page.locator("a", has_text="Raw page as text").click()
    assert "<script>window.rawPageScriptRan = true;</script>" in page.locator("pre.newsclean-raw").inner_text()
    assert page.evaluate("window.rawPageScriptRan === undefined")
    shot(page, "raw_page")
