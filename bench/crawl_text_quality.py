"""Article text quality: banwatch's crawler against trafilatura alone on a public benchmark.

The 181 pages of the article-extraction benchmark (``shared/data/
article-extraction-benchmark``: ``html/*.html.gz`` and ``ground-truth.json``
keyed by file name, with ``articleBody``) are served on loopback behind one
RSS feed and crawled by banwatch -- the real spider, child process, decoding,
``parse_article`` in the worker pool, validation and storage -- and the stored
texts are scored with the benchmark's own metric: per page, 4-token shingles
(tokens are ``\\w+`` runs, case kept) counted as true/false positives and
negatives, normalised to sum to 1; precision and recall are means over pages
and F1 their harmonic mean. A page banwatch refuses (too little text) scores
as an empty extraction. Beside it: ``trafilatura.extract`` with its defaults,
and ``parse_article`` called directly (no HTTP), on the same bytes.

    .venv/bin/python bench/crawl_text_quality.py
    .venv/bin/python bench/crawl_text_quality.py --data /path/to/article-extraction-benchmark
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from statistics import mean
from typing import TypeVar

import trafilatura
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from banwatch.config import Settings, SourceConfig  # noqa: E402
from banwatch.crawler.articles import NoArticleText, parse_article  # noqa: E402
from banwatch.jobs import run_crawl_job  # noqa: E402
from banwatch.store.db import create_db_engine, session_scope  # noqa: E402
from banwatch.store.models import Article  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_DATA = SHARED / "data" / "article-extraction-benchmark"
_TOKEN = re.compile(r"\w+", re.UNICODE)


# -- the benchmark's metric ------------------------------------------------------


def shingles(text: str, n: int = 4) -> Counter[str]:
    tokens = _TOKEN.findall(text or "")
    return Counter(
        " ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def page_scores(truth: str, predicted: str) -> tuple[float, float]:
    """(precision, recall) of one page from normalised shingle tp/fp/fn."""
    expected, got = shingles(truth), shingles(predicted)
    tp = sum((expected & got).values())
    fp = sum((got - expected).values())
    fn = sum((expected - got).values())
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    precision = 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)
    recall = 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)
    return precision, recall


def score(truths: dict[str, str], predictions: dict[str, str]) -> tuple[float, float, float]:
    pairs = [page_scores(truths[key], predictions.get(key, "")) for key in truths]
    precision = mean(p for p, _ in pairs)
    recall = mean(r for _, r in pairs)
    return precision, recall, 2 * precision * recall / (precision + recall)


# -- serving the pages -------------------------------------------------------------


@contextmanager
def serve(pages: dict[str, bytes]) -> Iterator[str]:
    """The pages at /pages/<key>.html behind /feed.xml, on a free loopback port."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/feed.xml":
                items = "".join(
                    f"<item><title>{key}</title><link>{base}/pages/{key}.html</link></item>"
                    for key in pages
                )
                body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>b</title>{items}'
                body += "</channel></rss>"
                self._send(body.encode(), "application/rss+xml")
            elif self.path.startswith("/pages/") and self.path[7:-5] in pages:
                self._send(pages[self.path[7:-5]], "text/html")  # the charset is the page's job
            elif self.path == "/robots.txt":
                self._send(b"User-agent: *\nAllow: /\n", "text/plain")
            else:
                self.send_error(404)

        def _send(self, body: bytes, content_type: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            """Quiet."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# -- the contenders ----------------------------------------------------------------


T = TypeVar("T")


def _stored_text(article: Article) -> str:
    return article.text


def crawl_with_banwatch(
    pages: dict[str, bytes], read: Callable[[Article], T] = _stored_text
) -> tuple[dict[str, T], dict[str, object]]:
    """One real crawl of ``pages``; ``read`` of each stored article, by page key, and the stats."""
    with tempfile.TemporaryDirectory(prefix="banwatch-bench-") as scratch, serve(pages) as base:
        db_url = f"sqlite:///{Path(scratch) / 'bench.db'}"
        source = SourceConfig("benchmark", "feed", f"{base}/feed.xml", allow_private=True)
        result = run_crawl_job(Settings(db_url=db_url), [source], extract=False)
        engine = create_db_engine(db_url)
        with session_scope(engine) as session:
            stored = {
                article.url.rsplit("/", 1)[-1].removesuffix(".html"): read(article)
                for article in session.scalars(select(Article))
            }
        engine.dispose()
    return stored, result.stats


def run_function(
    pages: dict[str, bytes], extract: Callable[[str, bytes], str | None]
) -> tuple[dict[str, str], float]:
    started = time.perf_counter()
    texts = {key: extract(key, body) or "" for key, body in pages.items()}
    return texts, time.perf_counter() - started


def trafilatura_default(key: str, body: bytes) -> str | None:
    return trafilatura.extract(body)


def banwatch_parse(key: str, body: bytes) -> str | None:
    try:
        return parse_article(body, f"http://127.0.0.1/pages/{key}.html").text
    except NoArticleText:
        return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-crawl", action="store_true", help="parse_article only, no crawl")
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").is_file():
        sys.exit(f"no benchmark at {args.data} (expected ground-truth.json and html/)")
    truth_data = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    truths = {key: value["articleBody"] for key, value in truth_data.items()}
    pages = {
        key: gzip.decompress((args.data / "html" / f"{key}.html.gz").read_bytes()) for key in truths
    }
    print(f"{len(pages)} pages from {args.data}")
    print(f"{'':38} {'precision':>9} {'recall':>7} {'F1':>7} {'seconds':>8}")

    def show(label: str, texts: dict[str, str], seconds: float) -> float:
        precision, recall, f1 = score(truths, texts)
        print(f"{label:38} {precision:9.4f} {recall:7.4f} {f1:7.4f} {seconds:8.1f}")
        return f1

    baseline = show("trafilatura.extract (defaults)", *run_function(pages, trafilatura_default))
    direct = show("banwatch parse_article (direct)", *run_function(pages, banwatch_parse))
    if not args.no_crawl:
        started = time.perf_counter()
        texts, stats = crawl_with_banwatch(pages)
        crawled = show("banwatch crawl (spider, pool, store)", texts, time.perf_counter() - started)
        missing = len(pages) - len(texts)
        print(f"crawl stored {len(texts)} of {len(pages)} pages ({missing} refused or failed:"
              f" {stats.get('errors') or 'no errors'})")
        direct = crawled
    print(f"\nF1 banwatch {direct:.4f} vs trafilatura {baseline:.4f}: {direct - baseline:+.4f};"
          f" target 0.96 {'met' if direct >= 0.96 else 'NOT met'}")


if __name__ == "__main__":
    main()
