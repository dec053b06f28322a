"""Placeholder replaced by the chat page work; mounts nothing yet."""

from fastapi import FastAPI


def mount_web(app: FastAPI) -> None:
    return None
