"""Corpora a hostile (or merely unlucky) user points vngov at: each test makes its own bad corpus.

The bar for every case: the run finishes, every good article lands, the bad
input is one named line in ``errors`` (or on stderr), and ids stay unique.
"""
from __future__ import annotations

import io
import json
import os
import time
import tomllib
import unicodedata
from pathlib import Path

import pytest

from vngov import atomic, corpus, store
from vngov.corpus import iter_corpus, scan
from vngov.encodings import decode_bytes
from vngov.export import write_jsonl
from vngov.extract import extract_corpus

GOOD = ("Sáng {d}/3, Ban Thường vụ Huyện ủy Can Lộc tổ chức hội nghị. Bí thư Huyện ủy Nguyễn Văn An chủ trì. "
        "Tổng thu ngân sách trên địa bàn đạt {n} tỷ đồng, đạt 105% kế hoạch.")
VIET = ("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15 đã thảo luận về tình hình kinh tế - xã hội năm 2023. "
        "Tổng giá trị sản xuất ước đạt 8.850,26 tỷ đồng, tăng 14,62% so với năm 2022; thu ngân sách vượt "
        "dự toán, người dân phấn khởi. Chủ tịch Ủy ban nhân dân huyện yêu cầu các xã tiếp tục nỗ lực.")


def _built(folder: Path, tmp_path: Path, **kw):
    out = tmp_path / "store"
    summary = store.build(folder, out=out, workers=1, **kw)
    return store.load(out), summary, out


def _line(doc_id: str, text: str, **extra) -> str:
    return json.dumps({"id": doc_id, "text": text, **extra}, ensure_ascii=False)


@pytest.fixture()
def folder(tmp_path) -> Path:
    f = tmp_path / "corpus"
    f.mkdir()
    return f


# --- JSON Lines -----------------------------------------------------------------------


def test_deeply_nested_json_line_is_one_error_and_the_others_land(folder, tmp_path):
    deep = "[" * 200_000 + "]" * 200_000
    (folder / "feed.jsonl").write_text("\n".join([_line("a", GOOD.format(d=1, n=10)), deep,
                                                  _line("b", GOOD.format(d=2, n=20))]) + "\n", encoding="utf-8")
    t, _, _ = _built(folder, tmp_path)
    assert sorted(t["articles"]["doc_id"]) == ["a", "b"]
    assert list(t["errors"]["message"]) == [f"{folder / 'feed.jsonl'}:2: JSON nested too deeply to read"]
    items = list(extract_corpus(folder, workers=1))
    assert [getattr(x, "doc_id", x) for x in items] == ["a", f"{folder / 'feed.jsonl'}:2: JSON nested too deeply to read", "b"]


def test_jsonl_fields_that_are_not_text_are_coerced_or_named(folder, tmp_path):
    lines = [_line("num", GOOD.format(d=1, n=10), title=123, published=20240105),
             _line("list", GOOD.format(d=2, n=20), title=["a", "b"]),
             json.dumps({"id": "t", "text": 42}),
             json.dumps({"id": 7, "text": GOOD.format(d=3, n=30), "url": None})]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    t, _, _ = _built(folder, tmp_path)  # the store is written: no ArrowTypeError
    arts = t["articles"].set_index("doc_id")
    assert sorted(arts.index) == ["7", "num"]
    assert arts.loc["num", "title"] == "123"
    assert arts.loc["num", "published"] == "2024"
    messages = sorted(t["errors"]["message"])
    assert messages[0].endswith(':2: field "title" is a list, not text')
    assert messages[1].endswith(':3: needs an object with a non-empty "text" (text is a int)')


def test_jsonl_is_split_on_newlines_only(folder, tmp_path):
    text = GOOD.format(d=1, n=10) + "\u2028Dòng hai\u0085 dòng ba\u2029 hết."
    lines = [_line("sep", text), "{not json", _line("after", GOOD.format(d=2, n=20))]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    t, _, _ = _built(folder, tmp_path)
    assert sorted(t["articles"]["doc_id"]) == ["after", "sep"]
    assert list(t["errors"]["message"])[0].startswith(f"{folder / 'feed.jsonl'}:2: not JSON")


# --- ids and duplicates ---------------------------------------------------------------


