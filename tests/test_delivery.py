import json

import pytest
from conftest_alerts import alerts_toml, free_port, smtp_server, webhook_server  # noqa: F401

from timeline.delivery import AlertsConfigError, Channels, deliver_pending, load_channels, queue

PAYLOAD = {"generated": "2026-12-06T10:00:00+00:00", "since_last_successful_run": None,
           "new_events": 1, "events": [{
               "key": "training|2024|2024|KW|https://example.org/a", "event_id": 1,
               "type": "training", "date": "2024", "year": 2024, "state": "KW",
               "title": "دورة تدريبية حول مكافحة الاتجار بالأشخاص",
               "agencies": [{"id": "kw-moi", "ar": "وزارة الداخلية", "en": "Ministry of Interior"}],
               "laws": [], "first_source": {"url": "https://example.org/a"}}]}


def pending(db):
    return list(db.query("SELECT * FROM deliveries WHERE delivered_at IS NULL"))


def test_email_and_webhook_reach_local_servers(db, tmp_path, smtp_server, webhook_server,
                                                monkeypatch):
    monkeypatch.setenv("TEST_WEBHOOK_TOKEN", "s3cret")
    channels = load_channels(alerts_toml(tmp_path / "alerts.toml", smtp_server, webhook_server.url))
    queue(db, channels, PAYLOAD, PAYLOAD["generated"])
    assert deliver_pending(db, channels) == (2, 0)
    [mail] = smtp_server.messages
    assert mail["to"] == ["analyst@example.org"]
    assert "1 new events" in mail["message"]["Subject"]
    body = mail["message"].get_body(("plain",)).get_content()
    assert "دورة تدريبية" in body and "Ministry of Interior" in body
    [post] = webhook_server.received
    assert post["json"] == PAYLOAD
    assert post["headers"]["Authorization"] == "Bearer s3cret"
    assert pending(db) == []
    assert deliver_pending(db, channels) == (0, 0)  # delivered once only


def test_failed_delivery_is_logged_kept_and_retried(db, tmp_path, webhook_server, caplog,
                                                    monkeypatch):
    monkeypatch.setenv("TEST_WEBHOOK_TOKEN", "x")
    channels = load_channels(alerts_toml(tmp_path / "a.toml", webhook_url=webhook_server.url))
    queue(db, channels, PAYLOAD, PAYLOAD["generated"])
    webhook_server.status = 500
    assert deliver_pending(db, channels) == (0, 1)
    assert "retried next run" in caplog.text and "500" in caplog.text
    [row] = pending(db)
    assert row["attempts"] == 1 and "500" in row["last_error"]
    webhook_server.status = 200
    assert deliver_pending(db, channels) == (1, 0)
    assert pending(db) == [] and len(webhook_server.received) == 2


def test_unreachable_smtp_server_fails_softly(db, tmp_path):
    config = tmp_path / "a.toml"
    config.write_text(f'[email]\nhost = "127.0.0.1"\nport = {free_port()}\n'
                      'from = "a@example.org"\nto = "b@example.org"\n', encoding="utf-8")
    channels = load_channels(config)
    queue(db, channels, PAYLOAD, PAYLOAD["generated"])
    assert deliver_pending(db, channels) == (0, 1)
    assert len(pending(db)) == 1


def test_missing_secret_variable_is_a_failed_delivery(db, tmp_path, webhook_server, monkeypatch):
    monkeypatch.delenv("TEST_WEBHOOK_TOKEN", raising=False)
    channels = load_channels(alerts_toml(tmp_path / "a.toml", webhook_url=webhook_server.url))
    queue(db, channels, PAYLOAD, PAYLOAD["generated"])
    assert deliver_pending(db, channels) == (0, 1)
    assert "TEST_WEBHOOK_TOKEN" in pending(db)[0]["last_error"]


@pytest.mark.parametrize("text,message", [
    ('[webhook]\nurl = "http://x"\ntoken = "abc"\n', "holds a secret"),
    ('[email]\nhost = "h"\npassword = "p"\nfrom = "a"\nto = "b"\n', "holds a secret"),
    ('[email]\nhost = "h"\n', "needs host, from and to"),
    ("[webhook\n", "alerts configuration"),
])
def test_bad_configuration_is_refused(tmp_path, text, message):
    path = tmp_path / "alerts.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AlertsConfigError, match=message):
        load_channels(path)


def test_no_file_no_channels(tmp_path):
    assert load_channels(tmp_path / "absent.toml") == Channels()


def test_the_example_configuration_loads():
    from pathlib import Path
    example = Path(__file__).parent.parent / "data" / "alerts.example.toml"
    channels = load_channels(example)
    assert channels.names() == ["email", "webhook"]
    assert json.dumps(channels.email)  # plain data, no secret in it
