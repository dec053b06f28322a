"""Conversations as stored: the conversation and its turns (`transcript`), conversation ids (`sender_ids`) and the
checks on a message's text (`validation`). Below both the chat gateway and the officer cases, which both use them."""
