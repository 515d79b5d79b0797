"""Train the decider: ``python -m banwatch.extract.training [--extra passages.jsonl ...]``.

Steps: the candidates of the own-words training parts (and of any extra annotated
passages, such as the real-news dev part exported from its cache) become examples
(``data.examples``); ``spacy train`` fits ``config.cfg`` on them; the best model is
installed with ``thresholds.json`` and a ``training.json`` record (parts, counts, hash).
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

from spacy.tokens import DocBin

from ..decider import MODEL_DIR
from ..evaluation import load_gold
from ..topics import DEFAULT_TOPICS, Topic
from .data import Example, examples, split

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "config.cfg"
THRESHOLDS = HERE / "thresholds.json"
#: own-words parts the decider learns from: every development part except dev12, which
#: stays a measure of how the whole extractor generalises; never the test part
TRAIN_PARTS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10",
               "dev11", "train1")
HELD_OUT = 0.15


def read_passages(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def own_words_passages(parts: tuple[str, ...] = TRAIN_PARTS) -> list[dict[str, Any]]:
    from ..evaluation import GOLD_DIR

    return [p for part in parts if (GOLD_DIR / f"{part}.jsonl").is_file()
            for p in load_gold(part)]


def to_docbin(items: list[Example], path: Path) -> None:
    import spacy

    nlp = spacy.blank("en")
    db = DocBin(store_user_data=False)
    for e in items:
        doc = nlp.make_doc(e.text)
        doc.cats = e.cats
        db.add(doc)
    db.to_disk(path)


def data_hash(items: list[Example], config: Path = CONFIG) -> str:
    h = hashlib.sha256(config.read_bytes())
    for e in items:
        h.update(json.dumps([e.text, sorted(e.cats.items())]).encode())
    return h.hexdigest()[:10]


@functools.lru_cache(maxsize=2)
def _rules_extractor(topics: tuple[Topic, ...] = DEFAULT_TOPICS) -> Any:
    """The rules alone, reading the given topics: a passage about a topic the extractor
    is not told of yields no candidate, so no example."""
    from ..extractor import Extractor

    return Extractor(topics=topics, decider=None)


@functools.lru_cache(maxsize=4)
def own_words_examples(parts: tuple[str, ...]) -> tuple[tuple[Example, ...], int]:
    """The own-words parts' examples and passage count. They depend only on the parts and
    the rules, so a process that trains several models (a team's retraining, the learning
    tests) reads the parts once."""
    own = own_words_passages(parts)
    return tuple(examples(_rules_extractor(), own)), len(own)


def build_examples(extra: list[Path], repeat_extra: int,
                   parts: tuple[str, ...] = TRAIN_PARTS,
                   topics: tuple[Topic, ...] = DEFAULT_TOPICS) -> tuple[list[Example], dict]:
    """The own-words parts' examples, then each extra file's, read with ``topics`` (a
    team's configured topics, or the real-news set's three)."""
    own, count = own_words_examples(tuple(parts))
    out = list(own)
    record: dict[str, Any] = {"own_words_parts": list(parts),
                              "own_words_passages": count, "extra": {}}
    extractor = _rules_extractor(topics)
    for path in extra:
        passages = read_passages(path)
        got = examples(extractor, passages)
        out += got * repeat_extra
        record["extra"][path.name] = {"passages": len(passages), "examples": len(got)}
    return out, record


def train(out_dir: Path, extra: list[Path], repeat_extra: int = 2, gpu: int = -1, *,
          parts: tuple[str, ...] = TRAIN_PARTS, topics: tuple[Topic, ...] = DEFAULT_TOPICS,
          overrides: dict[str, str] | None = None, log: IO[str] | None = None,
          config: Path = CONFIG) -> dict:
    """``parts``: the own-words parts learned from; ``topics``: the topics the ``extra``
    passages are read with; ``overrides``: ``spacy train`` settings
    by dotted name (``{"training.max_steps": "60"}``: a short training for tests); ``log``:
    where ``spacy train`` writes its progress (default: this process's output)."""
    t0 = time.time()
    items, record = build_examples(extra, repeat_extra, parts, topics)
    train_items, dev_items = split(items, HELD_OUT)
    record.update({"examples": len(items), "positives": sum(e.cats["EVENT"] for e in items),
                   "train": len(train_items), "held_out": len(dev_items)})
    version = data_hash(items, config)
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        to_docbin(train_items, tmpd / "train.spacy")
        to_docbin(dev_items, tmpd / "dev.spacy")
        build_s = time.time() - t0
        subprocess.run([sys.executable, "-m", "spacy", "train", str(config),
                        "--output", str(tmpd / "out"), "--paths.train", str(tmpd / "train.spacy"),
                        "--paths.dev", str(tmpd / "dev.spacy"), "--gpu-id", str(gpu),
                        *(arg for name, value in (overrides or {}).items()
                          for arg in (f"--{name}", value))],
                       check=True, stdout=log, stderr=subprocess.STDOUT if log else None)
        best = tmpd / "out" / "model-best"
        meta = json.loads((best / "meta.json").read_text(encoding="utf-8"))
        meta.update({"name": "banwatch_decider", "version": version})
        (best / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
        if out_dir.exists():
            shutil.rmtree(out_dir)
        shutil.copytree(best, out_dir)
    shutil.copy(THRESHOLDS, out_dir / "thresholds.json")
    record.update({"version": version, "build_seconds": round(build_s, 1),
                   "train_seconds": round(time.time() - t0 - build_s, 1),
                   "held_out_scores": {k: v for k, v in meta.get("performance", {}).items()
                                       if not isinstance(v, dict)}})
    (out_dir / "training.json").write_text(json.dumps(record, indent=2), encoding="utf-8")
    return record


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--out", type=Path, default=MODEL_DIR, help="where to install the model")
    ap.add_argument("--extra", type=Path, nargs="*", default=[],
                    help="more annotated passages (JSON lines: id, text, published, events)")
    ap.add_argument("--repeat-extra", type=int, default=2,
                    help="weight of the extra passages' examples (real text counts double)")
    args = ap.parse_args(argv)
    missing = [p for p in args.extra if not p.is_file()]
    if missing:
        print(f"no such file: {missing[0]}", file=sys.stderr)
        return 2
    record = train(args.out, args.extra, args.repeat_extra)
    print(json.dumps(record, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
