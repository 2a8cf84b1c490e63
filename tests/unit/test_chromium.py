"""Which Chromium the build and the tests drive: $CHROMIUM, then PATH, then Debian's."""

from __future__ import annotations

import os
from pathlib import Path

import chromium
import pytest


def executable(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def test_chromium_named_in_the_environment_comes_first(tmp_path, monkeypatch):
    named = executable(tmp_path, "my-chromium")
    executable(tmp_path, "chromium")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("CHROMIUM", str(named))
    assert chromium.find_chromium() == str(named)


def test_then_the_first_name_found_on_path(tmp_path, monkeypatch):
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    google = executable(tmp_path, "google-chrome")
    assert chromium.find_chromium() == str(google)
    browser = executable(tmp_path, "chromium-browser")
    assert chromium.find_chromium() == str(browser)
    plain = executable(tmp_path, "chromium")
    assert chromium.find_chromium() == str(plain)


def test_then_debians_path(tmp_path, monkeypatch):
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    debian = executable(tmp_path, "debian-chromium")
    monkeypatch.setattr(chromium, "DEBIAN", str(debian))
    assert chromium.find_chromium() == str(debian)
    monkeypatch.setattr(chromium, "DEBIAN", str(tmp_path / "absent"))
    assert chromium.find_chromium() is None


def test_a_missing_chromium_is_named_with_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "no-such-chromium"))
    assert chromium.find_chromium() is None
    with pytest.raises(RuntimeError, match=r"CHROMIUM=.*no-such-chromium.*scripts/install-chromium\.sh"):
        chromium.require_chromium()
    assert os.environ["CHROMIUM"].endswith("no-such-chromium")
