"""Server-rendered pages: chat page, privacy statement, static assets, language choice, escaping, no inline code."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

import assistant.i18n as i18n
from assistant.web import pages


class PageParser(HTMLParser):
    """Collects what the tests look at: tags with attributes, inline code, and the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline_scripts: list[str] = []
        self.style_blocks = 0
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "script":
            self._in_script = True
        if tag == "style":
            self.style_blocks += 1

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts.append(data)
        elif data.strip():
            self.text.append(data.strip())

    def find(self, tag, **wanted):
        """Tags named `tag` whose attributes have the wanted values (`class_` for class, None: present)."""
        wanted = {key.rstrip("_").replace("_", "-"): value for key, value in wanted.items()}
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and all(key in attrs and attrs[key] == value for key, value in wanted.items())
        ]

    @property
    def visible_text(self) -> str:
        return " ".join(self.text)


def parse(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("path", ["/", "/privacy"])
def test_page_renders_dutch_html_with_lang_and_dir(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = parse(response.text)
    [html] = page.find("html")
    assert html == {"lang": "nl", "dir": "ltr"}
    assert "Leerplicht-assistent" in page.visible_text
    assert "Voor Hengelo, Borne, Enschede en Twente" in page.visible_text


@pytest.mark.parametrize("path", ["/", "/privacy"])
def test_no_inline_script_style_or_handlers_and_only_local_assets(client, path):
    response = client.get(path)
    page = parse(response.text)
    assert page.inline_scripts == []
    assert page.style_blocks == 0
    for tag, attrs in page.tags:
        assert "style" not in attrs, tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("src", "href"):
            assert not (attrs.get(name) or "").lower().startswith("javascript:"), (tag, attrs)
        asset = attrs.get("href") if tag == "link" else attrs.get("src")
        if tag in ("script", "link", "img"):
            assert (asset or "").startswith("/static/"), (tag, attrs)
    scripts = page.find("script")
    assert scripts and all(script.get("src", "").startswith("/static/js/") for script in scripts)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]


def test_assets_referenced_by_the_pages_load(client):
    page = parse(client.get("/").text)
    urls = [attrs["src"] for _tag, attrs in page.tags if attrs.get("src")]
    urls += [attrs["href"] for tag, attrs in page.tags if tag == "link"]
    assert len(urls) >= 4
    expected_types = {".css": "text/css", ".js": "javascript", ".svg": "image/svg+xml"}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        suffix = "." + url.split("?")[0].rsplit(".", 1)[1]
        assert expected_types[suffix] in response.headers["content-type"], url
    css = client.get("/static/css/app.css").text
    assert "@import" not in css and "http://" not in css and "https://" not in css  # no external fonts
    assert client.get("/static/img/globe.svg").status_code == 200


def test_missing_static_file_is_a_dutch_404(client):
    response = client.get("/static/js/nope.js")
    assert response.status_code == 404
    assert response.json()["detail"] == "Deze pagina of dit adres bestaat niet."


def test_chat_page_has_the_accessible_parts(client):
    page = parse(client.get("/").text)
    [log] = page.find("div", id="transcript")
    assert log["role"] == "log" and log["aria-live"] == "polite"
    assert page.find("label", for_="message")
    [textarea] = page.find("textarea", id="message")
    assert set(textarea["aria-describedby"].split()) == {"message-hint", "message-counter", "message-error"}
    assert page.find("a", class_="skip-link", href="#message")
    assert page.find("p", role="status")
    assert page.find("label", for_="language-select")
    options = [attrs["value"] for attrs in page.find("option")]
    assert options == ["nl", "en", "ar", "uk", "tr", "pl"]
    assert page.find("a", href="/privacy")
    assert "U chat met een computer, niet met een mens" in page.visible_text
    assert "geen besluit" in page.visible_text
    assert "0 van 2000 tekens" in page.visible_text
    [chat] = page.find("div", id="chat")
    assert chat["data-max-chars"] == "2000"
    assert chat["data-endpoint"] == "/api/chat"
    assert chat["data-language"] == "nl"
    assert chat["data-t-sources"] == "Bronnen"
    choices = page.find("button", class_="choice")
    assert len(choices) == 4 and all(choice["type"] == "button" for choice in choices)


def test_every_script_text_is_rendered(client):
    [chat] = parse(client.get("/").text).find("div", id="chat")
    for key, text in pages.CHAT_SCRIPT_TEXTS.items():
        assert chat[f"data-t-{key}"] == text


def test_message_limit_comes_from_settings(configured, fake_rasa, monkeypatch):
    from fastapi.testclient import TestClient

    from assistant.app import create_app

    app = create_app(configured.model_copy(update={"max_message_chars": 500}), rasa_transport=fake_rasa.transport)
    with TestClient(app) as client:
        [chat] = parse(client.get("/").text).find("div", id="chat")
    assert chat["data-max-chars"] == "500"


def test_privacy_page_says_what_is_stored_and_the_rights(client):
    text = parse(client.get("/privacy").text).visible_text
    for expected in (
        "Privacyverklaring Leerplicht-assistent",
        "De gemeente die deze assistent aanbiedt, is verantwoordelijk",
        "halen we persoonlijke nummers eruit",
        "Gesprekken: 28 dagen",
        "nadat de aanvraag of vraag is afgesloten",
        "vraagt nooit naar uw burgerservicenummer (BSN)",
        "inzien",
        "verwijderen",
        "Stuur dan een verzoek naar de gemeente",
        "Autoriteit Persoonsgegevens",
        "neemt altijd een mens",
    ):
        assert expected in text, expected


def test_privacy_page_uses_configured_retention_and_organisation(client, app):
    app.state.settings = app.state.settings.model_copy(
        update={
            "chat_retention_days": 14,
            "case_retention_days": 730,
            "verlof_undecided_retention_days": 90,
            "organisation_name": "Gemeente Hengelo",
            "privacy_contact_url": "javascript:alert(1)",
        }
    )
    html = client.get("/privacy").text
    text = parse(html).visible_text
    assert "Gesprekken: 14 dagen" in text
    assert "730 dagen nadat de aanvraag of vraag is afgesloten" in text
    assert "niemand heeft beslist: 90 dagen na de laatste dag van het verlof" in text
    assert "Voor deze assistent is dat: Gemeente Hengelo." in text
    assert "javascript:" not in html


def test_privacy_contact_link_when_configured(client, app):
    app.state.settings = app.state.settings.model_copy(update={"privacy_contact_url": "https://www.hengelo.nl/privacy"})
    page = parse(client.get("/privacy").text)
    assert page.find("a", href="https://www.hengelo.nl/privacy")


def test_untranslated_language_keeps_the_page_dutch_and_says_so(client, monkeypatch):
    monkeypatch.setattr(i18n, "_catalog", lambda language: {})
    page = parse(client.get("/?lang=uk").text)
    assert page.find("html") == [{"lang": "nl", "dir": "ltr"}]
    assert "nog niet vertaald" in page.visible_text


def test_language_query_sets_cookie_and_cookie_is_used(client):
    response = client.get("/?lang=ar")
    assert "lang=ar" in response.headers["set-cookie"]
    assert "httponly" in response.headers["set-cookie"].lower()
    page = parse(response.text)
    [chat] = page.find("div", id="chat")
    assert chat["data-language"] == "ar"
    assert page.find("option", value="ar", selected=None)
    # The Arabic catalog is reviewed: the page is Arabic and right-to-left.
    assert page.find("html") == [{"lang": "ar", "dir": "rtl"}]
    assert "nog niet vertaald" not in page.visible_text
    again = parse(client.get("/privacy").text)
    assert again.find("option", value="ar", selected=None)


def test_translated_language_sets_lang_dir_and_texts(client, monkeypatch):
    catalog = {"Uw vraag": "سؤالك", "Bronnen": "المصادر", "Privacyverklaring": "بيان الخصوصية"}
    monkeypatch.setattr(i18n, "_catalog", lambda language: catalog if language == "ar" else {})
    page = parse(client.get("/?lang=ar").text)
    assert page.find("html") == [{"lang": "ar", "dir": "rtl"}]
    assert "سؤالك" in page.visible_text
    assert "بيان الخصوصية" in page.visible_text
    [chat] = page.find("div", id="chat")
    assert chat["data-t-sources"] == "المصادر"
    assert not page.find("p", id="untranslated")


@pytest.mark.parametrize("value", ["xx", "<script>", 'nl"><script>alert(1)</script>', "EN-gb", ""])
def test_unknown_or_hostile_language_falls_back_to_dutch_without_cookie(client, value):
    response = client.get("/", params={"lang": value})
    assert response.status_code == 200
    assert "set-cookie" not in response.headers
    assert parse(response.text).find("html") == [{"lang": "nl", "dir": "ltr"}]
    assert "<script>alert" not in response.text


def test_hostile_cookie_is_ignored(client):
    client.cookies.set("lang", '"><script>alert(1)</script>')
    response = client.get("/")
    assert parse(response.text).find("html") == [{"lang": "nl", "dir": "ltr"}]
    assert "<script>alert" not in response.text


def test_translated_texts_are_escaped_in_text_and_attributes(client, monkeypatch):
    hostile = '"><script>alert(1)</script><b onclick="x">'
    catalog = {"Uw vraag": hostile, "Bronnen": hostile, "Gesprek": hostile}
    monkeypatch.setattr(i18n, "_catalog", lambda language: catalog if language == "en" else {})
    response = client.get("/?lang=en")
    assert "<script>alert(1)</script>" not in response.text
    assert "<b onclick" not in response.text
    page = parse(response.text)
    assert page.inline_scripts == []
    [chat] = page.find("div", id="chat")
    assert chat["data-t-sources"] == hostile  # intact after unescaping: it reached the attribute as text
    [log] = page.find("div", id="transcript")
    assert log["aria-label"] == hostile


def test_pages_are_not_in_the_api_schema(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "/" not in paths and "/privacy" not in paths
    assert "/api/chat" in paths
