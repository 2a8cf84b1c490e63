"""The Jupyter widget: synced inputs, outputs read from Python, validation, DataFrame."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import traitlets

from widgets.calculator_widget import VENDORED_PLOTLY
from widgets.publication_gap import model
from widgets.publication_gap.widget import PublicationGap


def test_setting_an_input_updates_the_outputs():
    calc = PublicationGap()
    assert calc.gap == model.compute().gap
    calc.years = 5
    assert calc.gap == model.compute(years=5).gap
    assert calc.catch_up_years == model.compute(years=5).catch_up_years
    assert calc.to_frame().equals(model.to_frame(years=5))


def test_inputs_are_synced_traits_and_outputs_read_only():
    calc = PublicationGap(industry_rate=1)
    state = calc.get_state()
    for p in model.PARAMETERS:
        assert p.name in state
    assert state["industry_rate"] == 1
    with pytest.raises(traitlets.TraitError, match="read-only"):
        calc.gap = 3


@pytest.mark.parametrize(("name", "bad"), [("years", 99), ("years", 1.5), ("half_life", 0), ("postdoc_rate", "fast")])
def test_bad_values_raise_value_error_and_keep_the_last_good_result(name, bad):
    calc = PublicationGap(years=4)
    before = calc.outputs
    with pytest.raises(ValueError, match=name):
        setattr(calc, name, bad)
    assert calc.outputs == before


def test_the_view_asks_the_kernel_for_plotly(monkeypatch):
    calc = PublicationGap()
    sent = []
    monkeypatch.setattr(calc, "send", lambda content, buffers=None: sent.append(content))
    calc._on_message(calc, {"type": "plotly-request"}, [])
    assert sent[0]["type"] == "plotly-source"
    assert sent[0]["source"] == VENDORED_PLOTLY.read_text()


def test_bundled_module_loads_in_node(tmp_path):
    """anywidget gets the bundle, one module with no imports; it must load and render-export."""
    assert PublicationGap()._esm == Path(model.__file__).with_name("widget.js").read_text(encoding="utf-8")
    bundle = tmp_path / "bundle.mjs"
    bundle.write_text(PublicationGap()._esm)
    script = (
        f"const m = await import({str(bundle)!r});"
        "if (typeof m.default.render !== 'function') throw new Error('no render');"
        f"const r = m.CALCULATOR.compute({json.dumps(model.DEFAULTS)});"
        "console.log(r.gap);"
    )
    done = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert float(done.stdout) == model.compute().gap
    assert "import " not in bundle.read_text()
