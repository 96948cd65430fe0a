"""Test fixtures: a throwaway HTTP server on localhost and a uvicorn instance of the app."""
import http.server
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

FIXTURES = Path(__file__).parent / "fixtures"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests = []

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        _Recorder.requests.append((self.path, dict(self.headers), self.rfile.read(length)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def recorder():
    _Recorder.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Recorder.requests
    server.shutdown()


@pytest.fixture(scope="session")
def live_app():
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "webhooks.app:app", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(50):
        try:
            if requests.get(f"{base}/health", timeout=0.2).ok:
                break
        except requests.ConnectionError:
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=5)


@pytest.fixture
def sample_event():
    return (FIXTURES / "event.json").read_bytes()
