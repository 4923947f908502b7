"""Localities: finding the administrative units an article names, and knowing them.

Vietnamese papers write one unit many ways ("TX Kỳ Anh", "thị xã Kỳ Anh",
"Thị ủy Kỳ Anh" for its party committee).  Tables need one spelling, so every
mention is turned into the canonical ``<level> <Name>`` ("thị xã Kỳ Anh"),
the level spelt out in lower case.  A thị xã and a huyện of the same name stay
different units.

The level words and abbreviations are data (``lexicon/localities.toml``); the
names come from the gazetteer of the ``vietnamadminunits`` package (the 63
provinces with their districts and communes, official codes and coordinates,
and the 2025 reorganisation), read straight from its SQLite file so nothing is
fetched and its slow module import is avoided.  The gazetteer decides where a
run of capitalised words ends ("UBND thành phố Hà Tĩnh Nguyễn Văn A" names
"thành phố Hà Tĩnh"), and tells a district's province; a name it does not know
still gets a canonical form, but :func:`lookup` returns None for it.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sqlite3
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from vngov.lexicon import alternation, load
from vngov.text import fold, lower_keeping_offsets, normalize, normalize_text, UPPER


@dataclass(frozen=True)
class LocalityInfo:
    """What the gazetteer knows about one unit.

    ``merged_into`` is the unit that succeeds this one after the 2025
    reorganisation (itself when a province or commune kept its name and
    borders); None for districts, whose level was abolished, and for the 2025
    units themselves.  ``tier`` is 1 for provinces, 2 for districts, 3 for
    communes.
    """

    name: str                      # canonical: "huyện Kỳ Anh"
    level: str                     # "huyện"
    province: str | None           # canonical province: "tỉnh Hà Tĩnh"
    code: str | None               # official code (province 2, district 3, commune 5 digits)
    latitude: float | None
    longitude: float | None
    merged_into: str | None = None
    tier: int = 0
    district: str | None = None    # canonical district of a commune (pre-2025 units)
    era: str = "legacy"            # "legacy" (63 provinces) or "2025" (34 provinces)


@dataclass(frozen=True)
class Mention:
    """One place where a text names a unit, or speaks of a level without naming it.

    ``name`` is None for a bare level ("UBND tỉnh", "Thường trực Tỉnh ủy"),
    which the caller may resolve from the rest of the article.
    """

    level: str
    name: str | None
    start: int
    end: int

    @property
    def canonical(self) -> str | None:
        return f"{self.level} {self.name}" if self.name else None


# --- the gazetteer -----------------------------------------------------------------


def _data_dir() -> Path | None:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "data"
    return path if (path / "dataset.db").is_file() else None


def _strip_type(full: str, kind: str) -> str:
    """'Huyện Kỳ Anh' with type 'Huyện' -> 'Kỳ Anh'.

    The gazetteer already spells names NFC with the ủy/hòa convention, so
    no normalisation is needed here (it would triple the load time).
    """
    full = full or ""
    if kind and full.lower().startswith(kind.lower() + " "):
        return full[len(kind) + 1:]
    return full


def _canon(kind: str, name: str) -> str:
    return f"{kind.lower()} {name}"


@dataclass(frozen=True)
class _Gazetteer:
    by_name: dict[str, tuple[LocalityInfo, ...]]     # fold(canonical) -> units
    names: dict[str, frozenset[str]]                  # level -> folded names
    bare: dict[str, frozenset[str]]                   # folded name -> canonical units (tiers 1-2)
    provinces: dict[str, str]                         # folded short name -> canonical province
    tier1_cities: frozenset[str]                      # folded names of centrally governed cities


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    """Read the package's SQLite gazetteer once into dictionaries."""
    units: list[LocalityInfo] = []
    data = _data_dir()
    if data is not None:
        try:
            units = _read_units(data)
        except (sqlite3.Error, OSError, ValueError, KeyError):
            units = []
    by_name: dict[str, list[LocalityInfo]] = defaultdict(list)
    names: dict[str, set[str]] = defaultdict(set)
    bare: dict[str, set[str]] = defaultdict(set)
    provinces: dict[str, str] = {}
    cities: set[str] = set()
    for u in units:
        key = _key(u.name)
        if not any(v.era == u.era and v.code == u.code and v.tier == u.tier for v in by_name[key]):
            by_name[key].append(u)
        short = _key(u.name[len(u.level) + 1:])
        names[u.level].add(short)
        if u.tier <= 2:
            bare[short].add(u.name)
        if u.tier == 1:
            provinces[short] = u.name
            if u.level == "thành phố":
                cities.add(short)
    for alias, target in _lex().get("aliases", {}).items():
        # an older or variant name of a unit the gazetteer knows: recognised, and looked up as the unit
        level = _level_of(alias)
        if level is None or _key(target) not in by_name:
            continue
        short = _key(alias[len(level) + 1:])
        names[level].add(short)
        by_name.setdefault(_key(alias), list(by_name[_key(target)]))
        if level in ("tỉnh", "thành phố") and _key(target) in {_key(p) for p in provinces.values()}:
            provinces.setdefault(short, alias)
    return _Gazetteer({k: tuple(v) for k, v in by_name.items()},
                      {k: frozenset(v) for k, v in names.items()},
                      {k: frozenset(v) for k, v in bare.items()}, provinces, frozenset(cities))


