"""Stage "process": run the NLP over stored articles and write what it finds.

For each article not yet processed (all of them with `reprocess`): the pipeline
extracts its mentions, its relevance verdict and events (`nlp.extract`); mentions go to
`mentions` (with their canonical `entities`), and — for relevant articles — events are
merged into the timeline (`timeline.merge`). Each article is written in one transaction
and marked `processed_at` (claimed in that transaction, so two runs at once never write
one article twice), so a second run changes nothing and an interrupted run loses at most
the article in hand. A failing article is logged and counted, never fatal.
"""

from __future__ import annotations

import json
import logging
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache

import sqlite_utils

from nlp.extract import extract_article, extract_articles, parse_date
from nlp.gazetteer import load_agencies
from nlp.normalise import normalise_text
from nlp.stamp import tokenizer_mode
from timeline.merge import find_match
from timeline.store import now_iso

log = logging.getLogger(__name__)
DERIVED_TABLES = ("event_entities", "event_sources", "events", "mentions", "entities")


@dataclass
class ProcessSummary:
    processed: int = 0
    relevant: int = 0
    events_new: int = 0
    events_merged: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    new_event_ids: list[int] = field(default_factory=list)
    taggers: Counter = field(default_factory=Counter)  # articles analysed in each tokenizer mode

    @property
    def tagger(self) -> str | None:
        """The tokenizer mode the articles were analysed in, "camel" or "light" (both,
        joined by "+", when workers differed; None when no article was analysed)."""
        return "+".join(sorted(self.taggers)) or None


BATCH_SIZE = 32  # articles read, analysed and written together


def process_articles(db: sqlite_utils.Database, nlp, *, reprocess: bool = False,
                     limit: int | None = None, workers: int = 1,
                     use_tagger: bool = True, batch_size: int = BATCH_SIZE, progress=None,
                     dask: str | None = None) -> ProcessSummary:
    """Process the articles still to do; see the module docstring.

    Articles are read from the database in batches (never all at once) and each batch
    is analysed by `extract_batch`. With `workers` > 1 the batches go to that many
    processes (each builds its own pipeline, `nlp` is then unused); with `dask` (a
    scheduler address, or "local") they go to Dask workers (timeline.distributed). The
    database is written from this process only, in article order, so the result is the
    same as with one worker. `progress(items, total)` may wrap the articles' stream (a
    tqdm bar).
    """
    if reprocess:
        with db.atomic():
            for table in DERIVED_TABLES:
                db.execute(f"DELETE FROM {table}")
            db.execute("UPDATE articles SET processed_at = NULL, relevant = NULL")
    summary = ProcessSummary()
    batches = _unprocessed(db, limit, batch_size)
    outcomes = ((row, outcome) for batch, done in _analysed(batches, nlp, workers, use_tagger, dask)
                for row, outcome in zip(batch, done))
    for row, outcome in progress(outcomes, _count_unprocessed(db, limit)) if progress else outcomes:
        _store(db, row, outcome, summary)
    return summary


def _store(db, row: dict, outcome, summary: ProcessSummary) -> None:
    try:
        if isinstance(outcome, str):
            raise RuntimeError(outcome)  # noqa: TRY004 - a worker's error message, not a type error
        score, result = outcome
        summary.taggers[result["tagger"]] += 1
        with db.atomic():
            _write_article(db, row, result, score, summary)
    except Exception as error:  # noqa: BLE001 - one bad article never stops the run
        summary.failed += 1
        summary.errors.append(f"article {row['id']} ({row['url']}): {error}")
        log.error("article %s (%s) failed: %s", row["id"], row["url"], error)


def _count_unprocessed(db, limit: int | None) -> int:
    count = db.execute("SELECT count(*) FROM articles WHERE processed_at IS NULL").fetchone()[0]
    return min(count, limit) if limit else count


