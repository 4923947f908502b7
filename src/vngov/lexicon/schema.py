"""The shape of every lexicon file, and the pre-check keys that guard its rules.

Rules live in TOML so that adding a title, a unit or a cue word never needs code.  That only
holds if a misspelt key, a list where a string belongs, or a cue word that its pre-check key
can never let through is caught: :func:`problems` checks a lexicon against its schema here, and
:func:`unreachable` lists the rules whose pre-check keys would hide them.  ``tests/test_lexicon.py``
runs both on every file, and fails for a file that has no schema.

A schema is a dict of key -> type.  Types: ``str``, ``int``, ``float`` (an int passes), ``bool``,
``[T]`` (a list of T), ``{T}`` (a table of any keys, each value a T), a nested dict (a table with
exactly these keys), ``("table", required, optional)`` (an array of tables).  A key written
``"?name"`` may be left out.
"""
from __future__ import annotations

import re
from typing import Any

_UNIT = {"forms": "[str]", "base": "str", "factor": "float", "cls": "str"}

SCHEMAS: dict[str, dict[str, Any]] = {
    "chrome": {"drop_lines": "[str]", "block_starts": "[str]", "trailing": "[str]", "datelines": "[str]"},
    "figures": {
        "approximators": "[str]",
        "status": {"estimate": "[str]", "target": "[str]", "target_named": "[str]", "target_patterns": "[str]",
                   "target_keys": "[str]",
                   "not_target": "[str]", "target_header": "str", "target_header_keys": "[str]",
                   "plan_subject": "[str]", "plan_amounts": "[str]", "plan_verbs": "[str]", "result_verbs": "[str]", "estimate_openers": "[str]",
                   "header_not_after": "[str]", "target_setting": "[str]", "set_verbs": "[str]", "set_counts": "[str]", "list_openers": "[str]", "done_before": "[str]", "result_words": "[str]",
                   "breakdown": "[str]"},
        "kind": {"change": "[str]", "level_after_change": "[str]", "range_change_before": "[str]", "change_modifiers": "[str]", "ratio": "[str]",
                 "growth_metric": "[str]", "share_verbs": "[str]", "moves": "[str]",
                 "verb_first_openers": "[str]", "verb_first_not_before": "[str]", "other_verbs": "[str]"},
        "baseline": {"lead": "[str]", "plan": "[str]", "period": "[str]", "plan_words": "[str]",
                     "before_verb_lead": "[str]", "before_verb_heads": "[str]", "before_verb_abbreviations": "[str]",
                     "before_verb_verbs": "[str]"},
        "sectors": {"words": "[str]", "share_heads": "[str]"},
        "scope": {"not_after": "[str]", "name_after": "[str]", "logistics": "[str]", "represented": "str", "representing": "str", "next_item_words": "[str]",
                  "tail_stop": "[str]", "count_tail_stop": "[str]", "noun_partners": "[str]", "topic_openers": "[str]", "caption": "str",
                  "flow": "[str]", "stock": "[str]", "yearly_rate": "[str]", "not_yearly_after": "[str]", "yearly_amount": "[str]", "count_openers": "[str]",
                  "quantity_heads": "[str]", "dash_compound_ends": "[str]",
                  "merge_verbs": "[str]", "sentence_openers": "[str]", "average_words": "[str]",
                  "year_links": "[str]", "via_for": "[str]", "via_with": "[str]", "rate_heads": "[str]", "rate_words": "[str]"},
    },
    "legacy_encodings": {"viscii": "{str}", "tcvn3": "{str}", "vni": "{str}"},
    "localities": {"dot_required": "[str]", "not_names": "[str]", "levels": "{str}", "abbreviations": "{str}",
                   "committees": "{str}", "acronyms": "{str}", "tiers": "{int}", "aliases": "{str}",
                   "source_province": "{str}"},
    "meetings": {
        "kinds": "[[str]]", "kind_not_after": "[str]", "verb_kinds": "[str]", "subkinds": "[str]",
        "organise_verbs": "[str]", "organise_not_before": "[str]", "organise_objects": "[str]", "counterpart_verbs": "[str]", "counterpart_end": "[str]", "led_by": "str",
        "provincial_bodies": "[str]", "host_trailing": "[str]", "host_cut": "[str]", "also": "str", "venue": "str",
        "at_place": "str", "voters": "str", "voter_kinds": "[str]", "attendance": "str", "part_of_day": "{str}",
        "dates": {"cue_words": "[str]", "today_words": "[str]", "yesterday_words": "[str]", "bare_today_words": "[str]", "weekdays": "[str]",
                  "document_words": "[str]", "year_exclude_before": "[str]", "baseline_year_before": "[str]",
                  "festival_year_before": "[str]", "term_opening_kinds": "[str]", "document_window": "int"},
        "chair": {"chaired_by": "[str]", "verb": "str", "objects": "[str]", "task_words": "[str]",
                  "guests": "[str]", "then_names": "[str]", "joint_words": "[str]", "joint_before": "[str]"},
    },
    "indicators": {
        "unit_classes": "{[str]}",
        "admit": {"implicit": "[str]", "?denominator_cues": "[str]", "rate_cues": "[str]", "list_words": "[str]",
                  "growth_cues": "[str]", "level_move_words": "[str]", "share_of": "{str}",
                  "fraction_of": "{str}", "sector_prefixes": "[str]", "context": "{str}",
                  "weak_growth_words": "[str]"},
        "indicator": ("table", {"id": "str", "name": "str", "unit_class": "[str]", "canonical_unit": "str",
                                "synonyms": "[str]", "source": "str"},
                      {"parent": "str", "annual_level": "bool", "level": "[str]"}),
    },
    "metrics": {
        "phrase": {"lead": "[str]", "tail": "[str]", "fixed_words": "[str]", "subject": "str",
                   "actor_subjects": "[str]", "actor_levels": "[str]", "actor_verbs": "[str]", "place": "str", "place_keys": "[str]",
                   "place_only": "str", "place_subject": "str", "place_predicate": "str", "cut_after": "[str]", "link_words": "[str]", "link_cut_words": "int",
                   "cut_always": "str", "cut_always_keys": "[str]",
                   "of_whom": "str", "max_words": "int", "generic": "[str]"},
    },
    "names": {"surnames": "[str]", "not_name_words": "[str]", "place_cues": "[str]", "named_after_cues": "[str]",
              "person_cues": "[str]", "short_form_address": "[str]", "people_named_like_places": "[str]", "glued_place_abbreviations": "[str]", "name_followers": "[str]",
              "credit_cues": "[str]", "never_names": "[str]", "year_stems": "[str]", "year_branches": "[str]",
              "body_words": "[str]"},
    "offices": {
        "prefixes": "[str]", "skip_before": "[str]", "titles": "[str]", "standalone_titles": "[str]",
        "qualifiers": "[str]", "whole_offices": "{str}",
        "bodies": {"party_committees": "{str}", "party_abbreviations": "{str}", "organs": "{str}",
                   "named_organs": "[str]", "department_heads": "{str}", "departments": "[str]"},
        "levels": "{str}", "abbreviations": "{str}",
        "loose": {"heads": "[str]", "stop_words": "[str]"}, "between": {"fillers": "[str]"},
        "ranks": {"ranks": "[str]", "honorifics": "[str]", "address": "[str]"},
    },
    "orthography": {"abbreviations_with_dot": "[str]", "tone_marks": "{str}", "tone_marks_before_final": "{str}",
                    "characters": "{str}"},
    "periods": {
        "phrase": ("table", {"shape": "str", "pattern": "str"}, {}),
        "number_words": "{int}",
        "starts": {"words": "[str]"},
        "task": {"before": "str", "name_before": "str", "compare": "str", "local": "str",
                 "keys": {"task": "[str]", "name_before": "[str]", "compare": "[str]", "local": "[str]",
                          "settlement": "[str]"}},
        "congress": {"cycle": "int", "party_words": "[str]"},
    },
    "quotes": {"directive_verbs": "[str]", "speech_verbs": "[str]", "adverbs": "[str]", "min_quote_chars": "int"},
    "sources": {"lead_markers": "[str]", "not_sources": "[str]", "names": "{str}"},
    "themes": {"fixed_terms": "[str]", "stop_terms": "[str]"},
    "units": {
        "scales": "{float}", "money_scales": {"forms": "[str]", "base": "str"}, "units": "{unit}",
        "per": {"forms": "[str]"}, "counts": {"nouns": "[str]", "stock": "[str]"},
        "display": "{display}",
    },
}
# Named value types for tables of tables.
NAMED = {"unit": _UNIT, "display": {"divide": "float", "unit": "str"}}

