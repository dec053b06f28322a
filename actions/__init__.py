"""Rasa custom actions: thin adapters between the Rasa tracker and the assistant's domain modules.

The action endpoint (`assistant.action_endpoint`) registers every `Action` subclass in this package.
"""