def _read_units(data: Path) -> list[LocalityInfo]:
    conn = sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True)
    try:
        legacy = conn.execute(
            "SELECT province, provinceCode, provinceLat, provinceLon, provinceKey, district, districtType,"
            " districtCode, districtLat, districtLon, districtKey, ward, wardType, wardCode, wardLat, wardLon,"
            " wardKey FROM admin_units_legacy").fetchall()
        modern = conn.execute(
            "SELECT province, provinceCode, provinceLat, provinceLon, provinceKey, ward, wardType, wardCode,"
            " wardLat, wardLon, wardKey FROM admin_units").fetchall()
    finally:
        conn.close()
    new_province, new_ward = _merger_maps(data, modern)
    out: list[LocalityInfo] = []
    seen: set[tuple[str, str]] = set()
    province_names: dict[str, str] = {}
    district_names: dict[str, str] = {}
    for (prov, pcode, plat, plon, pkey, dist, dtype, dcode, dlat, dlon, dkey,
         ward, wtype, wcode, wlat, wlon, wkey) in legacy:
        pname = province_names.get(pcode)
        if pname is None:
            ptype = "Thành phố" if prov.startswith("Thành phố") else "Tỉnh"
            pname = province_names[pcode] = _canon(ptype, _strip_type(prov, ptype))
            out.append(LocalityInfo(pname, ptype.lower(), pname, pcode, plat, plon,
                                    new_province.get(pkey), 1))
        dname = district_names.get(dcode) if dist else None
        if dist and dname is None:
            dname = district_names[dcode] = _canon(dtype, _strip_type(dist, dtype))
            out.append(LocalityInfo(dname, dtype.lower(), pname, dcode, dlat, dlon, None, 2))
        if ward and ("w", wcode) not in seen:
            seen.add(("w", wcode))
            out.append(LocalityInfo(_canon(wtype, _strip_type(ward, wtype)), wtype.lower(), pname, wcode,
                                    wlat, wlon, new_ward.get(f"{pkey}_{dkey}_{wkey}"), 3, dname))
    for prov, pcode, plat, plon, pkey, ward, wtype, wcode, wlat, wlon, wkey in modern:
        ptype = "Thành phố" if prov.startswith("Thành phố") else "Tỉnh"
        pname = _canon(ptype, _strip_type(prov, ptype))
        if ("P", pcode) not in seen:
            seen.add(("P", pcode))
            out.append(LocalityInfo(pname, ptype.lower(), pname, pcode, plat, plon, None, 1, era="2025"))
        if ward and ("W", wcode) not in seen:
            seen.add(("W", wcode))
            out.append(LocalityInfo(_canon(wtype, _strip_type(ward, wtype)), wtype.lower(), pname, wcode,
                                    wlat, wlon, None, 3, era="2025"))
    return out


def _merger_maps(data: Path, modern) -> tuple[dict[str, str], dict[str, str]]:
    """Old province key -> new province, old 'prov_dist_ward' key -> new commune (canonical)."""
    path = data / "converter_2025.json"
    if not path.is_file():
        return {}, {}
    conv = json.loads(path.read_text(encoding="utf-8"))
    prov_name: dict[str, str] = {}
    ward_name: dict[tuple[str, str], str] = {}
    for prov, _pc, _la, _lo, pkey, ward, wtype, _wc, _wla, _wlo, wkey in modern:
        ptype = "Thành phố" if prov.startswith("Thành phố") else "Tỉnh"
        prov_name[pkey] = _canon(ptype, _strip_type(prov, ptype))
        if ward:
            ward_name[(pkey, wkey)] = _canon(wtype, _strip_type(ward, wtype))
    new_province = {old: prov_name[new] for new, olds in conv.get("DICT_PROVINCE", {}).items()
                    if new in prov_name for old in olds}
    new_ward: dict[str, str] = {}
    for new_p, wards in conv.get("DICT_PROVINCE_WARD_NO_DIVIDED", {}).items():
        for new_w, olds in wards.items():
            if (new_p, new_w) in ward_name:
                for old in olds:
                    new_ward[old] = ward_name[(new_p, new_w)]
    for new_p, olds in conv.get("DICT_PROVINCE_WARD_DIVIDED", {}).items():
        for old, choices in olds.items():
            default = next((c["newWardKey"] for c in choices if c.get("isDefaultNewWard")), None)
            if default and (new_p, default) in ward_name and old not in new_ward:
                new_ward[old] = ward_name[(new_p, default)]
    return new_province, new_ward


