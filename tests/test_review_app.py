"""The review web app over HTTP (Starlette's test client): pages, filters, decisions, safety."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from review_fixtures import HOSTILE_ATTRIBUTE, HOSTILE_SCRIPT, make_hostile_report, make_report
from starlette.testclient import TestClient

from factcheck.models import Report
from factcheck.review import DecisionStatus, DecisionStore
from factcheck.review.app import CSRF_COOKIE, create_app

ORIGIN = "http://127.0.0.1:8765"
LOCAL_CLIENT = ("127.0.0.1", 50000)  # the app answers only this machine when it has no token


def client_for(report: Report, store: DecisionStore) -> TestClient:
    app = create_app(lambda: report, store, corpus="sample", reviewer="Ana")
    return TestClient(app, base_url=ORIGIN, follow_redirects=False, client=LOCAL_CLIENT)


@pytest.fixture
def store(tmp_path: Path) -> DecisionStore:
    return DecisionStore.for_sources(tmp_path)


@pytest.fixture
def client(store: DecisionStore) -> TestClient:
    return client_for(make_report(), store)


def token_of(page: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', page)
    assert match, "the page carries no review token"
    return match.group(1)


def decide(client: TestClient, fingerprint: str, status: str, **extra: str) -> int:
    page = client.get("/").text
    form = {
        "csrf": token_of(page),
        "fingerprint": fingerprint,
        "status": status,
        "reviewer": "Ana",
        "note": "",
        "next": "/",
        **extra,
    }
    return client.post("/decide", data=form, headers={"Origin": ORIGIN}).status_code


def test_page_lists_every_finding_with_its_evidence(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    for finding in make_report().findings:
        assert f'id="f-{finding.fingerprint}"' in response.text
    assert "<mark>$7 billion</mark>" in response.text
    assert "Alpha News" in response.text
    assert "script-src" not in response.headers["content-security-policy"]
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert response.cookies.get(CSRF_COOKIE) == token_of(response.text)


def test_a_decision_is_recorded_and_shown(client: TestClient, store: DecisionStore) -> None:
    finding = make_report().findings[0]
    page = client.get("/").text
    response = client.post(
        "/decide",
        data={
            "csrf": token_of(page),
            "fingerprint": finding.fingerprint,
            "status": "confirmed",
            "reviewer": "Ben",
            "note": "checked against the filing",
            "next": "/?severity=error",
        },
        headers={"Origin": ORIGIN},
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/?severity=error#f-{finding.fingerprint}"
    current = store.current()[finding.fingerprint]
    assert (current.status, current.reviewer, current.note) == (
        DecisionStatus.CONFIRMED,
        "Ben",
        "checked against the filing",
    )
    assert current.finding_code == finding.code
    page = client.get("/").text
    assert "checked against the filing" in page
    assert 'value="Ben"' in page  # the reviewer's name is remembered


def test_history_is_listed_when_a_finding_was_decided_twice(client: TestClient) -> None:
    finding = make_report().findings[0]
    assert decide(client, finding.fingerprint, "confirmed") == 303
    assert decide(client, finding.fingerprint, "dismissed") == 303
    assert "History (2)" in client.get("/").text


def test_filters_by_severity_subject_and_decision(client: TestClient) -> None:
    error, info, warning = make_report().findings

    def shown(query: str) -> set[str]:
        return set(re.findall(r'data-fingerprint="([0-9a-f]+)"', client.get("/" + query).text))

    assert shown("?severity=error") == {error.fingerprint}
    assert shown("?subject=Tencent") == {info.fingerprint}
    assert decide(client, warning.fingerprint, "follow_up") == 303
    assert shown("?decision=follow_up") == {warning.fingerprint}
    assert shown("?decision=undecided") == {error.fingerprint, info.fingerprint}
    assert shown("?severity=info&decision=follow_up") == set()


def test_source_text_is_escaped(store: DecisionStore) -> None:
    page = client_for(make_hostile_report(), store).get("/").text
    assert "<script" not in page
    assert "<img" not in page
    assert "<b onmouseover" not in page
    assert 'href="javascript:' not in page
    assert "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in page
    assert HOSTILE_SCRIPT not in page and HOSTILE_ATTRIBUTE not in page


@pytest.mark.parametrize(
    ("headers", "form_token", "cookie"),
    [
        ({"Origin": "http://evil.example"}, True, True),
        ({"Origin": "null"}, True, True),
        ({"Sec-Fetch-Site": "cross-site"}, True, True),
        ({"Referer": "http://evil.example/page"}, True, True),
        ({"Origin": ORIGIN}, False, True),
        ({"Origin": ORIGIN}, True, False),
    ],
)
def test_cross_site_or_tokenless_posts_are_refused(
    store: DecisionStore, headers: dict[str, str], form_token: bool, cookie: bool
) -> None:
    client = client_for(make_report(), store)
    token = token_of(client.get("/").text)
    if not cookie:
        client.cookies.clear()
    form = {
        "csrf": token if form_token else "guess",
        "fingerprint": make_report().findings[0].fingerprint,
        "status": "dismissed",
        "reviewer": "Mallory",
    }
    assert client.post("/decide", data=form, headers=headers).status_code == 403
    assert store.history() == []


def test_a_token_from_another_server_is_refused(store: DecisionStore) -> None:
    client = client_for(make_report(), store)
    other = client_for(make_report(), store)
    stolen = token_of(other.get("/").text)
    client.get("/")
    form = {"csrf": stolen, "fingerprint": "x", "status": "confirmed", "reviewer": "M"}
    assert client.post("/decide", data=form, headers={"Origin": ORIGIN}).status_code == 403


def test_unknown_host_is_refused(client: TestClient) -> None:
    assert client.get("/", headers={"Host": "attacker.example"}).status_code == 400


def test_bad_decisions_are_refused(client: TestClient, store: DecisionStore) -> None:
    fingerprint = make_report().findings[0].fingerprint
    assert decide(client, "0000000000000000", "confirmed") == 404
    assert decide(client, fingerprint, "maybe") == 400
    assert decide(client, fingerprint, "confirmed", reviewer="  ") == 400
    assert store.history() == []


def test_redirects_stay_on_this_server(client: TestClient) -> None:
    fingerprint = make_report().findings[0].fingerprint
    page = client.get("/").text
    form = {
        "csrf": token_of(page),
        "fingerprint": fingerprint,
        "status": "confirmed",
        "reviewer": "Ana",
        "next": "//evil.example/",
    }
    response = client.post("/decide", data=form, headers={"Origin": ORIGIN})
    assert response.headers["location"] == f"/#f-{fingerprint}"


def test_stale_decisions_are_listed(client: TestClient, store: DecisionStore) -> None:
    store.record("feedfacefeedface", "confirmed", "Ana", "about a finding now gone")
    page = client.get("/").text
    assert "Stale decisions" in page and "feedfacefeedface" in page