# (file, rules, keys): every word or pattern at the dotted path ``rules`` must contain one of the
# lower-case substrings at ``keys`` (patterns read with their \s+ as a space), or the pre-check
# that gates the rules on those keys would never let it match.
GUARDS: list[tuple[str, str, str]] = [
    ("figures", "status.target", "status.target_keys"),
    ("figures", "status.target_patterns", "status.target_keys"),
    ("figures", "status.target_header", "status.target_header_keys"),
    ("figures", "status.target_setting", "status.target_keys"),
    ("metrics", "phrase.cut_always", "phrase.cut_always_keys"),
    ("metrics", "phrase.place", "phrase.place_keys"),
    ("periods", "task.before", "task.keys.task"),
    ("periods", "task.name_before", "task.keys.name_before"),
    ("periods", "task.compare", "task.keys.compare"),
    ("periods", "task.local", "task.keys.local"),
]


def problems(name: str, data: dict[str, Any]) -> list[str]:
    """Every way ``data`` (lexicon file ``name``) differs from its schema, as readable lines."""
    schema = SCHEMAS.get(name)
    if schema is None:
        return [f"{name}: no schema in vngov.lexicon.schema"]
    return _table(name, data, schema)


def _table(where: str, data: Any, schema: dict[str, Any]) -> list[str]:
    if not isinstance(data, dict):
        return [f"{where}: a table expected, found {type(data).__name__}"]
    out = []
    keys = {k.lstrip("?"): k.startswith("?") for k in schema}
    for k in data:
        if k not in keys:
            out.append(f"{where}.{k}: unknown key")
    for k, optional in keys.items():
        spec = schema[("?" if optional else "") + k]
        if k not in data:
            if not optional:
                out.append(f"{where}.{k}: missing")
            continue
        out += _value(f"{where}.{k}", data[k], spec)
    return out


