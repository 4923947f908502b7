"""Questions researchers ask of the tables, as pure pandas functions.

The report notebooks are thin: each cell calls one function here and shows
the frame it returns.  Keeping the logic in this module means a test can
reach all of it, and the notebooks' outputs change only when the data do.

Conventions every function follows, because the executed notebooks are
regression baselines (nbval compares their text output):

* inputs are the frames of :func:`vngov.store.load` (``tables["figures"]`` …);
* outputs are sorted on stable keys and re-indexed from 1;
* the ``show_*`` / ``*_table`` functions return display frames of strings,
  numbers written with :func:`fmt_number` the Vietnamese way (``1.234,5``),
  missing values as empty strings;
* every row that reports something an article said keeps ``doc_id`` and the
  evidence text, so a number can be checked against its sentence.

Dates are ISO strings (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); windows and
periods compare them as text prefixes, so "2023" selects every date in 2023.
"""
from __future__ import annotations

import math
import re
import unicodedata
from typing import Any, Mapping

import pandas as pd

from vngov.metrics import is_annual_level

Tables = Mapping[str, pd.DataFrame]

_EMPTY = ""

# --- formatting --------------------------------------------------------------------


def fmt_number(x: Any, decimals: int = 2) -> str:
    """A number the way the Vietnamese press writes it: ``.`` between thousands, ``,`` before
    decimals, at most ``decimals`` of them and no trailing zeros (``1.234,5``, ``59.740``).

    Reports sit beside evidence quoted from articles that write ``8.850,26``; an English
    ``8,850.26`` next to it reads as a different number (eight point eight five)."""
    if _missing(x):
        return _EMPTY
    try:
        v = float(x)
    except (TypeError, ValueError):
        return str(x)
    if math.isnan(v) or math.isinf(v):
        return _EMPTY
    if v.is_integer() and abs(v) < 1e15:
        text = f"{int(v):,}"
    else:
        text = f"{v:,.{decimals}f}".rstrip("0").rstrip(".")
    if text in ("-0", "", "0"):
        return "0"
    return text.translate(_VI_SEPARATORS)


_VI_SEPARATORS = str.maketrans({",": ".", ".": ","})


def present(frame: pd.DataFrame) -> pd.DataFrame:
    """A display copy: measured numbers (floats) via :func:`fmt_number`, integers (years,
    offsets, counts) plain, gaps as "", rows numbered from 1."""
    out = pd.DataFrame(index=range(1, len(frame) + 1))
    for col in frame.columns:
        values = frame[col].tolist()
        if pd.api.types.is_integer_dtype(frame[col]):  # years, offsets, counts: as they are
            out[col] = [_EMPTY if _missing(v) else str(int(v)) for v in values]
        elif pd.api.types.is_numeric_dtype(frame[col]) and not pd.api.types.is_bool_dtype(frame[col]):
            out[col] = [fmt_number(v) for v in values]
        else:
            out[col] = [_EMPTY if _missing(v) else str(v) for v in values]
    return out


def _missing(v: Any) -> bool:
    if v is None or v is pd.NA:
        return True
    return isinstance(v, float) and math.isnan(v)


def slug(name: str) -> str:
    """An ASCII file name for a locality: "thị xã Kỳ Anh" → "thi-xa-ky-anh"."""
    text = name.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "unnamed"


# --- what to report on ------------------------------------------------------------


# A place with no meeting of its own gets a report only when several figures are about it;
# one figure naming a commune in passing is not worth a page.
MIN_FIGURES_FOR_REPORT = 3


def report_localities(tables: Tables) -> list[str]:
    """Localities worth a report, sorted: every place a meeting is about, and every place
    at least :data:`MIN_FIGURES_FOR_REPORT` figures are attributed to."""
    names: set[str] = set()
    meetings = tables.get("meetings")
    if meetings is not None and "locality" in meetings:
        names.update(v for v in meetings["locality"].dropna().astype(str) if v.strip())
    figures = tables.get("figures")
    if figures is not None and "locality" in figures:
        counts = figures["locality"].dropna().astype(str).value_counts()
        names.update(n for n, c in counts.items() if c >= MIN_FIGURES_FOR_REPORT and n.strip())
    return sorted(names, key=lambda n: (slug(n), n))  # Đ next to D, as a reader expects


def report_periods(tables: Tables) -> list[str]:
    """Periods worth a report, in time order: each year, and each half and quarter that
    articles report on as such ("6 tháng đầu năm 2022", "quý I/2024") just before its year;
    then the span of those years ("2020/2024"), the overview across them.

    A period is worth a page only when it holds a meeting or at least
    :data:`MIN_FIGURES_FOR_REPORT` reported results: a year only targets point to
    ("đến năm 2030"), or a publication year with nothing in it, gets no empty report."""
    candidates = sorted(set(_years(tables)) | set(_part_years(tables.get("figures"))), key=_chronological)
    periods = [p for p in candidates if _worth_a_page(tables, p)]
    years = [p for p in periods if len(p) == 4]
    return periods + ([f"{years[0]}/{years[-1]}"] if len(years) > 1 else [])


def _chronological(period: str) -> tuple[str, int]:
    """2022-Q1, 2022-H1, 2022 … : by year, the parts of a year (by their end) before the year."""
    order = {"Q1": 1, "Q2": 2, "H1": 3, "Q3": 4, "H2": 5, "Q4": 6}
    return period[:4], order.get(period[5:], 9)


def _years(tables: Tables) -> set[str]:
    years: set[str] = set()
    for table, col in (("meetings", "date"), ("figures", "year"), ("articles", "published")):
        frame = tables.get(table)
        if frame is None or col not in frame:
            continue
        for v in frame[col].dropna().astype(str):
            if re.fullmatch(r"\d{4}.*", v):
                years.add(v[:4])
    return years


