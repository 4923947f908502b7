"""environment.yml (conda users) lists the same packages as pyproject.toml (pip users)."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# conda-forge names that differ from the PyPI name of the same package
CONDA_TO_PYPI = {"python-duckdb": "duckdb"}
NOT_PACKAGES = {"python", "pip"}


def _name(requirement: str) -> str:
    """The normalised package name of a requirement ("pyarrow>=15,<27" → "pyarrow")."""
    name = re.split(r"[\s<>=!~;\[]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", name).lower()


def pyproject_packages() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"]) + list(project.get("optional-dependencies", {}).get("test", []))
    return {_name(r) for r in reqs}


def environment_packages(text: str) -> tuple[set[str], set[str]]:
    """(conda packages, pip packages) of an environment.yml, read line by line (no YAML parser needed
    for this flat file; a nested list under ``- pip:`` is the pip section)."""
    conda, pip = set(), set()
    section = None
    in_pip = False
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if not line.startswith(" "):
            section = line.split(":", 1)[0]
            in_pip = False
            continue
        if section != "dependencies":
            continue
        item = line.strip()
        if item == "- pip:":
            in_pip = True
            continue
        if not item.startswith("- "):
            continue
        nested = len(line) - len(line.lstrip()) > 4
        name = _name(item[2:])
        if in_pip and nested:
            pip.add(name)
        else:
            in_pip = False
            conda.add(CONDA_TO_PYPI.get(name, name))
    return conda - NOT_PACKAGES, pip


def test_environment_yml_lists_the_pyproject_packages():
    conda, pip = environment_packages((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert not conda & pip, "a package listed both as conda and pip"
    assert conda | pip == pyproject_packages()


def test_environment_yml_pins_python_311():
    assert re.search(r"^\s*- python=3\.11\s*$", (ROOT / "environment.yml").read_text(), re.M)


def test_parser_sees_a_missing_package():
    conda, pip = environment_packages("dependencies:\n  - pandas>=2\n  - pip\n  - pip:\n      - underthesea\n")
    assert conda == {"pandas"} and pip == {"underthesea"}
    assert conda | pip != pyproject_packages()
