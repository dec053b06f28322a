"""Leerplicht-assistent: the FastAPI gateway, domain logic and back office."""

__version__ = "0.1.0"
