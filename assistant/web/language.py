"""The language of a page, and whether the user chose it.

1. `?lang=xx` (the picker): chosen now, remembered in a cookie;
2. the `lang` cookie: chosen earlier;
3. the browser's `Accept-Language`, among the supported languages: not chosen;
4. the configured default (`DEFAULT_LANGUAGE`): not chosen.

Only a chosen language is sent with each chat message (it then wins over detection). Otherwise the page's language is
only the starting point: the gateway detects the language of each message, and short or unclear messages keep the
page's language (`assistant.http.routes.chat`, `assistant.i18n.detect`).
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from assistant.i18n import accepted_language, normalise_language

LANGUAGE_COOKIE = "lang"


@dataclass(frozen=True)
class PageLanguage:
    code: str
    chosen: bool  # the user picked it (now or earlier)
    remember: bool  # picked now: set the cookie


def _valid(value: str | None) -> str | None:
    if value and normalise_language(value) == value.strip().lower():
        return value.strip().lower()
    return None


def page_language(request: Request, default: str | None = None) -> PageLanguage:
    chosen = _valid(request.query_params.get("lang"))
    if chosen:
        return PageLanguage(chosen, chosen=True, remember=True)
    remembered = _valid(request.cookies.get(LANGUAGE_COOKIE))
    if remembered:
        return PageLanguage(remembered, chosen=True, remember=False)
    accepted = accepted_language(request.headers.get("accept-language"))
    if accepted:
        return PageLanguage(accepted, chosen=False, remember=False)
    return PageLanguage(normalise_language(default), chosen=False, remember=False)
