"""Stage "process": run the NLP over stored articles and write what it finds.

For each article not yet processed (all of them with `reprocess`): the relevance
classifier scores it; the pipeline extracts its mentions and events; mentions go to
`mentions` (with their canonical `entities`), and — for relevant articles — events are
merged into the timeline (`timeline.merge`). Each article is written in one transaction
and marked `processed_at` (claimed in that transaction, so two runs at once never write
one article twice), so a second run changes nothing and an interrupted run loses at most
the article in hand. A failing article is logged and counted, never fatal.
"""

from __future__ import annotations

import json
import logging
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache

import sqlite_utils

from nlp.classifiers import load_relevance_classifier
from nlp.extract import extract_article, parse_date
from nlp.gazetteer import load_agencies
from nlp.normalise import normalise_text
from timeline.merge import find_match
from timeline.store import now_iso

log = logging.getLogger(__name__)
RELEVANCE_THRESHOLD = 0.5
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


def process_articles(db: sqlite_utils.Database, nlp, *, reprocess: bool = False,
                     limit: int | None = None, workers: int = 1,
                     use_tagger: bool = True) -> ProcessSummary:
    """Process the articles still to do; see the module docstring.

    With `workers` > 1 the NLP runs in that many processes (each builds its own
    pipeline, `nlp` is then unused); the database is written from this process only,
    in article order, so the result is the same as with one worker.
    """
    if reprocess:
        with db.atomic():
            for table in DERIVED_TABLES:
                db.execute(f"DELETE FROM {table}")
            db.execute("UPDATE articles SET processed_at = NULL, relevant = NULL")
    summary = ProcessSummary()
    sql = "SELECT * FROM articles WHERE processed_at IS NULL ORDER BY id"
    rows = list(db.query(sql + (f" LIMIT {int(limit)}" if limit else "")))
    for row, outcome in _analysed(rows, nlp, workers, use_tagger):
        try:
            if isinstance(outcome, str):
                raise RuntimeError(outcome)
            score, result = outcome
            with db.atomic():
                _write_article(db, row, result, score, summary)
        except Exception as error:  # one bad article never stops the run
            summary.failed += 1
            summary.errors.append(f"article {row['id']} ({row['url']}): {error}")
            log.error("article %s (%s) failed: %s", row["id"], row["url"], error)
    return summary


def analyse_row(nlp, row: dict) -> tuple[float, dict] | str:
    """(relevance score, extraction) of one stored article, or the error as text."""
    try:
        relevance = load_relevance_classifier()
        score = relevance.score(row["title"], row["text"]) if relevance else 1.0
        return score, extract_article(nlp, row["text"], parse_date(row["published"]))
    except Exception as error:  # reported by the caller with the article's URL
        log.debug("analysis failed", exc_info=True)
        return f"{type(error).__name__}: {error}"


_WORKER_NLP = None


def _start_worker(use_tagger: bool) -> None:
    global _WORKER_NLP  # one pipeline per worker process, built once
    from nlp.language import build_nlp
    _WORKER_NLP = build_nlp(use_tagger=use_tagger)


def _analyse_in_worker(row: dict) -> tuple[float, dict] | str:
    return analyse_row(_WORKER_NLP, row)


def _analysed(rows: list[dict], nlp, workers: int, use_tagger: bool):
    """(row, outcome) in article order, from this process or from a pool."""
    if workers <= 1 or len(rows) < 2:
        if nlp is None and rows:
            from nlp.language import build_nlp
            nlp = build_nlp(use_tagger=use_tagger)
        for row in rows:
            yield row, analyse_row(nlp, row)
        return
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(use_tagger,)) as pool:
        yield from zip(rows, pool.map(_analyse_in_worker, rows, chunksize=4))


def _write_article(db, row, result, score, summary) -> None:
    relevant = score >= RELEVANCE_THRESHOLD
    claimed = db.execute("UPDATE articles SET processed_at = ? WHERE id = ? AND processed_at IS NULL",
                         [now_iso(), row["id"]]).rowcount
    if not claimed:  # another process wrote this article meanwhile
        return
    for entity in result["entities"]:
        entity_id = upsert_entity(db, entity)
        value = entity.get("value")
        db["mentions"].insert({
            "article_id": row["id"], "entity_id": entity_id, "label": entity["label"],
            "text": entity["text"], "start": entity["start"], "end": entity["end"],
            "value": value if value is None or isinstance(value, str) else json.dumps(value),
            "lemma": entity.get("lemma"), "pos": entity.get("pos"),
        })
    if relevant:
        for event in result["events"]:
            _write_event(db, row["id"], event, summary)
    db["articles"].update(row["id"], {"relevant": int(relevant), "relevance_score": round(score, 4)})
    summary.processed += 1
    summary.relevant += int(relevant)


def _write_event(db, article_id: int, event: dict, summary: ProcessSummary) -> None:
    agencies = set(event["agencies"])
    event_id = find_match(db, event, agencies)
    if event_id is None:
        event_id = db["events"].insert({
            "type": event["type"], "date": event["date"], "year": event["year"],
            "country": event["country"], "title": event["title"],
            "confidence": event["confidence"], "location": event.get("location"),
        }).last_pk
        summary.events_new += 1
        summary.new_event_ids.append(event_id)
    else:
        summary.events_merged += 1
    evidence = event["evidence"]
    db["event_sources"].insert({
        "event_id": event_id, "article_id": article_id, "evidence": evidence["text"],
        "start": evidence["start"], "end": evidence["end"]}, ignore=True)
    for agency in event["agencies"]:
        entity_id = upsert_entity(db, {"label": "AGENCY", "canonical": agency, "text": agency})
        db["event_entities"].insert({"event_id": event_id, "entity_id": entity_id,
                                     "role": "agency"}, ignore=True)
    for law in event["laws"]:
        entity_id = upsert_entity(db, {"label": "LAW", "key": law["key"], "text": law["key"],
                                       "canonical": law})
        db["event_entities"].insert({"event_id": event_id, "entity_id": entity_id,
                                     "role": "law"}, ignore=True)


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
    """The id of the entity row of this mention, made on first sight (sqlite-utils'
    `lookup` on the UNIQUE (label, key) index)."""
    key = entity_key(entity)
    record = {"name_ar": entity["text"]}
    if entity["label"] == "AGENCY":
        record.update(_agency_info(key))
        if record.get("name_ar") is None or record["name_ar"] == key:
            record["name_ar"] = entity["text"]
    return db["entities"].lookup({"label": entity["label"], "key": key}, record)


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
