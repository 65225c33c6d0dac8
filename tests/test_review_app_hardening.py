"""The review app under hostile or heavy use: bad tokens, long fields, huge bodies, binding
beyond loopback, headers on every error, and paging over a store of many decisions."""

from __future__ import annotations

import http.client
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from review_fixtures import make_report
from starlette.testclient import TestClient
from starlette.types import ASGIApp, Message

import factcheck.review.store as store_module
from factcheck.models import Decision, Report
from factcheck.review import DecisionStore
from factcheck.review.app import (
    CSRF_COOKIE,
    HISTORY_PREVIEW,
    MAX_FORM_BYTES,
    MAX_NOTE,
    MAX_REVIEWER,
    PAGE_SIZE,
    build_app,
    create_app,
)
from factcheck.review.guards import ACCESS_COOKIE, SECURITY_HEADERS, is_loopback
from factcheck.review.store import Page

LOCAL = "http://127.0.0.1:8765"
LOCAL_CLIENT = ("127.0.0.1", 50000)
LAN_ADDRESS = "192.0.2.10"  # TEST-NET-1: this server's address on a network
LAN = f"http://{LAN_ADDRESS}:8765"
COLLEAGUE = ("192.0.2.20", 50000)
TOKEN = "an-access-token-for-tests"
START = datetime(2025, 1, 2, 9, 30, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> DecisionStore:
    return DecisionStore.for_sources(tmp_path)


def local_client(store: DecisionStore, report: Report | None = None, **app: Any) -> TestClient:
    shown = report or make_report()
    return TestClient(
        create_app(lambda: shown, store, reviewer="Ana", **app),
        base_url=LOCAL,
        client=LOCAL_CLIENT,
        follow_redirects=False,
    )


def token_of(page: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', page)
    assert match, "the page carries no review token"
    return match.group(1)


def decision_form(client: TestClient, **fields: str) -> dict[str, str]:
    return {
        "csrf": token_of(client.get("/").text),
        "fingerprint": make_report().findings[0].fingerprint,
        "status": "confirmed",
        "reviewer": "Ana",
        "note": "",
        "next": "/",
        **fields,
    }


def insert_decisions(store: DecisionStore, fingerprints: Iterable[str]) -> None:
    """Many rows at once, one second apart (recording them one by one would take minutes)."""
    rows = [
        (fp, "confirmed", f"note {n}", "Ana", (START + timedelta(seconds=n)).isoformat())
        for n, fp in enumerate(fingerprints)
    ]
    with closing(sqlite3.connect(store.path)) as db, db:
        db.executemany(
            "INSERT INTO decisions (fingerprint, status, note, reviewer, decided_at)"
            " VALUES (?, ?, ?, ?, ?)",
            rows,
        )


# --- Tokens and fields: validated, answered 400/403 with a message, never 500 ---------------


@pytest.mark.parametrize("where", ["form", "cookie"])
def test_a_non_ascii_review_token_is_refused_not_a_crash(store: DecisionStore, where: str) -> None:
    client = local_client(store)
    form = decision_form(client)
    headers: dict[str, str | bytes] = {"Origin": LOCAL}
    if where == "form":
        form["csrf"] = "jeton-é"
    else:  # raw bytes: an HTTP client would refuse to send them
        client.cookies.clear()
        headers["Cookie"] = f"{CSRF_COOKIE}=jeton-é".encode()
    response = client.post("/decide", data=form, headers=headers)
    assert response.status_code == 403
    assert "review token" in response.text
    assert store.history() == []


@pytest.mark.parametrize(
    ("field", "length", "status"),
    [
        ("reviewer", MAX_REVIEWER, 303),
        ("reviewer", MAX_REVIEWER + 1, 400),
        ("note", MAX_NOTE, 303),
        ("note", MAX_NOTE + 1, 400),
    ],
)
def test_long_fields_are_refused_with_a_message(
    store: DecisionStore, field: str, length: int, status: int
) -> None:
    client = local_client(store)
    response = client.post(
        "/decide", data=decision_form(client, **{field: "x" * length}), headers={"Origin": LOCAL}
    )
    assert response.status_code == status
    if status == 400:
        assert f"longer than {length - 1} characters" in response.text
        assert store.history() == []
    else:
        assert len(store.history()) == 1


def test_a_reviewer_name_beyond_latin_1_is_kept_and_remembered(store: DecisionStore) -> None:
    client = local_client(store)
    name = "Łucja Żak 李"
    response = client.post(
        "/decide", data=decision_form(client, reviewer=name), headers={"Origin": LOCAL}
    )
    assert response.status_code == 303
    assert store.history()[0].reviewer == name
    assert f'value="{name}"' in client.get("/").text


TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
REAL = None  # stands for this server's own token, or a real finding


@settings(max_examples=60, deadline=None)
@given(
    csrf=st.one_of(st.none(), TEXT),
    reviewer=st.one_of(TEXT, st.text(min_size=MAX_REVIEWER - 2, max_size=MAX_REVIEWER + 3)),
    note=st.one_of(TEXT, st.integers(MAX_NOTE - 2, MAX_NOTE + 3).map(lambda n: " " + "x" * n)),
    status=st.one_of(st.sampled_from(["confirmed", "dismissed", "follow_up"]), TEXT),
    fingerprint=st.one_of(st.none(), TEXT),
)
def test_any_form_is_answered_never_a_crash(
    csrf: str | None, reviewer: str, note: str, status: str, fingerprint: str | None
) -> None:
    with fresh_store() as store:
        client = local_client(store)  # raises on any server error
        form = decision_form(client, reviewer=reviewer, note=note, status=status)
        form["csrf"] = form["csrf"] if csrf is REAL else csrf
        form["fingerprint"] = form["fingerprint"] if fingerprint is REAL else fingerprint
        response = client.post("/decide", data=form, headers={"Origin": LOCAL})
        valid = (
            0 < len(reviewer.strip()) <= MAX_REVIEWER
            and len(note.strip()) <= MAX_NOTE
            and status in ("confirmed", "dismissed", "follow_up")
        )
        if response.status_code == 303:
            assert valid
            assert [d.reviewer for d in store.history()] == [reviewer.strip()]
        else:
            assert response.status_code in (400, 403, 404)
            assert response.text and store.history() == []


# --- Body size: refused on Content-Length before reading, and while a stream comes in ----------


def call_asgi(
    app: ASGIApp,
    headers: list[tuple[bytes, bytes]],
    chunks: Iterator[bytes],
    host: list[tuple[bytes, bytes]] | None = None,
    server: tuple[str, int] | None = ("127.0.0.1", 8765),
) -> tuple[int, dict[str, str], int]:
    """POST /decide straight to the ASGI app: status, headers, and how many body bytes it read."""
    import anyio

    read = 0
    answer: dict[str, Any] = {}

    async def receive() -> Message:
        nonlocal read
        chunk = next(chunks, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        read += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
            answer["headers"] = {k.decode(): v.decode() for k, v in message["headers"]}

    scope = {
        "type": "http",
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/decide",
        "raw_path": b"/decide",
        "query_string": b"",
        "root_path": "",
        "headers": [
            *([(b"host", b"127.0.0.1:8765")] if host is None else host),
            (b"origin", LOCAL.encode()),
            *headers,
        ],
        "client": LOCAL_CLIENT,
        "server": server,
    }
    anyio.run(app, scope, receive, send)
    return answer["status"], answer["headers"], read


HUGE = 200 * 1024 * 1024


def huge_body(chunk: int = 16 * 1024) -> Iterator[bytes]:
    """200 MB, made only as far as it is read."""
    return (b"x" * chunk for _ in range(HUGE // chunk))


def test_a_declared_200_mb_form_is_refused_before_any_of_it_is_read(
    store: DecisionStore,
) -> None:
    app = create_app(make_report, store)
    length = (b"content-length", str(HUGE).encode())
    status, headers, read = call_asgi(app, [length], huge_body())
    assert status == 413
    assert read == 0
    assert headers["x-frame-options"] == "DENY"


def test_a_streamed_form_is_refused_as_soon_as_it_passes_the_limit(store: DecisionStore) -> None:
    app = create_app(make_report, store)
    chunk = 16 * 1024
    status, _, read = call_asgi(app, [(b"transfer-encoding", b"chunked")], huge_body(chunk))
    assert status == 413
    assert MAX_FORM_BYTES < read <= MAX_FORM_BYTES + chunk


def test_oversized_forms_over_http_are_refused(store: DecisionStore) -> None:
    client = local_client(store)
    client.get("/")
    declared = client.post(
        "/decide", content=b"x" * (MAX_FORM_BYTES + 1), headers={"Origin": LOCAL}
    )
    streamed = client.post(
        "/decide", content=(b"x" * 1024 for _ in range(100)), headers={"Origin": LOCAL}
    )
    bad_length = client.post(
        "/decide", content=b"", headers={"Origin": LOCAL, "Content-Length": "lots"}
    )
    assert (declared.status_code, streamed.status_code, bad_length.status_code) == (413, 413, 400)
    assert "larger than 64 KB" in declared.text


# --- Binding beyond loopback: an access token; the addresses bound are allowed hosts -----------


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.3.2.1", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("", False),
        ("192.168.1.5", False),
        ("review.example", False),
    ],
)
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def lan_client(store: DecisionStore, token: str | None = TOKEN) -> TestClient:
    """A colleague's browser on the network, reaching this server at its LAN address."""
    app = create_app(make_report, store, reviewer="Ana", access_token=token)
    return TestClient(app, base_url=LAN, client=COLLEAGUE, follow_redirects=False)


def test_without_the_token_a_colleague_reads_nothing(store: DecisionStore) -> None:
    client = lan_client(store)
    for path in ("/", "/stale", "/healthz", f"/?token={TOKEN}x", "/?token=jeton-é"):
        response = client.get(path)
        assert response.status_code == 403, path
        assert "access token" in response.text
    assert client.get("/", headers={"Authorization": "Bearer wrong-é".encode()}).status_code == 403
    assert (
        client.get("/", headers={"Cookie": f"{ACCESS_COOKIE}=jeton-é".encode()}).status_code == 403
    )


def test_a_loopback_host_header_from_the_network_does_not_open_the_door(
    store: DecisionStore,
) -> None:
    for token in (TOKEN, None):
        client = lan_client(store, token)
        response = client.get("/", headers={"Host": "127.0.0.1:8765"})
        assert response.status_code == 403
        assert "token" in response.text


def test_the_token_in_the_address_becomes_a_cookie_and_leaves_the_address(
    store: DecisionStore,
) -> None:
    client = lan_client(store)
    response = client.get(f"/?severity=error&token={TOKEN}")
    assert response.status_code == 303
    assert response.headers["location"] == "/?severity=error"
    assert client.cookies.get(ACCESS_COOKIE) == TOKEN
    assert "httponly" in response.headers["set-cookie"].lower()
    assert "samesite=strict" in response.headers["set-cookie"].lower()
    page = client.get("/?severity=error")
    assert page.status_code == 200
    form = {
        "csrf": token_of(page.text),
        "fingerprint": make_report().findings[0].fingerprint,
        "status": "follow_up",
        "reviewer": "Ben",
    }
    assert client.post("/decide", data=form, headers={"Origin": LAN}).status_code == 303
    assert [d.reviewer for d in store.history()] == ["Ben"]


def test_an_empty_access_token_is_refused(store: DecisionStore) -> None:
    with pytest.raises(ValueError, match="empty access token"):
        create_app(make_report, store, access_token="")


def test_scripts_send_the_token_in_a_header(store: DecisionStore) -> None:
    response = lan_client(store).get("/healthz", headers={"Authorization": f"Bearer {TOKEN}"})
    assert (response.status_code, response.text) == (200, "ok")


def test_the_redirect_that_drops_the_token_stays_on_this_server(store: DecisionStore) -> None:
    response = lan_client(store).get(f"{LAN}//evil.example/?token={TOKEN}")
    assert response.headers["location"] == "/evil.example/"


def test_the_address_a_connection_arrived_on_is_an_allowed_host(store: DecisionStore) -> None:
    client = lan_client(store)
    client.cookies.set(ACCESS_COOKIE, TOKEN)
    assert client.get("/").status_code == 200  # Host: 192.0.2.10:8765, bound on 0.0.0.0
    assert client.get("/", headers={"Host": "rebound.example"}).status_code == 400


def test_a_wildcard_bind_allows_this_machine_s_name(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Acme said it spent $5 million.", encoding="utf-8")
    app = build_app(tmp_path, "0.0.0.0", access_token=TOKEN)
    client = TestClient(app, base_url=LAN, client=COLLEAGUE)
    name = socket.gethostname()
    headers = {"Host": f"{name}:8765", "Authorization": f"Bearer {TOKEN}"}
    assert client.get("/healthz", headers=headers).status_code == 200
    headers["Host"] = "other.example"
    assert client.get("/healthz", headers=headers).status_code == 400


@pytest.mark.parametrize("server", [("127.0.0.1", 8765), None])
def test_a_request_without_a_host_header_is_refused(
    store: DecisionStore, server: tuple[str, int] | None
) -> None:
    app = create_app(make_report, store)
    status, headers, _ = call_asgi(app, [], iter(()), host=[], server=server)
    assert status == 400
    assert headers["x-content-type-options"] == "nosniff"


def test_a_loopback_server_needs_no_token(store: DecisionStore) -> None:
    assert local_client(store).get("/").status_code == 200


# --- Error responses carry the security headers ---------------------------------------------


def broken_report() -> Report:
    raise RuntimeError("the pipeline failed")


@pytest.mark.parametrize(
    ("method", "path", "headers", "status"),
    [
        ("GET", "/", {"Host": "attacker.example"}, 400),
        ("GET", "/history?fingerprint=f&after=x", {}, 400),
        ("POST", "/decide", {"Origin": "http://evil.example"}, 403),
        ("GET", "/no-such-page", {}, 404),
        ("POST", "/", {}, 405),
        ("POST", "/decide", {"Origin": LOCAL, "Content-Length": str(HUGE)}, 413),
    ],
)
def test_errors_carry_the_security_headers(
    store: DecisionStore, method: str, path: str, headers: dict[str, str], status: int
) -> None:
    response = local_client(store).request(method, path, headers=headers)
    assert response.status_code == status
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value


def test_a_server_error_carries_the_security_headers(store: DecisionStore) -> None:
    app = create_app(broken_report, store)
    client = TestClient(app, base_url=LOCAL, client=LOCAL_CLIENT, raise_server_exceptions=False)
    response = client.get("/")
    assert response.status_code == 500
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value
    refused = TestClient(app, base_url=LAN, client=COLLEAGUE).get("/")
    assert refused.status_code == 403
    assert refused.headers["content-security-policy"] == SECURITY_HEADERS["Content-Security-Policy"]


# --- Paging: the history and the stale decisions, a page's cost independent of the store -------

NAMES = [f"fp{n:02d}" for n in range(12)]


@contextmanager
def fresh_store() -> Iterator[DecisionStore]:
    """A store of its own for each hypothesis example."""
    with tempfile.TemporaryDirectory() as folder:
        yield DecisionStore(Path(folder) / "review.sqlite")


def walk(page_at: Callable[[Any, Any], Page[Any]]) -> list[Decision]:
    """Every row, following `next` from the first page; going back by `previous` agrees."""
    pages = [page_at(None, None)]
    while pages[-1].next is not None:
        pages.append(page_at(pages[-1].next, None))
    back = [pages[-1]]
    while back[-1].previous is not None:
        back.append(page_at(None, back[-1].previous))
    assert [p.decisions for p in back[::-1]] == [p.decisions for p in pages]
    return [d for page in pages for d in page.decisions]


@settings(max_examples=40, deadline=None)
@given(
    rows=st.lists(st.sampled_from(NAMES), max_size=30),
    present=st.sets(st.sampled_from(NAMES)),
    limit=st.integers(1, 5),
)
def test_stale_pages_hold_every_stale_decision_once_in_order(
    rows: list[str], present: set[str], limit: int
) -> None:
    with fresh_store() as store:
        insert_decisions(store, rows)
        expected = [d for fp, d in sorted(store.current().items()) if fp not in present]
        assert store.current_of(present) == {
            fp: d for fp, d in store.current().items() if fp in present
        }
        pages = walk(lambda a, b: store.stale_page(present, after=a, before=b, limit=limit))
        assert pages == expected


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.sampled_from(NAMES[:3]), max_size=30), limit=st.integers(1, 5))
def test_history_pages_hold_every_row_newest_first(rows: list[str], limit: int) -> None:
    with fresh_store() as store:
        insert_decisions(store, rows)
        for fp in NAMES[:3]:
            pages = walk(
                lambda a, b, fp=fp: store.history_pages([fp], after=a, before=b, limit=limit)[fp]
            )
            assert pages == store.history(fp)[::-1]


def test_a_page_holds_at_least_one_row(store: DecisionStore) -> None:
    with pytest.raises(ValueError, match="at least one"):
        store.stale_page(set(), limit=0)


def links_of(page: str) -> dict[str, str]:
    return {
        rel: href.replace("&amp;", "&")
        for rel, href in re.findall(r'rel="(\w+)" href="([^"]+)"', page)
    }


def test_stale_decisions_come_in_pages(store: DecisionStore) -> None:
    gone = [f"gone{n:04d}" for n in range(2 * PAGE_SIZE + 7)]
    insert_decisions(store, reversed(gone))
    client = local_client(store)
    index = client.get("/").text
    assert index.count('class="stale"') == PAGE_SIZE
    more = re.search(r'href="([^"]+)" data-testid="more-stale"', index)
    assert more, "no link to the next page of stale decisions"
    seen = re.findall(r'<tr class="stale"><td><code>(\w+)</code>', index)
    url: str | None = more.group(1)
    pages = []
    while url:
        page = client.get(url).text
        pages.append(page)
        seen += re.findall(r'<tr class="stale"><td><code>(\w+)</code>', page)
        url = links_of(page).get("next")
    assert seen == gone
    back = client.get(links_of(pages[-1])["prev"]).text
    assert back == pages[-2]


def test_a_long_history_is_previewed_then_paged(store: DecisionStore) -> None:
    finding = make_report().findings[0]
    insert_decisions(store, [finding.fingerprint] * (2 * PAGE_SIZE + 3))
    client = local_client(store)
    index = client.get("/").text
    assert f"History (latest {HISTORY_PREVIEW})" in index
    first = client.get(f"/history?fingerprint={finding.fingerprint}")
    notes = re.findall(r'class="note">note (\d+)<', first.text)
    assert notes == [str(n) for n in range(2 * PAGE_SIZE + 2, PAGE_SIZE + 2, -1)]
    url: str | None = links_of(first.text)["next"]
    while url:
        page = client.get(url).text
        notes += re.findall(r'class="note">note (\d+)<', page)
        url = links_of(page).get("next")
    assert notes == [str(n) for n in range(2 * PAGE_SIZE + 2, -1, -1)]
    assert client.get("/history").status_code == 400
    assert client.get("/history?fingerprint=x&before=-1").status_code == 400


def test_a_page_reads_as_much_from_a_large_store_as_from_a_small_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counted in decisions read and SQLite instructions run, not in seconds."""
    built = 0
    decision = store_module._decision

    def counted(row: sqlite3.Row) -> Decision:
        nonlocal built
        built += 1
        return decision(row)

    steps = 0
    connect = sqlite3.connect

    def counting(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        db = connect(*args, **kwargs)

        def tick() -> int:
            nonlocal steps
            steps += 1
            return 0

        db.set_progress_handler(tick, 100)
        return db

    def cost(stale: int) -> tuple[int, int]:
        nonlocal built, steps
        store = DecisionStore(tmp_path / f"{stale}.sqlite")
        report = make_report()
        insert_decisions(store, [f"gone{n:05d}" for n in range(stale)])
        insert_decisions(store, [f.fingerprint for f in report.findings] * 3)
        client = local_client(store, report)
        built = steps = 0
        assert client.get("/").status_code == 200
        return built, steps

    monkeypatch.setattr(store_module, "_decision", counted)
    monkeypatch.setattr(sqlite3, "connect", counting)
    small_built, small_steps = cost(300)
    large_built, large_steps = cost(6_000)
    assert large_built == small_built
    assert large_steps < 2 * small_steps


# --- The real server: `factcheck review serve` ------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(folder: Path, host: str) -> Iterator[tuple[int, list[str]]]:
    """`factcheck review serve` in a child process; yields its port and its output so far."""
    (folder / "a.txt").write_text("Acme said it spent $5 million on parts.", encoding="utf-8")
    port = free_port()
    command = [sys.executable, "-m", "factcheck", "review", "serve", str(folder)]
    child = subprocess.Popen(
        [*command, "--host", host, "--port", str(port), "--reviewer", "Ana"],
        stdout=subprocess.PIPE,  # the access log
        stderr=subprocess.STDOUT,  # the warning and the server's own log
        text=True,
    )
    assert child.stdout is not None
    lines: list[str] = []
    try:
        while not any("Uvicorn running" in line for line in lines):
            line = child.stdout.readline()
            assert line, "the server stopped: " + "".join(lines)
            lines.append(line)
        yield port, lines
    finally:
        child.terminate()
        lines.extend(child.communicate()[0].splitlines(keepends=True))


def get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, str, str]:
    """GET from 127.0.0.1: status, Location, body."""
    connection = http.client.HTTPConnection("127.0.0.1", port)
    try:
        connection.request("GET", path, headers={"Host": f"127.0.0.1:{port}", **(headers or {})})
        response = connection.getresponse()
        return response.status, response.getheader("location") or "", response.read().decode()
    finally:
        connection.close()


def test_serving_beyond_loopback_warns_and_needs_the_token_it_prints_once(tmp_path: Path) -> None:
    with serving(tmp_path, "0.0.0.0") as (port, lines):
        warning = "".join(lines)
        assert "WARNING" in warning and "other machines can reach it" in warning
        url = re.search(rf"http://\S+:{port}/\?token=([\w-]+)", warning)
        assert url, warning
        token = url.group(1)
        status, _, body = get(port, "/")  # Host: 127.0.0.1 is no way in without the token
        assert status == 403 and "access token" in body
        status, location, _ = get(port, f"/?token={token}")
        assert (status, location) == (303, "/")
        assert get(port, "/", {"Cookie": f"{ACCESS_COOKIE}={token}"})[0] == 200
        assert get(port, "/healthz", {"Authorization": f"Bearer {token}"})[0] == 200
    log = "".join(lines)
    assert log.count(token) == 1
    assert "token=…" in log  # the access log shows the request without the token


def test_serving_on_loopback_needs_no_token_and_refuses_a_huge_form_unread(tmp_path: Path) -> None:
    with serving(tmp_path, "127.0.0.1") as (port, lines):
        assert "token" not in "".join(lines)
        assert get(port, "/")[0] == 200
        with socket.create_connection(("127.0.0.1", port)) as raw:
            raw.sendall(
                f"POST /decide HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                f"Origin: http://127.0.0.1:{port}\r\nContent-Length: {HUGE}\r\n\r\n".encode()
            )
            assert raw.recv(100).startswith(b"HTTP/1.1 413 ")
        assert get(port, "/healthz")[0] == 200


@settings(max_examples=60, deadline=None)
@given(
    path=st.sampled_from(["/", "/history", "/stale"]),
    params=st.dictionaries(
        st.sampled_from(["severity", "subject", "decision", "fingerprint", "after", "before"]),
        TEXT,
    ),
)
def test_any_query_is_a_page_or_a_refusal_never_a_crash(path: str, params: dict[str, str]) -> None:
    with fresh_store() as store:
        insert_decisions(store, ["gone-a", "gone-b", make_report().findings[0].fingerprint])
        response = local_client(store).get(path, params=params)  # raises on any server error
        assert response.status_code in (200, 400)
        assert response.headers["cache-control"] == "no-store"


def test_a_row_number_beyond_sqlite_is_refused_not_a_crash(store: DecisionStore) -> None:
    """Found by the any-query property: 2**63 overflowed SQLite's integer (HTTP 500)."""
    for name in ("after", "before"):
        answer = local_client(store).get("/history", params={"fingerprint": "0", name: str(2**63)})
        assert answer.status_code == 400
