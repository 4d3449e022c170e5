"""The review page: a small Starlette app over the review store.

Reviewers read the article with every claim highlighted, move through the claim list
with the keyboard and mark each claim; every mark is a new verdict in the store's
append-only history, so two reviewers marking the same claim at once both keep their
entry. Safety: every piece of article text goes through Jinja's autoescaping, a Content
Security Policy allows only the app's own script and styles, state changes need the
page's CSRF token, only the loopback host names are accepted (no DNS rebinding), and
only the package's static folder is served.
"""

from __future__ import annotations

import hmac
import json
import secrets
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from claimkit.review.store import ClaimState, NewVerdict, ReviewStore, StoreError, UnknownArticle, UnknownClaim
from claimkit.review.values import describe_value
from claimkit.schema import CLAIM_TYPES, REVIEW_STATUSES

PACKAGE_DIR = Path(__file__).parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
CSRF_HEADER = "x-csrf-token"

MAX_BODY_BYTES = 64_000
MAX_REVIEWER_CHARS = 200
MAX_NOTE_CHARS = 10_000
MAX_EVIDENCE_ITEMS = 50
MAX_EVIDENCE_CHARS = 2_000

SECURITY_HEADERS = (
    (b"content-security-policy",
     b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
     b"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
)


@dataclass(frozen=True)
class Segment:
    """A stretch of article text and the claims that cover all of it (innermost first)."""

    text: str
    claims: tuple[ClaimState, ...]


def create_app(db: Path | str, *, reviewer: str | None = None, allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS):
    """The review web app over the store at `db`; `reviewer` pre-fills the reviewer's name."""
    import jinja2
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.exceptions import HTTPException
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.requests import Request
    from starlette.responses import JSONResponse, RedirectResponse, Response
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles
    from starlette.templating import Jinja2Templates

    store = ReviewStore(db, create=False)
    csrf_token = secrets.token_urlsafe(32)
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    templates = Jinja2Templates(env=environment)

    def _page_globals() -> dict[str, Any]:
        return {"csrf_token": csrf_token, "reviewer": reviewer or "", "statuses": REVIEW_STATUSES}

    def index(request: Request) -> Response:
        articles = [_article_summary(store, article_id) for article_id in store.article_ids()]
        if len(articles) == 1:
            return RedirectResponse(request.url_for("article", article_id=articles[0]["id"]), status_code=303)
        return templates.TemplateResponse(request, "index.html", {"articles": articles, **_page_globals()})

    def article(request: Request) -> Response:
        article_id = request.path_params["article_id"]
        filters = {key: request.query_params.get(key, "") for key in ("type", "status", "reviewer")}
        try:
            context = article_context(store, article_id, filters)
        except UnknownArticle:
            raise HTTPException(404, f"unknown article {article_id}") from None
        return templates.TemplateResponse(request, "article.html", {**context, **_page_globals()})

    def claims_json(request: Request) -> Response:
        article_id = request.path_params["article_id"]
        try:
            store.article(article_id)
        except UnknownArticle:
            return JSONResponse({"error": f"unknown article {article_id}"}, status_code=404)
        states = store.claims(article_id)
        return JSONResponse({"claims": [claim_view(s) for s in states], "progress": progress(states)})

    async def post_verdict(request: Request) -> Response:
        if not hmac.compare_digest(request.headers.get(CSRF_HEADER, ""), csrf_token):
            return JSONResponse({"error": "missing or wrong CSRF token: reload the page"}, status_code=403)
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return JSONResponse({"error": "send the verdict as application/json"}, status_code=415)
        declared = request.headers.get("content-length", "0")
        if not declared.isdigit() or int(declared) > MAX_BODY_BYTES:
            return JSONResponse({"error": "request too large"}, status_code=413)
        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            return JSONResponse({"error": "request too large"}, status_code=413)
        try:
            form = VerdictForm.parse(json.loads(body))
        except (ValueError, TypeError, RecursionError) as error:
            return JSONResponse({"error": str(error) or "malformed verdict"}, status_code=400)
        try:
            recorded = await run_in_threadpool(
                store.add_verdict, form.article_id, form.claim_id, form.verdict, origin="page"
            )
        except UnknownClaim as error:
            return JSONResponse({"error": str(error)}, status_code=404)
        except StoreError as error:
            return JSONResponse({"error": str(error)}, status_code=400)
        states = await run_in_threadpool(store.claims, form.article_id)
        state = next(s for s in states if s.claim_id == form.claim_id)
        previous_id = recorded.previous.id if recorded.previous else None
        return JSONResponse({
            "claim": claim_view(state),
            "progress": progress(states),
            "conflict": previous_id != form.seen,
            "previous": _verdict_view(recorded.previous) if recorded.previous else None,
        })

    routes = [
        Route("/", index, name="index"),
        Route("/articles/{article_id}", article, name="article"),
        Route("/api/articles/{article_id}/claims", claims_json, name="claims"),
        Route("/api/verdicts", post_verdict, methods=["POST"], name="verdicts"),
        Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"),
    ]
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts)),
    ]
    return Starlette(routes=routes, middleware=middleware)


