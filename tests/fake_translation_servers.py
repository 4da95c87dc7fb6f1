"""
Small HTTP servers on loopback that speak the DeepL and LibreTranslate APIs, standing in
for the real services at their HTTP boundary. They "translate" by prefixing [en] and
record what they were sent.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

DEEPL_KEY = "test-key:fx"
LIBRETRANSLATE_KEY = "libre-key"


class FakeTranslationHandler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        if self.path == "/v2/translate":
            if self.headers.get("Authorization") != f"DeepL-Auth-Key {DEEPL_KEY}":
                return self.reply(403, {"message": "Wrong key"})
            form = parse_qs(raw)
            self.server.received.append(("deepl", form))
            return self.reply(
                200,
                {
                    "translations": [
                        {"detected_source_language": "SV", "text": f"[en] {t}"}
                        for t in form["text"]
                    ]
                },
            )
        if self.path == "/translate":
            data = json.loads(raw)
            if data.get("api_key") != LIBRETRANSLATE_KEY:
                return self.reply(403, {"error": "Invalid API key"})
            self.server.received.append(("libretranslate", data))
            return self.reply(200, {"translatedText": [f"[en] {q}" for q in data["q"]]})
        return self.reply(404, {"error": "not found"})


class FakeTranslationServer:
    def __enter__(self):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeTranslationHandler)
        self.httpd.received = []
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        return self

    @property
    def received(self):
        return self.httpd.received

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
