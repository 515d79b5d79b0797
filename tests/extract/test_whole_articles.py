"""The fast path (prefilter, paragraph selection, NER-only pipeline, ``nlp.pipe``)
must find exactly what the naive reading finds: the full model over each whole
article.  ``bench/extract_speed.py`` times the two; this checks they agree."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from banwatch.extract.text import text_from_html
from banwatch.sample_site import SAMPLE_SITE_DIR

SITE = Path(__file__).resolve().parents[2] / "examples" / "sample-site"


def _articles(n: int) -> list[tuple[str, date, str]]:
    meta = tomllib.loads((SITE / "articles.toml").read_text(encoding="utf-8"))["articles"]
    out = []
    for art in meta[:n]:
        html = (SAMPLE_SITE_DIR / "articles" / f"{art['slug']}.html").read_bytes()
        out.append((text_from_html(html), date.fromisoformat(str(art["published"])[:10]),
                    art["title"]))
    return out


@pytest.fixture(scope="module")
def naive():  # noqa: ANN201 - loads the full model lazily
    from banwatch.extract.extractor import Extractor

    return Extractor(whole_articles=True)


def test_fast_path_finds_what_the_whole_article_reading_finds(extractor, naive) -> None:
    articles = _articles(8)
    fast = list(extractor.extract_many(articles))
    slow = list(naive.extract_many(articles))
    assert sum(map(len, fast)) >= 4  # the sample's first articles are about bans
    for (_, _, title), a, b in zip(articles, fast, slow, strict=True):
        assert [e.to_dict() for e in a] == [e.to_dict() for e in b], title


def test_whole_article_reading_runs_the_full_model(naive) -> None:
    assert {"parser", "tagger", "ner"} <= set(naive.nlp.pipe_names)
    assert naive.extract("Nothing to see here about city budgets.", date(2024, 1, 1)) == []
