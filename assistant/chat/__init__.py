"""The chat gateway: validation, routing to Rasa, transcript storage."""
