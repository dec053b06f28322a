"""Rasa custom actions: thin adapters over the assistant domain modules."""
