"""vngov.export and `vngov extract`: exactly the SCHEMA.md format, written atomically."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from vngov.export import record, write_jsonl
from vngov.models import Extraction, Figure, Meeting, Person, Role, Span

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "eval" / "dev" / "corpus"

KINDS = {"value", "ratio", "change", "fraction"}
STATUS = {"actual", "estimate", "target"}
PARTS = {None, "sáng", "trưa", "chiều", "tối"}
PERIOD = re.compile(r"^\d{4}(-\d{2})?(-\d{2})?(/\d{4}(-\d{2})?(-\d{2})?)?$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_record(d: dict) -> list[str]:
    """Every way a line can break SCHEMA.md; empty when it is right."""
    bad = []
    if set(d) != {"doc_id", "published", "meetings", "people", "figures"}:
        bad.append(f"top-level fields {sorted(d)}")
    if not isinstance(d.get("doc_id"), str):
        bad.append("doc_id")
    if d.get("published") is not None and not DATE.match(d["published"]):
        bad.append(f"published {d['published']!r}")
    for m in d.get("meetings", []):
        if set(m) != {"date", "part_of_day", "locality", "kind", "chair"}:
            bad.append(f"meeting fields {sorted(m)}")
        if m.get("date") is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", m["date"]):
            bad.append(f"meeting date {m['date']!r}")
        if m.get("part_of_day") not in PARTS:
            bad.append(f"part_of_day {m.get('part_of_day')!r}")
        if not isinstance(m.get("chair"), list) or not all(isinstance(c, str) for c in m["chair"]):
            bad.append("chair")
    for p in d.get("people", []):
        if set(p) != {"name", "roles"} or not isinstance(p["name"], str) or not isinstance(p["roles"], list):
            bad.append(f"person {p}")
    for f in d.get("figures", []):
        fields = {"value", "unit", "kind", "metric", "period", "status", "baseline", "denominator", "evidence"}
        if set(f) - {"upper"} != fields:
            bad.append(f"figure fields {sorted(f)}")
        if "upper" in f and not (isinstance(f["upper"], (int, float)) and f["upper"] > f["value"]):
            bad.append(f"range upper {f['upper']!r} not above value {f['value']!r}")
        if not isinstance(f.get("value"), (int, float)) or isinstance(f.get("value"), bool):
            bad.append(f"value {f.get('value')!r}")
        if f.get("kind") not in KINDS or f.get("status") not in STATUS:
            bad.append(f"kind/status {f.get('kind')}/{f.get('status')}")
        if f.get("period") is not None and not PERIOD.match(f["period"]):
            bad.append(f"period {f['period']!r}")
        if not isinstance(f.get("unit"), str) or not isinstance(f.get("evidence"), str) or not f["evidence"]:
            bad.append("unit/evidence")
        if (f.get("kind") == "fraction") != (f.get("denominator") is not None):
            bad.append(f"denominator {f.get('denominator')!r} with kind {f.get('kind')}")
    return bad


@pytest.fixture
def extraction() -> Extraction:
    ev = Span("d1", 0, 38, "tổng thu ngân sách đạt 190,881 tỷ đồng", 0, 38)
    fig = Figure(value=190.881, unit="tỷ đồng", kind="value", status="actual", evidence=ev,
                 metric="tổng thu ngân sách", period="2019-01/2019-10")
    frac = Figure(value=54.0, unit="tiêu chuẩn", kind="fraction", status="actual", evidence=ev, denominator=59.0)
    person = Person("Lê Đình Sơn", (Role("Bí thư Tỉnh ủy"),))
    meeting = Meeting(evidence=ev, date="2019-10-31", part_of_day="sáng", kind="làm việc",
                      locality="thị xã Kỳ Anh", chair=("Lê Đình Sơn",))
    return Extraction("d1", published="2019-10", meetings=(meeting,), people=(person,), figures=(fig, frac))


def test_record_has_exactly_the_schema_fields(extraction):
    d = record(extraction)
    assert check_record(d) == []
    assert d["figures"][1]["value"] == 54 and isinstance(d["figures"][1]["value"], int)
    assert d["people"] == [{"name": "Lê Đình Sơn", "roles": ["Bí thư Tỉnh ủy"]}]


def test_the_checker_catches_a_broken_record(extraction):
    d = record(extraction)
    d["figures"][0]["kind"] = "amount"
    d["meetings"][0]["date"] = "31/10/2019"
    assert len(check_record(d)) == 2


def test_write_is_atomic_a_failure_leaves_the_old_file(tmp_path, extraction):
    out = tmp_path / "x.jsonl"
    write_jsonl([extraction], out)
    before = out.read_text(encoding="utf-8")

    def broken():
        yield extraction
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_jsonl(broken(), out)
    assert out.read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir()] == ["x.jsonl"]


def _vngov(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vngov.cli", *args], capture_output=True, text=True, timeout=300)


def test_cli_exports_good_articles_and_names_bad_files(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(" date 2023-07 Kỳ họp HĐND huyện\n\nSáng 18-7, HĐND huyện Hà Trung khai mạc kỳ họp. "
                                  "Giá trị xuất khẩu đạt hơn 80,3 triệu USD, tăng 2,8% so với cùng kỳ.", encoding="utf-8")
    (corpus / "b.txt").write_text("Tiêu đề\n\nNgày 1/6/2022, UBND huyện Vĩnh Linh họp phiên thường kỳ.", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    out = tmp_path / "out.jsonl"
    r = _vngov("extract", str(corpus), "--jsonl", str(out))
    assert r.returncode == 0, r.stderr
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(d["doc_id"] for d in lines) == ["a", "b"]
    errors = [x for x in r.stderr.splitlines() if x.startswith("error:")]
    assert len(errors) == 2
    assert any("empty.txt" in e for e in errors) and any("photo.txt" in e for e in errors)
    assert all(check_record(d) == [] for d in lines)


@pytest.mark.skipif(not DEV.is_dir(), reason="needs ../shared/eval/dev/corpus beside the repo")
def test_dev_corpus_exports_every_article_in_the_schema(tmp_path):
    out = tmp_path / "dev.jsonl"
    r = _vngov("extract", str(DEV), "--jsonl", str(out))
    assert r.returncode == 0, r.stderr
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(d["doc_id"] for d in lines) == sorted(p.stem for p in DEV.glob("*.txt"))
    problems = {d["doc_id"]: check_record(d) for d in lines if check_record(d)}
    assert problems == {}


def test_build_of_a_missing_folder_is_one_clear_error_line(tmp_path):
    r = _vngov("build", str(tmp_path / "nowhere"), "--out", str(tmp_path / "store"), "--quiet")
    assert r.returncode == 1
    assert r.stderr.startswith("error:") and "nowhere" in r.stderr and "Traceback" not in r.stderr
