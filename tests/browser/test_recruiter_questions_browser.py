"""The recruiter-questions scorecard in the static book, in Chromium, with the network blocked."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from tests.helpers import (
    assert_evidence_lines,
    axe_violations,
    exercise_scenario_tools,
    open_page,
    ready_calculator,
    shown_table,
    table_without_javascript,
)
from widgets.formatting import format_number
from widgets.generate import read_vectors
from widgets.parameters import Choice
from widgets.recruiter_questions import model

PAGE = "chapters/recruiting_pitch.html"
ROOT_SELECTOR = '[data-calculator="recruiter-questions"]'
MAIN_CHART = f"{ROOT_SELECTOR} .ows-chart:not(.rq-compare-chart)"
BAD_WORDS = re.compile(r"\b(NaN|Infinity|undefined|null)\b")
QUESTIONS = {p.name: p for p in model.PARAMETERS}
VECTORS = read_vectors(Path(model.__file__).with_name("vectors.jsonl"))["cases"]
NO_REVIEW_FLAG = "Publications do not count in reviews, promotion or salary."
PDF_PAGE = re.compile(rb"/Type\s*/Page\b")  # a page object; "/Pages" is the page tree
PRINT_MARGIN = {side: "15mm" for side in ("top", "right", "bottom", "left")}
# Planted by hostile input if it ever ran as HTML.
PWNED = "window.__pwned"
HOSTILE_NAME = '"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'


def load(page, server: str, fragment: str = "") -> object:
    page.goto(f"{server}/{PAGE}{fragment}")
    return ready_calculator(page, ROOT_SELECTOR)


def set_answers(root, answers: dict) -> None:
    """Answer questions as a reader does; None leaves (or makes) a question unknown."""
    for name, value in answers.items():
        control = root.locator(f'.ows-form [name="{name}"]')
        text = "" if value is None else str(value)
        if isinstance(QUESTIONS[name], Choice):
            control.select_option(text)
        else:
            control.fill(text)
            control.dispatch_event("change")


def expect_outputs(root, answers: dict) -> None:
    """The page shows what the Python model says for these answers."""
    result = model.compute(**answers)
    expected = model.format_outputs(result)
    assert root.locator('[data-output="score"]').inner_text() == expected["score"]
    assert root.locator('[data-output="verdict"]').inner_text() == expected["verdict"]
    flags = root.locator('[data-output="red_flags"] li').all_inner_texts()
    assert flags == list(result.red_flags)
    if not result.red_flags:
        assert root.locator('[data-output="red_flags"]').inner_text() == expected["red_flags"]


def chart_series(page, selector: str = MAIN_CHART) -> dict[str, list[float]]:
    return page.evaluate("s => Object.fromEntries(document.querySelector(s).data.map((t) => [t.name, t.x]))", selector)


def wait_for_chart(page, name: str, values: list[float], selector: str = MAIN_CHART) -> None:
    page.locator(selector).scroll_into_view_if_needed()  # charts are drawn once near the viewport
    page.wait_for_function(
        """([s, name, values]) => {
            const trace = document.querySelector(s)?.data?.find((t) => t.name === name);
            return trace && trace.x.length === values.length && trace.x.every((x, i) => Math.abs(x - values[i]) < 1e-9);
        }""",
        arg=[selector, name, values],
        timeout=5000,
    )


def earned(answers: dict) -> list[float]:
    return [p or 0 for p in model.compute(**answers).points]


def assert_nothing_injected(page, root) -> None:
    assert page.evaluate(PWNED) is None
    assert root.locator("img, script, iframe").count() == 0
    assert not BAD_WORDS.search(root.inner_text())


def pick_offer(root, index: int) -> None:
    root.locator(f'.rq-offers input[value="{index}"]').check()


def name_offer(root, name: str) -> None:
    root.locator('input[name="offer_name"]').fill(name)


# A scenario with every question answered and no answer at either end of its range.
MIDDLE = {
    "published_last_year": 50,
    "median_papers": 1,
    "review_counts_papers": "informally",
    "research_time": 50,
    "prepub_review": "sometimes",
    "fixed_term": "no",
    "left_for_faculty": 1,
    "academic_ties": "partly",
}


def test_renders_an_unanswered_scorecard(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    expect_outputs(root, {})
    assert root.locator('[data-output="score"]').inner_text() == "n/a"
    for p in model.PARAMETERS:
        control = root.locator(f'.ows-form [name="{p.name}"]')
        label = root.locator(f'label[for="{control.get_attribute("id")}"]')
        assert p.label in label.inner_text()
        assert control.input_value() == ""
        if isinstance(p, Choice):
            options = control.locator("option").evaluate_all("os => os.map((o) => o.value)")
            assert options == ["", *p.values()]
    text = root.inner_text()
    assert "judgement" in text and "illustrative" in text
    assert_evidence_lines(root, model.PARAMETERS)
    assert_nothing_injected(page, root)
    weights = [model.RULES[p.name].weight for p in model.PARAMETERS]
    wait_for_chart(page, "Unknown: not counted", weights)
    problems.assert_clean()


def test_the_chart_waits_for_the_reader_and_then_shows_the_answers(guarded_page, server):
    """The form and results are there at once; plotly.js loads when the chart nears the viewport."""
    page, problems = guarded_page
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{server}/{PAGE}", wait_until="networkidle")
    root = page.locator(ROOT_SELECTOR)
    assert page.evaluate(f"document.querySelector('{MAIN_CHART}').getBoundingClientRect().top - innerHeight") > 500
    answers = next(case["inputs"] for case in VECTORS if None not in case["inputs"].values())
    set_answers(root, answers)  # answered before the chart is drawn
    expect_outputs(root, answers)
    assert root.get_attribute("data-ready") is None
    assert not any("plotly" in url for url in requested)
    height = f"document.querySelector('{MAIN_CHART}').getBoundingClientRect().height"
    room = page.evaluate(height)
    page.emulate_media(media="print")
    assert page.evaluate(height) == 0  # printed before it is drawn: no blank box on paper
    page.emulate_media(media="screen")
    ready = ready_calculator(page, ROOT_SELECTOR)
    wait_for_chart(page, "Points earned", earned(answers))
    assert page.evaluate(height) == room  # its room was kept, so drawing moves nothing below it
    assert ready.locator(".js-plotly-plot").count() == 1  # the comparison still waits for a second offer
    assert sum("plotly-book" in url for url in requested) == 1
    problems.assert_clean()


def test_outputs_and_chart_follow_the_answers(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    for case in VECTORS[::15]:
        set_answers(root, case["inputs"])
        expect_outputs(root, case["inputs"])
        wait_for_chart(page, "Points earned", [p or 0 for p in case["outputs"]["points"]])
        assert not BAD_WORDS.search(root.inner_text())
    problems.assert_clean()


def answers_least_to_most_favourable(name: str) -> list:
    p = QUESTIONS[name]
    if isinstance(p, Choice):
        return list(reversed(p.values()))
    ladder = [p.minimum, p.maximum / 40, p.maximum / 4, p.maximum]  # below and above the full-points answer
    return [int(x) if p.integer else x for x in ladder]


def test_a_more_favourable_answer_never_lowers_the_shown_score(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    set_answers(root, MIDDLE)
    for name in QUESTIONS:
        scores = []
        for answer in answers_least_to_most_favourable(name):
            set_answers(root, {name: answer})
            expect_outputs(root, {**MIDDLE, name: answer})
            scores.append(int(root.locator('[data-output="score"]').inner_text()))
            flags = root.locator('[data-output="red_flags"] li').all_inner_texts()
            assert (NO_REVIEW_FLAG in flags) == (name == "review_counts_papers" and answer == "no")
        assert scores == sorted(scores), (name, scores)
        set_answers(root, {name: MIDDLE[name]})
    problems.assert_clean()


def test_bad_input_is_marked_and_keeps_the_last_result(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    set_answers(root, {"research_time": 40, "review_counts_papers": "no"})
    before = root.locator('[data-output="score"]').inner_text()
    field = root.locator('.ows-form [name="research_time"]')
    for bad in ["abc", "101", "-5", "1e2", "<b>5</b>"]:
        set_answers(root, {"research_time": bad})
        assert field.get_attribute("aria-invalid") == "true"
        assert "from 0 to 100" in page.locator(f"#{field.get_attribute('id')}-error").inner_text()
        assert root.locator('[data-output="score"]').inner_text() == before
        assert_nothing_injected(page, root)
    set_answers(root, {"research_time": None})  # empty: unknown, which is allowed
    assert field.get_attribute("aria-invalid") is None
    expect_outputs(root, {"review_counts_papers": "no"})
    problems.assert_clean()


def tab_to(page, name: str, limit: int = 250) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == name:
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline not in ("none", ""), f"{name} shows no focus ring"
            return
    pytest.fail(f"Tab never reached {name}")


def test_keyboard_alone(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    tab_to(page, "offer")
    page.keyboard.press("ArrowRight")  # radios: arrows pick the next offer
    assert root.locator('.rq-offers input[value="1"]').is_checked()
    tab_to(page, "offer_name")
    page.keyboard.press("Control+A")
    page.keyboard.type("Keyboard lab")
    tab_to(page, "published_last_year")
    page.keyboard.type("40")
    tab_to(page, "review_counts_papers")
    page.keyboard.press("ArrowDown")  # "unknown" -> "explicitly"
    page.keyboard.press("ArrowDown")  # -> "informally"
    tab_to(page, "median_papers")
    page.keyboard.type("1")
    page.keyboard.press("ArrowUp")  # a step of 0.5
    assert root.locator('.ows-form [name="median_papers"]').input_value() == "1.5"
    answers = {"published_last_year": 40, "review_counts_papers": "informally", "median_papers": 1.5}
    expect_outputs(root, answers)
    assert root.locator(".rq-offers label", has_text="Keyboard lab").count() == 1
    for _ in range(120):  # on to the download buttons
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Download answers (CSV)":
            break
    else:
        pytest.fail("Tab never reached the CSV download")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["offer"] for row in rows} == {"Keyboard lab"}
    assert {row["question"]: row["answer"] for row in rows}["review_counts_papers"] == "informally"
    problems.assert_clean()


OFFERS = [
    ("Alpha <b>bold</b>", {"review_counts_papers": "no", "research_time": 10, "published_last_year": 20}),
    (HOSTILE_NAME[:60], {"review_counts_papers": "explicitly", "fixed_term": "yes", "median_papers": 3}),
    ("Gamma & 'co'", {"review_counts_papers": "informally", "academic_ties": "yes", "left_for_faculty": 2}),
]


def fill_offers(root) -> None:
    for index, (name, answers) in enumerate(OFFERS):
        pick_offer(root, index)
        name_offer(root, name)
        set_answers(root, answers)


def test_compare_three_named_offers(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    assert root.locator(".rq-offers input[type=radio]").count() == 3
    set_answers(root, OFFERS[0][1])
    # One offer is the scorecard's own chart: the comparison waits for a second.
    assert root.locator(".rq-compare-chart").is_hidden() and root.locator(".rq-compare-table").is_hidden()
    fill_offers(root)
    compare = root.locator(".rq-compare-table")
    assert compare.locator("thead th").all_inner_texts() == ["Question"] + [name for name, _ in OFFERS]
    scores = compare.locator("tbody tr", has_text="Score out of 100").locator("td").all_inner_texts()
    assert scores == [model.format_outputs(model.compute(**answers))["score"] for _, answers in OFFERS]
    chart = f"{ROOT_SELECTOR} .rq-compare-chart"
    for name, answers in OFFERS:
        score = model.format_outputs(model.compute(**answers))["score"]
        plotly_name = name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + f" (score {score})"
        wait_for_chart(page, plotly_name, earned(answers), selector=chart)
    legend = page.locator(f"{chart} .legendtext").evaluate_all("texts => texts.map((t) => t.textContent)")
    assert legend == [f"{name} (score {model.format_outputs(model.compute(**a))['score']})" for name, a in OFFERS]
    assert_nothing_injected(page, root)
    # Back to the first offer: its answers return to the form and the outputs.
    pick_offer(root, 0)
    assert root.locator('input[name="offer_name"]').input_value() == OFFERS[0][0]
    assert root.locator('.ows-form [name="research_time"]').input_value() == "10"
    assert root.locator('.ows-form [name="fixed_term"]').input_value() == ""
    expect_outputs(root, OFFERS[0][1])
    problems.assert_clean()


def test_nothing_typed_leaves_the_browser(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(f"{request.method} {request.url}"))
    fill_offers(root)
    root.locator(".ows-form textarea").first.fill("a private note")
    for label in ("Download answers (Markdown)", "Download answers (CSV)"):
        with page.expect_download():
            root.get_by_role("button", name=label).click()
    root.get_by_role("button", name="Make a link to these answers").click()
    assert [r for r in requests if not r.startswith("GET blob:")] == []
    problems.assert_clean()


NOTE = (
    "They said papers count, but only for the research ladder; ask which ladder this post is on, who decides, "
    "and whether the last two promotions mentioned papers. Follow up with the manager about the conference "
    "budget, internal review times, and interns this summer. "
)


def fill_every_note(root, length: int) -> None:
    text = (NOTE * 3)[:length]
    for area in root.locator(".ows-form textarea").all():
        area.fill(text)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("filled", [False, True], ids=["blank", "full"])
def test_the_question_list_prints_on_one_or_two_pages(guarded_page, server, paper, filled):
    page, problems = guarded_page
    root = load(page, server)
    if filled:
        name_offer(root, "W" * 60)
        set_answers(root, MIDDLE)
        fill_every_note(root, 400)  # more than a note may hold
        assert len(root.locator(".ows-form textarea").first.input_value()) == 300
    page.evaluate("window.print = () => {}")  # the dialog would block; page.pdf prints instead
    root.get_by_role("button", name="Print this offer's question list").click()
    page.emulate_media(media="print")
    sheet = page.locator("body > .rq-sheet")
    assert sheet.is_visible() and not page.locator(".bd-container").is_visible()
    assert sheet.locator("li").count() == 8
    # The handout's sheet (sheet.py), its slots filled in with text.
    questions = sheet.locator(".ows-sheet-question").all_inner_texts()
    assert questions == [p.label for p in model.PARAMETERS]
    if filled:
        assert "W" * 60 in sheet.inner_text() and NOTE[:40] in sheet.inner_text()
        assert model.format_outputs(model.compute(**MIDDLE))["verdict"] in sheet.inner_text()
        points = model.compute(**MIDDLE).points
        assert sheet.locator('[data-slot="answer"]').all_inner_texts() == [
            f"{model.format_answer(p.name, MIDDLE[p.name])} "
            f"({format_number(earned)} of {format_number(model.RULES[p.name].weight)} points)"
            for p, earned in zip(model.PARAMETERS, points)
        ]
    else:
        assert sheet.locator(".ows-choices").count() == 4  # boxes to tick for the unanswered choices
    assert not BAD_WORDS.search(sheet.inner_text())
    pdf = page.pdf(format=paper, margin=PRINT_MARGIN)
    assert 1 <= len(PDF_PAGE.findall(pdf)) <= 2
    # Printing is over: the page is back to normal.
    page.emulate_media(media="screen")
    page.wait_for_function("!document.documentElement.classList.contains('rq-printing')")
    assert page.locator("body > .rq-sheet").count() == 0
    problems.assert_clean()


def test_the_printed_sheet_shows_hostile_text_as_typed(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    note = '<img src=x onerror="window.__pwned=3"> & <b>not bold</b>'
    name_offer(root, HOSTILE_NAME[:60])
    root.locator('.ows-form [name="note_fixed_term"]').fill(note)
    page.evaluate("window.print = () => {}")
    root.get_by_role("button", name="Print this offer's question list").click()
    sheet = page.locator("body > .rq-sheet")
    assert sheet.locator('[data-slot="offer"]').inner_text() == HOSTILE_NAME[:60]
    assert sheet.locator('[data-question="fixed_term"] [data-slot="notes"]').inner_text() == note
    assert sheet.locator("img, script, b").count() == 0
    page.wait_for_timeout(300)  # give anything injected a moment to run
    assert page.evaluate(PWNED) is None
    problems.assert_clean()


def test_downloads_hold_the_answers_and_notes_as_typed(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    note = 'Recruiter: "we encourage papers", but\nno, they do not count; =cmd|calc <script>x</script>'
    name_offer(root, '=Lab, "Inc" <b>')
    set_answers(root, {"review_counts_papers": "no", "research_time": 20})
    root.locator('.ows-form [name="note_review_counts_papers"]').fill(note)
    pick_offer(root, 1)
    set_answers(root, {"fixed_term": "yes"})
    with page.expect_download() as download:
        root.get_by_role("button", name="Download answers (CSV)").click()
    assert download.value.suggested_filename == "recruiter-questions.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert len(rows) == 16
    first = {row["question"]: row for row in rows if row["offer"] == '\'=Lab, "Inc" <b>'}
    assert first["review_counts_papers"]["notes"] == f"{note}"
    assert first["review_counts_papers"]["answer"] == "no" and first["review_counts_papers"]["points"] == "0"
    assert first["research_time"]["answer_text"] == "20% of working time"
    assert first["fixed_term"]["answer"] == "" and first["fixed_term"]["answer_text"] == "unknown"
    assert {row["offer_score"] for row in rows if row["offer"] == "Offer 2"} == {"100"}
    with page.expect_download() as download:
        root.get_by_role("button", name="Download answers (Markdown)").click()
    markdown = Path(download.value.path()).read_text(encoding="utf-8")
    assert '## \\=Lab, "Inc" \\<b\\>' in markdown and "## Offer 2" in markdown
    assert "\\<script\\>x\\</script\\>" in markdown and "<script>" not in markdown
    assert NO_REVIEW_FLAG in markdown
    assert not BAD_WORDS.search(markdown + json.dumps(rows))
    problems.assert_clean()


HOSTILE_FRAGMENTS = [
    # (fragment, answers that should be filled in, name shown, number of messages)
    (
        "#rq:name=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E&review_counts_papers=no",
        {"review_counts_papers": "no"},
        "<script>window.__pwned=1</script>",
        0,
    ),
    (
        "#rq:name=%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E&research_time=20",
        {"research_time": 20},
        '"><img src=x onerror=window.__pwned=1>',
        0,
    ),
    ("#rq:research_time=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E&fixed_term=yes", {"fixed_term": "yes"}, "Offer 1", 1),
    (
        "#rq:name='single'%20%26%20%22double%22%20quotes&academic_ties=no",
        {"academic_ties": "no"},
        "'single' & \"double\" quotes",
        0,
    ),
    (
        "#rq:review_counts_papers=yes&published_last_year=-5&median_papers=1e999&left_for_faculty=2.5&fixed_term=YES",
        {},
        "Offer 1",
        5,
    ),
    ("#rq:%E0%A4%A=1&academic_ties=partly&bogus=%3Cb%3Ex%3C%2Fb%3E&academic_ties=no", {"academic_ties": "partly"}, "Offer 1", 3),
    ("#rq:name=" + "%3Cscript%3E" * 800, {}, "Offer 1", 1),
    ("#rq:name=" + "z" * 61 + "&prepub_review=often", {"prepub_review": "often"}, "Offer 1", 1),
]


@pytest.mark.parametrize(("fragment", "answers", "name", "messages"), HOSTILE_FRAGMENTS)
def test_hostile_fragments_are_read_strictly_and_shown_as_text(guarded_page, server, fragment, answers, name, messages):
    page, problems = guarded_page
    root = load(page, server, fragment)
    status = root.locator(".rq-link-status")
    assert status.locator("li").count() == messages
    if len(fragment) < 2000:
        count = len(answers)
        assert (
            status.locator("p").inner_text() == f"Filled in {count} answer{'' if count == 1 else 's'} from the link, as “{name}”."
        )
    assert root.locator(".rq-offers label").first.inner_text() == name
    assert root.locator('input[name="offer_name"]').input_value() == name
    expect_outputs(root, answers)
    for message in status.locator("li").all_inner_texts():
        assert len(message) < 200 and message.startswith(("Left out", "The link is longer"))
    assert page.evaluate("location.hash") == ""  # cleared, so the same link works again
    page.wait_for_timeout(300)  # give anything injected a moment to run
    assert_nothing_injected(page, root)
    problems.assert_clean()


def link_answers(href: str) -> dict:
    """The answers in one of the chapter's scenario links, read independently of the page."""
    answers = {}
    for part in href.removeprefix("#rq:").split("&"):
        key, value = (unquote(x) for x in part.split("=", 1))
        if key in QUESTIONS:
            answers[key] = value if isinstance(QUESTIONS[key], Choice) else float(value)
    return answers


