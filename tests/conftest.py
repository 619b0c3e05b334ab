"""Shared fixtures: the bundled real pages (tests/fixtures) and the shared corpus (../shared/corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

import infobox

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
if not CORPUS.exists():
    CORPUS = Path("../shared/corpus")


def corpus_or_skip() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS} (../shared/corpus beside the checkout); whole-corpus test skipped")
    return CORPUS


@pytest.fixture(scope="session")
def khojaly() -> infobox.Article:
    return infobox.parse_file(FIXTURES / "Khojaly_massacre.infobox.wiki")


@pytest.fixture(scope="session")
def khojaly_box(khojaly: infobox.Article) -> infobox.Infobox:
    return khojaly.infoboxes[0]
