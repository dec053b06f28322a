"""The HTTP layer: every route of the application and what routes share.

- `routes/<area>.py`: the route modules. Each exposes `router` (JSON, in the OpenAPI schema) and/or `pages`
  (server-rendered HTML, not in the schema); `routes.include_routes(app)` adds them all.
- `deps.py`: the dependency vocabulary routes declare in their signatures (`Today`, `SessionDep`, `CurrentUser`,
  `ChatServiceDep`, ...). Tests replace them through `app.dependency_overrides`.
- `schemas.py`: what several routes' request and response models share (errors, dates, known values).
- `errors.py`: the error handlers (`{"detail": ...}` in the user's language); `limits.py`, `rate_limits.py`,
  `security_headers.py`: middleware; `openapi.py`: the published schema.

Only this layer (and the application that assembles it, `assistant.app`) imports FastAPI routers; the domain
packages below it never import it (import-linter contracts in pyproject.toml, run by `make lint`).
"""
