"""Questions researchers ask of the tables, as pure pandas functions.

The report notebooks are thin: each cell calls one function here and shows
the frame it returns.  Keeping the logic in this module means a test can
reach all of it, and the notebooks' outputs change only when the data do.

Conventions every function follows, because the executed notebooks are
regression baselines (nbval compares their text output):

* inputs are the frames of :func:`vngov.store.load` (``tables["figures"]`` …);
* outputs are sorted on stable keys and re-indexed from 1;
* the ``show_*`` / ``*_table`` functions return display frames of strings,
  numbers written with :func:`fmt_number` (a fixed format: ``1,234.5``),
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

Tables = Mapping[str, pd.DataFrame]

_EMPTY = ""

# --- formatting --------------------------------------------------------------------


def fmt_number(x: Any) -> str:
    """A number in one fixed format (comma thousands, at most two decimals, no trailing
    zeros): the same value always prints the same way, whatever pandas' display options."""
    if x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA:
        return _EMPTY
    try:
        v = float(x)
    except (TypeError, ValueError):
        return str(x)
    if math.isnan(v):
        return _EMPTY
    if v.is_integer() and abs(v) < 1e15:
        return f"{int(v):,}"
    text = f"{v:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


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
    """Years a period report can cover, sorted: years of meetings, of publication, and of
    figures reported as reached (actual or estimate).  A year only targets point to
    ("đến năm 2030") has nothing reported yet and gets no report."""
    years: set[str] = set()
    for table, col in (("meetings", "date"), ("figures", "year"), ("articles", "published")):
        frame = tables.get(table)
        if frame is None or col not in frame:
            continue
        if table == "figures" and "status" in frame:
            frame = frame[frame["status"] != "target"]
        for v in frame[col].dropna().astype(str):
            if re.fullmatch(r"\d{4}.*", v):
                years.add(v[:4])
    return sorted(years)


def default_locality(tables: Tables, locality: str | None = None) -> str | None:
    """The locality a notebook opened by hand shows: the one asked for, else the busiest."""
    if locality:
        return locality
    meetings = tables.get("meetings")
    if meetings is not None and meetings["locality"].notna().any():
        counts = meetings["locality"].dropna().value_counts()
        return sorted(counts[counts == counts.max()].index)[0]
    names = report_localities(tables)
    return names[0] if names else None


def default_period(tables: Tables, period: str | None = None) -> str | None:
    """The period a notebook opened by hand shows: the one asked for, else the latest year."""
    if period:
        return str(period)
    periods = report_periods(tables)
    return periods[-1] if periods else None


# --- selections -------------------------------------------------------------------


def in_window(dates: pd.Series, start: str | None = None, end: str | None = None) -> pd.Series:
    """Which ISO dates fall in [start, end], both optional and both inclusive as prefixes
    (end "2023" keeps 2023-12-31).  An undated row is kept only when there is no window."""
    _check_date(start)
    _check_date(end)
    text = dates.astype("object").where(dates.notna(), None)
    keep = pd.Series(True, index=dates.index)
    if start:
        keep &= text.map(lambda d: d is not None and str(d)[:len(start)] >= start)
    if end:
        keep &= text.map(lambda d: d is not None and str(d)[:len(end)] <= end)
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


def select_locality(tables: Tables, locality: str, start: str | None = None,
                    end: str | None = None) -> dict[str, pd.DataFrame]:
    """What the tables hold about one locality between ``start`` and ``end``.

    Meetings and figures attributed to the place; quotes and directives of
    those articles; people who hold an office of the place or appear in those
    articles.  Exact match on the canonical name: a province's report does not
    pull in its districts.
    """
    meetings = tables["meetings"]
    meetings = meetings[(meetings["locality"] == locality) & in_window(meetings["date"], start, end)]
    figures = tables["figures"]
    figures = figures[(figures["locality"] == locality) & in_window(figure_dates(figures), start, end)]
    docs = set(meetings["doc_id"]) | set(figures["doc_id"])
    people = tables["people"]
    people = people[(people["doc_id"].isin(docs) | (people["role_locality"] == locality))
                    & in_window(people["date"], start, end)]
    return _selection(tables, meetings, figures, people, docs | set(people["doc_id"]))


def select_period(tables: Tables, period: str) -> dict[str, pd.DataFrame]:
    """What the tables hold about one period ("2023", "2023-06"): meetings dated in it,
    figures whose date (:func:`figure_dates`) falls in it, and the people of those articles."""
    period = str(period)
    _check_date(period)
    meetings = tables["meetings"]
    meetings = meetings[in_window(meetings["date"], period, period)]
    figures = tables["figures"]
    figures = figures[in_window(figure_dates(figures), period, period)]
    people = tables["people"]
    people = people[in_window(people["date"], period, period)]
    return _selection(tables, meetings, figures, people, set(meetings["doc_id"]) | set(figures["doc_id"]))


