"""How a report page shows a table: Vietnamese headers, article titles linked, long tables folded.

The notebooks' tables come from :mod:`vngov.analysis` as frames of strings
(:func:`vngov.analysis.present`).  This module turns one into the HTML a
provincial reader gets: column names in Vietnamese, each ``article``/``link`` pair
as the article's title linked to its URL (else to its file in the repository),
and any table longer than a screen folded under a one-line summary.  The HTML is
a pure function of the frame, so the executed notebooks stay byte-stable for nbval.
"""
from __future__ import annotations

import html
import os
import re
from typing import Any

import pandas as pd

from vngov.analysis import present
from vngov.paths import project_relative

#: Rows shown open; a longer table is folded (``<details>``) so the page stays readable.
COLLAPSE_AFTER = 12

#: From the report folder (``reports/<corpus>/<kind>/``) back to the project root, where
#: an article's file path starts; ``vngov reports`` sets it for another ``--out``.
LINK_BASE_ENV = "VNGOV_LINK_BASE"
_DEFAULT_LINK_BASE = "../../../"

HEADERS = {
    "what": "nội dung", "count": "số lượng", "date": "ngày", "part_of_day": "buổi", "kind": "loại",
    "subkind": "loại con", "chair": "chủ trì", "host": "cơ quan tổ chức", "counterpart": "làm việc với",
    "locality": "địa phương", "name": "họ tên", "role": "chức vụ", "office": "chức vụ (chuẩn hóa)", "doc_ids": "mã các bài", "n_articles": "số bài",
    "first_seen": "lần đầu", "last_seen": "lần cuối", "metric": "chỉ tiêu", "indicator": "chỉ tiêu",
    "value_written": "số liệu (như bài viết)", "value": "giá trị", "unit": "đơn vị", "status": "tình trạng",
    "period": "kỳ", "baseline": "so với", "evidence": "trích dẫn", "year": "năm", "label": "nhãn",
    "n_reports": "số lần báo cáo", "part_year": "một phần năm", "published": "ngày đăng", "source": "nguồn",
    "article": "bài báo", "target_period": "kỳ chỉ tiêu", "target_value": "mức chỉ tiêu", "result_period": "kỳ kết quả",
    "result_value": "kết quả", "achieved_pct": "đạt (%)", "progress_period": "kỳ tiến độ",
    "progress_value": "tiến độ", "progress_pct": "tiến độ (%)", "target_article": "bài đặt chỉ tiêu",
    "result_article": "bài báo kết quả", "progress_article": "bài báo tiến độ", "speaker": "người nói",
    "text": "lời nói", "verb": "động từ", "clause": "nội dung chỉ đạo", "directives": "số chỉ đạo",
    "themes": "chủ đề (số chỉ đạo)", "meetings": "số cuộc họp", "n_meetings": "số cuộc họp",
    "n_figures": "số liệu", "n_items": "tổng", "code": "mã đơn vị", "province": "tỉnh",
    "unit_2025": "đơn vị sau sắp xếp 2025", "latitude": "vĩ độ", "longitude": "kinh độ", "figures": "số liệu",
    "doc_id": "mã bài",
}

STATUS = {"actual": "thực hiện", "estimate": "ước tính", "target": "chỉ tiêu", "reached": "đạt",
          "missed": "không đạt", "in progress": "đang thực hiện", "not yet reported": "chưa có kết quả"}


def href(link: Any) -> str | None:
    """Where an article link points: its URL, else its file relative to this page."""
    if link is None or (isinstance(link, float) and pd.isna(link)) or not str(link).strip():
        return None
    text = str(link)
    if text.startswith(("http://", "https://")):
        return text
    file = re.sub(r"\.jsonl:\d+$", ".jsonl", text)  # one line of a JSON Lines file: link the file
    return os.environ.get(LINK_BASE_ENV, _DEFAULT_LINK_BASE) + project_relative(file)


def table(frame: pd.DataFrame, collapse_after: int = COLLAPSE_AFTER, what: str = "dòng"):
    """The frame as an HTML table for a report page (an ``IPython.display.HTML``)."""
    from IPython.display import HTML

    return HTML(table_html(frame, collapse_after, what))


def table_html(frame: pd.DataFrame, collapse_after: int = COLLAPSE_AFTER, what: str = "dòng") -> str:
    """The HTML of :func:`table`: headers translated, article links, folded when long."""
    shown = frame if all(frame[c].map(lambda v: isinstance(v, str)).all() for c in frame.columns) else present(frame)
    if "status" in shown:
        shown = shown.assign(status=shown["status"].map(lambda s: STATUS.get(s, s)))
    cols = [c for c in shown.columns if not c.endswith("link")]
    head = "".join(f"<th>{html.escape(HEADERS.get(c, c))}</th>" for c in cols)
    body = "".join("<tr>" + "".join(f"<td>{_cell(shown, i, c)}</td>" for c in cols) + "</tr>"
                   for i in range(len(shown)))
    if not len(shown):
        body = f'<tr><td colspan="{max(len(cols), 1)}"><em>không có</em></td></tr>'
    out = f'<table class="vngov"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    if len(shown) > collapse_after:
        return f"<details><summary>Bảng {len(shown)} {html.escape(what)} — bấm để mở</summary>{out}</details>"
    return out


def _cell(frame: pd.DataFrame, i: int, col: str) -> str:
    value = frame[col].iloc[i]
    text = html.escape("" if value is None else str(value))
    link_col = "link" if col == "article" else (col[: -len("article")] + "link" if col.endswith("_article") else None)
    if link_col and link_col in frame:
        target = href(frame[link_col].iloc[i])
        if target and text:
            return f'<a href="{html.escape(target, quote=True)}">{text}</a>'
    return text


def contents(sections: list[str]):
    """A contents list for the top of a page: links to the page's ``##`` headings (nbconvert
    gives each heading an id made of its text with spaces as ``-``)."""
    from IPython.display import HTML

    items = "".join(f'<li><a href="#{html.escape(s.replace(" ", "-"), quote=True)}">{html.escape(s)}</a></li>'
                    for s in sections)
    return HTML(f'<nav><strong>Mục lục</strong><ol>{items}</ol></nav>')


def back_to_index():
    """The link from a report back to the index page of its corpus."""
    from IPython.display import HTML

    return HTML('<p><a href="../index.html">← Danh mục báo cáo</a></p>')
