"""`pipeline.py run`: the scheduled job, its lock, exit codes, log, progress and alerts."""

import fcntl
import json
import os
import pty
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import time

import pytest
from conftest import ROOT, run_cli
from conftest_alerts import alerts_toml, smtp_server, webhook_server  # noqa: F401

from timeline.job import ExitCode, JobOptions, JobState, open_run_log, run_job
from timeline.lock import lock_path, run_lock

ARTICLES = ROOT / "tests" / "articles"


def pipeline(*args):
    return [sys.executable, str(ROOT / "pipeline.py"), *args]


def count(db_path, sql):
    with sqlite3.connect(db_path, timeout=10) as db:
        return db.execute(sql).fetchone()[0]


@pytest.mark.slow
def test_run_processes_the_samples_and_delivers_what_is_new(db_path, tmp_path, smtp_server,
                                                            webhook_server, monkeypatch):
    monkeypatch.setenv("TEST_WEBHOOK_TOKEN", "t")
    config = alerts_toml(tmp_path / "alerts.toml", smtp_server, webhook_server.url)
    args = ("run", "--no-crawl", "--db", str(db_path), "--alerts", str(config))
    result = run_cli(*args)
    assert result.exit_code == ExitCode.OK
    assert "samples: 5 added" in result.output and "5 articles" in result.output
    assert "accession" in result.output
    digest = json.loads((tmp_path / "new-events.json").read_text(encoding="utf-8"))
    events = count(db_path, "SELECT count(*) FROM events")
    assert digest["new_events"] == events > 0
    assert "accession" in {e["type"] for e in digest["events"]}
    assert (tmp_path / "new-events.atom").read_text(encoding="utf-8").count("<entry>") == events
    assert len(smtp_server.messages) == 1 and webhook_server.received[0]["json"] == digest
    log = (tmp_path / "run.log").read_text(encoding="utf-8")
    for line in ("samples: added 5", "process: processed 5", f"alerts: new_events {events}",
                 "deliver: delivered 2", "run: ok (exit 0)"):
        assert line in log

    again = run_cli(*args)
    assert again.exit_code == ExitCode.OK
    assert "samples: 0 added, 5 already there" in again.output
    assert "nothing new on the timeline" in again.output
    digest = json.loads((tmp_path / "new-events.json").read_text(encoding="utf-8"))
    assert digest["new_events"] == 0 and digest["since_last_successful_run"]
    assert len(smtp_server.messages) == 1 and len(webhook_server.received) == 1  # nothing new


def test_a_run_while_another_holds_the_lock_exits_75_naming_it(db_path):
    with run_lock(lock_path(db_path)):
        result = run_cli("run", "--no-crawl", "--no-samples", "--db", str(db_path))
    assert result.exit_code == ExitCode.LOCKED == 75
    assert f"pid {os.getpid()}" in result.output and "started 20" in result.output
    assert not db_path.exists()  # nothing done


def test_bad_database_is_a_failure(tmp_path):
    bad = tmp_path / "timeline.db"
    bad.write_text("not a database", encoding="utf-8")
    result = run_cli("run", "--no-crawl", "--no-samples", "--db", str(bad))
    assert result.exit_code == ExitCode.FAILED
    assert "not a usable SQLite database" in result.output


def test_an_unexpected_error_is_a_failure_recorded_in_runs_and_log(tmp_path):
    db_path = tmp_path / "timeline.db"
    (tmp_path / "new-events.json").mkdir()  # the digest cannot be written
    result = run_cli("run", "--no-crawl", "--no-samples", "--db", str(db_path))
    assert result.exit_code == ExitCode.FAILED
    assert "Error: the run failed: IsADirectoryError" in result.output
    assert "Traceback" in (tmp_path / "run.log").read_text(encoding="utf-8")
    details = json.loads(count(db_path, "SELECT details FROM runs WHERE command = 'run'"))
    assert details["status"] == "failed" and "new-events.json" in details["error"]


