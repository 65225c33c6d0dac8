"""The local review web app: findings with their evidence, filters, and buttons to decide.

Plain HTML forms, no script: the pages work in any browser and the Content Security Policy
forbids all scripts outright. Source text reaches the page only through Jinja2 autoescape.

Cross-site requests cannot change anything: a POST must carry this server's secret token both
in the form and in a SameSite=Strict cookie, and come from this origin (Origin, else
Sec-Fetch-Site, else Referer). Who may reach the app at all is `guards.Guard`'s job. Bad input
is answered with 400, 403 or 413 and a message, never a crash; a form is refused past 64 KB
before it is read, or as soon as a streamed one passes it. Every page reads a bounded slice of
the store (history and stale decisions come in pages), so it does not slow as decisions pile up.
"""

from __future__ import annotations

import logging
import re
import secrets
import socket
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp

from factcheck.models import Decision, DecisionStatus, Report
from factcheck.report.html import environment
from factcheck.report.html_view import SEVERITIES, FindingView, finding_views, summarize
from factcheck.review import DEFAULT_HOST, DEFAULT_PORT
from factcheck.review.guards import (
    ACCESS_PARAM,
    LOOPBACK_NAMES,
    WILDCARD_HOSTS,
    Guard,
    is_loopback,
    same_secret,
)
from factcheck.review.store import STORE_DIR, DecisionStore, Page

CSRF_COOKIE = "factcheck_csrf"
REVIEWER_COOKIE = "factcheck_reviewer"
MAX_FORM_BYTES = 64 * 1024
HISTORY_PREVIEW = 10  # the newest rows of a finding's history shown under it
PAGE_SIZE = 50  # rows on a page of stale decisions or of one finding's history
TEMPLATES = Path(__file__).parent / "templates"
UNDECIDED = "undecided"
DECISION_CHOICES = ((UNDECIDED, "Undecided"), *((s.value, s.label) for s in DecisionStatus))
ACTIONS = (
    (DecisionStatus.CONFIRMED.value, "Confirm"),
    (DecisionStatus.DISMISSED.value, "Dismiss"),
    (DecisionStatus.FOLLOW_UP.value, "Needs follow-up"),
)
# The model's limits, so the form, this check and the store agree.
_FIELDS = Decision.model_json_schema()["properties"]
MAX_REVIEWER = int(_FIELDS["reviewer"]["maxLength"])
MAX_NOTE = int(_FIELDS["note"]["maxLength"])
MAX_ROW_NUMBER = 2**63 - 1  # SQLite's largest integer: a row number beyond it is no row


@dataclass(frozen=True)
class Filters:
    severity: str = ""
    subject: str = ""
    decision: str = ""

    @classmethod
    def of(cls, params: Mapping[str, str]) -> Filters:
        return cls(*(params.get(name, "") for name in ("severity", "subject", "decision")))

    def keep(self, view: FindingView) -> bool:
        status = view.decision.status.value if view.decision else UNDECIDED
        return (
            (not self.severity or view.finding.severity.value == self.severity)
            and (not self.subject or self.subject in view.subjects)
            and (not self.decision or status == self.decision)
        )

    def query(self) -> str:
        return urlencode({k: v for k, v in vars(self).items() if v})


def corpus_loader(path: Path) -> Callable[[], Report]:
    """Run the pipeline over `path`, again only when a source file changed since last time."""
    from factcheck.pipeline import check  # lazily: the pipeline is only needed to serve

    lock = threading.Lock()
    cached: dict[tuple[tuple[str, int, int], ...], Report] = {}

    def signature() -> tuple[tuple[str, int, int], ...]:
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        return tuple(
            (str(p), p.stat().st_mtime_ns, p.stat().st_size)
            for p in files
            if STORE_DIR not in p.parts
        )

    def load() -> Report:
        with lock:
            key = signature()
            if key not in cached:
                cached.clear()
                cached[key] = check([path])
            return cached[key]

    return load


def _same_origin(request: Request) -> bool:
    """True unless the browser says the request came from another site."""
    host = request.headers.get("host", "")
    origin = request.headers.get("origin")
    if origin is not None:
        return origin == f"{request.url.scheme}://{host}"
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    referer = request.headers.get("referer")
    return referer is None or urlsplit(referer).netloc == host


def _safe_next(value: str) -> str:
    """Only a path on this server: never `//elsewhere` or `https://elsewhere`."""
    if value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


