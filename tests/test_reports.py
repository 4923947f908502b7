"""Report planning, execution with papermill, HTML export, manifest skipping, index page."""
from __future__ import annotations

import json
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from vngov import reports, store

from conftest import TOY_TEXTS, toy_extractions
from vngov import tables as T


@pytest.fixture()
def toy_store(tmp_path, monkeypatch) -> tuple[Path, Path]:
    """A corpus folder of the toy articles and its store, with the toy extractions as rows."""
    corpus = tmp_path / "toy"
    corpus.mkdir()
    for doc_id, text in TOY_TEXTS.items():
        (corpus / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    rows = {x.doc_id: T.article_rows(art, x) for art, x in toy_extractions()}
    monkeypatch.setattr(store, "parse_file", lambda path: rows[Path(path).stem])
    out = tmp_path / "store"
    store.build(corpus, out=out, workers=1)
    return corpus, out


def test_plan_has_one_report_per_locality_and_year(toy_tables, tmp_path):
    jobs = reports.plan(toy_tables, tmp_path)
    assert [(j.kind, j.name, j.output.relative_to(tmp_path).as_posix()) for j in jobs] == [
        ("locality", "huyện Can Lộc", "locality/huyen-can-loc.ipynb"),
        ("locality", "thị xã Kỳ Anh", "locality/thi-xa-ky-anh.ipynb"),
        ("period", "2022", "period/2022.ipynb"), ("period", "2023", "period/2023.ipynb"),
        ("period", "2022/2023", "period/2022-2023.ipynb")]
    assert jobs[0].parameters == {"locality": "huyện Can Lộc"}  # no store path: the kernel reads VNGOV_STORE
    assert all(j.notebook.is_file() for j in jobs)


def test_names_differing_only_in_diacritics_get_distinct_files():
    used: set[str] = set()
    assert [reports._unique(n, used) for n in ("xa-an-phu", "xa-an-phu", "xa-an-phu")] == [
        "xa-an-phu", "xa-an-phu-2", "xa-an-phu-3"]


def test_job_key_changes_with_each_input(toy_tables, tmp_path):
    job = reports.plan(toy_tables, tmp_path)[0]
    base = reports.job_key(job, "store1", "code1")
    assert base == reports.job_key(job, "store1", "code1")
    assert base != reports.job_key(job, "store2", "code1")
    assert base != reports.job_key(job, "store1", "code2")
    other = reports.Job(job.kind, job.name, job.notebook, job.output, {"locality": "xã Khác"})
    assert base != reports.job_key(other, "store1", "code1")


def test_clean_drops_timings_and_paths_but_keeps_outputs():
    nb = nbformat.v4.new_notebook(metadata={"papermill": {"start_time": "t", "end_time": "t", "duration": 1.0,
                                                          "input_path": "/abs/in.ipynb", "parameters": {"a": 1}}})
    cell = nbformat.v4.new_code_cell("1+1", metadata={"execution": {"iopub.status.busy": "t"},
                                                       "papermill": {"duration": 0.1, "status": "completed"}})
    cell.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "2"}, execution_count=1)]
    nb.cells = [cell]
    cleaned = reports.clean(nb)
    assert cleaned.metadata.papermill == {"parameters": {"a": 1}}
    assert "execution" not in cleaned.cells[0].metadata
    assert cleaned.cells[0].metadata.papermill == {"status": "completed"}
    assert cleaned.cells[0].outputs[0]["data"]["text/plain"] == "2"


