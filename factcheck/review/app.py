"""The local review web app: findings with their evidence, filters, and buttons to decide.

Plain HTML forms, no script: the pages work in any browser and the Content Security Policy
forbids all scripts outright. Source text reaches the page only through Jinja2 autoescape.

Cross-site requests cannot change anything: a POST must carry this server's secret token both
in the form and in a SameSite=Strict cookie, and come from this origin (Origin, else
Sec-Fetch-Site, else Referer); the Host header must name this server (no DNS rebinding).
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from factcheck.models import Decision, DecisionStatus, Report
from factcheck.report.html import environment
from factcheck.report.html_view import SEVERITIES, FindingView, finding_views, summarize
from factcheck.review import DEFAULT_HOST, DEFAULT_PORT
from factcheck.review.store import STORE_DIR, DecisionStore

CSRF_COOKIE = "factcheck_csrf"
REVIEWER_COOKIE = "factcheck_reviewer"
MAX_FORM_BYTES = 64 * 1024
TEMPLATES = Path(__file__).parent / "templates"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")
UNDECIDED = "undecided"
DECISION_CHOICES = ((UNDECIDED, "Undecided"), *((s.value, s.label) for s in DecisionStatus))
ACTIONS = (
    (DecisionStatus.CONFIRMED.value, "Confirm"),
    (DecisionStatus.DISMISSED.value, "Dismiss"),
    (DecisionStatus.FOLLOW_UP.value, "Needs follow-up"),
)
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


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


def create_app(
    load_report: Callable[[], Report],
    store: DecisionStore,
    *,
    corpus: str = "",
    reviewer: str = "",
    allowed_hosts: tuple[str, ...] = LOOPBACK_NAMES,
) -> Starlette:
    """The review app over the report `load_report` returns and the decisions in `store`."""
    token = secrets.token_urlsafe(32)
    templates = environment(TEMPLATES)

    def respond(response: Response) -> Response:
        response.headers.update(SECURITY_HEADERS)
        return response

    async def index(request: Request) -> Response:
        report = await run_in_threadpool(load_report)
        decided = await run_in_threadpool(store.decisions_for, report)
        histories: dict[str, list[Decision]] = {}
        for decision in await run_in_threadpool(store.history):
            histories.setdefault(decision.fingerprint, []).append(decision)
        views = finding_views(report, decided.current)
        filters = Filters.of(request.query_params)
        shown = [view for view in views if filters.keep(view)]
        query = filters.query()
        html = templates.get_template("app.html.j2").render(
            corpus=corpus,
            summary=summarize(report),
            severities=SEVERITIES,
            subjects=sorted({s for view in views for s in view.subjects}),
            decision_choices=DECISION_CHOICES,
            actions=ACTIONS,
            filters=filters,
            views=shown,
            total=len(views),
            histories=histories,
            stale=decided.stale,
            csrf=token,
            reviewer=request.cookies.get(REVIEWER_COOKIE, reviewer),
            next_url="/?" + query if query else "/",
        )
        response = HTMLResponse(html)
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
        return respond(response)

    async def decide(request: Request) -> Response:
        if not _same_origin(request):
            return respond(PlainTextResponse("cross-site request refused", status_code=403))
        body = await request.body()
        if len(body) > MAX_FORM_BYTES:
            return respond(PlainTextResponse("form too large", status_code=413))
        form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace"), True).items()}
        cookie = request.cookies.get(CSRF_COOKIE, "")
        sent = form.get("csrf", "")
        if not (secrets.compare_digest(sent, token) and secrets.compare_digest(cookie, token)):
            return respond(PlainTextResponse("missing or wrong review token", status_code=403))
        status = form.get("status", "")
        name = form.get("reviewer", "").strip()
        if status not in DecisionStatus.__members__.values() or not name:
            return respond(PlainTextResponse("a decision and a reviewer are needed", 400))
        report = await run_in_threadpool(load_report)
        findings = {finding.fingerprint: finding for finding in report.findings}
        finding = findings.get(form.get("fingerprint", ""))
        if finding is None:
            return respond(PlainTextResponse("no such finding in the current report", 404))
        await run_in_threadpool(
            store.record, finding.fingerprint, status, name, form.get("note", ""), finding
        )
        target = _safe_next(form.get("next", "/")) + f"#f-{finding.fingerprint}"
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(REVIEWER_COOKIE, name, httponly=True, samesite="strict")
        return respond(response)

    async def health(request: Request) -> Response:
        return respond(PlainTextResponse("ok"))

    return Starlette(
        routes=[
            Route("/", index, methods=["GET"]),
            Route("/decide", decide, methods=["POST"]),
            Route("/healthz", health, methods=["GET"]),
        ],
        middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))],
    )


def build_app(
    path: Path, host: str = DEFAULT_HOST, reviewer: str = "", db: Path | None = None
) -> Starlette:
    """The app over the sources at `path`, with decisions in `db` (default: beside them)."""
    hosts = LOOPBACK_NAMES if host in LOOPBACK_NAMES else (*LOOPBACK_NAMES, host)
    return create_app(
        corpus_loader(path),
        DecisionStore(db) if db else DecisionStore.for_sources(path),
        corpus=str(path),
        reviewer=reviewer,
        allowed_hosts=hosts,
    )


def serve(
    path: Path | str,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    reviewer: str = "",
    db: Path | None = None,
) -> None:
    """Serve the review app for the sources at `path` until interrupted (127.0.0.1 by default)."""
    import uvicorn

    app = build_app(Path(path), host, reviewer, db)
    uvicorn.run(app, host=host, port=port, log_level="info")
