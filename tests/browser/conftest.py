"""Browser tests: the real app under uvicorn on a free loopback port, driven by Debian's Chromium via Playwright."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

CHROMIUM = Path("/usr/bin/chromium")
# `make test` runs this suite beside the model's training on 2 cores: a page's round trip may take seconds there.
# Assertions wait as long as actions do (below) instead of Playwright's 5 s, so a slow machine is not a failure.
expect.set_options(timeout=15_000)
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=f"Chromium not installed at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="package")  # closed before other packages: its event loop would clash with async tests
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def live_server(app) -> Iterator[str]:
    """The app (configured settings + fake Rasa) served by uvicorn in a background thread."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="on", ws="none", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


class PageProblems:
    """Console errors and uncaught exceptions (including CSP violations) seen on a page."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def console(self, message) -> None:
        # A failed request (e.g. a 503 the test asked for) is logged by Chromium; that is not a page problem.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.messages.append(f"console: {message.text}")

    def page_error(self, error) -> None:
        self.messages.append(f"pageerror: {error}")


@pytest.fixture
def page_problems() -> PageProblems:
    return PageProblems()


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL", base_url=live_server)
    yield context
    context.close()


@pytest.fixture
def page(context, page_problems):
    page = context.new_page()
    page.on("console", page_problems.console)
    page.on("pageerror", page_problems.page_error)
    page.set_default_timeout(10_000)
    yield page
    page.close()
