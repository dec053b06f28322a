"""The one error of feedback and the review queue: what was asked cannot be done, with the HTTP status to use."""

from __future__ import annotations


class Refused(Exception):
    """`message` (a Dutch source text, with `{placeholders}` filled from `values` where it is shown) says why;
    `status_code` how to answer (404 not found or not yours, 422 a wrong value)."""

    def __init__(self, status_code: int, message: str, **values: object) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message = message
        self.values = values
