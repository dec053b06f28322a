"""Rendering the server-rendered pages (the chat page, the privacy statement, the verlof status page); their routes
are in `assistant.http.routes.web` and `assistant.http.routes.verlof_status`, the static assets under `/static`.

Every page string is a Dutch source text marked with `_` and translated at render time with
`assistant.i18n.translate`, so adding a language is a matter of filling in its Babel catalog. The page language
comes from the `lang` query parameter (remembered in a cookie), else the browser's Accept-Language, and sets
`<html lang dir>` (`assistant.web.language`).

The pages contain no inline scripts or styles: all behaviour lives in `static/js/*.js` and all styling in
`static/css/app.css`, so the strict Content-Security-Policy of `assistant.http.security_headers` holds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from assistant import __version__
from assistant.i18n import (
    LANGUAGE_NAMES,
    RTL_LANGUAGES,
    SOURCE_LANGUAGE,
    SUPPORTED_LANGUAGES,
    _,
    translate,
)
from assistant.web.language import LANGUAGE_COOKIE, PageLanguage, page_language

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"

LANGUAGE_COOKIE_MAX_AGE = 365 * 24 * 3600
DEFAULT_CHAT_RETENTION_DAYS = 28

# Security headers (the strict Content-Security-Policy among them) come from assistant.http.security_headers for every
# response; pages only add that they must be revalidated, because they carry the chosen language.
PAGE_HEADERS = {"Cache-Control": "no-cache"}
__all__ = ["STATIC_DIR", "page_language", "render_page", "setting"]

# Texts the chat script needs. They are rendered as data-t-<key> attributes on the chat element (escaped by
# Jinja), so the script stays a static file and the texts stay in the Babel catalogs.
CHAT_SCRIPT_TEXTS: dict[str, str] = {
    "you": _("U"),
    "assistant": _("Assistent"),
    "sources": _("Bronnen"),
    "more": _("Meer uitleg"),
    "less": _("Minder uitleg"),
    "all-sources": _("Alle bronnen ({count})"),
    "fewer-sources": _("Minder bronnen"),
    "new-window": _("(opent in een nieuw venster)"),
    "sending": _("Wordt verstuurd…"),
    "typing": _("De assistent is bezig met een antwoord…"),
    "not-delivered": _("Uw bericht is nog niet aangekomen."),
    "retry-in": _("Nieuwe poging over {seconds} seconden."),
    "retrying": _("Nieuwe poging…"),
    "retry-now": _("Nu opnieuw proberen"),
    "busy": _("Het is even druk. Uw bericht wordt zo vanzelf verstuurd."),
    "gave-up": _(
        "Het is nu niet gelukt om uw bericht te versturen. Uw tekst staat weer in het invoerveld. "
        "Probeer het later opnieuw."
    ),
    "failed": _("Niet verstuurd"),
    "offline": _("Er is geen verbinding met de assistent. Controleer uw internetverbinding."),
    "error": _("Er ging iets mis. Probeer het opnieuw."),
    "wait-previous": _("Een moment: uw vorige bericht wordt nog verstuurd."),
    "empty": _("Typ eerst uw vraag."),
    "too-long": _("Uw bericht is {over} tekens te lang. Maak het korter (maximaal {max} tekens)."),
    "counter": _("{count} van {max} tekens"),
    "near-limit": _("U heeft nog {left} tekens over."),
    "handoff": _("Uw vraag is doorgegeven aan een leerplichtambtenaar."),
    "handoff-title": _("Doorgegeven aan een leerplichtambtenaar"),
    "come-back": _(
        "U kunt deze pagina sluiten. Opent u hem later weer in deze browser, dan staat het gesprek er nog, "
        "met het antwoord. Op een ander apparaat komt u terug met deze link:"
    ),
    "come-back-link": _("Link naar dit gesprek"),
    "queue-position": _("U bent nummer {position} in de wachtrij."),
    "new-confirm": _("Wilt u een nieuw gesprek beginnen? Het huidige gesprek verdwijnt dan van dit scherm."),
}

# Texts of chat-feedback.js: "Was dit nuttig?" under answers, the satisfaction question, the transcript download.
FEEDBACK_SCRIPT_TEXTS: dict[str, str] = {
    "feedback-question": _("Was dit nuttig?"),
    "feedback-up": _("Ja, dit was nuttig"),
    "feedback-down": _("Nee, dit was niet nuttig"),
    "feedback-thanks": _("Bedankt voor uw reactie."),
    "feedback-ask-comment": _("Bedankt. Wilt u vertellen wat er niet klopte of wat u miste?"),
    "feedback-comment-label": _("Wat klopte er niet, of wat miste u? (niet verplicht)"),
    "feedback-comment-hint": _("Typ geen namen, adressen of persoonlijke nummers."),
    "feedback-send": _("Verstuur"),
    "feedback-comment-thanks": _("Bedankt. Met uw opmerking verbeteren we de antwoorden."),
    "satisfaction-question": _("Hoe tevreden bent u over dit gesprek?"),
    "satisfaction-1": _("1 – zeer ontevreden"),
    "satisfaction-2": _("2 – ontevreden"),
    "satisfaction-3": _("3 – niet tevreden, niet ontevreden"),
    "satisfaction-4": _("4 – tevreden"),
    "satisfaction-5": _("5 – zeer tevreden"),
    "satisfaction-send": _("Verstuur"),
    "satisfaction-skip": _("Liever niet"),
    "satisfaction-choose": _("Kies eerst een antwoord."),
    "satisfaction-thanks": _("Bedankt voor uw beoordeling."),
}

# A text every page shows; when a language's catalog translates it, the pages count as translated.
PAGE_MARKER = _("Uw vraag")

# Example questions on the welcome message; they are sent as typed text (not as intent payloads).
EXAMPLE_QUESTIONS = (
    _("Mag mijn kind buiten de schoolvakanties op vakantie?"),
    _("Mijn kind is ziek. Wat moet ik doen?"),
    _("Wij zijn nieuw in Nederland. Moet mijn kind naar school?"),
    _("Wanneer moet een school verzuim melden?"),
)


@lru_cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@lru_cache
def _asset_version(relative_path: str) -> str:
    """A short content hash, so a changed asset is fetched again despite caching."""
    path = STATIC_DIR / relative_path
    if not path.is_file():
        return __version__
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def page_is_translated(language: str) -> bool:
    """Whether the pages have a reviewed translation in `language` (Dutch, the source, always has).

    Until a catalog translates the page texts, a language can be chosen for the conversation but the page
    itself stays Dutch with `lang="nl" dir="ltr"`, so screen readers and text direction match what is shown.
    """
    return language == SOURCE_LANGUAGE or translate(PAGE_MARKER, language) != PAGE_MARKER


def _page_context(request: Request, page_choice: PageLanguage, page: str) -> dict[str, Any]:
    root = request.scope.get("root_path", "").rstrip("/")
    chosen = page_choice.code
    language = chosen if page_is_translated(chosen) else SOURCE_LANGUAGE

    def gettext(message: str, **values: object) -> str:
        return translate(message, language, **values)

    def static(relative_path: str) -> str:
        return f"{root}/static/{relative_path}?v={_asset_version(relative_path)}"

    return {
        "request": request,
        "_": gettext,
        "static": static,
        "root": root,
        "page": page,
        "language": language,
        "chosen_language": chosen,
        "language_was_chosen": page_choice.chosen,
        "chosen_language_name": LANGUAGE_NAMES[chosen],
        "chosen_direction": "rtl" if chosen in RTL_LANGUAGES else "ltr",
        "direction": "rtl" if language in RTL_LANGUAGES else "ltr",
        "languages": [
            (code, LANGUAGE_NAMES[code], "rtl" if code in RTL_LANGUAGES else "ltr") for code in SUPPORTED_LANGUAGES
        ],
    }


def render_page(
    request: Request,
    template: str,
    page: str,
    extra: Callable[[str], dict[str, Any]],
    page_choice: PageLanguage | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """A page of `template` in the page's language (or `page_choice`); `extra(language)` adds its own context."""
    choice = page_choice or page_language(request, setting(request, "default_language", None))
    context = _page_context(request, choice, page)
    context.update(extra(context["language"]))
    html = _environment().get_template(template).render(context)
    response = HTMLResponse(html, status_code=status_code, headers=PAGE_HEADERS)
    if choice.remember:
        response.set_cookie(
            LANGUAGE_COOKIE,
            choice.code,
            max_age=LANGUAGE_COOKIE_MAX_AGE,
            path="/",
            samesite="lax",
            httponly=True,
            secure=request.url.scheme == "https",
        )
    return response


def setting(request: Request, name: str, default: Any) -> Any:
    value = getattr(getattr(request.app.state, "settings", None), name, None)
    return default if value is None else value
