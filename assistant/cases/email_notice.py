"""An e-mail notice to the parent when a leerplicht officer replies, if they gave an e-mail address.

The notice says only that there is an answer and where to read it: the chat (a link that brings the conversation
back, `#gesprek=<id>`) or, for a verlof request, the status page. The officer's words stay out of the e-mail. It is
sent in the parent's language, after the officer's request has been answered (a background task: sending never holds
up a request), through the SMTP server of the settings (`SMTP_*`); without `SMTP_HOST` nothing is sent. Whether it
went out is written to the case's audit log, without the address.
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid

import structlog
from sqlalchemy import select

from assistant.cases import audit
from assistant.cases.models import AUTHOR_OFFICER, Case, CaseMessage
from assistant.db.session import session_scope
from assistant.i18n import _, translate
from assistant.settings import Settings, get_settings
from assistant.verlof_requests.interpret import valid_email

log = structlog.get_logger(__name__)

SUBJECT = _("Er is een antwoord op uw vraag ({case})")
SUBJECT_VERLOF = _("Er is een bericht over uw verlofaanvraag {reference}")
BODY_CHAT = _(
    "Goedendag,\n\nEen leerplichtambtenaar heeft geantwoord op uw vraag (zaak {case}). U leest het "
    "antwoord in uw gesprek met de Leerplicht-assistent: {link}\n\nOpent u de chatpagina in dezelfde "
    "browser als eerst? Dan staat het gesprek er ook.\n\nDit is een automatisch bericht. U kunt er niet op "
    "antwoorden."
)
BODY_VERLOF = _(
    "Goedendag,\n\nEen leerplichtambtenaar heeft een bericht gestuurd over uw verlofaanvraag "
    "{reference}. U leest het op de statuspagina: {link} Vul daar uw kenmerk en uw e-mailadres in.\n\n"
    "Dit is een automatisch bericht. U kunt er niet op antwoorden."
)


def notice_for(case: Case, settings: Settings) -> EmailMessage | None:
    """The notice for an officer's reply on `case`, or None when the parent gave no e-mail address."""
    address = str((case.summary or {}).get("email") or "").strip()
    if not valid_email(address.lower()):
        return None
    language = case.language
    reference = (case.summary or {}).get("verlof_reference")
    message = EmailMessage()
    if reference:
        from assistant.verlof_requests.form import STATUS_PATH

        message["Subject"] = translate(SUBJECT_VERLOF, language, reference=reference)
        message.set_content(
            translate(BODY_VERLOF, language, reference=reference, link=settings.public_url(STATUS_PATH))
        )
    else:
        message["Subject"] = translate(SUBJECT, language, case=case.reference)
        message.set_content(
            translate(
                BODY_CHAT, language, case=case.reference, link=settings.public_url("/") + "#gesprek=" + case.sender_id
            )
        )
    message["From"] = settings.smtp_from
    message["To"] = address
    message["Message-ID"] = make_msgid(domain=settings.smtp_from.rpartition("@")[2] or None)
    return message


def send(message: EmailMessage, settings: Settings) -> None:
    """Hand the message to the SMTP server of the settings (STARTTLS or TLS, and a login when configured)."""
    assert settings.smtp_host
    smtp_class = smtplib.SMTP_SSL if settings.smtp_ssl else smtplib.SMTP
    context = ssl.create_default_context()
    kwargs = {"context": context} if settings.smtp_ssl else {}
    with smtp_class(settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout_seconds, **kwargs) as smtp:
        if settings.smtp_starttls and not settings.smtp_ssl:
            smtp.starttls(context=context)
        if settings.smtp_username:
            password = settings.smtp_password.get_secret_value() if settings.smtp_password else ""
            smtp.login(settings.smtp_username, password)
        smtp.send_message(message)


def notify_officer_reply(case_reference: str, settings: Settings | None = None) -> None:
    """Run after an officer's reply on the case: send the notice when there is an address and a mail server.
    Never raises: a notice that cannot be sent is logged and written to the audit log."""
    settings = settings or get_settings()
    if not settings.smtp_host:
        return
    try:
        with session_scope() as session:
            case = session.scalar(select(Case).where(Case.reference == case_reference))
            replied = (
                case is not None
                and session.scalar(
                    select(CaseMessage.id)
                    .where(CaseMessage.case_id == case.id, CaseMessage.author == AUTHOR_OFFICER)
                    .limit(1)
                )
                is not None
            )
            message = notice_for(case, settings) if replied else None
        if message is None:
            return
        send(message, settings)
        outcome, details = "email_notice_sent", {}
    except Exception as error:  # a notice must never break anything; the officer's reply is stored already
        log.warning("email_notice_failed", case=case_reference, error_type=type(error).__name__)
        outcome, details = "email_notice_failed", {"error_type": type(error).__name__}
    try:
        with session_scope() as session:
            audit.record(session, audit.ACTOR_SYSTEM, outcome, "case", case_reference, details)
    except Exception as error:  # pragma: no cover - the database went away between the two steps
        log.warning("email_notice_audit_failed", case=case_reference, error_type=type(error).__name__)