@dataclass(frozen=True)
class VerdictForm:
    """A verdict posted by the page, checked field by field."""

    article_id: str
    claim_id: str
    verdict: NewVerdict
    seen: int | None

    @classmethod
    def parse(cls, data: Any) -> "VerdictForm":
        if not isinstance(data, dict):
            raise ValueError("a verdict is a JSON object")
        article_id, claim_id = data.get("article_id"), data.get("claim_id")
        if not isinstance(article_id, str) or not isinstance(claim_id, str):
            raise ValueError("article_id and claim_id are required")
        status = data.get("status")
        if status not in REVIEW_STATUSES:
            raise ValueError(f"status must be one of {', '.join(REVIEW_STATUSES)}")
        reviewer = data.get("reviewer")
        if not isinstance(reviewer, str) or not reviewer.strip() or len(reviewer) > MAX_REVIEWER_CHARS:
            raise ValueError("enter your name as reviewer first")
        note = data.get("note") or None
        if note is not None and (not isinstance(note, str) or len(note) > MAX_NOTE_CHARS):
            raise ValueError(f"a note is text of at most {MAX_NOTE_CHARS} characters")
        evidence = data.get("evidence") or []
        if (
            not isinstance(evidence, list)
            or len(evidence) > MAX_EVIDENCE_ITEMS
            or not all(isinstance(e, str) and 0 < len(e.strip()) <= MAX_EVIDENCE_CHARS for e in evidence)
        ):
            raise ValueError(f"evidence is a list of at most {MAX_EVIDENCE_ITEMS} addresses or references")
        seen = data.get("seen")
        if seen is not None and not isinstance(seen, int):
            raise ValueError("seen is the id of the verdict the page showed, or null")
        verdict = NewVerdict(
            status=status,
            reviewer=reviewer.strip(),
            note=note.strip() if note else None,
            evidence=tuple(e.strip() for e in evidence),
        )
        return cls(article_id, claim_id, verdict, seen)