_PART_YEARS = {("01", "06"): "H1", ("07", "12"): "H2", ("01", "03"): "Q1", ("04", "06"): "Q2",
               ("07", "09"): "Q3", ("10", "12"): "Q4"}


def _part_years(figures: pd.DataFrame | None) -> list[str]:
    """Halves and quarters that results are reported for (their exact months), sorted."""
    if figures is None or figures.empty:
        return []
    frame = figures[figures["status"] != "target"]
    found: set[str] = set()
    for start, end in zip(frame["period_start"].dropna().astype(str), frame["period_end"].dropna().astype(str)):
        if start[:4] == end[:4] and len(start) >= 7:
            part = _PART_YEARS.get((start[5:7], end[5:7]))
            if part:
                found.add(f"{start[:4]}-{part}")
    return sorted(found)


def _worth_a_page(tables: Tables, period: str) -> bool:
    sel = select_period(tables, period)
    results = sel["figures"][sel["figures"]["status"] != "target"] if len(sel["figures"]) else sel["figures"]
    return len(sel["meetings"]) > 0 or len(results) >= MIN_FIGURES_FOR_REPORT


def default_locality(tables: Tables, locality: str | None = None) -> str | None:
    """The locality a notebook shows: the one asked for, canonicalized against the store's
    localities (:func:`vngov.params.locality`: "TX Kỳ Anh" → "thị xã Kỳ Anh"; an unknown
    name raises with the closest ones), else the one with most meetings."""
    if locality:
        from vngov.params import locality as resolve

        return resolve(locality, _known_localities(tables))
    meetings = tables.get("meetings")
    if meetings is not None and meetings["locality"].notna().any():
        counts = meetings["locality"].dropna().value_counts()
        return sorted(counts[counts == counts.max()].index)[0]
    names = report_localities(tables)
    return names[0] if names else None


def _known_localities(tables: Tables) -> set[str]:
    names: set[str] = set()
    for table, col in (("meetings", "locality"), ("figures", "locality"), ("people", "role_locality")):
        frame = tables.get(table)
        if frame is not None and col in frame:
            names.update(v for v in frame[col].dropna().astype(str) if v.strip())
    return names


def default_period(tables: Tables, period: Any = None) -> str | None:
    """The period a notebook shows: the one asked for in canonical form (2022 → "2022",
    "2022-h1" → "2022-H1"; a malformed one raises), else the latest year in the store."""
    if period is not None and str(period).strip():
        from vngov.params import period as parse

        return parse(period).label
    periods = [p for p in report_periods(tables) if re.fullmatch(r"\d{4}", p)]
    return periods[-1] if periods else None


# --- selections -------------------------------------------------------------------


def in_window(dates: pd.Series, start: str | None = None, end: str | None = None) -> pd.Series:
    """Which ISO dates fall in [start, end], both optional and both inclusive as prefixes
    (end "2023" keeps 2023-12-31).  An undated row is kept only when there is no window."""
    _check_date(start)
    _check_date(end)
    text = dates.astype("string")
    keep = pd.Series(True, index=dates.index)
    if start:
        keep &= (text.str.slice(0, len(start)) >= start).fillna(False).astype(bool)
    if end:
        keep &= (text.str.slice(0, len(end)) <= end).fillna(False).astype(bool)
    return keep.astype(bool)


def _check_date(value: str | None) -> None:
    """A typo in a report parameter should fail loudly, not select nothing."""
    if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(value)):
        raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")


def figure_dates(figures: pd.DataFrame) -> pd.Series:
    """The date a figure speaks of: the end of its period, else its start, else its article's."""
    out = figures["period_end"].astype("object")
    for col in ("period_start", "date"):
        out = out.where(out.notna(), figures[col].astype("object"))
    return out


def select_locality(tables: Tables, locality: str, start: Any = None,
                    end: Any = None) -> dict[str, pd.DataFrame]:
    """What the tables hold about one locality between ``start`` and ``end``.

    Meetings and figures attributed to the place; quotes and directives of
    those articles; people who hold an office of the place or appear in those
    articles.  Exact match on the canonical name: a province's report does not
    pull in its districts.  ``start``/``end`` may be ints (papermill's ``-p start 2022``).
    """
    from vngov.params import date

    start, end = date(start), date(end)
    meetings = tables["meetings"]
    meetings = meetings[(meetings["locality"] == locality) & in_window(meetings["date"], start, end)]
    figures = tables["figures"]
    figures = figures[(figures["locality"] == locality) & in_window(figure_dates(figures), start, end)]
    docs = set(meetings["doc_id"]) | set(figures["doc_id"])
    people = tables["people"]
    people = people[(people["doc_id"].isin(docs) | (people["role_locality"] == locality))
                    & in_window(people["date"], start, end)]
    return _selection(tables, meetings, figures, people, docs | set(people["doc_id"]))


def select_period(tables: Tables, period: Any) -> dict[str, pd.DataFrame]:
    """What the tables hold about one period (a year, a month, a half "2022-H1", a quarter
    "2024-Q1" or a span "2021/2023"; see :func:`vngov.params.period`): meetings dated in
    it, figures whose date (:func:`figure_dates`) falls in it, and the people of those
    articles."""
    from vngov.params import period as parse

    p = parse(period)
    meetings = tables["meetings"]
    meetings = meetings[in_window(meetings["date"], p.start, p.end)]
    figures = tables["figures"]
    figures = figures[in_window(figure_dates(figures), p.start, p.end)]
    people = tables["people"]
    people = people[in_window(people["date"], p.start, p.end)]
    return _selection(tables, meetings, figures, people, set(meetings["doc_id"]) | set(figures["doc_id"]))