def test_doc_ids_are_unique_by_path_and_repeated_jsonl_ids_get_a_suffix(folder, tmp_path, capsys):
    for year, n in (("2019", 19), ("2024", 24)):
        (folder / year).mkdir()
        (folder / year / "article.txt").write_text(GOOD.format(d=1, n=n), encoding="utf-8")
    (folder / "top.txt").write_text(GOOD.format(d=2, n=2), encoding="utf-8")
    (folder / "feed.jsonl").write_text("\n".join([_line("x", GOOD.format(d=3, n=3)), _line("x", GOOD.format(d=4, n=4)),
                                                  _line("top", GOOD.format(d=5, n=5))]) + "\n", encoding="utf-8")
    t, _, out = _built(folder, tmp_path)
    ids = list(t["articles"]["doc_id"])
    assert sorted(ids) == ["2019/article", "2024/article", "top", "top#2", "x", "x#2"]
    assert len(set(ids)) == len(ids)
    # every table's rows follow their article's new id
    figs = t["figures"].groupby("doc_id")["value"].min().to_dict()  # the tỷ đồng figure of each article
    assert figs == {"2019/article": 19, "2024/article": 24, "x": 3, "x#2": 4, "top": 5, "top#2": 2}
    err = capsys.readouterr().err
    assert "id 'x' repeats an earlier line's; this article is 'x#2'" in err
    assert "doc_id 'top' is already used by" in err and "this article is 'top#2'" in err
    assert store.info(out)["renamed"] == 1  # across files; the in-file repeat is renamed by the reader


def test_top_level_doc_id_is_the_stem_and_a_sibling_of_the_same_stem_keeps_its_extension(folder):
    (folder / "a.txt").write_text("x", encoding="utf-8")
    (folder / "a.html").write_text("x", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "b.txt").write_text("x", encoding="utf-8")
    assert [(f.rel, f.doc_id) for f in scan(folder)] == [("a.html", "a"), ("a.txt", "a.txt"), ("sub/b.txt", "sub/b")]


def test_the_same_article_under_two_names_is_kept_once_and_reported(folder, tmp_path, capsys):
    (folder / "a.txt").write_text(GOOD.format(d=1, n=10), encoding="utf-8")
    (folder / "copy of a.txt").write_text(GOOD.format(d=1, n=10), encoding="utf-8")
    (folder / "feed.jsonl").write_text(_line("j", GOOD.format(d=1, n=10)) + "\n", encoding="utf-8")
    (folder / "b.txt").write_text(GOOD.format(d=2, n=20), encoding="utf-8")
    t, summary, out = _built(folder, tmp_path)
    assert sorted(t["articles"]["doc_id"]) == ["a", "b"]
    assert sorted(t["figures"]["doc_id"].unique()) == ["a", "b"]
    dup = [m for m in t["errors"]["message"] if "duplicate" in m]
    assert len(dup) == 2 and all("the same text as 'a'" in m for m in dup)
    assert store.info(out)["duplicates"] == 2 and "2 duplicate texts kept once" in summary
    assert [x.doc_id for x in extract_corpus(folder, workers=1) if not isinstance(x, str)] == ["a", "b"]
    assert "duplicate" in capsys.readouterr().err


# --- sizes ---------------------------------------------------------------------------------


def test_a_two_megabyte_one_line_file_is_extracted_in_seconds(folder, tmp_path):
    # every sentence different (the numbers vary), so nothing is dropped as a repeated caption
    n = 2_000_000 // len(VIET.encode("utf-8")) + 50
    one_line = " ".join(VIET.replace("8.850,26", f"{8000 + i}").replace("15", str(i)) for i in range(n))
    assert len(one_line.encode("utf-8")) >= 2_000_000
    (folder / "huge.txt").write_text(one_line, encoding="utf-8")
    (folder / "ok.txt").write_text(GOOD.format(d=1, n=10), encoding="utf-8")
    start = time.process_time()  # CPU time: other jobs on a shared machine do not count against it
    items = list(iter_corpus(folder))
    from vngov.extract import extract_article
    for a in items:
        extract_article(a)
    assert time.process_time() - start < 20
    huge = next(a for a in items if a.doc_id == "huge")
    assert max(len(p) for p in huge.body.split("\n\n")) <= corpus.MAX_PARAGRAPH
    assert len(huge.body) > 0.99 * len(one_line)  # cut, not dropped


