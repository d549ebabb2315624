"""The wheel carries the data the installed package needs (schema/, cypher/, extractor data)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    try:
        import hatchling  # noqa: F401
    except ImportError:
        pytest.skip("hatchling is not installed (pip install -e '.[dev]')")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(REPO)], check=True)
    return next(out.glob("*.whl"))


def test_packaging_wheel_contains_schema_cypher_and_lexicons(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "kg/_data/schema/graph.toml" in names
    assert "kg/_data/cypher/schema.cypher" in names
    assert "kg/cli.py" in names and "extractors/base.py" in names
    assert {"kg/viz_page.html", "kg/viz_page.js"} <= names  # kg viz's page template
    assert any(n.startswith("extractors/data/") and n.endswith(".jsonl") for n in names)
    assert not any(n.startswith(("tests/", "examples/")) for n in names)


def test_packaging_installed_wheel_finds_its_data(wheel, tmp_path):
    """Install the wheel into a fresh venv (dependencies seen from this one) and read the data."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(target), str(wheel)], check=True)
    deps = [p for p in sys.path if p.endswith("site-packages")]
    code = (
        "import sys; sys.path[:0] = [sys.argv[1]]; sys.path.extend(sys.argv[2:]);"
        "import kg.resources as r, kg.schema as s;"
        "print(r.data_dir('schema')); print(sorted(s.load_schema().nodes))"
    )
    out = subprocess.run([str(venv / "bin" / "python"), "-c", code, str(target), *deps],
                         check=True, capture_output=True, text=True, cwd=tmp_path).stdout
    assert str(target / "kg" / "_data" / "schema") in out
    assert "Paper" in out