def _selection(tables: Tables, meetings: pd.DataFrame, figures: pd.DataFrame, people: pd.DataFrame,
               docs: set[str]) -> dict[str, pd.DataFrame]:
    def of_docs(name: str) -> pd.DataFrame:
        frame = tables[name]
        return frame[frame["doc_id"].isin(docs)]

    return {"articles": of_docs("articles"), "meetings": meetings, "figures": figures, "people": people,
            "quotes": of_docs("quotes"), "directives": of_docs("directives")}


# --- where a row comes from, and where places are -----------------------------------------

SOURCE_COLUMNS = ["article", "published", "source", "link"]


def with_sources(frame: pd.DataFrame, articles: pd.DataFrame, doc_col: str = "doc_id") -> pd.DataFrame:
    """``frame`` with its article named: title (else the doc id), publication date, source and
    ``link`` (the URL when the article gave one, else its file path), so a reader can go back
    from a number to the page it was printed on."""
    cols = ["doc_id", "title", "published", "source", "url", "path"]
    info = articles[cols].drop_duplicates("doc_id").set_index("doc_id")
    found = info.reindex(frame[doc_col].tolist())
    return frame.assign(article=found["title"].fillna(pd.Series(frame[doc_col].tolist(), index=found.index)).tolist(),
                        published=found["published"].tolist(), source=found["source"].tolist(),
                        link=found["url"].fillna(found["path"]).tolist())


def with_place_codes(frame: pd.DataFrame, col: str = "locality", lookup: Any = None) -> pd.DataFrame:
    """``frame`` with the official code, province and unit after the 2025 reorganisation of the
    locality in ``col`` (inserted after it), from the gazetteer; empty for a place it lacks."""
    if lookup is None:
        from vngov.localities import lookup
    names = sorted(set(frame[col].dropna().astype(str))) if col in frame else []
    found = {n: lookup(n) for n in names}
    info = {n: (getattr(r, "code", None), getattr(r, "province", None), _unit_2025(r, lookup)) if r else (None,) * 3
            for n, r in found.items()}
    out = frame.copy()
    at = list(out.columns).index(col) + 1 if col in out else len(out.columns)
    for i, key in enumerate(("code", "province", "unit_2025")):
        out.insert(at + i, key, [info.get(v, (None,) * 3)[i] if isinstance(v, str) else None for v in frame.get(col, [])])
    return out


