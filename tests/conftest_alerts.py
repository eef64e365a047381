"""Test helper: the real endpoints alerts are delivered to, started by the test.

`smtp_server`: an aiosmtpd SMTP server on 127.0.0.1 that keeps every message it gets.
`webhook_server`: an HTTP server on 127.0.0.1 that keeps every POST (headers, JSON body)
and answers with the status the test sets (`.status = 500` to make deliveries fail).
Imported by tests/test_delivery.py and tests/test_cli_run.py.
"""

from __future__ import annotations

import json
import socket
import threading
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Keeper:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append({"from": envelope.mail_from, "to": list(envelope.rcpt_tos),
                              "message": message_from_bytes(envelope.content, policy=policy.default)})
        return "250 OK"


@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller

    keeper = _Keeper()
    controller = Controller(keeper, hostname="127.0.0.1", port=free_port())
    controller.start()
    controller.messages = keeper.messages
    yield controller
    controller.stop()


@pytest.fixture
def webhook_server():
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            received.append({"path": self.path, "headers": dict(self.headers),
                             "json": json.loads(body.decode("utf-8"))})
            self.send_response(server.status)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.status, server.received = 200, received
    server.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def alerts_toml(path, smtp=None, webhook_url=None) -> str:
    """Write an alerts configuration for the test's servers to `path`."""
    text = ""
    if smtp is not None:
        text += (f'[email]\nhost = "127.0.0.1"\nport = {smtp.port}\nfrom = "monitor@example.org"\n'
                 'to = ["analyst@example.org"]\n')
    if webhook_url:
        text += f'[webhook]\nurl = "{webhook_url}"\ntoken_env = "TEST_WEBHOOK_TOKEN"\n'
    path.write_text(text, encoding="utf-8")
    return path
