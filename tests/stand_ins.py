"""
Loopback stand-ins for the services an error report goes to: an SMTP server and Sentry's
ingest endpoint, each keeping what it is sent. Used by tests/test_error_reports.py and the
production rehearsal.
"""

import email.policy
import gzip
import threading
import zlib
from contextlib import contextmanager
from email import message_from_bytes
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import brotli
from aiosmtpd.controller import Controller

from tests.servers import free_port


class Mailbox:
    """An SMTP server's handler that keeps every message it is given."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 OK"


@contextmanager
def smtp_server():
    """A running SMTP server on loopback: its Mailbox, with ``port`` set."""
    mailbox = Mailbox()
    mailbox.port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=mailbox.port)
    controller.start()
    try:
        yield mailbox
    finally:
        controller.stop()


class FakeSentry(BaseHTTPRequestHandler):
    """Sentry's ingest endpoint, keeping the envelopes it is sent on its server."""

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":
            body = brotli.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
        self.server.envelopes.append((self.path, body))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, format, *args):
        pass


@contextmanager
def sentry_server():
    """A running stand-in for Sentry on loopback; ``envelopes`` holds what it got."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeSentry)
    server.envelopes = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