class SecurityHeaders:
    """Adds the security headers to every HTTP response."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in SECURITY_HEADERS if name not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def article_context(store: ReviewStore, article_id: str, filters: dict[str, str]) -> dict[str, Any]:
    """Everything the article page shows: text segments, the filtered claim list, progress."""
    stored = store.article(article_id)
    states = store.claims(article_id)
    live = [s for s in states if not s.stale]
    shown = [s for s in states if _matches(s, filters)]
    return {
        "article": stored.record.article,
        "file_name": stored.file_name,
        "segments": segments(stored.record.article.text, live),
        "claims": [claim_view(s) for s in shown if not s.stale],
        "stale_claims": [claim_view(s) for s in shown if s.stale],
        "claims_data": {s.claim_id: claim_view(s) for s in states},
        "progress": progress(states),
        "filters": filters,
        "claim_types": CLAIM_TYPES,
        "reviewers": sorted({r for s in states for r in s.reviewers}),
        "shown_ids": {s.claim_id for s in shown},
    }


def segments(text: str, claims: list[ClaimState]) -> list[Segment]:
    """Cut the text at every claim boundary; each piece knows the claims covering it."""
    bounds = sorted({0, len(text), *(s.claim["start"] for s in claims), *(s.claim["end"] for s in claims)})
    pieces = []
    for start, end in zip(bounds, bounds[1:]):
        covering = [s for s in claims if s.claim["start"] <= start and end <= s.claim["end"]]
        covering.sort(key=lambda s: s.claim["end"] - s.claim["start"])
        pieces.append(Segment(text[start:end], tuple(covering)))
    return pieces


def claim_view(state: ClaimState) -> dict[str, Any]:
    """A claim as the page and the JSON API show it."""
    claim, latest = state.claim, state.latest
    return {
        "article_id": state.article_id,
        "id": state.claim_id,
        "type": state.type,
        "text": state.text,
        "sentence": state.sentence,
        "start": claim["start"],
        "end": claim["end"],
        "value": describe_value(state.type, claim["value"]),
        "raw_value": claim["value"],
        "cue": claim.get("cue"),
        "tagger": claim.get("tagger"),
        "pattern": claim.get("pattern"),
        "stale": state.stale,
        "status": state.status,
        "reviewer": latest.reviewer if latest else None,
        "note": latest.note if latest else None,
        "evidence": list(latest.evidence) if latest else [],
        "latest": latest.id if latest else None,
        "history": [_verdict_view(v) for v in state.history],
    }


def progress(states: list[ClaimState]) -> dict[str, int]:
    live = [s for s in states if not s.stale]
    counts = {status: 0 for status in REVIEW_STATUSES}
    for state in live:
        counts[state.status] += 1
    return {"total": len(live), "reviewed": len(live) - counts["unreviewed"], **counts, "stale": len(states) - len(live)}


def _verdict_view(verdict) -> dict[str, Any]:
    return {
        "id": verdict.id,
        "status": verdict.status,
        "reviewer": verdict.reviewer,
        "note": verdict.note,
        "evidence": list(verdict.evidence),
        "reviewed_at": verdict.reviewed_at.isoformat(timespec="seconds"),
        "origin": verdict.origin,
    }


def _matches(state: ClaimState, filters: dict[str, str]) -> bool:
    return (
        (not filters.get("type") or state.type == filters["type"])
        and (not filters.get("status") or state.status == filters["status"])
        and (not filters.get("reviewer") or filters["reviewer"] in state.reviewers)
    )


def _article_summary(store: ReviewStore, article_id: str) -> dict[str, Any]:
    stored = store.article(article_id)
    return {
        "id": article_id,
        "title": stored.record.article.title or stored.file_name,
        "file_name": stored.file_name,
        "progress": progress(store.claims(article_id)),
    }


def serve(db: Path | str, *, reviewer: str | None, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Run the review page until interrupted."""
    import uvicorn

    app = create_app(db, reviewer=reviewer, allowed_hosts=allowed_hosts_for(host))
    uvicorn.run(app, host=host, port=port, log_level="warning")


def allowed_hosts_for(host: str) -> tuple[str, ...]:
    """Host names the app answers to: the loopback names, plus the bound host when it is another."""
    if host in LOOPBACK_HOSTS:
        return LOOPBACK_HOSTS
    if host in ("0.0.0.0", "::"):
        return ("*",)
    return (*LOOPBACK_HOSTS, host)


@contextmanager
def running_server(app, host: str = DEFAULT_HOST, port: int = 0) -> Iterator[str]:
    """Serve `app` in a background thread for as long as the block runs; yields its base URL."""
    import socket

    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    bound_port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the review server did not start")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{bound_port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