def test_the_chapters_scenario_links_fill_in_offers(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    links = page.locator('a[href^="#rq:"]')
    assert links.count() == 2
    hrefs = [link.get_attribute("href") for link in links.all()]
    links.nth(0).click()
    expect_outputs(root, link_answers(hrefs[0]))
    links.nth(1).click()  # the first offer is in use, so this fills in the second
    assert root.locator('.rq-offers input[value="1"]').is_checked()
    expect_outputs(root, link_answers(hrefs[1]))
    assert root.locator(".rq-compare-table thead th").count() == 3
    links.nth(1).click()  # the same link again: the address was cleared, so it works again
    assert root.locator('.rq-offers input[value="2"]').is_checked()
    problems.assert_clean()


def test_narrow_screen(browser, server):
    page, problems = open_page(browser, width=360, height=740)
    root = load(page, server)
    fill_offers(root)
    name_offer(root, "x" * 60)
    root.get_by_role("button", name="Make a link to these answers").click()
    # The calculator and the chapter's wide tables fit (the tables scroll inside their containers).
    for part in [root, *page.locator(".pst-scrollable-table-container").all()]:
        box = part.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    overflow = root.evaluate("el => el.scrollWidth - el.clientWidth")
    assert overflow <= 0, f"the calculator is wider than its box by {overflow}px"
    problems.assert_clean()
    page.context.close()


def test_filled_in_scorecard_has_no_accessibility_violations(guarded_page, server):
    page, problems = guarded_page
    root = load(page, server)
    fill_offers(root)
    set_answers(root, {"research_time": "abc"})  # an error message on show
    root.get_by_role("button", name="Make a link to these answers").click()
    violations = axe_violations(page, within=ROOT_SELECTOR)
    assert violations == []
    problems.assert_clean()


def test_without_javascript_shows_the_questions_and_no_score(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/{PAGE}")
    root = page.locator(ROOT_SELECTOR)
    expected = model.format_outputs(model.compute())
    for name, text in expected.items():
        assert root.locator(f'[data-output="{name}"]').inner_text() == text
    assert root.locator("table tbody tr").count() == 8
    context.close()


def test_the_table_reads_the_same_with_and_without_javascript(browser, guarded_page, server):
    """One declaration of the table's labels (model.TABLE_COLUMNS) and cells: the page's table
    after the calculator runs and the no-JavaScript table both show the model's table."""
    page, problems = guarded_page
    root = load(page, server)
    expected = list(model.table(**model.DEFAULTS))
    assert list(shown_table(root.locator("details.ows-table table"))) == expected
    problems.assert_clean()
    assert list(table_without_javascript(browser, f"{server}/{PAGE}", ROOT_SELECTOR)) == expected


def test_presets_reset_share_link_and_sliders(guarded_page, server):
    """One visit: every offer preset, reset, the share link's address, the sliders."""
    page, problems = guarded_page
    root = load(page, server)
    exercise_scenario_tools(page, root, model, expect_outputs, link_status=False)
    assert_nothing_injected(page, root)
    problems.assert_clean()
