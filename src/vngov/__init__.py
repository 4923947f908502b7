"""vngov: Vietnamese local-government press → tables of meetings, people, figures → reports.

The data flows one way (see README "How it works"):

    corpus (read, clean) → extract (figures, meetings, people, localities, quotes)
        → export (JSON Lines) / store (Parquet + DuckDB) → analysis → report notebooks

Modules are named for what they hold; language knowledge lives in ``vngov/lexicon/*.toml``.
"""

__version__ = "0.1.0"
