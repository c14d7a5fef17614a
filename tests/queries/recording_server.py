"""A loopback HTTP server that records every request it gets: to show that a refused query reached nothing.

It answers with a small CSV body, or forwards each request to ``forward`` (a real
server, such as ``oxigraph serve``) and relays the answer, so a request that gets
through is a real one. The query lists (``hostile_*.txt``, ``benign_*.txt``) are
read by :func:`queries`.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
CANARY = "dutygraph-canary-6f1c"


@dataclass
class Recorder:
    url: str
    requests: list[tuple[str, str]] = field(default_factory=list)


@contextmanager
def recording_server(forward: str | None = None):
    """Yield a :class:`Recorder` whose ``url`` (http://127.0.0.1:PORT) records each (method, path) it gets."""
    seen: list[tuple[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def _answer(self):
            seen.append((self.command, self.path))
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)) or None
            if forward is None:
                data, status, kind = f"name,value\n{CANARY},1\n".encode(), 200, "text/csv"
            else:
                headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
                request = urllib.request.Request(forward + self.path, data=body, method=self.command, headers=headers)
                try:
                    with urllib.request.urlopen(request, timeout=30) as response:
                        data, status = response.read(), response.status
                        kind = response.headers.get("Content-Type", "application/octet-stream")
                except urllib.error.HTTPError as exc:
                    data, status, kind = exc.read(), exc.code, exc.headers.get("Content-Type", "text/plain")
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer

        def log_message(self, *args):  # quiet
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Recorder(f"http://127.0.0.1:{server.server_address[1]}", seen)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def queries(name: str, backend: str | None = None) -> list[str]:
    """The queries of list ``name`` (one a line, "⏎" a line break, ``#`` lines and blank lines left out).

    A line ``neo4j: …`` or ``ladybug: …`` belongs to that backend only (``backend`` None: to none).
    """
    out = []
    for line in (HERE / name).read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("# "):
            continue
        tag, sep, rest = line.partition(": ")
        if sep and tag in ("neo4j", "ladybug"):
            if tag != backend:
                continue
            line = rest
        out.append(line.replace("⏎", "\n"))
    return out
