"""The Jupyter side of every calculator: an anywidget class built from a model module.

Inputs and outputs are synced traitlets: `calc.years = 5` redraws the chart in the
notebook, and `calc.gap` reads the reference model's result at once, even where no
front end is attached (nbmake, a script). The browser view is the calculator's bundle,
`widget.js` (made by `npm run bundle`), the same file the static book loads; `_esm` is its
path, so with ANYWIDGET_HMR=1 and `npm run watch` the notebook reloads it on every edit.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import anywidget
import pandas as pd
import traitlets

from widgets.book_output import CALCULATOR_MIMETYPE
from widgets.calculators import CALCULATORS
from widgets.parameters import validate as validate_parameter

PACKAGE = Path(__file__).resolve().parent
STYLESHEET = PACKAGE / "calculator.css"
# The one plotly.js the book and the notebooks use: a partial bundle (scripts/build-plotly.sh).
VENDORED_PLOTLY = PACKAGE / "vendor" / "plotly-book.min.js"
# Modules a view loads only on use, by the name it asks for (the book serves them beside host.js).
ASSETS = {"bibtex-parser": PACKAGE / "vendor" / "bibtex-parser.min.js"}


class InvalidInput(traitlets.TraitError, ValueError):
    """A ValueError naming the parameter and its range. Being a TraitError too, it makes
    traitlets undo every value set inside a failed `hold_trait_notifications` block."""


class CalculatorWidget(anywidget.AnyWidget):
    """Shared behaviour; concrete classes come from `calculator_widget`."""

    calculator_model: ModuleType

    def __init__(self, **inputs: Any) -> None:
        super().__init__(**inputs)
        self.on_msg(self._on_message)
        self._recompute()

    @property
    def inputs(self) -> dict[str, Any]:
        """The current inputs as a plain dict."""
        return {p.name: getattr(self, p.name) for p in self.calculator_model.PARAMETERS}

    @property
    def outputs(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.calculator_model.OUTPUTS}

    def to_frame(self) -> pd.DataFrame:
        """The model's DataFrame for the current inputs."""
        return self.calculator_model.to_frame(**self.inputs)

    def use_preset(self, preset_id: str) -> None:
        """Set every input to one of the preset menu's named scenarios (`calculator_model.PRESETS`)."""
        presets = {preset.id: preset for preset in self.calculator_model.PRESETS}
        if preset_id not in presets:
            raise ValueError(f"preset must be one of {sorted(presets)}; got {preset_id!r}")
        self._set_all(presets[preset_id].values)

    def reset(self) -> None:
        """Every input back to its default, as the page's reset button does."""
        self._set_all(self.calculator_model.DEFAULTS)

    def _set_all(self, values: dict[str, Any]) -> None:
        with self.hold_trait_notifications():  # rules across inputs are checked once all are set
            for name, value in values.items():
                setattr(self, name, value)

    def _recompute(self, change: Any = None) -> None:
        result = self.calculator_model.compute(**self.inputs)._asdict()
        with self.hold_trait_notifications():
            for name in self.calculator_model.OUTPUTS:
                self.set_trait(name, result[name])

    def _repr_mimebundle_(self, **kwargs: Any) -> tuple[dict[str, Any], dict[str, Any]] | None:
        # Beside the live view, what the book draws in its place (widgets/book_output.py).
        # Only the inputs the cell changed: a cached output then follows later defaults.
        mimebundle = super()._repr_mimebundle_(**kwargs)
        if mimebundle is not None:
            calculator_id = next(key for key, model in CALCULATORS.items() if model is self.calculator_model)
            defaults = self.calculator_model.DEFAULTS
            changed = {name: value for name, value in self.inputs.items() if value != defaults[name]}
            mimebundle[0][CALCULATOR_MIMETYPE] = {"calculator": calculator_id, "inputs": changed}
        return mimebundle

    def _on_message(self, _widget: Any, content: dict[str, Any], _buffers: Any) -> None:
        # The view asks once per page for plotly.js; sending the vendored file keeps
        # Jupyter offline too, and keeps 1 MB out of every saved widget state.
        if content.get("type") == "plotly-request":
            self.send({"type": "plotly-source", "source": VENDORED_PLOTLY.read_text(encoding="utf-8")})
        elif content.get("type") == "asset-request" and content.get("name") in ASSETS:
            name = content["name"]
            self.send({"type": "asset", "name": name, "source": ASSETS[name].read_text(encoding="utf-8")})


def calculator_widget(
    class_name: str,
    model: ModuleType,
    bundle: Path,
    doc: str,
    view_state: dict[str, str] | None = None,
    methods: dict[str, Any] | None = None,
) -> type[CalculatorWidget]:
    """Make a widget class with one synced trait per parameter and per output, one
    read-only synced trait per entry of `view_state` (constant markup the view reads),
    and the calculator's own `methods` (e.g. a classmethod that builds one from a file)."""
    names = [p.name for p in model.PARAMETERS]
    by_name = {p.name: p for p in model.PARAMETERS}

    cross_check = getattr(model, "check", None)  # a model's rule across fields, if it has one

    def check_input(self: CalculatorWidget, proposal: Any) -> Any:
        try:
            value = validate_parameter(by_name[proposal.trait.name], proposal.value)
            if cross_check is not None:
                # Inside hold_trait_notifications this runs once all the held values are set.
                cross_check({**self.inputs, proposal.trait.name: value})
        except ValueError as error:
            raise InvalidInput(str(error)) from None
        return value

    namespace: dict[str, Any] = {
        "__doc__": doc,
        "__module__": model.__name__.rsplit(".", 1)[0] + ".widget",
        "calculator_model": model,
        "_esm": bundle,  # anywidget reads (and, with ANYWIDGET_HMR=1, watches) the file
        "_css": STYLESHEET,
        "_check_input": traitlets.validate(*names)(check_input),
        "_on_input_change": traitlets.observe(*names)(CalculatorWidget._recompute),
        **(methods or {}),
    }
    for p in model.PARAMETERS:
        namespace[p.name] = traitlets.Any(p.default, help=f"{p.label} ({p.range_text()})").tag(sync=True)
    for name in model.OUTPUTS:
        namespace[name] = traitlets.Any(None, read_only=True).tag(sync=True)
    for name, markup in (view_state or {}).items():
        namespace[name] = traitlets.Unicode(markup, read_only=True).tag(sync=True)
    return type(class_name, (CalculatorWidget,), namespace)
