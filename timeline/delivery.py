"""Stage "deliver": send each run's new events by e-mail (SMTP) or webhook (HTTP POST).

Configured in a TOML file (`data/alerts.example.toml` documents it); secrets — SMTP
password, webhook token — are read from the environment variables the file names, and a
file that holds a secret itself is refused. A run queues one delivery a channel in the
`deliveries` table (with the digest as payload) in the transaction that announces the
events; every run then tries every delivery still pending, so one that failed (server
down, timeout) is logged and retried next run, and never fails the run.
"""

from __future__ import annotations

import json
import logging
import os
import smtplib
import tomllib
import urllib.request
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

import sqlite_utils

from core.errors import PipelineError
from timeline.store import now_iso

log = logging.getLogger(__name__)
SECRET_KEYS = {"password", "token", "secret", "api_key"}
TIMEOUT = 20


class AlertsConfigError(PipelineError):
    code = "E112"

    def __init__(self, path: Path, reason: str):
        super().__init__(f"alerts configuration {path}: {reason}")


@dataclass(frozen=True)
class Channels:
    email: dict = field(default_factory=dict)
    webhook: dict = field(default_factory=dict)

    def names(self) -> list[str]:
        return [name for name in ("email", "webhook")
                if getattr(self, name) and getattr(self, name).get("enabled", True)]


def load_channels(path: Path | None) -> Channels:
    """The channels of the TOML file at `path` (none when there is no file)."""
    if path is None or not path.is_file():
        return Channels()
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise AlertsConfigError(path, str(error)) from error
    for section, values in config.items():
        found = SECRET_KEYS & set(values if isinstance(values, dict) else {})
        if found:
            raise AlertsConfigError(path, f"[{section}] holds a secret ({', '.join(sorted(found))}); "
                                    "name an environment variable instead (password_env, token_env)")
    email, webhook = config.get("email", {}), config.get("webhook", {})
    if email and not (email.get("host") and email.get("to") and email.get("from")):
        raise AlertsConfigError(path, "[email] needs host, from and to")
    if webhook and not webhook.get("url"):
        raise AlertsConfigError(path, "[webhook] needs url")
    return Channels(email, webhook)


def queue(db: sqlite_utils.Database, channels: Channels, payload: dict, when: str) -> None:
    """Queue one delivery a channel (call inside the transaction that announces)."""
    for channel in channels.names():
        db["deliveries"].insert({"channel": channel, "created_at": when, "attempts": 0,
                                 "payload": json.dumps(payload, ensure_ascii=False)})


def deliver_pending(db: sqlite_utils.Database, channels: Channels) -> tuple[int, int]:
    """Try every pending delivery of a configured channel; (delivered, failed)."""
    delivered = failed = 0
    for row in list(db.query("SELECT * FROM deliveries WHERE delivered_at IS NULL ORDER BY id")):
        config = getattr(channels, row["channel"], None)
        if not config:
            continue  # channel no longer configured: kept until it is again
        try:
            SENDERS[row["channel"]](config, json.loads(row["payload"]))
        except (OSError, smtplib.SMTPException, ValueError) as error:
            failed += 1
            log.warning("delivery %s by %s failed (attempt %s), retried next run: %s",
                        row["id"], row["channel"], row["attempts"] + 1, error)
            db["deliveries"].update(row["id"], {"attempts": row["attempts"] + 1,
                                                "last_error": str(error)[:500]})
            continue
        delivered += 1
        db["deliveries"].update(row["id"], {"attempts": row["attempts"] + 1,
                                            "delivered_at": now_iso(), "last_error": None})
    return delivered, failed


def _secret(config: dict, key: str) -> str | None:
    name = config.get(key)
    if name and not os.environ.get(name):
        raise ValueError(f"environment variable {name} (named by {key}) is not set")
    return os.environ.get(name) if name else None


def send_email(config: dict, payload: dict) -> None:
    message = EmailMessage()
    message["Subject"] = (f"{config.get('subject_prefix', '[gulf-tip-monitor]')} "
                          f"{payload['new_events']} new events on the timeline")
    message["From"] = config["from"]
    recipients = config["to"] if isinstance(config["to"], list) else [config["to"]]
    message["To"] = ", ".join(recipients)
    message.set_content(digest_text(payload))
    message.add_attachment(json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8"),
                           maintype="application", subtype="json", filename="new-events.json")
    user, password = _secret(config, "username_env"), _secret(config, "password_env")
    with smtplib.SMTP(config["host"], int(config.get("port", 587)), timeout=TIMEOUT) as smtp:
        if config.get("starttls", False):
            smtp.starttls()
        if user and password:
            smtp.login(user, password)
        smtp.send_message(message)


def send_webhook(config: dict, payload: dict) -> None:
    headers = {"Content-Type": "application/json; charset=utf-8",
               "User-Agent": "gulf-tip-monitor"}
    token = _secret(config, "token_env")
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(config["url"], method="POST", headers=headers,
                                     data=json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        response.read()  # urlopen raises HTTPError (an OSError) on 4xx/5xx


SENDERS = {"email": send_email, "webhook": send_webhook}


def digest_text(payload: dict) -> str:
    """The digest as plain text, one event a paragraph."""
    lines = [f"{payload['new_events']} new events (generated {payload['generated']})", ""]
    for event in payload["events"]:
        agencies = ", ".join(a["en"] or a["ar"] or a["id"] for a in event["agencies"]) or "—"
        laws = ", ".join(law["ar"] or law["id"] for law in event["laws"]) or "—"
        lines += [f"{event['date'] or event['year'] or '—'}  {event['type']}  {event['state'] or '—'}",
                  f"  {event['title']}", f"  agencies: {agencies}", f"  laws: {laws}",
                  f"  source: {event['first_source'].get('url') or '—'}", ""]
    return "\n".join(lines)
