"""The review app and the HTML report in real headless Chromium (Debian's), via Playwright.

The browser is Debian's /usr/bin/chromium; when it is missing the fixture installs it with
.ci/install-browser, and if that fails these tests fail with a message saying so, never
skip. The app runs in a real uvicorn server on a free loopback port; screenshots land in
test-artifacts/.
"""

from __future__ import annotations

import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, sync_playwright
from review_fixtures import (
    HOSTILE_ATTRIBUTE,
    HOSTILE_SCRIPT,
    TEXTS,
    make_hostile_report,
    make_report,
)

from factcheck.models import Report
from factcheck.report.html import render_html
from factcheck.review import DecisionStore
from factcheck.review.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        # The test setup installs what it needs: Debian's chromium, through the same script CI uses.
        script = Path(__file__).resolve().parent.parent / ".ci" / "install-browser"
        done = subprocess.run(["bash", str(script)], capture_output=True, text=True, check=False)
        if done.returncode != 0 or not CHROMIUM.exists():
            pytest.fail(
                f"Chromium not found at {CHROMIUM} and `bash .ci/install-browser` could not "
                f"install it: {done.stderr.strip()[-500:]}"
            )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


ServeFn = Callable[[Callable[[], Report], DecisionStore], str]


@pytest.fixture
def serve() -> Iterator[ServeFn]:
    """Start the app in a real uvicorn server on 127.0.0.1; returns its base URL."""
    servers: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(load: Callable[[], Report], store: DecisionStore) -> str:
        port = free_port()
        app = create_app(load, store, corpus="sample", reviewer="Ana")
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
            time.sleep(0.05)
        servers.append((server, thread))
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=10)


def corpus_on_disk(folder: Path) -> Callable[[], Report]:
    """Sources as files; the report is rebuilt from them on every request, like a re-run."""
    for sid, text in TEXTS.items():
        (folder / f"{sid}.txt").write_text(text, encoding="utf-8")
    return lambda: make_report({sid: (folder / f"{sid}.txt").read_text() for sid in TEXTS})


def decide(page: Page, fingerprint: str, button: str, note: str = "", wait: bool = True) -> None:
    article = page.locator(f"#f-{fingerprint}")
    if note:
        article.locator("textarea[name=note]").fill(note)
    article.get_by_role("button", name=button).click(no_wait_after=not wait)


def submit_together(*moves: tuple[Page, str, str]) -> None:
    """Press every button first, then wait for each page to land on its finding."""
    for page, fingerprint, button in moves:
        decide(page, fingerprint, button, wait=False)
    for page, fingerprint, _ in moves:
        page.wait_for_url(f"**#f-{fingerprint}")
        page.wait_for_load_state()


def test_mark_a_finding_reload_and_it_is_still_there(
    browser: Browser, serve: ServeFn, tmp_path: Path
) -> None:
    store = DecisionStore.for_sources(tmp_path)
    base = serve(corpus_on_disk(tmp_path), store)
    conflict = make_report().findings[0]
    page = browser.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(base)
    decide(page, conflict.fingerprint, "Confirm", note="Checked the 10-K: real conflict")
    page.wait_for_load_state()
    badge = page.locator(f"#f-{conflict.fingerprint} [data-testid=decision]")
    assert badge.inner_text() == "Confirmed"
    page.reload()
    assert badge.inner_text() == "Confirmed"
    assert (
        "Checked the 10-K: real conflict" in page.locator(f"#f-{conflict.fingerprint}").inner_text()
    )
    assert store.current()[conflict.fingerprint].note == "Checked the 10-K: real conflict"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "review-app.png"), full_page=True)
    page.close()