def _unprocessed(db, limit: int | None, batch_size: int) -> Iterator[list[dict]]:
    """The articles still to do, oldest id first, `batch_size` at a time."""
    last, left = 0, limit if limit else float("inf")
    while left > 0:
        rows = list(db.query(
            "SELECT id, url, title, text, published FROM articles "
            "WHERE processed_at IS NULL AND id > ? ORDER BY id LIMIT ?",
            [last, int(min(batch_size, left))]))
        if not rows:
            return
        yield rows
        last, left = rows[-1]["id"], left - len(rows)


def extract_batch(rows: list[dict], nlp=None, use_tagger: bool = True) -> list:
    """The analysis of a batch of articles: for each row (a dict with `title`, `text`,
    `published`), (relevance score, extraction) or the error as text.

    Pure apart from the pipeline it builds once per process (when `nlp` is not given),
    so a process pool or a Dask worker can call it as it is. The batch goes through
    `nlp.pipe` and the relevance classifier in one call each; should that fail, each
    article is analysed on its own so that one bad article costs only itself. Each
    extraction carries `tagger`, the tokenizer mode of the pipeline that made it.
    """
    nlp = nlp or process_pipeline(use_tagger)
    try:
        items = [(row["text"], parse_date(row["published"]), row["title"]) for row in rows]
        results = extract_articles(nlp, items, batch_size=len(rows) or 1)
        outcomes = [(result["relevance"], result) for result in results]
    except Exception:  # find the bad one(s)
        log.debug("batch failed, analysing one by one", exc_info=True)
        outcomes = [analyse_row(nlp, row) for row in rows]
    mode = tokenizer_mode(nlp)
    for outcome in outcomes:
        if not isinstance(outcome, str):
            outcome[1]["tagger"] = mode
    return outcomes


def analyse_row(nlp, row: dict) -> tuple[float, dict] | str:
    """(relevance score, extraction) of one stored article, or the error as text."""
    try:
        result = extract_article(nlp, row["text"], parse_date(row["published"]), row["title"])
        return result["relevance"], result
    except Exception as error:  # reported by the caller with the article's URL
        log.debug("analysis failed", exc_info=True)
        return f"{type(error).__name__}: {error}"


@lru_cache(maxsize=2)
def process_pipeline(use_tagger: bool = True):
    """This process's pipeline, built on first use."""
    from nlp.language import build_nlp
    return build_nlp(use_tagger=use_tagger)


def _extract_in_worker(rows: list[dict], use_tagger: bool) -> list:
    return extract_batch(rows, use_tagger=use_tagger)


def _analysed(batches: Iterator[list[dict]], nlp, workers: int, use_tagger: bool,
              dask: str | None = None):
    """(batch, outcomes) in article order, from this process, from a pool that holds at
    most two batches a worker in flight (memory stays bounded), or from a Dask cluster."""
    if dask:
        from timeline.distributed import analysed_on_dask
        yield from analysed_on_dask(batches, dask, workers=workers, use_tagger=use_tagger)
        return
    if workers <= 1:
        for batch in batches:
            yield batch, extract_batch(batch, nlp, use_tagger)
        return
    with ProcessPoolExecutor(workers) as pool:
        pending: deque = deque()
        for batch in batches:
            pending.append((batch, pool.submit(_extract_in_worker, batch, use_tagger)))
            if len(pending) >= 2 * workers:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()


def _write_article(db, row, result, score, summary) -> None:
    relevant = result["relevant"]  # the verdict of nlp.extract, as `extract` prints it
    claimed = db.execute("UPDATE articles SET processed_at = ? WHERE id = ? AND processed_at IS NULL",
                         [now_iso(), row["id"]]).rowcount
    if not claimed:  # another process wrote this article meanwhile
        return
    mentions = []
    for entity in result["entities"]:
        value = entity.get("value")
        mentions.append((
            row["id"], upsert_entity(db, entity), entity["label"], entity["text"],
            entity["start"], entity["end"],
            value if value is None or isinstance(value, str) else json.dumps(value),
            entity.get("lemma"), entity.get("pos")))
    db.conn.executemany(  # one statement for the article's mentions
        "INSERT INTO mentions (article_id, entity_id, label, text, start, end, value, lemma, pos) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", mentions)
    if relevant:
        for event in result["events"]:
            _write_event(db, row["id"], event, summary)
    db.execute("UPDATE articles SET relevant = ?, relevance_score = ? WHERE id = ?",
               [int(relevant), round(score, 4), row["id"]])
    summary.processed += 1
    summary.relevant += int(relevant)


