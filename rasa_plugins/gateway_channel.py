"""Rasa input channel used by the assistant gateway (runs inside Rasa, environment B).

Unlike the stock REST channel it
- requires the shared gateway token (header `X-Gateway-Token`) on every call,
- answers with the parsed intent next to the bot messages, so the gateway needs no second call,
- keeps text, buttons and custom payload (citations) of one bot message together,
- offers `GET /webhooks/gateway/` as a readiness probe that reports whether a model is loaded and whether the
  tracker store takes a write,
- refuses a turn (503 with a `reason`) when the tracker store cannot be read or written, or when the action server
  cannot be reached, instead of answering as if nothing happened (`turn_faults` says how Rasa would hide those).
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa_plugins import action_validation, endpoint_sessions, sqlite_tuning, turn_faults

logger = logging.getLogger(__name__)
# Rasa loads this channel at start-up: one compiled validator for action responses, keep-alive sessions for the
# action and NLG endpoints, SQLite tracker-store settings and loud endpoint failures (each module says why).
action_validation.install()
endpoint_sessions.install()
sqlite_tuning.install()
turn_faults.install()

# `utter_action`: the response a message was rendered from (Rasa sets it for `utter_*` responses); the gateway counts
# `utter_default` and `utter_out_of_scope` in the officers' figures.
_KEPT_KEYS = ("text", "buttons", "image", "attachment", "custom", "quick_replies", "utter_action")


class GatewayOutputChannel(CollectingOutputChannel):
    """Collects each bot message whole (text, buttons and custom payload in one dict)."""

    @classmethod
    def name(cls) -> str:
        return "gateway"

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        kept = {key: message[key] for key in _KEPT_KEYS if message.get(key)}
        if set(kept) - {"utter_action"}:
            await self._persist_message({"recipient_id": recipient_id, **kept})


def _can_keep_tracker(agent: Any) -> bool:
    processor = getattr(agent, "processor", None)
    return all(hasattr(processor, name) for name in _PROCESSOR_STEPS) and hasattr(agent, "lock_store")


_PROCESSOR_STEPS = (
    "log_message",
    "run_action_extract_slots",
    "_run_prediction_loop",
    "run_anonymization_pipeline",
    "save_tracker",
)


async def _handle_keeping_tracker(agent: Any, message: UserMessage, unreachable: list[str]) -> Any:
    """Handle one message as `Agent.handle_message` does in Rasa 3.6 (pinned in requirements/rasa.txt), and return
    the tracker the turn ended with.

    The reply needs the active loop and the requested slot; reading them back from the tracker store would cost a
    second full tracker load (all events since the session start) per message. The steps are those of
    `MessageProcessor.handle_message`, under the sender's lock as in `Agent.handle_message`. When an endpoint call of
    the turn could not reach its server (`unreachable`, filled by `turn_faults.watching_endpoints`), the tracker is
    not saved: a retry starts from the state before this message.
    """
    processor = agent.processor
    async with agent.lock_store.lock(message.sender_id):
        tracker = await processor.log_message(message, should_save_tracker=False)
        tracker = await processor.run_action_extract_slots(message.output_channel, tracker)
        await processor._run_prediction_loop(message.output_channel, tracker)  # private in 3.6: see docstring
        if unreachable:
            raise turn_faults.ActionServerUnavailable(", ".join(unreachable))
        await processor.run_anonymization_pipeline(tracker)
        await processor.save_tracker(tracker)
    return tracker


def _refused(reason: str, error: Exception) -> HTTPResponse:
    logger.error("Turn refused (%s): %s", reason, error)
    return response.json({"error": f"{reason.replace('_', ' ')} unavailable", "reason": reason}, status=503)


class GatewayInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "gateway"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> GatewayInput:
        token = (credentials or {}).get("token")
        if not token:
            raise ValueError("The gateway channel needs a `token` in credentials.yml")
        return cls(str(token))

    def __init__(self, token: str) -> None:
        self.token = token

    def _authorised(self, request: Request) -> bool:
        given = request.headers.get("X-Gateway-Token", "")
        return hmac.compare_digest(given.encode(), self.token.encode())

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("gateway_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            if not self._authorised(request):
                return response.json({"error": "unauthorised"}, status=401)
            agent = getattr(request.app.ctx, "agent", None)
            ready = agent is not None and agent.is_ready()
            writable = agent is not None and turn_faults.tracker_store_writable(agent)
            return response.json(
                {"model_id": agent.model_id if ready else None, "tracker_store": "ok" if writable else "unavailable"},
                status=200 if ready and writable else 503,
            )

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self._authorised(request):
                return response.json({"error": "unauthorised"}, status=401)
            body = request.json or {}
            sender_id, text = body.get("sender"), body.get("message")
            if not isinstance(sender_id, str) or not isinstance(text, str):
                return response.json({"error": "sender and message are required"}, status=400)
            metadata = body.get("metadata") if isinstance(body.get("metadata"), dict) else {}
            agent = request.app.ctx.agent
            if agent is None or not agent.is_ready():
                return response.json({"error": "no model loaded", "reason": "no_model"}, status=503)
            turn_faults.make_strict(agent)

            parse_data = await agent.parse_message(text)
            # Keep the gateway's metadata (the conversation language) in the tracker's latest_message, where
            # custom actions and the NLG endpoint read it.
            parse_data["metadata"] = metadata
            collector = GatewayOutputChannel()
            message = UserMessage(
                text, collector, sender_id, parse_data=parse_data, input_channel=self.name(), metadata=metadata
            )
            try:
                with turn_faults.watching_endpoints() as unreachable:
                    if _can_keep_tracker(agent):
                        tracker = await _handle_keeping_tracker(agent, message, unreachable)
                    else:  # pragma: no cover - another Rasa version: the documented path and one more tracker read
                        await on_new_message(message)
                        if unreachable:
                            raise turn_faults.ActionServerUnavailable(", ".join(unreachable))
                        tracker = await agent.tracker_store.retrieve(sender_id)
            except turn_faults.TrackerStoreUnavailable as error:
                return _refused("tracker_store", error)
            except turn_faults.ActionServerUnavailable as error:
                return _refused("action_server", error)
            active_loop = tracker.active_loop_name if tracker else None
            slot = tracker.slots.get("requested_slot") if tracker else None
            requested_slot = slot.value if slot is not None else None
            intent = parse_data.get("intent") or {}
            return response.json(
                {
                    "messages": collector.messages,
                    "intent": {"name": intent.get("name"), "confidence": float(intent.get("confidence") or 0.0)},
                    "active_loop": active_loop,
                    "slots": {"requested_slot": requested_slot},
                }
            )

        return webhook
