"""Rasa custom actions: thin adapters between the Rasa tracker and the assistant's domain modules.

The action endpoint (`assistant.http.routes.rasa_actions`) registers every `Action` subclass in this package.
"""