def _write_event(db, article_id: int, event: dict, summary: ProcessSummary) -> None:
    agencies = set(event["agencies"])
    event_id = find_match(db, event, agencies)
    if event_id is None:
        event_id = _insert(db, "events", {
            "type": event["type"], "date": event["date"], "year": event["year"],
            "country": event["country"], "title": event["title"],
            "confidence": event["confidence"], "location": event.get("location"),
        })
        summary.events_new += 1
        summary.new_event_ids.append(event_id)
    else:
        summary.events_merged += 1
    evidence = event["evidence"]
    _insert(db, "event_sources", {
        "event_id": event_id, "article_id": article_id, "evidence": evidence["text"],
        "start": evidence["start"], "end": evidence["end"]}, ignore=True)
    for agency in event["agencies"]:
        entity_id = upsert_entity(db, {"label": "AGENCY", "canonical": agency, "text": agency})
        _insert(db, "event_entities", {"event_id": event_id, "entity_id": entity_id,
                                       "role": "agency"}, ignore=True)
    for law in event["laws"]:
        entity_id = upsert_entity(db, {"label": "LAW", "key": law["key"], "text": law["key"],
                                       "canonical": law})
        _insert(db, "event_entities", {"event_id": event_id, "entity_id": entity_id,
                                       "role": "law"}, ignore=True)


def _insert(db, table: str, record: dict, ignore: bool = False) -> int:
    """Insert one row in plain SQL (the tables exist: no sqlite-utils schema checks
    per row, which cost more than the insert); the new rowid."""
    columns = ", ".join(f'"{c}"' for c in record)
    sql = (f"INSERT {'OR IGNORE ' if ignore else ''}INTO {table} ({columns}) "
           f"VALUES ({', '.join('?' * len(record))})")
    return db.execute(sql, list(record.values())).lastrowid


def entity_key(entity: dict) -> str:
    """The canonical key of a mention's entity (see EXTRACTION.md)."""
    if entity["label"] == "AGENCY" and entity.get("canonical"):
        return entity["canonical"]
    if entity["label"] == "LAW":
        return entity.get("key") or (entity.get("canonical") or {}).get("key") or \
            normalise_text(entity["text"])
    if entity["label"] == "DATE":
        return str(entity.get("value") or normalise_text(entity["text"]))
    if entity.get("canonical") and isinstance(entity["canonical"], str):
        return entity["canonical"]
    return normalise_text(entity["text"])


def upsert_entity(db, entity: dict) -> int:
    """The id of the entity row of this mention, made on first sight: one read of the
    UNIQUE (label, key) index, an insert when it is new (plain SQL: sqlite-utils'
    `lookup` re-reads the schema on every call, which cost more than the rest of
    writing an article)."""
    key = entity_key(entity)
    found = db.execute("SELECT id FROM entities WHERE label = ? AND key = ?",
                       [entity["label"], key]).fetchone()
    if found:
        return found[0]
    record = {"label": entity["label"], "key": key, "name_ar": entity["text"]}
    if entity["label"] == "AGENCY":
        record.update(_agency_info(key))
        if record.get("name_ar") is None or record["name_ar"] == key:
            record["name_ar"] = entity["text"]
    return _insert(db, "entities", record)


def _agency_info(key: str) -> dict:
    """The gazetteer's facts about an agency id ({} for an agency it does not list)."""
    agency = _agencies_by_id().get(key)
    if agency is None:
        return {}
    return {"name_en": agency.en, "country": agency.country, "kind": agency.kind,
            "parent": agency.parent, "name_ar": agency.names[0]}


@lru_cache(maxsize=1)
def _agencies_by_id() -> dict:
    return {agency.id: agency for agency in load_agencies()}