def _value(where: str, v: Any, spec: Any) -> list[str]:
    if isinstance(spec, dict):
        return _table(where, v, spec)
    if isinstance(spec, tuple):
        _, required, optional = spec
        if not isinstance(v, list):
            return [f"{where}: an array of tables expected"]
        both = {**required, **{"?" + k: t for k, t in optional.items()}}
        return [p for i, item in enumerate(v) for p in _table(f"{where}[{i}]", item, both)]
    if spec.startswith("[") and spec.endswith("]"):
        if not isinstance(v, list):
            return [f"{where}: a list expected, found {type(v).__name__}"]
        return [p for i, x in enumerate(v) for p in _value(f"{where}[{i}]", x, spec[1:-1])]
    if spec.startswith("{") and spec.endswith("}"):
        if not isinstance(v, dict):
            return [f"{where}: a table expected, found {type(v).__name__}"]
        inner = NAMED.get(spec[1:-1], spec[1:-1])
        return [p for k, x in v.items() for p in _value(f"{where}.{k}", x, inner)]
    return _scalar(where, v, spec)


def _scalar(where: str, v: Any, spec: str) -> list[str]:
    ok = {"str": isinstance(v, str), "bool": isinstance(v, bool),
          "int": isinstance(v, int) and not isinstance(v, bool),
          "float": isinstance(v, (int, float)) and not isinstance(v, bool)}.get(spec)
    if ok is None:
        return [f"{where}: unknown type {spec!r} in the schema"]
    if not ok:
        return [f"{where}: {spec} expected, found {type(v).__name__} {v!r}"[:160]]
    return []


def at(data: dict[str, Any], path: str) -> Any:
    for part in path.split("."):
        data = data[part]
    return data


def _alternatives(rule: str) -> list[str]:
    """The alternatives of a pattern's leading group ("(?:nhiệm\\s+vụ|kế\\s+hoạch)…" -> each), else the rule.

    Each alternative must hold a key on its own: a pattern passes the gate when any of its words
    does, so one alternative without a key could never match where only it occurs.
    """
    if not rule.startswith("(?:"):
        return [rule]
    depth, parts, cur = 0, [], ""
    for i, ch in enumerate(rule[3:], 3):
        if rule[i - 1] == "\\":
            cur += ch
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return [p for p in parts + [cur] if p.strip()]
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(cur)
            cur = ""
            continue
        cur += ch
    return [rule]


def unreachable(load) -> list[str]:
    """Rules that their pre-check keys would never let through, as readable lines."""
    out = []
    for name, rules_path, keys_path in GUARDS:
        lex = load(name)
        keys = [k.casefold() for k in at(lex, keys_path)]
        rules = at(lex, rules_path)
        for rule in [rules] if isinstance(rules, str) else rules:
            for alt in _alternatives(rule):
                text = re.sub(r"\\s[+*]|\\s\{[^}]*\}|\\s", " ", alt).casefold()
                text = " ".join(re.sub(r"[()?:|\\]", " ", text).split())
                if not any(k in text for k in keys):
                    out.append(f"{name}.{rules_path}: {alt!r} holds none of {keys_path}")
    return out
