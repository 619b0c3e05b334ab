"""The README's and the package docstring's examples run as written."""

from __future__ import annotations

import doctest
import os
from pathlib import Path

import infobox
import infobox.api

ROOT = Path(__file__).resolve().parents[1]


def test_readme_examples(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 8 and result.failed == 0


def test_docstring_examples():
    for module in (infobox, infobox.api):
        result = doctest.testmod(module)
        assert result.failed == 0, module.__name__
    assert os.path.exists(ROOT / "examples" / "Khojaly_massacre.infobox.wiki")
