"""Distributed processing tests: `pipeline.py process --dask` on a real local Dask cluster
of two worker processes builds the same database as the single-process run
(timeline/distributed.py)."""

from __future__ import annotations

import sqlite3

import pytest

pytest.importorskip("distributed")

from conftest import SAMPLES, run_cli

# Compared column by column; processed_at is a clock reading and `runs` a log of the runs.
TABLES = {
    "articles": "id, url, relevant, relevance_score",
    "entities": "id, label, key, name_ar, name_en, country, kind, parent",
    "mentions": "id, article_id, entity_id, label, text, start, \"end\", value, lemma, pos",
    "events": "id, type, date, year, country, title, confidence, location",
    "event_sources": "event_id, article_id, evidence, start, \"end\"",
    "event_entities": "event_id, entity_id, role",
}


def copy_db(source, target) -> None:
    """A consistent copy (the WAL included) of an SQLite file."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def snapshot(path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as connection:
        return {table: connection.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2, 3")
                .fetchall() for table, columns in TABLES.items()}


@pytest.fixture(scope="module")
def single_run(tmp_path_factory):
    """The samples ingested and processed in one process: the reference database."""
    folder = tmp_path_factory.mktemp("single")
    fresh = folder / "fresh.db"
    assert run_cli("ingest", str(SAMPLES), "--db", str(fresh)).exit_code == 0
    processed = folder / "single.db"
    copy_db(fresh, processed)
    result = run_cli("process", "--db", str(processed))
    assert result.exit_code == 0 and "0 failed" in result.output, result.output
    return fresh, snapshot(processed), result.output


def test_dask_local_cluster_builds_the_same_database(single_run, tmp_path):
    fresh, expected, output = single_run
    db = tmp_path / "dask.db"
    copy_db(fresh, db)
    result = run_cli("process", "--dask", "local", "--workers", "2", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == output.strip().splitlines()[-1]
    got = snapshot(db)
    assert expected["events"] and expected["entities"] and expected["event_sources"]
    assert got == expected
    assert "ERROR" not in result.output and "Traceback" not in result.output


def test_dask_scheduler_address_loads_the_pipeline_once_per_worker(single_run, tmp_path):
    from distributed import Client, LocalCluster

    from timeline.distributed import worker_nlp

    fresh, expected, _ = single_run
    db = tmp_path / "address.db"
    copy_db(fresh, db)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        result = run_cli("process", "--dask", cluster.scheduler_address, "--db", str(db))
        assert result.exit_code == 0, result.output
        builds = client.run(lambda: worker_nlp.cache_info().misses)
        tasks = client.run(lambda dask_worker: len(dask_worker.state.log))
    assert snapshot(db) == expected
    assert sorted(builds.values()) == [1, 1]  # each worker built its pipeline once
    assert all(tasks.values()), "both workers ran batches"


def test_dask_unreachable_scheduler_is_a_clear_error(tmp_path):
    db = tmp_path / "t.db"
    assert run_cli("ingest", str(SAMPLES), "--db", str(db)).exit_code == 0
    result = run_cli("process", "--dask", "tcp://127.0.0.1:9", "--db", str(db))
    assert result.exit_code == 1 and "cannot reach the Dask scheduler" in result.output