def chart_table(frame: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The numbers behind a chart (:func:`indicator_trends`, :func:`locality_comparison`) as a
    reader's table: the indicator's Vietnamese name, the values, and each value's article."""
    named = frame.assign(metric=frame["metric"].map(indicator_name))
    return present(with_sources(named, articles).drop(columns=["doc_id", "part_year"]))


def places(selection: Mapping[str, pd.DataFrame],
           lookup: Any = None) -> pd.DataFrame:
    """The localities a selection names (meetings and figures), with how many items each has,
    its official code, province, coordinates and the unit it became in the 2025 reorganisation.

    ``lookup`` maps a canonical name to a record with ``code``, ``province``, ``latitude``,
    ``longitude`` and ``merged_into`` (default :func:`vngov.localities.lookup`); a place the
    gazetteer does not know keeps empty columns rather than disappearing.
    """
    if lookup is None:
        from vngov.localities import lookup
    cols = ["locality", "n_meetings", "n_figures", "n_items", "code", "province", "unit_2025", "latitude",
            "longitude"]
    counts = {}
    for table in ("meetings", "figures"):
        frame = selection.get(table)
        if frame is not None and len(frame):
            counts[table] = frame["locality"].dropna().astype(str).value_counts()
    names = sorted(set().union(*[set(c.index) for c in counts.values()])) if counts else []
    rows = []
    for name in names:
        found = lookup(name)
        get = (lambda k: getattr(found, k, None)) if found is not None else (lambda k: None)
        n_m = int(counts.get("meetings", pd.Series(dtype=int)).get(name, 0))
        n_f = int(counts.get("figures", pd.Series(dtype=int)).get(name, 0))
        rows.append([name, n_m, n_f, n_m + n_f, get("code"), get("province"), _unit_2025(found, lookup),
                     get("latitude"), get("longitude")])
    out = pd.DataFrame(rows, columns=cols)
    return out.astype({"latitude": "float64", "longitude": "float64"})


def _unit_2025(found: Any, lookup: Any) -> str | None:
    """The unit a place belongs to after the 2025 reorganisation: its own successor (a commune,
    a province), else — for a district, a level abolished in 2025 — its province's successor."""
    if found is None:
        return None
    merged = getattr(found, "merged_into", None)
    if merged:
        return merged
    province = getattr(found, "province", None)
    parent = lookup(province) if province and province != getattr(found, "name", None) else None
    return getattr(parent, "merged_into", None) or province


def map_indicator(places_frame: pd.DataFrame, comparison: pd.DataFrame) -> tuple[pd.DataFrame, str | None, str | None]:
    """``places_frame`` with the most widely reported indicator of ``comparison``
    (:func:`locality_comparison`) as column ``value``: what the map shades by (provinces left
    unshaded when districts report it: one scale cannot show both).  Returns the
    frame, the indicator and its unit (None, None when no indicator is shared)."""
    if comparison.empty:
        return places_frame.assign(value=float("nan")), None, None
    spread = comparison.groupby(["metric", "unit"])["locality"].nunique().reset_index(name="n")
    best = spread.sort_values(["n", "metric"], ascending=[False, True], kind="stable").iloc[0]
    part = comparison[(comparison["metric"] == best["metric"]) & (comparison["unit"] == best["unit"])]
    lower = part[~part["locality"].str.startswith("tỉnh ")]
    part = lower if len(lower) > 1 else part  # a province's total would wash out its districts' shades
    values = dict(zip(part["locality"], part["value"].astype(float)))
    return places_frame.assign(value=places_frame["locality"].map(values).astype(float)), best["metric"], best["unit"]


# --- tables shown in reports ---------------------------------------------------------


def summary(selection: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """How many of each thing the selection holds: the first table of every report."""
    rows = [("bài báo", len(selection["articles"])), ("cuộc họp", len(selection["meetings"])),
            ("người (số tên khác nhau)", selection["people"]["name"].nunique()),
            ("chức vụ (tên + chức vụ)", len(selection["people"][["name", "role"]].drop_duplicates())),
            ("số liệu", len(selection["figures"])), ("lời phát biểu", len(selection["quotes"])),
            ("chỉ đạo", len(selection["directives"]))]
    return present(pd.DataFrame(rows, columns=["what", "count"]))


def meetings_table(meetings: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """The meetings, oldest first: when, what kind, who chaired, where, and the article
    (its title, date, source and link when ``articles`` is given, else its doc id)."""
    cols = ["date", "part_of_day", "kind", "subkind", "chair", "host", "counterpart", "locality", "doc_id"]
    frame = meetings[cols].sort_values(["date", "doc_id", "kind", "chair"], na_position="last", kind="stable")
    if articles is not None:
        frame = with_sources(frame, articles).drop(columns=["doc_id"])
    return present(frame)


def offices_table(people: pd.DataFrame) -> pd.DataFrame:
    """Each person with each office they were seen holding, how often and when, and the unit the
    office belongs to with its official code, province and unit after the 2025 reorganisation."""
    cols = ["name", "role", "role_locality", "n_articles", "first_seen", "last_seen", "doc_ids"]
    if people.empty:
        return present(with_place_codes(pd.DataFrame(columns=cols), "role_locality"))
    frame = people.assign(role=people["role"].fillna(""), date=people["date"].fillna(""),
                          role_locality=people.get("role_locality", pd.Series(None, index=people.index)))
    grouped = frame.groupby(["name", "role"], sort=True, dropna=False).agg(
        role_locality=("role_locality", lambda s: next((v for v in s if isinstance(v, str) and v), None)),
        n_articles=("doc_id", "nunique"), first_seen=("date", "min"), last_seen=("date", "max"),
        doc_ids=("doc_id", lambda s: ", ".join(sorted(set(s)))))
    return present(with_place_codes(grouped.reset_index()[cols], "role_locality"))


def officials_table(tables: Tables, locality: str | None = None) -> pd.DataFrame:
    """The officials registry (one row per person, office and place across articles), for one
    locality or all; empty when the store was built without the registry."""
    officials = tables.get("officials")
    if officials is None or officials.empty:
        return present(pd.DataFrame(columns=["name", "office", "locality", "first_seen", "last_seen", "n_articles"]))
    frame = officials if locality is None else officials[officials["locality"] == locality]
    cols = [c for c in ("name", "role", "office", "locality", "first_seen", "last_seen", "n_articles", "doc_ids")
            if c in frame.columns]
    keys = [c for c in ("name", "office", "locality") if c in frame.columns]
    return present(with_place_codes(frame.sort_values(keys, kind="stable")[cols]))


def figures_table(figures: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every figure with its evidence: the number as written, what it measures (the indicator's
    Vietnamese name), the sentence, and its article (title, date, source, link) when
    ``articles`` is given — else its doc id and offsets."""
    frame = figures.assign(value_written=figures["value_text"].where(figures["value_text"].notna(),
                                                                      figures["value"].map(fmt_number)))
    frame = frame.sort_values(["doc_id", "start", "end"], kind="stable")
    if articles is None:
        cols = ["doc_id", "metric", "value_written", "unit", "kind", "status", "period", "baseline", "locality",
                "evidence", "start", "end"]
        return present(frame[cols])
    frame = frame.assign(metric=[indicator_name(i, m) for i, m in zip(frame["metric_id"], frame["metric"])])
    cols = ["metric", "value_written", "unit", "kind", "status", "period", "locality", "evidence", "doc_id"]
    return present(with_sources(with_place_codes(frame[cols]), articles).drop(columns=["doc_id"]))


def indicator_name(metric_id: Any, phrase: Any = None) -> str:
    """"thu ngân sách (budget_revenue)" for a canonical indicator, else the article's phrase."""
    from vngov.metrics import label

    if not _missing(metric_id):
        return label(str(metric_id))
    return "" if _missing(phrase) else str(phrase)


def metric_key(figures: pd.DataFrame) -> pd.Series:
    """What a figure measures, for grouping: its canonical id when known, else its phrase."""
    return figures["metric_id"].where(figures["metric_id"].notna(), figures["metric"])


_ADDITION = re.compile(r"(?<!\w)thêm(?!\w)", re.I)


def is_addition(evidence: Any) -> bool:
    """True for a figure that adds to a total rather than stating it ("có thêm 6 sản phẩm
    OCOP"): drawn beside the total (30 products) it would read as a collapse to 6."""
    return not _missing(evidence) and bool(_ADDITION.search(str(evidence)))


def effective_period(start: Any, end: Any, date: Any, status: Any) -> str | None:
    """The period a figure covers as the reader must see it: "2022", "2022-01/2022-06", or a
    "year" figure of an article written before October shown as the months so far
    (see :func:`period_span`); None when the article gave none."""
    span = _too_early(period_span(start, end), date, status)
    if span is None and not _missing(date) and len(str(date)) >= 7 and str(date)[5:7] < "10":
        d = str(date)  # no period stated, written mid-year: the year so far, not the year
        return f"{d[:4]}-01/{d[:7]}"
    return span[1] if span else None


def indicator_panel(figures: pd.DataFrame) -> pd.DataFrame:
    """Reported values of each indicator per locality and year (the panel a researcher plots).

    Only plain values that are results (actual or estimate), name what they measure
    and state a total (an addition, "có thêm 6", is left out: it is not the level);
    several reports of one indicator in one year keep the one whose period ends last
    (the fullest account of the year), the count says how many there were.  ``period``
    is the :func:`effective_period`, so a mid-year account is never a year's.  A figure
    for several years (a term's total, "kết nạp 742 đảng viên" in 2015–2020) is no
    year's level and stays out, unless its indicator is a level measured per year
    (per-capita income, the poverty rate: the final year's).
    """
    cols = ["metric", "locality", "year", "unit", "value", "period", "n_reports", "doc_id"]
    frame = figures[(figures["kind"] == "value") & figures["status"].isin(["actual", "estimate"])]
    frame = frame[~frame["evidence"].map(is_addition).astype(bool)]
    frame = frame[pd.Series([not _several_years(a, b) or is_annual_level(m) for a, b, m in
                             zip(frame["period_start"], frame["period_end"], frame["metric_id"])],
                            index=frame.index, dtype=bool)]
    frame = frame.assign(metric=metric_key(frame),
                         unit=[canonical_base(m, u) for m, u in zip(frame["metric_id"], frame["base_unit"].fillna(frame["unit"]))],
                         value=frame["base_value"].fillna(frame["value"]), ref=figure_dates(frame),
                         period=[effective_period(a, b, d, st) for a, b, d, st in
                                 zip(frame["period_start"], frame["period_end"], frame["date"], frame["status"])])
    frame = frame[frame["metric"].notna() & frame["year"].notna()]
    if frame.empty:
        return pd.DataFrame(columns=cols)
    keys = ["metric", "locality", "year", "unit"]
    frame = frame.assign(locality=frame["locality"].fillna(""))
    frame = frame.sort_values(keys + ["ref", "doc_id", "start"], na_position="first", kind="stable")
    last = frame.groupby(keys, sort=True).tail(1).set_index(keys)
    counts = frame.groupby(keys, sort=True).size().rename("n_reports")
    out = last[["value", "period", "doc_id"]].join(counts).reset_index()
    return out.sort_values(keys, kind="stable").reset_index(drop=True)[cols]


def canonical_base(metric_id: Any, base: Any) -> Any:
    """The base unit of an indicator's canonical unit when the figure's is its stem: per-capita income
    written "56 triệu đồng" is VND per person per year, as the indicator says, and is drawn with the
    incomes written in full ("74,5 triệu đồng/người/năm"), not as 0,06 tỷ đồng."""
    from vngov.metrics import indicator
    from vngov.units import match_unit

    ind = indicator(metric_id) if isinstance(metric_id, str) else None
    unit = getattr(ind, "canonical_unit", None) if ind is not None else None
    if not unit or not isinstance(base, str):
        return base
    m = match_unit(f"1 {unit}", 2)
    if m is None or m.base == base or not m.base.startswith(base + "/"):
        return base
    return m.base


def _several_years(start: Any, end: Any) -> bool:
    span = period_span(start, end)
    return span is not None and span[0] in ("years", "span")


def in_display_units(panel: pd.DataFrame) -> pd.DataFrame:
    """``value``/``unit`` from base units (VND, kg …) to the units the press writes in
    (tỷ đồng, tấn …), as the ``[display]`` table of ``units.toml`` says, so a chart
    axis reads 8,850.26 tỷ đồng rather than 8.85e12 VND."""
    from vngov.lexicon import load

    display = load("units").get("display", {})
    rule = panel["unit"].map(lambda u: display.get(u))
    divide = rule.map(lambda r: float(r["divide"]) if r else 1.0)
    unit = [r["unit"] if r else u for r, u in zip(rule, panel["unit"])]
    return panel.assign(value=(panel["value"] / divide).round(4), unit=unit)


def _canonical_only(panel: pd.DataFrame) -> pd.DataFrame:
    """Rows of canonical indicators only: a chart compares like with like, and an article's
    own phrase ("nâng tổng số sản phẩm") does not say what else it may be compared with."""
    from vngov.metrics import label

    return panel[panel["metric"].map(lambda m: label(str(m)) != str(m)).astype(bool)]


def _top_indicators(panel: pd.DataFrame, by: str, minimum: int, top: int) -> pd.DataFrame:
    """Rows of the ``top`` (metric, unit) pairs with the most distinct ``by`` values (at least ``minimum``)."""
    spread = panel.groupby(["metric", "unit"])[by].nunique()
    spread = spread[spread >= minimum].reset_index(name="n")
    spread = spread.sort_values(["n", "metric", "unit"], ascending=[False, True, True], kind="stable").head(top)
    return panel.merge(spread[["metric", "unit"]], on=["metric", "unit"])


def indicator_trends(figures: pd.DataFrame, min_years: int = 2, top: int = 6) -> pd.DataFrame:
    """The indicators reported in at least ``min_years`` years, by year: the long table
    behind a locality's trend chart (one row per indicator, unit and year, in display units).

    Built on :func:`indicator_panel`, so each year keeps its fullest result and the
    row names the article it came from."""
    cols = ["metric", "unit", "year", "label", "value", "part_year", "period", "locality", "doc_id"]
    panel = indicator_panel(figures)
    if panel.empty:
        return pd.DataFrame(columns=cols)
    panel = _top_indicators(in_display_units(_canonical_only(panel)), "year", min_years, top)
    panel = panel.assign(label=[_year_label(y, p) for y, p in zip(panel["year"], panel["period"])])
    panel = panel.assign(part_year=[" (" in str(v) for v in panel["label"]])
    return panel.sort_values(["metric", "unit", "year", "locality"], kind="stable").reset_index(drop=True)[cols]


def period_label(period: Any) -> str:
    """"2022-01/2022-06" → "2022 (1–6)": the months of a part-year period, as the charts label it."""
    if _missing(period):
        return _EMPTY
    m = re.fullmatch(r"(\d{4})-\d{2}(?:-\d{2})?/\d{4}-\d{2}(?:-\d{2})?", str(period))
    return _year_label(int(m.group(1)), period) if m else str(period)


def _year_label(year: Any, period: Any) -> str:
    """The year, or the months it covers when the figure is for part of it ("2022 (1–6)"):
    a trend must not pass a half-year result off as a full year's."""
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-\d{2})?/(\d{4})-(\d{2})(?:-\d{2})?", str(period or ""))
    if m and m.group(1) == m.group(3) and (m.group(2), m.group(4)) != ("01", "12"):
        return f"{int(year)} ({int(m.group(2))}–{int(m.group(4))})"
    return str(int(year))


def locality_comparison(figures: pd.DataFrame, min_localities: int = 2, top: int = 4) -> pd.DataFrame:
    """The indicators that at least ``min_localities`` places report, place by place: the
    long table behind a period report's comparison chart (display units)."""
    cols = ["metric", "unit", "locality", "label", "value", "part_year", "period", "year", "doc_id"]
    panel = indicator_panel(figures)
    panel = panel[panel["locality"] != ""] if not panel.empty else panel
    if panel.empty:
        return pd.DataFrame(columns=cols)
    latest = panel.sort_values(["metric", "unit", "locality", "year"], kind="stable")
    latest = latest.groupby(["metric", "unit", "locality"]).tail(1)
    latest = _top_indicators(in_display_units(_canonical_only(latest)), "locality", min_localities, top)
    months = [_year_label(y, p)[len(str(int(y))):] for y, p in zip(latest["year"], latest["period"])]
    # places whose latest report is of different years name the year: 2022's result is not 2024's
    spread = latest.groupby(["metric", "unit"])["year"].transform("nunique")
    years = [f" {int(y)}" if n > 1 else "" for y, n in zip(latest["year"], spread)]
    latest = latest.assign(label=[f"{loc}{y}{m}" for loc, y, m in zip(latest["locality"], years, months)],
                           part_year=[bool(m) for m in months])
    return latest.sort_values(["metric", "unit", "locality"], kind="stable").reset_index(drop=True)[cols]


# --- targets against results ------------------------------------------------------------

#: Columns of the ``target_tracking`` table (the store writes it; reports show it).
TRACKING_COLUMNS = ["indicator", "locality", "target_period", "result_period", "target_value", "result_value",
                    "unit", "achieved_pct", "status", "progress_period", "progress_value", "progress_pct",
                    "target_doc", "result_doc", "progress_doc"]

#: Indicators where less is better: a poverty rate target is reached from below.
LOWER_IS_BETTER = frozenset({"poverty_rate"})

#: A "result" more than 20 times off its target is another quantity the extractor took
#: for this indicator (an industrial output read as budget revenue), not a result.
PLAUSIBLE_RATIO = (0.05, 5.0)

_RESULT_RANK = {"actual": 0, "estimate": 1}


def unit_class(base_unit: Any) -> str | None:
    """What a value measures in, for like-with-like pairing: the base unit without a
    per-person or per-year rate ("VND/người/năm" and "VND" per capita are both money)."""
    if _missing(base_unit):
        return None
    return re.sub(r"/(người|năm)\b", "", str(base_unit)) or None


def period_span(start: Any, end: Any) -> tuple[str, str] | None:
    """(kind, label) of a figure's period: ("year", "2022"), ("years", "2021/2025") for
    several whole years, ("part", "2022-01/2022-06") for part of one year; None when the
    article gave no period (such a figure cannot be matched to a year)."""
    if _missing(start) or _missing(end):
        return None
    s, e = str(start), str(end)
    whole_start, whole_end = s[4:] in ("", "-01", "-01-01"), e[4:] in ("", "-12", "-12-31")
    if whole_start and whole_end:
        return ("year", s[:4]) if s[:4] == e[:4] else ("years", f"{s[:4]}/{e[:4]}")
    if s[:4] == e[:4]:
        return "part", f"{s[:7]}/{e[:7]}"
    return "span", f"{s[:7]}/{e[:7]}"


def _tracked_values(figures: pd.DataFrame) -> pd.DataFrame:
    """Plain values of canonical indicators with a stated period, in base units."""
    frame = figures[(figures["kind"] == "value") & figures["metric_id"].notna() & figures["locality"].notna()]
    spans = [period_span(a, b) for a, b in zip(frame["period_start"], frame["period_end"])]
    spans = [_too_early(x, d, st) for x, d, st in zip(spans, frame["date"], frame["status"])]
    frame = frame.assign(v=frame["base_value"].fillna(frame["value"]).astype(float),
                         uclass=frame["base_unit"].fillna(frame["unit"]).map(unit_class),
                         pkind=[x[0] if x else None for x in spans], plabel=[x[1] if x else None for x in spans],
                         rank=frame["status"].map(_RESULT_RANK))
    return frame[frame["pkind"].notna() & frame["uclass"].notna()]


def _too_early(span: tuple[str, str] | None, date: Any, status: Any) -> tuple[str, str] | None:
    """A "year" result in an article written before October of that year covers the
    months so far (a mid-year review whose period the article left implicit): progress
    up to the article's month, never the year's result."""
    if not span or span[0] != "year" or status == "target" or _missing(date):
        return span
    d = str(date)
    if d[:4] == span[1] and len(d) >= 7 and d[5:7] < "10":
        return "part", f"{span[1]}-01/{d[:7]}"
    return span


def _display_base(values: pd.DataFrame) -> dict[tuple[str, str], str]:
    """Per (indicator, unit class), the most specific base unit its figures use: a per
    capita income written "85 triệu đồng" is shown in triệu đồng/người/năm like its
    results, not as 0,085 tỷ đồng."""
    units = values.assign(bu=values["base_unit"].fillna(values["unit"]))
    out: dict[tuple[str, str], str] = {}
    for (mid, uc), group in units.groupby(["metric_id", "uclass"]):
        out[(mid, uc)] = max(group["bu"].astype(str), key=lambda u: (len(u), u))
    return out


def target_tracking(figures: pd.DataFrame) -> pd.DataFrame:
    """Every target against the result of the same indicator, unit class, locality and
    period reported anywhere in the store: the ``target_tracking`` table.

    A year target meets that year's full-year result; a term target ("đến năm 2025",
    2021–2025) meets its end year's result.  A result for part of the year (6 tháng,
    quý I) is never the year's result: it is shown as progress (``progress_*``) and the
    row's status is "in progress".  Among several results the actual one beats an
    estimate, then the latest article.  Values are in the units the press writes in.
    """
    values = _tracked_values(figures)
    targets = values[(values["status"] == "target") & values["pkind"].isin(["year", "years"])]
    targets = targets.assign(target_period=targets["plabel"].astype("string").str[-4:])  # empty: no rows, no str dtype
    targets = targets.sort_values(["date", "doc_id", "start"], na_position="last", kind="stable")
    targets = targets.drop_duplicates(["metric_id", "uclass", "locality", "target_period", "v"])
    targets = _without_rounded_repeats(targets)
    found = values[values["status"].isin(list(_RESULT_RANK))]
    rows = [_track_one(t, found) for t in targets.itertuples(index=False)]
    out = pd.DataFrame(rows, columns=TRACKING_COLUMNS)
    base = _display_base(values)
    out = _tracking_in_display_units(out, [base[(m, u)] for m, u in zip(targets["metric_id"], targets["uclass"])])
    return out.sort_values(["locality", "target_period", "indicator", "target_doc"], kind="stable").reset_index(drop=True)


NEAR = 0.005   # two targets of one indicator, place and period this close are one target, rounded once


def _without_rounded_repeats(targets: pd.DataFrame) -> pd.DataFrame:
    """One row per target where a title rounds what the body gives exactly ("8.210" and "8.210,7 tỷ
    đồng" for the same plan): the more precise value is kept, in the table's order."""
    if targets.empty:
        return targets
    keep: list[Any] = []
    key = ["metric_id", "uclass", "locality", "target_period"]
    for _k, group in targets.groupby(key, sort=False, dropna=False):
        kept: list[float] = []
        precise = group.assign(_digits=group["value"].map(_significant_digits))
        for idx, v in precise.sort_values("_digits", ascending=False, kind="stable")["v"].items():
            if not any(abs(v - k) <= NEAR * max(abs(k), abs(v)) for k in kept):
                kept.append(v)
                keep.append(idx)
    return targets.loc[[i for i in targets.index if i in set(keep)]]


def _significant_digits(written: Any) -> int:
    """How precisely a number is written: 8210 has 3 significant digits, 8210,7 has 5."""
    return len(f"{float(written):.12g}".split("e")[0].replace(".", "").replace("-", "").strip("0"))


def _track_one(t: Any, found: pd.DataFrame) -> dict[str, Any]:
    """One target's row: its full-year result, else its latest part-year progress."""
    same = found[(found["metric_id"] == t.metric_id) & (found["uclass"] == t.uclass)
                 & (found["locality"] == t.locality)]
    ratio = same["v"] / t.v if t.v else same["v"] * float("nan")
    same = same[(ratio >= PLAUSIBLE_RATIO[0]) & (ratio <= PLAUSIBLE_RATIO[1])]
    full = same[(same["pkind"] == "year") & (same["plabel"] == t.target_period)]
    part = same[(same["pkind"] == "part") & (same["plabel"].str[:4] == t.target_period)]
    row: dict[str, Any] = {"indicator": t.metric_id, "locality": t.locality, "target_period": t.target_period,
                           "target_value": t.v, "target_doc": t.doc_id}
    if len(full):
        best = full.sort_values(["rank", "date", "doc_id"], ascending=[True, False, True], kind="stable").iloc[0]
        pct = _pct(best["v"], t.v)
        row.update(result_period=t.target_period, result_value=best["v"], achieved_pct=pct,
                   result_doc=best["doc_id"], status=_status(t.metric_id, best["v"], t.v))
    elif len(part):
        best = part.sort_values(["period_end", "rank", "date"], ascending=[False, True, False], kind="stable").iloc[0]
        row.update(progress_period=best["plabel"], progress_value=best["v"], progress_pct=_pct(best["v"], t.v),
                   progress_doc=best["doc_id"], status="in progress")
    else:
        row["status"] = "not yet reported"
    return row


def _pct(result: float, target: float) -> float | None:
    return round(float(result) / float(target) * 100, 2) if target else None


def _status(metric_id: str, result: float, target: float) -> str:
    reached = result <= target if metric_id in LOWER_IS_BETTER else result >= target
    return "reached" if reached else "missed"


def _tracking_in_display_units(out: pd.DataFrame, base_units: list[str]) -> pd.DataFrame:
    """Target, result and progress values in the press's units (tỷ đồng, not VND)."""
    if out.empty:
        return out.astype({c: "float64" for c in ("target_value", "result_value", "progress_value",
                                                   "achieved_pct", "progress_pct")})
    shown = {}
    for col in ("target_value", "result_value", "progress_value"):
        conv = in_display_units(pd.DataFrame({"unit": base_units, "value": out[col].astype(float)}))
        shown[col] = conv["value"]
    unit = in_display_units(pd.DataFrame({"unit": base_units, "value": 0.0}))["unit"]
    return out.assign(**shown, unit=unit.tolist(), achieved_pct=out["achieved_pct"].astype(float),
                      progress_pct=out["progress_pct"].astype(float))


def tracking(tables: Tables) -> pd.DataFrame:
    """The store's ``target_tracking`` table; computed here for a store built before it existed."""
    found = tables.get("target_tracking")
    return found if found is not None else target_tracking(tables["figures"])


def tracking_table(tracked: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Target tracking as a reader sees it: the indicator's name, target and result (or the
    part-year progress, with its months) in press units, and the articles linked by title."""
    frame = tracked.assign(indicator=tracked["indicator"].map(indicator_name),
                           progress_period=tracked["progress_period"].map(period_label))
    for role in ("target", "result", "progress"):
        src = with_sources(frame.assign(_d=frame[f"{role}_doc"].fillna("")), articles, "_d")
        frame = frame.assign(**{f"{role}_article": src["article"].where(frame[f"{role}_doc"].notna(), None),
                                f"{role}_link": src["link"]})
    cols = ["indicator", "locality", "target_period", "target_value", "result_period", "result_value",
            "progress_period", "progress_value", "unit", "achieved_pct", "progress_pct", "status", "target_article",
            "target_link", "result_article", "result_link", "progress_article", "progress_link"]
    return present(frame[cols])


def plan_ratios(figures: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Figures that state how far a plan was reached ("đạt 107,79% kế hoạch"), with evidence
    and, given ``articles``, the article's title, date, source and link."""
    frame = figures[(figures["baseline_class"] == "plan") & (figures["kind"] == "ratio")]
    frame = frame.assign(metric=metric_key(frame)).sort_values(["doc_id", "start"], kind="stable")
    cols = ["doc_id", "metric", "value", "unit", "baseline", "period", "evidence"]
    if articles is None:
        return present(frame[cols])
    frame = frame.assign(metric=[indicator_name(i, m) for i, m in zip(frame["metric_id"], frame["metric"])])
    return present(with_sources(frame[cols], articles).drop(columns=["doc_id"]))


def quotes_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """Who said what, in the article's words, in article order."""
    frame = quotes.sort_values(["doc_id", "start"], kind="stable")
    return present(frame[["doc_id", "speaker", "role", "text", "start", "end"]])


def directives_table(directives: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Instructions given at meetings (who, the verb, the clause), in article order, with
    the article named and linked when ``articles`` is given."""
    frame = directives.sort_values(["doc_id", "start"], kind="stable")
    if articles is None:
        return present(frame[["doc_id", "speaker", "role", "verb", "clause", "start", "end"]])
    cols = ["date", "speaker", "role", "verb", "clause", "doc_id"]
    return present(with_sources(frame[cols], articles).drop(columns=["doc_id"]))


def tracking_for(tracked: pd.DataFrame, locality: str | None = None, period: Any = None,
                 start: Any = None, end: Any = None) -> pd.DataFrame:
    """The targets of one locality and/or whose target year falls in ``period`` (a year, half,
    quarter or span: a half-year report shows the progress towards its year's targets) or in
    [``start``, ``end``]."""
    from vngov.params import date, period as parse

    keep = pd.Series(True, index=tracked.index)
    if locality:
        keep &= tracked["locality"] == locality
    first, last = (parse(period).start[:4], parse(period).end[:4]) if period is not None else (date(start), date(end))
    if first:
        keep &= tracked["target_period"].astype(str) >= str(first)[:4]
    if last:
        keep &= tracked["target_period"].astype(str) <= str(last)[:4]
    return tracked[keep]


# --- the numbers behind the charts ----------------------------------------------------


def meetings_over_time(meetings: pd.DataFrame, max_months: int = 24) -> pd.DataFrame:
    """Meetings per month (``YYYY-MM``) when the dates span at most ``max_months`` months,
    else per year; every step between the first and the last is listed, empty ones as 0,
    so the chart's time axis is honest."""
    dates = meetings["date"].dropna().astype(str)
    months = dates[dates.str.match(r"\d{4}-\d{2}")].str[:7]
    if months.empty:
        return pd.DataFrame({"period": pd.Series([], dtype=object), "meetings": pd.Series([], dtype="int64")})
    first, last = pd.Period(months.min(), freq="M"), pd.Period(months.max(), freq="M")
    if (last - first).n < max_months:
        steps, keys = pd.period_range(first, last, freq="M").strftime("%Y-%m"), months
    else:
        steps = [str(y) for y in range(first.year, last.year + 1)]
        keys = months.str[:4]
    counts = keys.value_counts().reindex(list(steps), fill_value=0)
    return pd.DataFrame({"period": list(steps), "meetings": counts.astype("int64").tolist()})


def count_by(frame: pd.DataFrame, column: str, top: int | None = 15, label: str | None = None) -> pd.DataFrame:
    """Rows per value of ``column``, most first (ties by name), the ``top`` first only."""
    values = frame[column].dropna().astype(str)
    values = values[values.str.strip() != ""]
    counts = values.value_counts()
    out = pd.DataFrame({label or column: counts.index.tolist(), "count": counts.astype("int64").tolist()})
    out = out.sort_values(["count", label or column], ascending=[False, True], kind="stable")
    return out.head(top).reset_index(drop=True) if top else out.reset_index(drop=True)


def figures_by_status(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures per status (actual, estimate, target) and kind: what sort of numbers a period holds."""
    if figures.empty:
        return pd.DataFrame(columns=["status", "kind", "figures"])
    out = (figures.assign(status=figures["status"].fillna("?"), kind=figures["kind"].fillna("?"))
           .groupby(["status", "kind"]).size().rename("figures").reset_index())
    return out.sort_values(["status", "kind"], kind="stable").reset_index(drop=True)

