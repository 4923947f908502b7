"""The sentence a figure is read in, handed to every step as one value instead of six arguments."""
from __future__ import annotations

from dataclasses import dataclass

from vngov.figures.cues import Cues
from vngov.figures.scope import State
from vngov.periods import PeriodMention


@dataclass(frozen=True)
class Sentence:
    """One sentence being read.

    ``mentions`` are its period phrases with offsets into ``text``; ``state`` is what carries over
    from the sentences before (mutated as the article is read, so not part of the frozen value);
    ``target_at`` is where its figures become targets (after a target cue or a list header), if anywhere.
    """

    text: str
    mentions: list[PeriodMention]
    state: State
    cues: Cues
    target_at: int | None = None
    head_end: int = -1     # where the head of the sentence's list ends: its first figure
