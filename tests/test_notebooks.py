"""Every notebook runs headless on the example collection, without errors, and shows its app."""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from narratief.example import create_demo_store
from narratief.resources import notebooks_dir

NOTEBOOKS = sorted(notebooks_dir().glob("*.ipynb"))


def test_there_are_notebooks():
    assert any(p.name == "00-start.ipynb" for p in NOTEBOOKS)


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_headless(path: Path, tmp_path, monkeypatch):
    db = tmp_path / "narratief.db"
    create_demo_store(db)
    monkeypatch.setenv("NARRATIEF_DB", str(db))
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.get("outputs", [])]
    assert not [(o.ename, o.evalue) for o in outputs if o.output_type == "error"]
    widget_views = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(widget_views) == 1  # the app, displayed once


def test_notebooks_are_thin_and_clean():
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        code = [c for c in notebook.cells if c.cell_type == "code"]
        assert sum(len(c.source.strip().splitlines()) for c in code) <= 5, path.name
        assert all(not c.get("outputs") for c in code), path.name
        assert "start_app" in code[0].source
