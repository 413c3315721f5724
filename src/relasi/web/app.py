"""The app factory: `create_app(db_url)` gives a FastAPI app serving the JSON API and the dashboard.

Safety, in layers, because article text comes from the open web:
- the database is opened read-only (analytics.open_reader) and no route writes;
- templates autoescape everything and embed data as JSON with `|tojson` (no `|safe` on data);
- every page carries a Content-Security-Policy that allows scripts only from this server, so even
  markup that slipped through could not run; plotly.js is served from the installed plotly package;
- the Host header must name this machine when serving on loopback, which stops DNS-rebinding pages
  from reading the API through the visitor's browser.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from relasi import __version__
from relasi.store.analytics import open_reader
from relasi.store.errors import StoreError
from relasi.web import api, pages

LOCAL_HOSTS: tuple[str, ...] = ("127.0.0.1", "localhost")
STATIC = Path(__file__).parent / "static"
WORLD_TOPOJSON = Path(__file__).parent.parent / "data" / "places" / "world_110m.json"

# Pages: scripts only from here; plotly sets inline styles, hence 'unsafe-inline' for styles only.
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


def plotly_js() -> Path:
    """plotly.min.js as shipped inside the installed plotly package."""
    path = Path(str(resources.files("plotly") / "package_data" / "plotly.min.js"))
    if not path.is_file():
        raise StoreError(f"plotly.min.js is missing from the plotly package (looked at {path})")
    return path


def create_app(db_url: str | Path, *, allowed_hosts: Sequence[str] | None = LOCAL_HOSTS) -> FastAPI:
    """The app over the database at `db_url` (path or URL), opened read-only now.

    allowed_hosts: Host header names accepted; None accepts any (serving on a non-loopback address).
    """
    db = open_reader(db_url)
    script = plotly_js()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    app = FastAPI(
        title="relasi", version=__version__, lifespan=lifespan,
        description="Read-only access to coded international events (CAMEO/PLOVER), their dyads over "
                    "time, actors and the articles they come from, down to the evidence sentence.",
        # Swagger UI would load from a CDN: /api/docs leads to relasi's own API page instead (pages.api_index).
        openapi_url="/api/openapi.json", docs_url=None, redoc_url=None,
    )
    app.state.db = db

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_script() -> FileResponse:
        return FileResponse(script, media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/static/topojson/world_110m.json", include_in_schema=False)
    def world_shapes() -> FileResponse:
        """The map's countries (Natural Earth 1:110m), shipped with relasi: plotly would fetch them from a CDN."""
        return FileResponse(WORLD_TOPOJSON, media_type="application/json",
                            headers={"Cache-Control": "public, max-age=86400"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _add_error_handlers(app)
    app.add_middleware(SecurityHeaders)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    return app


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api")


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, error: StarletteHTTPException) -> Response:
        if _wants_html(request) and not request.url.path.startswith("/static"):
            return pages.error_page(request, error.status_code, str(error.detail))
        return await http_exception_handler(request, error)

    @app.exception_handler(RequestValidationError)
    async def on_bad_request(request: Request, error: RequestValidationError) -> Response:
        if _wants_html(request):
            problems = [f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg', '')}"
                        for e in error.errors()]
            return pages.error_page(request, 422, "; ".join(problems) or "invalid request")
        return await request_validation_exception_handler(request, error)

    async def unavailable(request: Request, error: Exception) -> Response:
        # The database went away or stayed locked past the busy timeout: the server is fine, retry.
        detail = f"database unavailable: {getattr(error, 'orig', None) or error}"
        if _wants_html(request):
            return pages.error_page(request, 503, detail)
        return JSONResponse({"detail": detail}, status_code=503)

    app.add_exception_handler(StoreError, unavailable)
    app.add_exception_handler(sa.exc.OperationalError, unavailable)


class SecurityHeaders:
    """Adds the CSP and the usual hardening headers to every response (streamed ones included)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = PAGE_CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: list[Any] = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", csp.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                    (b"cross-origin-opener-policy", b"same-origin"),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