async def read_form(request: Request) -> dict[str, str]:
    """The url-encoded form, refused past MAX_FORM_BYTES: declared, or while it streams in."""
    declared = request.headers.get("content-length")
    if declared is not None and not (declared.isascii() and declared.isdigit()):
        raise HTTPException(400, "the Content-Length header is not a number")
    too_large = f"the form is larger than {MAX_FORM_BYTES // 1024} KB"
    if declared is not None and int(declared) > MAX_FORM_BYTES:
        raise HTTPException(413, too_large)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise HTTPException(413, too_large)
    fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    return {name: values[0] for name, values in fields.items()}


def _row_number(params: Mapping[str, str], name: str) -> int | None:
    value = params.get(name)
    if value is None:
        return None
    if not (value.isascii() and value.isdigit()) or int(value) > MAX_ROW_NUMBER:
        raise HTTPException(400, f"{name} must be a row number")
    return int(value)


def _pager(path: str, page: Page[str] | Page[int], **fixed: str) -> dict[str, str]:
    """The links to the pages either side of `page`."""
    links = {}
    for label, direction, key in (
        ("previous", "before", page.previous),
        ("next", "after", page.next),
    ):
        if key is not None:
            links[label] = f"{path}?{urlencode({**fixed, direction: key})}"
    return links


def create_app(
    load_report: Callable[[], Report],
    store: DecisionStore,
    *,
    corpus: str = "",
    reviewer: str = "",
    allowed_hosts: tuple[str, ...] = LOOPBACK_NAMES,
    access_token: str | None = None,
) -> ASGIApp:
    """The review app over the report `load_report` returns and the decisions in `store`.

    Without `access_token` it answers this machine only; with one, whoever presents it.
    """
    token = secrets.token_urlsafe(32)
    templates = environment(TEMPLATES)

    def page(template: str, **context: object) -> Response:
        html = templates.get_template(template).render(corpus=corpus, **context)
        response = HTMLResponse(html)
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
        return response

    async def index(request: Request) -> Response:
        report = await run_in_threadpool(load_report)
        present = {finding.fingerprint for finding in report.findings}
        current = await run_in_threadpool(store.current_of, present)
        views = finding_views(report, current)
        filters = Filters.of(request.query_params)
        shown = [view for view in views if filters.keep(view)]
        histories = await run_in_threadpool(
            store.history_pages, [view.finding.fingerprint for view in shown], limit=HISTORY_PREVIEW
        )
        stale = await run_in_threadpool(store.stale_page, present, limit=PAGE_SIZE)
        query = filters.query()
        return page(
            "app.html.j2",
            summary=summarize(report),
            severities=SEVERITIES,
            subjects=sorted({s for view in views for s in view.subjects}),
            decision_choices=DECISION_CHOICES,
            actions=ACTIONS,
            filters=filters,
            views=shown,
            total=len(views),
            histories=histories,
            stale=stale.decisions,
            more_stale=_pager("/stale", stale).get("next"),
            csrf=token,
            reviewer=unquote(request.cookies.get(REVIEWER_COOKIE, "")) or reviewer,
            max_reviewer=MAX_REVIEWER,
            max_note=MAX_NOTE,
            next_url="/?" + query if query else "/",
        )

    async def history(request: Request) -> Response:
        params = request.query_params
        fingerprint = params.get("fingerprint", "")
        if not fingerprint:
            raise HTTPException(400, "which finding? (?fingerprint=...)")
        after, before = _row_number(params, "after"), _row_number(params, "before")
        found = await run_in_threadpool(
            store.history_pages, [fingerprint], after=after, before=before, limit=PAGE_SIZE
        )
        rows = found[fingerprint]
        return page(
            "decisions.html.j2",
            fingerprint=fingerprint,
            history=rows.decisions,
            stale=(),
            links=_pager("/history", rows, fingerprint=fingerprint),
        )

    async def stale(request: Request) -> Response:
        params = request.query_params
        report = await run_in_threadpool(load_report)
        present = {finding.fingerprint for finding in report.findings}
        rows = await run_in_threadpool(
            store.stale_page,
            present,
            after=params.get("after"),
            before=params.get("before"),
            limit=PAGE_SIZE,
        )
        return page(
            "decisions.html.j2",
            fingerprint="",
            history=(),
            stale=rows.decisions,
            links=_pager("/stale", rows),
        )

    async def decide(request: Request) -> Response:
        if not _same_origin(request):
            raise HTTPException(403, "cross-site request refused")
        form = await read_form(request)
        sent, kept = form.get("csrf", ""), request.cookies.get(CSRF_COOKIE, "")
        if not (same_secret(sent, token) and same_secret(kept, token)):
            raise HTTPException(403, "missing or wrong review token: reload the page")
        status = form.get("status", "")
        name = form.get("reviewer", "").strip()
        note = form.get("note", "").strip()
        if status not in DecisionStatus.__members__.values() or not name:
            raise HTTPException(400, "a decision and a reviewer are needed")
        if len(name) > MAX_REVIEWER:
            raise HTTPException(
                400, f"the reviewer's name is longer than {MAX_REVIEWER} characters"
            )
        if len(note) > MAX_NOTE:
            raise HTTPException(400, f"the note is longer than {MAX_NOTE} characters")
        report = await run_in_threadpool(load_report)
        findings = {finding.fingerprint: finding for finding in report.findings}
        finding = findings.get(form.get("fingerprint", ""))
        if finding is None:
            raise HTTPException(404, "no such finding in the current report")
        await run_in_threadpool(store.record, finding.fingerprint, status, name, note, finding)
        target = _safe_next(form.get("next", "/")) + f"#f-{finding.fingerprint}"
        response = RedirectResponse(target, status_code=303)
        # Quoted: a cookie carries only ASCII, and a name may not be.
        response.set_cookie(REVIEWER_COOKIE, quote(name, safe=""), httponly=True, samesite="strict")
        return response

    async def health(request: Request) -> Response:
        return PlainTextResponse("ok")

    app = Starlette(
        routes=[
            Route("/", index, methods=["GET"]),
            Route("/history", history, methods=["GET"]),
            Route("/stale", stale, methods=["GET"]),
            Route("/decide", decide, methods=["POST"]),
            Route("/healthz", health, methods=["GET"]),
        ]
    )
    return Guard(app, allowed_hosts=allowed_hosts, access_token=access_token)