def _key(s: str) -> str:
    """fold() for text already normalised (article bodies, gazetteer names): no NFC pass."""
    return " ".join(s.casefold().split())


# --- lookups -------------------------------------------------------------------------


def lookup_all(canonical_name: str, province: str | None = None) -> tuple[LocalityInfo, ...]:
    """Every gazetteer unit with this canonical name (in ``province`` when given)."""
    units = _gazetteer().by_name.get(fold(canonical_name), ())
    if province:
        want = _province_key(province)
        units = tuple(u for u in units if u.province and _province_key(u.province) == want)
    return units


@lru_cache(maxsize=4096)
def lookup(canonical_name: str, province: str | None = None) -> LocalityInfo | None:
    """The gazetteer's unit for ``canonical_name``, or None if unknown or ambiguous.

    ``province`` ("tỉnh Hà Tĩnh" or "Hà Tĩnh") picks among same-named units in
    different provinces.  Pre-2025 units are preferred to 2025 ones of the same
    name, since the press archive is mostly older.
    """
    units = lookup_all(canonical_name, province)
    legacy = tuple(u for u in units if u.era == "legacy")
    units = legacy or units
    return units[0] if len(units) == 1 else None


def _province_key(p: str) -> str:
    p = fold(p)
    for prefix in ("tỉnh ", "thành phố ", "tp "):
        if p.startswith(prefix):
            return p[len(prefix):]
    return p


def province_of(canonical_name: str) -> str | None:
    """The province a unit lies in (itself for a province), when the gazetteer knows one answer."""
    units = lookup_all(canonical_name)
    provinces = {u.province for u in units if u.province}
    return provinces.pop() if len(provinces) == 1 else None


@lru_cache(maxsize=4096)
def province_named(name: str) -> str | None:
    """'Nghệ An' -> 'tỉnh Nghệ An'; 'Hà Nội' -> 'thành phố Hà Nội'; else None."""
    return _gazetteer().provinces.get(fold(name))


@lru_cache(maxsize=4096)
def tier(canonical_name: str) -> int:
    """1 province, 2 district, 3 commune; 0 if the level word is unknown."""
    level = _level_of(canonical_name)
    if level is None:
        return 0
    if level == "thành phố" and fold(canonical_name[len(level) + 1:]) in _gazetteer().tier1_cities:
        return 1
    return int(_lex()["tiers"].get(level, 0))


def _level_of(canonical_name: str) -> str | None:
    for level in sorted(_lex()["tiers"], key=len, reverse=True):
        if canonical_name.startswith(level + " "):
            return level
    return None


# --- finding mentions in text ----------------------------------------------------------


@lru_cache(maxsize=1)
def _lex() -> dict:
    return load("localities")


_WORD = re.compile(r"[ \t]*(?:-[ \t]*)?([^\W_]+(?:[’'][^\W_]+)*)")     # "Cư M’gar", "Ia H'Drai"



@lru_cache(maxsize=1)
def _cased_pattern() -> re.Pattern[str]:
    """Abbreviations and acronyms, whose case matters ("TP", "TX"; not "tp")."""
    lex = _lex()
    dot_required = set(lex.get("dot_required", []))
    abbr_plain = [a for a in lex["abbreviations"] if a not in dot_required]
    abbr_dot = [a for a in lex["abbreviations"] if a in dot_required]
    return re.compile(
        r"(?<![\w.])(?:"
        rf"(?P<acr>{alternation(lex.get('acronyms', {}))})(?![\w])"
        rf"|(?P<abbr>{alternation(abbr_plain)})(?:\.[ \t]*|[ \t]+)(?=[{UPPER}0-9])"
        rf"|(?P<abbrdot>{alternation(abbr_dot)})\.[ \t]*(?=[{UPPER}])"
        r")"
    )


