"""Transcripts (interviews and AMAs): who is asked, who asks, and each turn in order."""

from __future__ import annotations

from .parser import looks_like_ama, looks_like_transcript, parse_transcript

__all__ = ["looks_like_ama", "looks_like_transcript", "parse_transcript"]
