"""Serve a built site on loopback as a real host would: gzip, cache headers, a 404 page per language, any sub-path."""
from __future__ import annotations

import gzip
import mimetypes
import re
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = re.compile(r"^(text/|application/(javascript|json|xml)|image/svg\+xml)")
HASHED_ASSET = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Content-Security-Policy": "frame-ancestors 'none'",
}


def free_port() -> int:
    """A loopback port nothing listens on now (to build a site for its address before serving it there)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_handler(site: Path, prefix: str, languages: tuple[str, ...]):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format, *args):  # noqa: A002
            pass

        def resolve(self, path: str) -> Path | None:
            if not path.startswith(prefix):
                return None
            target = site / unquote(path[len(prefix):])
            if target.is_dir():
                if not path.endswith("/"):
                    return None
                target = target / "index.html"
            return target if target.is_file() and site.resolve() in target.resolve().parents else None

        def do_GET(self):  # noqa: N802
            path = urlsplit(self.path).path
            target, status = self.resolve(path), 200
            if target is None:
                rest = path[len(prefix):] if path.startswith(prefix) else ""
                locale = rest.split("/", 1)[0]
                target, status = (site / locale / "404.html" if locale in languages else site / "404.html"), 404
            body = target.read_bytes()
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            self.send_response(status)
            self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
            if COMPRESSIBLE.match(kind) and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, 6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            cache = "public, max-age=31536000, immutable" if HASHED_ASSET.search(target.name) else "public, max-age=600"
            self.send_header("Cache-Control", cache)
            for name, value in SECURITY_HEADERS.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


class SiteServer:
    """A running server: `with SiteServer(site, port) as url: ...`."""

    def __init__(self, site: Path, port: int = 0, prefix: str = "/", languages: tuple[str, ...] = ("en",)):
        self.server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(Path(site), prefix, languages))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{prefix}"

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self.url

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