def build_app(
    path: Path,
    host: str = DEFAULT_HOST,
    reviewer: str = "",
    access_token: str | None = None,
    db: Path | None = None,
) -> ASGIApp:
    """The app over the sources at `path`, with decisions in `db` (default: beside them)."""
    names = (socket.gethostname(),) if host in WILDCARD_HOSTS else (host,)
    return create_app(
        corpus_loader(path),
        DecisionStore(db) if db else DecisionStore.for_sources(path),
        corpus=str(path),
        reviewer=reviewer,
        allowed_hosts=(*LOOPBACK_NAMES, *names),
        access_token=access_token,
    )


def access_warning(host: str, port: int, token: str) -> str:
    """What `serve` prints once on stderr when it listens beyond this machine."""
    where = socket.gethostname() if host in WILDCARD_HOSTS else host
    address = f"[{where}]" if ":" in where else where
    everywhere = "every interface" if host in WILDCARD_HOSTS else host
    return (
        f"WARNING: the review app listens on {everywhere} (port {port}): other machines can "
        "reach it.\nIt answers only with this access token; anyone who has it can read every "
        "source and record decisions,\nover plain HTTP (not encrypted): use a network you "
        f"trust.\n  Open: http://{address}:{port}/?{ACCESS_PARAM}={token}\n"
        "  (or this machine's address in its place; scripts send the header "
        "'Authorization: Bearer' and the token)\n"
    )


class _HideToken(logging.Filter):
    """Keeps the access token out of the access log: it is printed once, at start."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                re.sub(rf"\b{ACCESS_PARAM}=[^&\s]*", f"{ACCESS_PARAM}=…", a)
                if isinstance(a, str)
                else a
                for a in record.args
            )
        return True


def serve(
    path: Path | str,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    reviewer: str = "",
    db: Path | None = None,
) -> None:
    """Serve the review app for the sources at `path` until interrupted (127.0.0.1 by default).

    Beyond loopback it needs an access token: a new one each start, printed once on stderr.
    """
    import uvicorn

    token = None if is_loopback(host) else secrets.token_urlsafe(24)
    app = build_app(Path(path), host, reviewer, token, db)
    config = uvicorn.Config(app, host=host, port=port, log_level="info")
    if token is not None:
        logging.getLogger("uvicorn.access").addFilter(_HideToken())
        sys.stderr.write(access_warning(host, port, token))
        sys.stderr.flush()
    uvicorn.Server(config).run()