@lru_cache(maxsize=1)
def _lower_pattern() -> re.Pattern[str]:
    """Level words and committees, matched on lower-cased text (cheaper than re.I)."""
    lex = _lex()
    return re.compile(
        rf"(?<![\w.])(?:(?P<com>{alternation(lex['committees'])})|(?P<lvl>{alternation(lex['levels'])}))(?![\w])"
    )


@lru_cache(maxsize=1)
def _level_initials() -> tuple[str, ...]:
    """The first syllable of every level word and committee, both cases: a cheap pre-check."""
    lex = _lex()
    firsts = {w.split()[0] for w in list(lex["levels"]) + list(lex["committees"])}
    return tuple(sorted(firsts | {f.capitalize() for f in firsts} | {f.upper() for f in firsts}))


@lru_cache(maxsize=1)
def _bare_province_pattern() -> re.Pattern[str] | None:
    written = sorted({c[len(_level_of(c) or "") + 1:] for c in _gazetteer().provinces.values()},
                     key=len, reverse=True)
    if not written:
        return None
    # the names as the gazetteer writes them, capitals included: "Nghệ An", "Bà Rịa - Vũng Tàu"
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in written)
                      + r")(?![\w])")


_FUNCTION_WORDS = frozenset({"tại", "ở", "về", "cho", "từ", "đến", "của", "và", "với", "như", "toàn",
                             "trong", "tỉnh", "khắp", "vùng", "miền", "tới", "lên", "xuống", "sang"})


@lru_cache(maxsize=1)
def _unnormal() -> re.Pattern[str]:
    """Anything :func:`vngov.text.normalize` would change, apart from NFC composition (may over-match)."""
    ortho = load("orthography")
    pairs = list(ortho["tone_marks"])
    firsts = {p[0] for p in pairs} | {p[0].upper() for p in pairs}
    seconds = {p[1:] for p in pairs} | {p[1:].upper() for p in pairs}
    chars = [k for k in ortho["characters"] if k]
    return re.compile(f"[{''.join(sorted(firsts))}](?:{'|'.join(map(re.escape, sorted(seconds)))})"
                      + ("|[" + "".join(re.escape(c) for c in chars) + "]" if chars else ""))


def _needs_normalizing(text: str) -> bool:
    return not unicodedata.is_normalized("NFC", text) or bool(_unnormal().search(text))


def mentions(text: str, normalized: bool = False) -> list[Mention]:
    """Every unit ``text`` names, and every bare level word of an office ("UBND tỉnh"), in order.

    Pass ``normalized=True`` for text that is already :func:`vngov.text.normalize_text`-ed
    (an article body) to skip that step; offsets then index ``text`` itself.
    """
    if not normalized and _needs_normalizing(text):
        norm, pos = normalize(text)
        if norm != text:
            def back(m: Mention) -> Mention:
                end = pos[m.end - 1] + 1 if m.end > m.start else pos[m.start]
                return Mention(m.level, m.name, pos[m.start], end)
            return [back(m) for m in mentions(norm, normalized=True)]
    lex = _lex()
    out: list[Mention] = []
    hits = [(m.start(), m.end(), m.lastgroup, m.group(m.lastgroup)) for m in _cased_pattern().finditer(text)]
    if any(w in text for w in _level_initials()):
        hits += [(m.start(), m.end(), m.lastgroup, m.group(m.lastgroup))
                 for m in _lower_pattern().finditer(lower_keeping_offsets(text))]
        hits.sort()
    last_end = -1
    for start, end0, kind, word in hits:
        if start < last_end:
            continue
        if kind == "acr":
            level, name = _split(lex["acronyms"][word])
            out.append(Mention(level, name, start, end0))
            last_end = end0
            continue
        if kind == "com":
            level = lex["committees"][" ".join(word.split())]
        elif kind in ("abbr", "abbrdot"):
            level = lex["abbreviations"][word]
        else:
            level = lex["levels"][" ".join(word.split())]
        name, end = _name_after(text, end0, level)
        if name is None and kind in ("abbr", "abbrdot"):
            continue
        out.append(Mention(level, name, start, end if name else end0))
        last_end = end if name else end0
    out.extend(_bare_provinces(text, out))
    out.sort(key=lambda x: x.start)
    return out


def _split(canonical_name: str) -> tuple[str, str]:
    """'thị xã Kỳ Anh' -> ('thị xã', 'Kỳ Anh')."""
    level = _level_of(canonical_name) or canonical_name.split(" ", 1)[0]
    return level, canonical_name[len(level) + 1:]


