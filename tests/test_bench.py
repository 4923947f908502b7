"""The throughput benchmark (vngov.bench) measures and reports without crashing."""
from vngov import bench


def test_rate_counts_articles_per_second():
    calls = []
    r = bench.rate(calls.append, ["a", "b"], min_seconds=0.01)
    assert r > 0
    assert len(calls) >= 4          # warm-up plus at least one timed round


def test_rate_of_nothing_is_zero():
    assert bench.rate(lambda a: a, [], min_seconds=0.01) == 0.0


def test_main_prints_plain_numbers(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text("Tiêu đề\n\nNăm 2023, huyện kết nạp 45 đảng viên mới.\n", encoding="utf-8")
    monkeypatch.setattr(bench, "MIN_SECONDS", 0.01)
    monkeypatch.setattr(bench, "rate", lambda fn, arts, min_seconds=0.01: (fn(arts[0]), 123.0)[1])
    assert bench.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "articles 1" in out
    assert "figures 123 articles/s" in out


def test_the_bench_corpus_is_varied_and_builds_without_duplicates(tmp_path):
    from vngov import store

    size = bench.make_corpus(tmp_path / "c", 45)
    files = sorted((tmp_path / "c").rglob("*.txt"))
    assert len(files) == 45 and size == sum(p.stat().st_size for p in files)
    assert len({p.read_bytes() for p in files}) == 45
    store.build(tmp_path / "c", out=tmp_path / "s", workers=1)
    info = store.info(tmp_path / "s")
    assert info["duplicates"] == 0 and info["counts"]["articles"] == 45 and info["counts"]["errors"] == 0


def test_vary_keeps_years_and_dates():
    assert bench._vary("năm 2023, ngày 22/7, đạt 8.850,26 tỷ đồng và 45 đảng viên", 3) == \
        "năm 2023, ngày 22/7, đạt 8.854,26 tỷ đồng và 49 đảng viên"
