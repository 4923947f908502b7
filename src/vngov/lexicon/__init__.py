"""Language knowledge as data: one TOML file per concern, read once.

Code asks for a lexicon by name (``load("units")`` reads ``units.toml`` beside
this file).  Adding an office title, a unit or a period phrase is an edit to a
data file, never to code.  ``VNGOV_LEXICON_DIR`` may name a folder whose files
override the packaged ones, so a user can try a new rule without reinstalling.
"""
from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

_HERE = Path(__file__).parent


class LexiconError(ValueError):
    """A lexicon file is missing or not valid TOML; the message names the file."""


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """The parsed contents of lexicon ``name`` (without ``.toml``)."""
    override = os.environ.get("VNGOV_LEXICON_DIR")
    candidates = ([Path(override) / f"{name}.toml"] if override else []) + [_HERE / f"{name}.toml"]
    for path in candidates:
        if path.is_file():
            try:
                with path.open("rb") as fh:
                    return tomllib.load(fh)
            except tomllib.TOMLDecodeError as e:
                raise LexiconError(f"{path}: not valid TOML: {e}") from e
    raise LexiconError(f"no lexicon named {name!r} (looked for {', '.join(map(str, candidates))})")


def names() -> list[str]:
    """Every packaged lexicon, for tests that check they all parse."""
    return sorted(p.stem for p in _HERE.glob("*.toml"))


def alternation(words) -> str:
    """A regex alternation of lexicon words: longest first (so "nghìn tỷ" wins over
    "nghìn"), spelled the way vngov.text.normalize spells the text it runs on, and
    with each space matching any run of white space, as pages break lines anywhere."""
    import re

    from vngov.text import normalize_text  # here, not at the top: vngov.text reads lexicons

    forms = sorted({normalize_text(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in forms)
