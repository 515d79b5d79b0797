"""Stories in scripts written without spaces are stories too (Chinese, Japanese, Thai, ...).

Counting whitespace-separated words saw a Chinese paragraph as one word, and
dropped such pages as "no article text". The fixtures are written for these
tests, about real public events.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem

from banwatch.crawler.articles import NoArticleText, parse_article
from banwatch.crawler.items import ArticleItem
from banwatch.crawler.pipelines import MIN_TEXT_WORDS, ValidateArticlePipeline
from banwatch.crawler.plaintext import word_count

DATA = Path(__file__).resolve().parent.parent / "data" / "crawler"
NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The council voted 7 to 2 on Thursday.", 8),
        ("Dash — and dots … are no words.", 6),
        ("个人信息保护法", 3),  # seven Han characters
        ("減税は24年6月ボーナス", 6),  # nine kana and Han, and two numbers
        ("กรุงเทพมหานคร", 6),  # thirteen Thai letters
        ("JR東日本は顔認識を導入", 1 + 5),  # a Latin word, and ten others
    ],
)
def test_word_count_in_any_script(text: str, words: int) -> None:
    assert word_count(text) == words


@pytest.mark.parametrize(
    ("name", "phrase", "language", "day"),
    [
        ("article_chinese.html", "设置显著的提示标识", "zh", date(2021, 8, 21)),
        ("article_japanese.html", "出所者などを検知の対象から外す", "ja", date(2021, 9, 22)),
    ],
)
def test_chinese_and_japanese_stories_are_kept(
    name: str, phrase: str, language: str, day: date
) -> None:
    article = parse_article((DATA / name).read_bytes(), f"https://x.example/{name}", now=NOW)
    assert phrase in article.text
    assert article.language == language
    assert article.published_date == day  # past midnight there, the day before in UTC
    item = ArticleItem(
        source="s",
        url=article.url,
        canonical_url=article.canonical_url,
        title=article.title,
        author=None,
        published=article.published,
        language=article.language,
        text=article.text,
        content_hash=article.content_hash,
    )
    assert ValidateArticlePipeline(MIN_TEXT_WORDS).process_item(item) is item


def test_a_short_chinese_stub_is_still_no_article() -> None:
    body = (
        '<html lang="zh"><body><main><article><h1>通知</h1>'
        "<p>本页面正在维护，请稍后再来。</p></article></main></body></html>"
    ).encode()
    with pytest.raises(NoArticleText, match="no article text"):
        parse_article(body, "https://x.example/notice", now=NOW)
    item = ArticleItem(
        "s", "u", "u", None, None, None, "zh", "本页面正在维护，请稍后再来。" * 3, "h"
    )
    with pytest.raises(DropItem, match="too short"):
        ValidateArticlePipeline(MIN_TEXT_WORDS).process_item(item)
