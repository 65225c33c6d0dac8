"""Who may use the review app, checked before any page runs; security headers on every answer.

The app shows every source and records decisions, so it answers only:
- requests whose Host header names this server (a loopback name, the address given to bind,
  or the address the connection arrived on): a DNS-rebinding page's Host is its own name;
- from this machine, when it has no access token (the default, loopback-only binding);
- with its access token, when it has one (any binding beyond loopback): in the query
  (`?token=`, then kept in a cookie and dropped from the address), in an
  `Authorization: Bearer` header, or in that cookie.
Every response, refusals and server errors included, carries the same security headers.
"""

from __future__ import annotations

import ipaddress
import secrets
from collections.abc import Collection, Sequence
from urllib.parse import parse_qsl, quote, urlencode

from starlette.datastructures import Headers
from starlette.requests import cookie_parser
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ACCESS_COOKIE = "factcheck_access"
ACCESS_PARAM = "token"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
WILDCARD_HOSTS = ("", "0.0.0.0", "::")
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
_HEADERS = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()]
_HEADER_NAMES = frozenset(name for name, _ in _HEADERS)
NO_TOKEN_REMOTE = (
    "this server has no access token, so it answers only this machine; "
    "serve with --host to let others in with a token"
)
NEEDS_TOKEN = (
    "this server needs its access token: open the address it printed when it started "
    "(…/?token=…), or send the header Authorization: Bearer TOKEN"
)


def is_loopback(host: str) -> bool:
    """True for a name or address that only this machine can reach."""
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def same_secret(sent: str, secret: str) -> bool:
    """Constant-time equality of any two texts (compare_digest refuses non-ASCII str)."""
    return secrets.compare_digest(sent.encode("utf-8", "replace"), secret.encode("utf-8"))


def _host_of(header: str) -> str:
    """The name in a Host header without its port, lower case; IPv6 without brackets."""
    if header.startswith("["):
        return header[1 : header.find("]")].lower() if "]" in header else ""
    return header.rsplit(":", 1)[0].lower()


def _bearer(headers: Headers) -> str:
    scheme, _, credentials = headers.get("authorization", "").partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" else ""


class Guard:
    """ASGI wrapper of the review app: Host, client and token checks, and security headers.

    It wraps the whole Starlette app, outside Starlette's own error handling, so that a 404,
    405 or 500 is answered with the same headers as a page.
    """

    def __init__(
        self, app: ASGIApp, *, allowed_hosts: Collection[str], access_token: str | None = None
    ) -> None:
        if access_token == "":
            raise ValueError("an empty access token would let anyone in")
        self.app = app
        self.allowed_hosts = frozenset(h.strip("[]").lower() for h in allowed_hosts)
        self.access_token = access_token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = message.get("headers", [])
                kept = [(k, v) for k, v in headers if k.lower() not in _HEADER_NAMES]
                message = {**message, "headers": [*kept, *_HEADERS]}
            await send(message)

        answer = self._refusal(scope)
        await (answer or self.app)(scope, receive, send_with_headers)

    def _refusal(self, scope: Scope) -> Response | None:
        """The answer that refuses this request, or None to let it through."""
        headers = Headers(scope=scope)
        server = scope.get("server")
        arrived_on = str(server[0]).lower() if server and server[0] else None
        host = _host_of(headers.get("host", ""))
        if host not in self.allowed_hosts and host != arrived_on:
            return PlainTextResponse("Invalid host header", status_code=400)
        token = self.access_token
        if token is None:
            client = scope.get("client")
            # No client address means a Unix socket: local by nature.
            if client is not None and not is_loopback(str(client[0])):
                return PlainTextResponse(NO_TOKEN_REMOTE, status_code=403)
            return None
        kept = cookie_parser(headers.get("cookie", "")).get(ACCESS_COOKIE, "")
        if same_secret(kept, token) or same_secret(_bearer(headers), token):
            return None
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), True)
        if not any(k == ACCESS_PARAM and same_secret(v, token) for k, v in query):
            return PlainTextResponse(NEEDS_TOKEN, status_code=403)
        if scope["method"] not in ("GET", "HEAD"):
            return None
        return _keep_token(token, scope["path"], query)


def _keep_token(token: str, path: str, query: Sequence[tuple[str, str]]) -> Response:
    """Into a cookie, and out of the address bar, the history and the logs."""
    rest = urlencode([(k, v) for k, v in query if k != ACCESS_PARAM])
    here = quote("/" + path.lstrip("/"))  # `//elsewhere` would leave this server
    response = RedirectResponse(here + ("?" + rest if rest else ""), status_code=303)
    response.set_cookie(ACCESS_COOKIE, token, httponly=True, samesite="strict")
    return response