def test_hostile_source_is_shown_as_text(browser: Browser, serve: ServeFn, tmp_path: Path) -> None:
    base = serve(make_hostile_report, DecisionStore.for_sources(tmp_path))
    page = browser.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(base)
    quote = page.locator("blockquote", has_text="Evil Corp said").inner_text()
    assert HOSTILE_SCRIPT in quote
    assert HOSTILE_ATTRIBUTE in quote
    assert page.locator("main img, main script, main b[onmouseover]").count() == 0
    page.get_by_text("Evil Outlet").first.hover()
    assert page.get_by_text("<b onmouseover=alert(3)>Evil Outlet</b>").first.is_visible()
    assert page.locator("a[href^='javascript:']").count() == 0
    assert dialogs == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "review-app-hostile.png"), full_page=True)
    page.close()


def test_two_clients_deciding_at_once_both_keep_their_decisions(
    browser: Browser, serve: ServeFn, tmp_path: Path
) -> None:
    store = DecisionStore.for_sources(tmp_path)
    base = serve(corpus_on_disk(tmp_path), store)
    conflict, agreement, _ = make_report().findings
    contexts = [browser.new_context(), browser.new_context()]
    pages = [context.new_page() for context in contexts]
    for page, name in zip(pages, ("Ana", "Ben"), strict=True):
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(base)
        for field in page.locator("input[name=reviewer]").all():
            field.fill(name)
    # Both submit before either waits: two decisions on different findings, then both
    # clients on the finding the other just decided.
    submit_together(
        (pages[0], conflict.fingerprint, "Confirm"), (pages[1], agreement.fingerprint, "Dismiss")
    )
    submit_together(
        (pages[0], agreement.fingerprint, "Needs follow-up"),
        (pages[1], conflict.fingerprint, "Needs follow-up"),
    )
    for page in pages:
        page.reload()
    history = store.history()
    assert len(history) == 4
    assert {(d.reviewer, d.fingerprint) for d in history} == {
        ("Ana", conflict.fingerprint),
        ("Ana", agreement.fingerprint),
        ("Ben", conflict.fingerprint),
        ("Ben", agreement.fingerprint),
    }
    for page in pages:
        for fingerprint in (conflict.fingerprint, agreement.fingerprint):
            assert "History (2)" in page.locator(f"#f-{fingerprint}").inner_text()
    for context in contexts:
        context.close()


def test_decisions_survive_editing_an_unrelated_source(
    browser: Browser, serve: ServeFn, tmp_path: Path
) -> None:
    store = DecisionStore.for_sources(tmp_path)
    base = serve(corpus_on_disk(tmp_path), store)
    page = browser.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(base)
    findings = make_report().findings
    for finding in findings:
        decide(page, finding.fingerprint, "Confirm")
        page.wait_for_load_state()
    gamma = tmp_path / "gamma.txt"
    gamma.write_text("An unrelated opening line. " + gamma.read_text(), encoding="utf-8")
    page.reload()
    for finding in findings:
        badge = page.locator(f"#f-{finding.fingerprint} [data-testid=decision]")
        assert badge.inner_text() == "Confirmed"
    assert page.locator("#stale").count() == 0
    page.close()


def test_html_report_renders_without_console_errors(browser: Browser, tmp_path: Path) -> None:
    report_file = tmp_path / "report.html"
    report_file.write_text(render_html(make_hostile_report()), encoding="utf-8")
    page = browser.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    problems: list[str] = []
    page.on(
        "console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("dialog", lambda dialog: (problems.append(dialog.message), dialog.dismiss()))
    page.goto(report_file.as_uri())
    assert page.locator("#shown-count").inner_text() == "1"
    page.locator("input[data-severity-filter][value=error]").uncheck()
    assert page.locator("#shown-count").inner_text() == "0"  # the inline script ran
    page.locator("input[data-severity-filter][value=error]").check()
    assert HOSTILE_SCRIPT in page.locator("blockquote").first.inner_text()
    assert problems == []

    report_file.write_text(render_html(make_report()), encoding="utf-8")
    page.goto(report_file.as_uri())
    page.locator("#search").fill("Tencent")
    assert page.locator("#shown-count").inner_text() == "1"
    page.locator("#search").fill("")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "html-report.png"), full_page=True)
    assert problems == []
    page.close()
