"""The guard every browser test relies on: a request to another host fails and is recorded."""

from __future__ import annotations


def test_requests_to_other_hosts_fail_and_are_recorded(guarded_page, server):
    page, problems = guarded_page
    page.goto(f"{server}/chapters/glossary.html")
    assert problems.lines() == []
    fetched = page.evaluate("() => fetch('https://example.com/data.json').then(() => 'fetched', () => 'failed')")
    page.evaluate("() => { const image = new Image(); image.src = 'http://cdn.example.org/a.png'; document.body.append(image); }")
    page.wait_for_function("() => [...document.images].every((image) => image.complete)")
    assert fetched == "failed"
    assert problems.external_requests == ["https://example.com/data.json", "http://cdn.example.org/a.png"]
