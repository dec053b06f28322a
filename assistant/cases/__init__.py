"""The officer queue: cases handed from the chat to a leerplicht officer, and the back-office accounts.

Modules: `models` (tables), `routing` (which municipality and officer), `sla` (office hours, due times, expected
response texts), `auth` (password hashing, authorisation), `audit` (the append-only log), `service` (state changes),
`chat_handoff` (what the chat gateway and the Rasa actions call).
"""