def _selection(tables: Tables, meetings: pd.DataFrame, figures: pd.DataFrame, people: pd.DataFrame,
               docs: set[str]) -> dict[str, pd.DataFrame]:
    def of_docs(name: str) -> pd.DataFrame:
        frame = tables[name]
        return frame[frame["doc_id"].isin(docs)]

    return {"articles": of_docs("articles"), "meetings": meetings, "figures": figures, "people": people,
            "quotes": of_docs("quotes"), "directives": of_docs("directives")}


# --- tables shown in reports ---------------------------------------------------------


def summary(selection: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """How many of each thing the selection holds: the first table of every report."""
    rows = [("articles", len(selection["articles"])), ("meetings", len(selection["meetings"])),
            ("people (distinct names)", selection["people"]["name"].nunique()),
            ("offices (distinct name + role)", len(selection["people"][["name", "role"]].drop_duplicates())),
            ("figures", len(selection["figures"])), ("quotes", len(selection["quotes"])),
            ("directives", len(selection["directives"]))]
    return present(pd.DataFrame(rows, columns=["what", "count"]))


def meetings_table(meetings: pd.DataFrame) -> pd.DataFrame:
    """The meetings, oldest first: when, what kind, who chaired, where, and the source."""
    cols = ["date", "part_of_day", "kind", "subkind", "chair", "host", "counterpart", "locality", "doc_id"]
    frame = meetings[cols].sort_values(["date", "doc_id", "kind", "chair"], na_position="last", kind="stable")
    return present(frame)


def offices_table(people: pd.DataFrame) -> pd.DataFrame:
    """Each person with each office they were seen holding, how often and when."""
    cols = ["name", "role", "n_articles", "first_seen", "last_seen", "doc_ids"]
    if people.empty:
        return present(pd.DataFrame(columns=cols))
    frame = people.assign(role=people["role"].fillna(""), date=people["date"].fillna(""))
    grouped = frame.groupby(["name", "role"], sort=True, dropna=False).agg(
        n_articles=("doc_id", "nunique"), first_seen=("date", "min"), last_seen=("date", "max"),
        doc_ids=("doc_id", lambda s: ", ".join(sorted(set(s)))))
    return present(grouped.reset_index()[cols])


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
    return present(frame.sort_values(keys, kind="stable")[cols])


def figures_table(figures: pd.DataFrame) -> pd.DataFrame:
    """Every figure with its evidence: the number as written, what it measures, and the sentence."""
    frame = figures.assign(value_written=figures["value_text"].where(figures["value_text"].notna(),
                                                                      figures["value"].map(fmt_number)))
    frame = frame.sort_values(["doc_id", "start", "end"], kind="stable")
    cols = ["doc_id", "metric", "value_written", "unit", "kind", "status", "period", "baseline", "locality",
            "evidence", "start", "end"]
    return present(frame[cols])


def metric_key(figures: pd.DataFrame) -> pd.Series:
    """What a figure measures, for grouping: its canonical id when known, else its phrase."""
    return figures["metric_id"].where(figures["metric_id"].notna(), figures["metric"])


def indicator_panel(figures: pd.DataFrame) -> pd.DataFrame:
    """Reported values of each indicator per locality and year (the panel a researcher plots).

    Only plain values that are results (actual or estimate) and name what they
    measure; several reports of one indicator in one year keep the one whose
    period ends last (the fullest account of the year), the count says how many there were.
    """
    cols = ["metric", "locality", "year", "unit", "value", "period", "n_reports", "doc_id"]
    frame = figures[(figures["kind"] == "value") & figures["status"].isin(["actual", "estimate"])]
    frame = frame.assign(metric=metric_key(frame), unit=frame["base_unit"].fillna(frame["unit"]),
                         value=frame["base_value"].fillna(frame["value"]), ref=figure_dates(frame))
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
    cols = ["metric", "unit", "year", "label", "value", "period", "locality", "doc_id"]
    panel = indicator_panel(figures)
    if panel.empty:
        return pd.DataFrame(columns=cols)
    panel = _top_indicators(in_display_units(panel), "year", min_years, top)
    panel = panel.assign(label=[_year_label(y, p) for y, p in zip(panel["year"], panel["period"])])
    return panel.sort_values(["metric", "unit", "year", "locality"], kind="stable").reset_index(drop=True)[cols]


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
    cols = ["metric", "unit", "locality", "label", "value", "period", "year", "doc_id"]
    panel = indicator_panel(figures)
    panel = panel[panel["locality"] != ""] if not panel.empty else panel
    if panel.empty:
        return pd.DataFrame(columns=cols)
    latest = panel.sort_values(["metric", "unit", "locality", "year"], kind="stable")
    latest = latest.groupby(["metric", "unit", "locality"]).tail(1)
    latest = _top_indicators(in_display_units(latest), "locality", min_localities, top)
    months = [_year_label(y, p)[len(str(int(y))):] for y, p in zip(latest["year"], latest["period"])]
    latest = latest.assign(label=[f"{loc}{m}" for loc, m in zip(latest["locality"], months)])
    return latest.sort_values(["metric", "unit", "locality"], kind="stable").reset_index(drop=True)[cols]


def target_tracking(figures: pd.DataFrame) -> pd.DataFrame:
    """Targets set against results reported, per indicator, locality and year.

    Each target figure is paired with the latest result of the same indicator,
    unit, locality and year; ``achieved_pct`` is result / target × 100.  Plan
    ratios the article states itself ("đạt 107,79% kế hoạch") are listed by
    :func:`plan_ratios`, since those need no pairing.
    """
    cols = ["metric", "locality", "year", "unit", "target", "result", "achieved_pct", "target_doc",
            "result_doc"]
    frame = figures[figures["kind"] == "value"]
    frame = frame.assign(metric=metric_key(frame), unit=frame["base_unit"].fillna(frame["unit"]),
                         v=frame["base_value"].fillna(frame["value"]), locality=frame["locality"].fillna(""),
                         ref=figure_dates(frame))
    frame = frame[frame["metric"].notna() & frame["year"].notna()]
    keys = ["metric", "locality", "year", "unit"]
    targets = frame[frame["status"] == "target"].sort_values(keys + ["doc_id", "start"], kind="stable")
    results = frame[frame["status"].isin(["actual", "estimate"])].sort_values(
        keys + ["ref", "doc_id", "start"], na_position="first", kind="stable").groupby(keys).tail(1)
    if targets.empty:
        return pd.DataFrame(columns=cols)
    pairs = targets.merge(results[keys + ["v", "doc_id"]], on=keys, how="left", suffixes=("", "_result"))
    pct = (pairs["v_result"] / pairs["v"] * 100).where(pairs["v"] != 0)
    out = pd.DataFrame({"metric": pairs["metric"], "locality": pairs["locality"], "year": pairs["year"],
                        "unit": pairs["unit"], "target": pairs["v"], "result": pairs["v_result"],
                        "achieved_pct": pct.round(2), "target_doc": pairs["doc_id"],
                        "result_doc": pairs["doc_id_result"]})
    return out.reset_index(drop=True)[cols]


def plan_ratios(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures that state how far a plan was reached ("đạt 107,79% kế hoạch"), with evidence."""
    frame = figures[(figures["baseline_class"] == "plan") & (figures["kind"] == "ratio")]
    frame = frame.assign(metric=metric_key(frame)).sort_values(["doc_id", "start"], kind="stable")
    return present(frame[["doc_id", "metric", "value", "unit", "baseline", "period", "evidence"]])


def quotes_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """Who said what, in the article's words, in article order."""
    frame = quotes.sort_values(["doc_id", "start"], kind="stable")
    return present(frame[["doc_id", "speaker", "role", "text", "start", "end"]])


def directives_table(directives: pd.DataFrame) -> pd.DataFrame:
    """Instructions given at meetings (who, the verb, the clause), in article order."""
    frame = directives.sort_values(["doc_id", "start"], kind="stable")
    return present(frame[["doc_id", "speaker", "role", "verb", "clause", "start", "end"]])


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


def check_evidence(tables: Tables, table: str, row: int) -> dict[str, Any]:
    """Re-read one row's article from its file and compare the stored evidence with the
    text at its raw offsets in the file now.  ``matches`` False means the file changed
    since the store was built (or an extractor bug): the number cannot be trusted as cited."""
    import unicodedata

    from vngov.corpus import CorpusError, read_path
    from vngov.store import project_root

    item = tables[table].loc[row]
    found = tables["articles"][tables["articles"]["doc_id"] == item["doc_id"]]
    path = str(found["path"].iloc[0]) if len(found) else None
    source_text = None
    if path:
        file = path.rsplit(":", 1)[0] if re.search(r"\.jsonl:\d+$", path) else path
        full = file if file.startswith("/") else str(project_root() / file)
        try:
            for art in read_path(full, doc_id=None if file != path else item["doc_id"]):
                if not isinstance(art, CorpusError) and art.doc_id == item["doc_id"]:
                    raw = art.raw[int(item["raw_start"]):int(item["raw_end"])]
                    source_text = unicodedata.normalize("NFC", raw)
                    break
        except (OSError, CorpusError):
            source_text = None
    return {"doc_id": item["doc_id"], "path": path, "raw_start": item["raw_start"], "raw_end": item["raw_end"],
            "evidence": item["evidence"], "text_at_offsets": source_text, "matches": source_text == item["evidence"]}
