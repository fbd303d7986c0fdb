"""Records that carry who else is credited: a patent's inventors and a talk's speakers as
printed, and what only structured sources give for a talk (its time, its tags).

The markdown parsers do not find these yet; JSON Resume and BibTeX documents state them.
Subclasses of the records in ``records.py``, so every loader that takes a ``PatentRecord``
or a ``TalkRecord`` takes these.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .records import PatentRecord, TalkRecord


@dataclass(frozen=True, slots=True)
class CreditedPatentRecord(PatentRecord):
    inventors: str = ""


@dataclass(frozen=True, slots=True)
class CreditedTalkRecord(TalkRecord):
    speakers: str = ""
    time: datetime.time | None = None
    tags: tuple[str, ...] = ()
