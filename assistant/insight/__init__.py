"""What the assistant does, for the officers who run it: figures (`stats`), the art. 25 jaarverslag view
(`jaarverslag`), feedback on answers (`feedback`) and the review queue of questions it could not answer (`review`).

Privacy by construction: the figures come from aggregate-only tables (`models`) written when something happens
(a chat turn, a verlof request, a melding check, a case). They hold no text and no sender id; their link to a live
conversation (`conversation_id`, `user_message_id`) is set to NULL when the conversation is purged or erased, so
the figures outlive the 28 days of the transcripts without keeping anything personal.
"""