def test_some_failed_articles_make_a_partial_run(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.txt").write_bytes("خبر بترميز ويندوز".encode("windows-1256"))
    (folder / "empty.txt").write_text("", encoding="utf-8")
    state = JobState()
    options = JobOptions(tmp_path / "timeline.db", crawl=False, samples=folder, use_tagger=False)
    with open_run_log(tmp_path / "run.log"):
        lines = list(run_job(options, state))
    assert state.exit_code == ExitCode.PARTIAL == 3
    assert "samples: 0 added" in lines[0]
    assert "samples: added 0, duplicates 0, failed 2" in (tmp_path / "run.log").read_text()
    details = json.loads(count(options.db_path, "SELECT details FROM runs WHERE command = 'run'"))
    assert details["status"] == "partial" and len(details["failures"]) == 2


def test_the_run_log_rotates(tmp_path):
    import logging
    path = tmp_path / "run.log"
    with open_run_log(path, max_bytes=2000, backups=2):
        for i in range(200):
            logging.getLogger("gulf_tip.run").info("stage %d: counts", i)
    assert path.exists() and (tmp_path / "run.log.1").exists() and (tmp_path / "run.log.2").exists()
    assert not (tmp_path / "run.log.3").exists()
    assert path.stat().st_size <= 2000


def test_help_documents_the_exit_codes():
    text = run_cli("run", "--help").output
    for line in ("0   success", "1   failure", "3   partial failure", "75  another run holds"):
        assert f"\n    {line}" in text
    assert "--log-file" in text and "--alerts" in text


@pytest.mark.slow
def test_progress_bar_only_at_a_terminal(tmp_path):
    def one_article_run(name):
        db_path = tmp_path / name / "timeline.db"
        run_cli("ingest", str(ARTICLES / "001_kuna_kw_strategy_launch.txt"), "--db", str(db_path))
        return pipeline("run", "--no-crawl", "--no-samples", "--no-tagger", "--db", str(db_path))

    piped = subprocess.run(one_article_run("piped"), capture_output=True, text=True, cwd=ROOT, check=False)
    assert piped.returncode == 0 and "process: 1 articles" in piped.stdout
    assert "%|" not in piped.stderr + piped.stdout
    args = one_article_run("terminal")
    pid, fd = pty.fork()
    if pid == 0:  # the child: the run, with an 80-column terminal for stdout and stderr
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.chdir(ROOT)
        os.execv(sys.executable, args)
    output = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.waitpid(pid, 0)
    text = output.decode("utf-8", "replace")
    assert "process: 1 articles" in text
    assert "process: 100%|" in text and "1/1" in text


@pytest.mark.slow
def test_two_runs_started_together_leave_one_result(db_path):
    args = pipeline("run", "--no-crawl", "--no-tagger", "--db", str(db_path))
    first = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    _wait_for(lambda: lock_path(db_path).exists() and lock_path(db_path).read_text())
    second = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)
    _out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert second.returncode == 75
    assert f"pid {first.pid}" in second.stderr and "started" in second.stderr
    assert count(db_path, "SELECT count(*) FROM articles") == 5
    assert count(db_path, "SELECT count(*) FROM runs WHERE command = 'run'") == 1


@pytest.mark.slow
def many_articles(folder, copies=4):
    """A JSONL of distinct articles, several of `process`'s batches long, so that a kill
    lands between the batches whatever the machine's speed (the test articles, each copy
    told apart by a closing line of its own)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    path = folder / "many.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(copies):
            for i, text in enumerate(texts):
                record = {"url": f"https://example.com/copy/{n}/{i}",
                          "text": f"{text}\nنسخة رقم {n} من المادة {i}."}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def test_a_run_killed_mid_way_is_repaired_by_the_next(db_path, tmp_path):
    run_cli("ingest", str(many_articles(tmp_path)), "--db", str(db_path))
    total = count(db_path, "SELECT count(*) FROM articles")
    args = pipeline("run", "--no-crawl", "--no-tagger", "--db", str(db_path))
    killed = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for(lambda: count(db_path, "SELECT count(*) FROM articles "
                                     "WHERE processed_at IS NOT NULL") >= 3)
    os.kill(killed.pid, signal.SIGKILL)
    killed.wait()
    done = count(db_path, "SELECT count(*) FROM articles WHERE processed_at IS NOT NULL")
    assert 3 <= done < total + 5, "killed mid-way"
    assert json.loads(lock_path(db_path).read_text())["pid"] == killed.pid  # lock left behind

    again = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)
    assert again.returncode == 0, again.stderr
    assert f"recovered the lock of a run that ended without releasing it: pid {killed.pid}" \
        in again.stdout
    assert "was killed" in again.stdout
    assert count(db_path, "SELECT count(*) FROM articles WHERE processed_at IS NULL") == 0
    assert count(db_path, "SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id "
                          "WHERE a.processed_at IS NULL") == 0
    statuses = [json.loads(r[0])["status"] for r in sqlite3.connect(db_path).execute(
        "SELECT details FROM runs WHERE command = 'run' ORDER BY id")]
    assert statuses == ["killed", "ok"]
    # the events the killed run wrote are announced by the run that finished
    digest = json.loads((tmp_path / "new-events.json").read_text(encoding="utf-8"))
    assert digest["new_events"] == count(db_path, "SELECT count(*) FROM events") > 0


def _wait_for(condition, timeout=240):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except (sqlite3.Error, OSError):
            pass
        time.sleep(0.1)
    raise AssertionError("timed out waiting")
