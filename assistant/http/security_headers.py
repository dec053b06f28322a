"""Security headers on every response; `Cache-Control: no-store` on every API answer.

Rate limits are in `assistant.http.rate_limits`."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Strict: no inline scripts or styles anywhere; pages load only their own assets.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# FastAPI's interactive API docs load Swagger UI / ReDoc from a CDN and use an inline bootstrap script.
DOCS_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")
STATIC_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

# API answers carry conversations, cases and requests: no browser or proxy may keep a copy.
NO_STORE_PREFIX = "/api/"


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, hsts: bool = False) -> None:
        self.app = app
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_CONTENT_SECURITY_POLICY if scope["path"].startswith(DOCS_PATHS) else CONTENT_SECURITY_POLICY
        no_store = scope["path"].startswith(NO_STORE_PREFIX)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                replaced = (b"content-security-policy", b"cache-control") if no_store else (b"content-security-policy",)
                headers = [h for h in message.get("headers", []) if h[0].lower() not in replaced]
                headers += [*STATIC_HEADERS, (b"content-security-policy", policy.encode())]
                if no_store:
                    headers.append((b"cache-control", b"no-store"))
                if self.hsts:
                    headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
