"""examples/review.ipynb runs top to bottom in a fresh kernel of this interpreter."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

from jupyter_client.kernelspec import KernelSpecManager  # noqa: E402  (after the skips)
from jupyter_client.manager import KernelManager  # noqa: E402

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTEBOOK = EXAMPLES / "review.ipynb"


def html_of(cell: Any) -> str:
    return "".join(o.get("data", {}).get("text/html", "") for o in cell.outputs)


def text_of(cell: Any) -> str:
    parts = [o.get("text", "") for o in cell.outputs if o.output_type == "stream"]
    parts += [o.get("data", {}).get("text/plain", "") for o in cell.outputs]
    return "".join(parts)


def test_the_example_notebook_runs_top_to_bottom(tmp_path: Path) -> None:
    # A kernel spec of our own, pointing at this very interpreter (not whatever "python3" a
    # machine has registered), with IPython's profile kept out of the home directory.
    spec = tmp_path / "kernels" / "replyguard-test"
    spec.mkdir(parents=True)
    kernel = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "replyguard test",
        "language": "python",
        "env": {"IPYTHONDIR": str(tmp_path / "ipython")},
    }
    (spec / "kernel.json").write_text(json.dumps(kernel))
    manager = KernelManager(
        kernel_name="replyguard-test", kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(tmp_path / "kernels")])
    )
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook, km=manager, timeout=120, resources={"metadata": {"path": str(EXAMPLES)}}, record_timing=False
    )
    client.execute()  # raises CellExecutionError, naming the cell, if any cell fails

    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    sources = [cell.source for cell in code]
    assert all(cell.execution_count for cell in code)
    errors = [o for cell in code for o in cell.outputs if o.output_type == "error"]
    assert not errors

    def cell(marker: str) -> Any:
        return next(c for c, source in zip(code, sources, strict=True) if marker in source)

    report = html_of(code[0])
    assert "<mark" in report and "ru.bad_word.problema" in report  # the Report, highlighted
    assert "вашим вопросом" in text_of(code[1])  # report.fixed
    table = html_of(cell("findings = replyguard.review("))
    assert "ru.bad_word.ne_nasha_vina" in table and "ru.personalization.name_missing" in table
    listed = html_of(cell("drafts = ["))
    assert "ru.formality.ty" in listed and "sl.bad_word.problem" in listed and "zh.bad_word" in listed
    assert "E001" in text_of(cell('findings["error"].notna()'))  # the English template is reported, not dropped
    assert "personalization" in html_of(cell("findings.summary.head"))
    assert "<mark" in html_of(cell("findings.reports["))
    spans = html_of(cell('nlp.add_pipe("replyguard")'))
    assert "ru.bad_word.problema" in spans and "ru.bad_word.ne_nasha_vina" in spans  # displaCy's span view
    assert "zh.bad_word" in html_of(cell('zh.add_pipe("replyguard")'))