def _bare_provinces(text: str, taken: list[Mention]) -> list[Mention]:
    """Province names standing alone ("Tại Nghệ An", "công nghiệp Hà Tĩnh tăng"), not inside a longer name."""
    pat = _bare_province_pattern()
    if pat is None:
        return []
    spans = [(t.start, t.end) for t in taken]
    out = []
    for m in pat.finditer(text):
        written = m.group()
        if not all(w[0].isupper() for w in written.replace("-", " ").split()):
            continue
        if any(s < m.end() and m.start() < e for s, e in spans):
            continue
        before = text[max(0, m.start() - 30):m.start()].split()
        if before and before[-1][0].isupper() and before[-1].lower() not in _FUNCTION_WORDS \
                and not before[-1].endswith((",", ".", ":", ";")):
            continue
        after = _WORD.match(text, m.end())
        if after and after.group(1)[0].isupper() and text[m.end():after.start(1)].strip() == "":
            continue
        canon = province_named(written)
        if canon:
            level, name = _split(canon)
            out.append(Mention(level, name, m.start(), m.end()))
    return out


def _name_after(text: str, pos: int, level: str) -> tuple[str | None, int]:
    """The unit name that follows a level word at ``pos``: known names first, else capitalised words."""
    words: list[tuple[str, int]] = []   # (word as written with its separator, end)
    p = pos
    first = True
    while len(words) < 6:
        m = _WORD.match(text, p)
        if not m or "\n" in text[p:m.start(1)]:
            break
        w = m.group(1)
        if not (w[0].isupper() or (first and w.isdigit() and level in ("phường", "quận", "xã"))):
            break
        if len(w) > 1 and w.isupper() and not w.isdigit():   # an acronym (UBND) ends a name
            break
        if first and text[p:m.start(1)].strip():
            break
        sep = " - " if "-" in text[p:m.start(1)] else " "
        words.append((w if first else sep + w, m.end()))
        first = False
        p = m.end()
    if not words:
        return None, pos
    gaz = _gazetteer()
    known = gaz.names.get(level, frozenset())
    for k in range(len(words), 0, -1):
        cand = "".join(w for w, _ in words[:k])
        if _key(cand) in known:
            return cand, words[k - 1][1]
    if len(words) == 1:      # "huyện Quế võ": a known name whose second syllable lost its capital
        nxt = _WORD.match(text, words[0][1])
        if nxt and nxt.group(1).islower() and not text[words[0][1]:nxt.start(1)].strip():
            cand = f"{words[0][0]} {nxt.group(1).capitalize()}"
            if _key(cand) in known:
                return cand, nxt.end()
    if words[0][0] in _lex().get("not_names", ()):
        return None, pos
    if level == "tỉnh" and known:
        return None, pos   # provinces are a closed list: "HĐND tỉnh Phạm Nghĩa" is an office and a name
    if len(words) >= 3 and not words[0][0].isdigit():
        # an unknown run this long is a place and a person together ("thành phố Nguyễn Văn A"):
        # without the gazetteer we cannot tell where the place ends
        return None, pos
    k = min(len(words), 2) if not words[0][0].isdigit() else 1
    return "".join(w for w, _ in words[:k]), words[k - 1][1]


def find(text: str) -> list[tuple[str, int, int]]:
    """Every locality named in ``text`` as (canonical, start, end), in order of appearance.

    A unit counts when a level word, an abbreviation (TX, TP.) or a party
    committee (Thị ủy, Huyện ủy) names it, and a province also when its name
    stands alone ("Tại Nghệ An").  A bare district name ("Chợ Đồn") is not
    found here: alone it may be a person or two units; see :func:`canonical`.
    """
    return [(m.canonical, m.start, m.end) for m in mentions(text) if m.name]


def canonical(phrase: str, province: str | None = None) -> str | None:
    """One phrase ("TX Kỳ Anh", "Thị ủy Kỳ Anh", "Nghệ An", "Chợ Đồn") -> canonical form, or None.

    A bare name is a province when it names one, else a district or town the
    gazetteer knows by that name only once (in ``province`` when given).
    """
    phrase = " ".join(normalize_text(phrase).split())
    if not phrase:
        return None
    found = find(phrase)
    if found and found[0][1] == 0:
        return found[0][0]
    return bare_unit(phrase, province)


def bare_unit(name: str, province: str | None = None) -> str | None:
    """A name written without its level: the province, or the one district of that name."""
    p = province_named(name)
    if p:
        return p
    units = sorted(_gazetteer().bare.get(fold(name), ()))
    if province:
        units = [u for u in units if any(i.province and _province_key(i.province) == _province_key(province)
                                         for i in lookup_all(u))]
    return units[0] if len(units) == 1 else None