def test_cutting_long_paragraphs_keeps_every_character_and_offset():
    import random

    rnd = random.Random(9)
    run = "".join(rnd.choice("abcdefgh") for _ in range(9000))  # no space to cut at: cut at the limit
    raw = "".join(f"Câu số {i} dài. " for i in range(700)) + "x" + run
    a = corpus.parse_text("d", raw, "d")
    paragraphs = a.body.split("\n\n")
    assert len(paragraphs) > 3 and max(map(len, paragraphs)) <= corpus.MAX_PARAGRAPH
    assert "".join(paragraphs).replace(" ", "") == raw.replace(" ", "")
    start = a.body.index("x")
    assert a.span(start, start + 20).raw_text == "x" + run[:19]
    end = a.body.rindex(run[-30:])
    assert a.span(end, end + 30).raw_text == run[-30:]


def test_an_article_over_the_size_limit_is_refused_by_name(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(corpus, "MAX_ARTICLE_BYTES", 1000)
    (folder / "big.txt").write_text("a" * 2000, encoding="utf-8")
    (folder / "ok.txt").write_text(GOOD.format(d=1, n=10), encoding="utf-8")
    t, _, _ = _built(folder, tmp_path)
    assert list(t["articles"]["doc_id"]) == ["ok"]
    assert "over the 0 MB limit for one article" in t["errors"]["message"].iloc[0]


# --- encodings -------------------------------------------------------------------------


def _legacy_tables() -> dict:
    with (Path(corpus.__file__).parent / "lexicon" / "legacy_encodings.toml").open("rb") as fh:
        return tomllib.load(fh)


def _encode_bytes(text: str, table: dict[str, str]) -> bytes:
    """Unicode to an 8-bit legacy encoding by inverting the data table (Latin-1 for the rest)."""
    reverse = {ch: int(b, 16) for b, ch in sorted(table.items(), reverse=True)}
    return bytes(reverse.get(ch, ord(ch)) if ord(ch) > 127 or ch in reverse else ord(ch) for ch in text)


def _encode_vni(text: str) -> str:
    reverse = {}
    for seq, ch in _legacy_tables()["vni"].items():
        reverse.setdefault(ch, seq)
    return "".join(reverse.get(ch, ch) for ch in text)


def _encode_cp1258(text: str) -> bytes:
    """Windows-1258 keeps tone marks as separate combining characters."""
    out = []
    for ch in unicodedata.normalize("NFD", text):
        out.append(ch)
    composed = unicodedata.normalize("NFC", "".join(c for c in out))
    parts = []
    for ch in composed:
        d = unicodedata.normalize("NFD", ch)
        tones = [c for c in d if c in "\u0300\u0301\u0303\u0309\u0323"]
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
        parts.append(base + "".join(tones))
    return "".join(parts).encode("cp1258")


@pytest.mark.parametrize("name", ["VISCII", "TCVN3", "Windows-1258", "VNI"])
def test_legacy_vietnamese_bytes_are_converted(name):
    tables = _legacy_tables()
    data = {"VISCII": lambda: _encode_bytes(VIET, tables["viscii"]),
            "TCVN3": lambda: _encode_bytes(VIET.lower(), tables["tcvn3"]),
            "Windows-1258": lambda: _encode_cp1258(VIET),
            "VNI": lambda: _encode_vni(VIET).encode("cp1252")}[name]()
    expected = VIET.lower() if name == "TCVN3" else VIET
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_bytes(data) == expected


@pytest.mark.parametrize("name", ["TCVN3", "VNI"])
def test_legacy_font_text_saved_as_utf8_is_converted(name, folder, tmp_path):
    if name == "TCVN3":
        garbled = _encode_bytes(VIET.lower(), _legacy_tables()["tcvn3"]).decode("cp1252", errors="replace")
    else:
        garbled = _encode_vni(VIET)
    assert decode_bytes(garbled.encode("utf-8")) == (VIET.lower() if name == "TCVN3" else VIET)
    (folder / "font.txt").write_text(garbled, encoding="utf-8")
    t, _, _ = _built(folder, tmp_path)
    assert "ngân sách" in t["figures"]["evidence"].iloc[0].lower() or len(t["figures"])


def test_text_in_no_known_encoding_is_one_named_error(folder, tmp_path):
    (folder / "latin.txt").write_bytes(("Ça coûte très cher, déjà évalué à côté. " * 5).encode("latin-1"))
    (folder / "ok.txt").write_text(GOOD.format(d=1, n=10), encoding="utf-8")
    t, _, _ = _built(folder, tmp_path)
    assert list(t["articles"]["doc_id"]) == ["ok"]
    assert "not UTF-8" in t["errors"]["message"].iloc[0] and "latin.txt" in t["errors"]["message"].iloc[0]


def test_ordinary_utf8_in_other_scripts_is_left_alone():
    text = "Hội nghị với đoàn Trung Quốc 中华人民共和国 và Nga Российская Федерация hôm nay."
    assert decode_bytes(text.encode("utf-8")) == text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_read(codec, folder, tmp_path):
    data = GOOD.format(d=1, n=10).encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    (folder / "wide.txt").write_bytes(data)
    t, _, _ = _built(folder, tmp_path)
    assert list(t["articles"]["doc_id"]) == ["wide"] and len(t["errors"]) == 0
    assert t["figures"]["value"].iloc[0] == 10


# --- links, debris, permissions ------------------------------------------------------------------


def test_links_out_of_the_corpus_are_not_followed(folder, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(GOOD.format(d=9, n=99), encoding="utf-8")
    (folder / "ok.txt").write_text(GOOD.format(d=1, n=10), encoding="utf-8")
    (folder / "inner.txt").symlink_to(folder / "ok.txt")          # inside: read (and then kept once)
    (folder / "leak.txt").symlink_to(outside / "secret.txt")
    (folder / "leakdir").symlink_to(outside, target_is_directory=True)
    t, _, _ = _built(folder, tmp_path)
    assert list(t["articles"]["doc_id"]) == ["inner"] or list(t["articles"]["doc_id"]) == ["ok"]
    assert 99 not in set(t["figures"]["value"])
    leaks = [m for m in t["errors"]["message"] if "outside the corpus: not followed" in m]
    assert len(leaks) >= 1 and all("secret.txt" in m for m in leaks)


def test_a_crashed_first_build_does_not_block_the_next(folder, tmp_path, monkeypatch):
    (folder / "a.txt").write_text(GOOD.format(d=1, n=10), encoding="utf-8")
    out = tmp_path / "store"

    def boom(_folder):
        raise RuntimeError("killed")

    with monkeypatch.context() as m:
        m.setattr(store, "_content_hash", boom)
        with pytest.raises(RuntimeError):
            store.build(folder, out=out, workers=1)
    assert (out / "cache").is_dir() and not (out / "store.json").exists()  # what a killed first build leaves
    (out / "cache" / "stray.tmp").write_bytes(b"half")
    store.build(folder, out=out, workers=1)
    assert list(store.load(out)["articles"]["doc_id"]) == ["a"]
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.docx").write_bytes(b"precious")
    with pytest.raises(store.StoreError, match="not a vngov store"):
        store.build(folder, out=mine, workers=1)


def _age(path: Path, seconds: float = 60) -> None:
    old = time.time() - seconds
    os.utime(path, (old, old), follow_symlinks=False)


def test_debris_of_killed_runs_is_swept_but_a_live_runs_is_not(folder, tmp_path):
    (folder / "a.txt").write_text(GOOD.format(d=1, n=10), encoding="utf-8")
    out = tmp_path / "store"
    dead = [tmp_path / ".store.building-dead", tmp_path / ".store.old-dead"]
    for d in dead:
        d.mkdir()
        (d / "articles").mkdir()
        _age(d)
    live_lock, live = atomic.temp_dir(out, "building")
    _age(live)
    try:
        store.build(folder, out=out, workers=1)
        assert not any(d.exists() for d in dead)
        assert live.exists()
    finally:
        atomic.release(live_lock)
    store.build(folder, out=out, workers=1)
    assert not live.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []

    export = tmp_path / "out.jsonl"
    stale = tmp_path / ".out.jsonl.abc123.tmp"
    stale.write_text("half", encoding="utf-8")
    _age(stale)
    write_jsonl([], export)
    assert not stale.exists() and export.exists()


def test_exports_and_store_files_are_world_readable(folder, tmp_path):
    (folder / "a.txt").write_text(GOOD.format(d=1, n=10), encoding="utf-8")
    old = os.umask(0o022)
    try:
        export = tmp_path / "x.jsonl"
        write_jsonl([x for x in extract_corpus(folder, workers=1) if not isinstance(x, str)], export)
        out = tmp_path / "store"
        store.build(folder, out=out, workers=1)
    finally:
        os.umask(old)
    assert export.stat().st_mode & 0o777 == 0o644
    assert out.stat().st_mode & 0o777 == 0o755
    for p in out.rglob("*"):
        assert p.stat().st_mode & 0o777 == (0o755 if p.is_dir() else 0o644), p


def _lock_holders(paths: list[Path]) -> list[str]:
    """Which processes hold these folders' lock files open (for a failure message)."""
    out = []
    locks = {str(p / atomic.LOCK) for p in paths}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            for fd in (proc / "fd").iterdir():
                if os.readlink(fd) in locks:
                    out.append(f"{proc.name}: {(proc / 'cmdline').read_bytes()[:200]!r}")
        except OSError:
            pass
    return out


def test_a_killed_build_leaves_no_orphaned_workers_and_does_not_block(folder, tmp_path):
    import signal
    import subprocess
    import sys

    for i in range(300):
        (folder / f"a{i:03d}.txt").write_text((VIET + " " + GOOD.format(d=i % 28 + 1, n=i) + "\n") * 30,
                                              encoding="utf-8")
    out = tmp_path / "store"
    cmd = [sys.executable, "-m", "vngov.cli", "build", str(folder), "--out", str(out), "--workers", "2", "--quiet"]
    proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and not list(tmp_path.glob(".store.building-*/*")):
        time.sleep(0.05)
    time.sleep(1.0)
    assert proc.poll() is None, "the build finished before it could be killed; make the corpus larger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    def ours() -> list[int]:
        pids = []
        for p in Path("/proc").iterdir():
            if p.name.isdigit():
                try:
                    if str(folder).encode() in (p / "cmdline").read_bytes():
                        pids.append(int(p.name))
                except OSError:
                    pass
        return pids

    left = list(tmp_path.glob(".store.building-*"))
    assert left  # the killed build's debris is there...
    deadline = time.time() + 10
    # a process is gone once it holds no file either (its command line empties a moment before)
    while (ours() or _lock_holders(left)) and time.time() < deadline:
        time.sleep(0.2)
    assert ours() == [] and _lock_holders(left) == [], "worker processes outlived the killed build"
    store.build(folder, out=out, workers=1)          # ...and neither blocks nor survives the next build
    assert not list(tmp_path.glob(".store.*"))
    assert len(store.load(out)["articles"]) == 300


# --- charts -------------------------------------------------------------------------------------


def test_dollar_signs_in_chart_labels_are_drawn_literally():
    import matplotlib

    matplotlib.use("Agg")
    import pandas as pd

    from vngov import charts

    bad = r"thu $\frac{1}{$ ngân sách"
    fig = charts.bar_chart(pd.DataFrame({"metric": [bad, "b"], "n": [1, 2]}), "metric", "n", bad, ylabel=bad)
    fig.savefig(io.BytesIO(), format="png")
    table = pd.DataFrame({"metric": [bad, bad], "unit": ["$x$", "$x$"], "year": ["2022", "$2023"],
                          "value": [1.0, 2.0], "part_year": [False, False]})
    fig = charts.indicator_bars(table, "year", bad)
    fig.savefig(io.BytesIO(), format="png")
    assert fig.axes[0].get_title().count("$") == bad.count("$")


def test_evidence_of_an_article_in_a_sub_folder_checks_out(folder, tmp_path):

    (folder / "2019").mkdir()
    (folder / "2019" / "article.txt").write_text(GOOD.format(d=1, n=19), encoding="utf-8")
    (folder / "article.txt").write_text(GOOD.format(d=2, n=20), encoding="utf-8")
    t, _, _ = _built(folder, tmp_path)
    rows = t["figures"].index[t["figures"]["doc_id"] == "2019/article"]
    assert len(rows) and all(store.check_evidence(t, "figures", r)["matches"] for r in rows)
