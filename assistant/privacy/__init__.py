"""Privacy by design: personal identifiers are removed before anything is stored, logged or sent to Rasa."""
