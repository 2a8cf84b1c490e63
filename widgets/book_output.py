"""What a widget's output tells the book to show in its place.

A chapter places a calculator or a decision guide with a code cell whose last expression is
the widget, so one cell serves both readers. Beside the widget view (which JupyterLab draws),
the widget's `_repr_mimebundle_` adds one of these mimetypes; JupyterLab ignores them, and the
book's renderer (`_ext/figure_renderer.py`) prefers them and writes the kernel-free calculator
or guide. Kept in a module of its own so the build reads them without importing anywidget.
"""

# {"calculator": "publication-gap", "inputs": {the inputs that differ from the defaults}}
CALCULATOR_MIMETYPE = "application/vnd.one-way-street.calculator+json"
# {"guide": "decision_guide.yml"}: the guide's YAML file, relative to the notebook
GUIDE_MIMETYPE = "application/vnd.one-way-street.decision-guide+json"
