"""The career-paths Jupyter widget: synced inputs, outputs read from Python, the rule across fields."""

from __future__ import annotations

import subprocess

import pytest
import traitlets

from widgets.career_paths import model
from widgets.career_paths.widget import CareerPaths


def test_setting_an_input_updates_the_outputs():
    calc = CareerPaths()
    assert calc.faculty_from_industry == model.compute().faculty_from_industry
    calc.years = 10
    assert calc.faculty_from_industry == model.compute(years=10).faculty_from_industry
    assert calc.faculty_from_postdoc == model.compute(years=10).faculty_from_postdoc
    assert calc.to_frame().equals(model.to_frame(years=10))


def test_inputs_are_synced_traits_and_outputs_read_only():
    state = CareerPaths(p_industry_faculty=0.1).get_state()
    assert {p.name for p in model.PARAMETERS} <= set(state)
    assert state["p_industry_faculty"] == 0.1
    assert set(model.OUTPUTS) <= set(state)
    with pytest.raises(traitlets.TraitError, match="read-only"):
        CareerPaths().faculty_from_postdoc = 0.5


@pytest.mark.parametrize(
    ("name", "bad"), [("years", 0), ("years", 3.5), ("p_industry_faculty", 1.2), ("p_faculty_industry", "low")]
)
def test_bad_values_raise_value_error_and_keep_the_last_good_result(name, bad):
    calc = CareerPaths(years=8)
    before = calc.outputs
    with pytest.raises(ValueError, match=name):
        setattr(calc, name, bad)
    assert calc.outputs == before


def test_the_rule_across_fields_names_both_and_changes_nothing():
    calc = CareerPaths()
    before = (calc.inputs, calc.outputs)
    with pytest.raises(ValueError, match="p_postdoc_faculty.*p_postdoc_industry"):
        calc.p_postdoc_faculty = 0.9  # 0.9 + the default 0.2 > 1
    with pytest.raises(ValueError, match="at most 1"), calc.hold_trait_notifications():
        calc.p_postdoc_faculty, calc.p_postdoc_industry = 0.8, 0.3
    assert (calc.inputs, calc.outputs) == before
    with pytest.raises(ValueError, match="at most 1"):
        CareerPaths(p_postdoc_faculty=0.9)


def test_both_postdoc_moves_can_change_together():
    calc = CareerPaths()
    with calc.hold_trait_notifications():
        calc.p_postdoc_faculty, calc.p_postdoc_industry = 0.9, 0.1
    assert calc.faculty_from_postdoc == model.compute(p_postdoc_faculty=0.9, p_postdoc_industry=0.1).faculty_from_postdoc
    assert CareerPaths(p_postdoc_faculty=0.9, p_postdoc_industry=0.1).outputs == calc.outputs


def test_bundled_module_loads_in_node(tmp_path):
    bundle = tmp_path / "bundle.mjs"
    bundle.write_text(CareerPaths()._esm)
    script = (
        f"const m = await import({str(bundle)!r});"
        "if (typeof m.default.render !== 'function') throw new Error('no render');"
        f"console.log(m.CALCULATOR.compute({model.DEFAULTS!r}).faculty_from_industry);"
    )
    done = subprocess.run(["node", "--input-type=module", "-e", script.replace("'", '"')], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert float(done.stdout) == pytest.approx(model.compute().faculty_from_industry, rel=1e-12)
    assert "import " not in bundle.read_text()
