"""The one error the parsing half raises: a document that cannot be imported."""

from __future__ import annotations


class DocumentError(ValueError):
    """A document could not be read or parsed; ``reason`` says why, for people."""

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = reason
        super().__init__(f"{name}: {reason}" if name else reason)