def test_clean_gives_the_injected_parameters_cell_a_fixed_id():
    """papermill draws a random cell id per run; a fixed one keeps re-executed baselines byte-identical."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["injected-parameters"]}),
                nbformat.v4.new_code_cell("y = 2")]
    other_id = nb.cells[1]["id"]
    cleaned = reports.clean(nb)
    assert cleaned.cells[0]["id"] == "injected-parameters"
    assert cleaned.cells[1]["id"] == other_id


def _texts(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            parts.extend(v for k, v in out.get("data", {}).items() if k.startswith("text/"))
    return "\n".join(parts)


def test_run_reports_executes_exports_indexes_and_then_skips(toy_store, tmp_path, monkeypatch):
    corpus, store_dir = toy_store
    monkeypatch.setattr(store, "fingerprint", lambda: "code-under-test")  # others may edit src/ meanwhile
    monkeypatch.setattr(reports, "code_fingerprint", lambda nb=None: "code-under-test")
    out = tmp_path / "reports"
    assert reports.run_reports(corpus, store_dir=store_dir, out=out) == []
    notebooks = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.ipynb"))
    assert notebooks == ["locality/huyen-can-loc.ipynb", "locality/thi-xa-ky-anh.ipynb",
                         "period/2022-2023.ipynb", "period/2022.ipynb", "period/2023.ipynb"]
    kyanh = nbformat.read(out / "locality" / "thi-xa-ky-anh.ipynb", as_version=4)
    text = _texts(kyanh)
    assert "đạt 107,5% kế hoạch" in text and "toy-b" in text  # a figure with its evidence and article
    assert "Nguyễn Văn An" in text and "làm việc" in text       # people, meetings
    assert str(tmp_path) not in nbformat.writes(kyanh)          # no machine paths in the baseline
    html = (out / "locality" / "thi-xa-ky-anh.html").read_text(encoding="utf-8")
    assert "data:image/png;base64" in html and "select_locality" not in html  # chart embedded, code hidden
    assert 'href="../index.html"' in html and '<html lang="vi">' in html     # back to the index
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{p[:-6]}.html"' in index for p in notebooks)

    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.ipynb")}
    assert reports.run_reports(corpus, store_dir=store_dir, out=out) == []
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.ipynb")} == stamps  # unchanged inputs: skipped
    assert json.loads((out / "manifest.json").read_text()).keys() == set(notebooks) | {"_inputs"}


def test_an_unchanged_store_and_code_answer_without_planning(toy_store, tmp_path, monkeypatch):
    corpus, store_dir = toy_store
    out = tmp_path / "reports"
    monkeypatch.setattr(reports, "_execute_all", lambda jobs, *a: iter([(j, None) for j in jobs]))
    for job in reports.plan(store.load(store_dir), out):  # pages as a previous run left them
        job.output.parent.mkdir(parents=True, exist_ok=True)
        job.output.write_text("{}")
        job.html.write_text("")
    assert reports.run_reports(corpus, store_dir=store_dir, out=out) == []
    monkeypatch.setattr(reports, "plan", lambda *a: pytest.fail("planned although nothing changed"))
    assert reports.run_reports(corpus, store_dir=store_dir, out=out) == []
    (out / "period" / "2023.html").unlink()  # a page gone: the fast answer no longer holds
    with pytest.raises(pytest.fail.Exception):
        reports.run_reports(corpus, store_dir=store_dir, out=out)


def test_reports_of_places_gone_from_the_store_are_removed(toy_store, tmp_path, monkeypatch):
    corpus, store_dir = toy_store
    out = tmp_path / "reports"
    stale = out / "locality" / "xa-da-bo.ipynb"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}")
    stale.with_suffix(".html").write_text("")
    monkeypatch.setattr(reports, "_execute_all", lambda jobs, *a: iter([(j, None) for j in jobs]))
    reports.run_reports(corpus, store_dir=store_dir, out=out)
    assert not stale.exists() and not stale.with_suffix(".html").exists()


def test_a_failing_report_is_listed_and_the_others_still_run(toy_store, tmp_path):
    _, store_dir = toy_store
    nb = reports.notebooks_dir() / "locality_report.ipynb"
    good = reports.Job("locality", "thị xã Kỳ Anh", nb, tmp_path / "good.ipynb", {"locality": "thị xã Kỳ Anh"})
    bad = reports.Job("locality", "thị xã Kỳ Anh", nb, tmp_path / "bad.ipynb",
                      {"locality": "thị xã Kỳ Anh", "start": "last spring"})
    results = {job.output.name: err for job, err in reports._execute_all([bad, good], store_dir, 2, False)}
    assert results["good.ipynb"] is None and (tmp_path / "good.html").is_file()
    assert "last spring" in results["bad.ipynb"] and "cell 3: `from IPython" in results["bad.ipynb"]  # names the cell
    assert (tmp_path / "bad.failed.ipynb").is_file()  # kept, with its traceback, to read why
    assert not (tmp_path / "bad.ipynb").exists() and not (tmp_path / "bad.html").exists()


def test_a_failed_rerun_keeps_the_previous_good_page(toy_store, tmp_path):
    _, store_dir = toy_store
    nb = reports.notebooks_dir() / "locality_report.ipynb"
    job = reports.Job("locality", "thị xã Kỳ Anh", nb, tmp_path / "r.ipynb", {"locality": "thị xã Kỳ Anh"})
    assert reports.execute(job, str(store_dir)) is None
    good = (tmp_path / "r.html").read_bytes()
    broken = reports.Job(job.kind, job.name, nb, job.output, {"locality": "xã Không Có"})
    error = reports.execute(broken, str(store_dir))
    assert "ParameterError" in error and "closest" in error
    assert (tmp_path / "r.html").read_bytes() == good and (tmp_path / "r.failed.ipynb").is_file()


def test_report_key_follows_the_slice_of_the_store_it_shows(toy_tables, tmp_path):
    jobs = {j.name: j for j in reports.plan(toy_tables, tmp_path)}
    canloc, kyanh = jobs["huyện Can Lộc"], jobs["thị xã Kỳ Anh"]
    before = {n: reports.slice_hash(toy_tables, j) for n, j in (("c", canloc), ("k", kyanh))}
    figures = toy_tables["figures"].copy()
    figures.loc[figures["locality"] == "thị xã Kỳ Anh", "value_text"] = "701"
    changed = {**toy_tables, "figures": figures}
    assert reports.slice_hash(changed, canloc) == before["c"]   # another place's number: same page
    assert reports.slice_hash(changed, kyanh) != before["k"]


def test_report_code_key_covers_the_modules_and_lexicons_a_notebook_reads():
    from vngov import deps

    files = deps.modules_reached(deps.notebook_roots(reports.notebooks_dir() / "locality_report.ipynb"))
    names = {p.name for p in files} | {p.name for p in deps.lexicons_read(files)}
    assert {"analysis.py", "charts.py", "display.py", "themes.py", "indicators.py", "units.toml", "indicators.toml",
            "themes.toml"} <= names


def test_explore_notebook_runs_against_the_sample_store(sample_store, tmp_path, monkeypatch):
    import papermill as pm

    monkeypatch.setenv("VNGOV_STORE", str(sample_store))
    monkeypatch.delenv("MPLBACKEND", raising=False)
    nb = reports.notebooks_dir() / "explore.ipynb"
    pm.execute_notebook(str(nb), str(tmp_path / "explore.ipynb"), kernel_name=reports.KERNEL,
                        progress_bar=False, cwd=str(nb.parent))
    text = _texts(nbformat.read(tmp_path / "explore.ipynb", as_version=4))
    assert "meetings" in text and "rows" in text


def test_notebooks_are_thin_and_parameterised():
    from papermill.inspection import _infer_parameters
    from papermill.iorw import load_notebook_node

    for name, params in (("locality_report", {"locality", "start", "end", "store"}),
                         ("period_report", {"period", "store"})):
        path = reports.notebooks_dir() / f"{name}.ipynb"
        nb = nbformat.read(path, as_version=4)
        tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1
        inferred = _infer_parameters(load_notebook_node(str(path)))  # what `papermill --help-notebook` shows
        assert {p.name for p in inferred} == params
        assert all(p.help and p.inferred_type_name != "None" and p.default == "None" for p in inferred)
        code = [c.source for c in nb.cells if c.cell_type == "code"]
        assert not any(kw in src for src in code for kw in ("def ", "for ", "while ", "class "))
        assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code")  # committed clean


def test_missing_store_is_a_listed_failure_not_a_crash(tmp_path, capsys):
    failures = reports.run_reports(tmp_path / "corpus", store_dir=tmp_path / "nostore", out=tmp_path / "r")
    assert len(failures) == 1 and "vngov build" in failures[0]
    assert "vngov build" in capsys.readouterr().err




def test_directive_themes_are_segmented_once_per_store(tmp_path, monkeypatch):
    from vngov import themes

    directives = pd.DataFrame({"clause": ["đẩy nhanh giải phóng mặt bằng các dự án", "xây dựng nông thôn mới"],
                               "locality": ["thị xã Kỳ Anh"] * 2, "date": ["2023-11-20"] * 2})
    first = themes.directive_themes(directives, cache=tmp_path)
    assert "giải phóng mặt bằng" in first.loc[0, "themes"] and "nông thôn mới" in first.loc[0, "themes"]
    monkeypatch.setattr(themes, "terms", lambda clause: pytest.fail("segmented again"))
    assert themes.directive_themes(directives, cache=tmp_path).equals(first)


def test_kernels_talk_over_private_unix_sockets_not_tcp_ports():
    a, b = reports.IPCKernelManager(kernel_name=reports.KERNEL), reports.IPCKernelManager(kernel_name=reports.KERNEL)
    assert a.transport == b.transport == "ipc"
    assert a.ip != b.ip and Path(a.ip).parent.is_dir()  # one socket folder per kernel: nothing to race for
    for km in (a, b):
        import shutil

        shutil.rmtree(Path(km.ip).parent)


def test_a_report_that_runs_past_its_deadline_fails_by_name(toy_store, tmp_path, monkeypatch):
    _, store_dir = toy_store
    nb = tmp_path / "slow.ipynb"
    nb.write_text(json.dumps({"cells": [{"cell_type": "code", "id": "p", "metadata": {"tags": ["parameters"]}, "execution_count": None,
                                         "outputs": [], "source": "locality = ''"},
                                        {"cell_type": "code", "id": "s", "metadata": {}, "execution_count": None, "outputs": [],
                                         "source": "import time\ntime.sleep(30)"}],
                              "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                          "language": "python"}},
                              "nbformat": 4, "nbformat_minor": 5}))
    monkeypatch.setattr(reports, "REPORT_TIMEOUT", 8)
    job = reports.Job("locality", "x", nb, tmp_path / "out" / "slow-report.ipynb", {"locality": "x"})
    started = time.monotonic()
    error = reports.execute(job, str(store_dir))
    assert "ReportTimeout" in error and "8 s" in error and time.monotonic() - started < 25
    assert not job.output.exists()


def test_reports_run_on_a_dask_cluster_give_the_pages_of_a_local_run(toy_store, tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    corpus, store_dir = toy_store
    monkeypatch.setattr(store, "fingerprint", lambda: "code-under-test")
    monkeypatch.setattr(reports, "code_fingerprint", lambda nb=None: "code-under-test")
    local, remote = tmp_path / "local", tmp_path / "remote"
    assert reports.run_reports(corpus, store_dir=store_dir, out=local, workers=1) == []
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp",
                                  host="127.0.0.1", dashboard_address=None) as cluster:
        assert reports.run_reports(corpus, store_dir=store_dir, out=remote,
                                   scheduler=cluster.scheduler_address) == []
    pages = sorted(p.relative_to(local) for p in local.rglob("*.ipynb"))
    assert pages and pages == sorted(p.relative_to(remote) for p in remote.rglob("*.ipynb"))
    for page in pages:       # the same cells and outputs, wherever the kernel ran
        assert _texts(nbformat.read(local / page, as_version=4)) == _texts(nbformat.read(remote / page, as_version=4))
    assert (remote / "index.html").is_file()
