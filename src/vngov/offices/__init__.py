"""Office phrases and the offices around a name.

:mod:`.grammar` compiles ``lexicon/offices.toml`` into one office pattern and answers what an office
phrase is, where it starts and ends, and which unit it belongs to; :mod:`.around` reads the chains
of offices written before and after a name, which :mod:`vngov.people` asks for in one call.
"""
from vngov.offices.around import OfficesAround, around
from vngov.offices.grammar import (PLACE, bare_title_at, bare_title_ending_at, canonical_level, fillers_at,
                                   fullmatch_at, level_of, lexicon, loose_fullmatch_at, loose_match_after,
                                   match_at, normalize_office, parse, role_from_match, starts)

__all__ = ["OfficesAround", "PLACE", "around", "bare_title_at", "bare_title_ending_at", "canonical_level",
           "fillers_at", "fullmatch_at", "level_of", "lexicon", "loose_fullmatch_at", "loose_match_after",
           "match_at", "normalize_office", "parse", "role_from_match", "starts"]
