#!/usr/bin/env python3
"""HTTPS server for the browser suite.

Serves the test pages from --root, and answers for the vendor's host (Chromium maps
plugin-code.salesmartly.com here with --host-resolver-rules): project scripts and install.js come
from tests/stand-ins/. A page whose name contains "failing-loader" gets a 500 for them (the server
reads the page from the Referer header), and one whose name contains "neutered-loader" an empty
script; the driver makes a page's loader slow or blocked. Every request is logged, one JSON line
each, to --log, so a test can tell whether the vendor's host was contacted at all.

Prints the port it listens on, then serves until killed.
"""
import argparse
import json
import os
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
STAND_INS = os.path.join(HERE, "..", "stand-ins")
# The project script's stand-in is the one `ssq-gen preview` serves.
PROJECT = os.path.join(HERE, "..", "..", "templates", "preview", "project.js")
VENDOR_HOST = "plugin-code.salesmartly.com"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--log", required=True)
    args = parser.parse_args()
    log_lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_):
            pass

        def do_GET(self):
            host = (self.headers.get("Host") or "").split(":")[0]
            referer = self.headers.get("Referer") or ""
            path = self.path.split("?")[0]
            with log_lock, open(args.log, "a") as log:
                log.write(json.dumps({"host": host, "path": path, "referer": referer, "t": time.time()}) + "\n")
            if host == VENDOR_HOST:
                if "failing-loader" in referer:
                    return self.send_error(500)
                if "neutered-loader" in referer:
                    # A content blocker's stand-in: it loads and runs, and defines nothing.
                    return self.send_bytes(b"/* neutered */", "text/javascript")
                if path.startswith("/js/project_") and path.endswith(".js"):
                    return self.send_file(PROJECT, "text/javascript")
                if path == "/chat/widget-v2/code/install.js":
                    return self.send_file(os.path.join(STAND_INS, "install.js"), "text/javascript")
                return self.send_error(404)
            file = os.path.normpath(os.path.join(args.root, path.lstrip("/")))
            if not file.startswith(os.path.abspath(args.root)) or not os.path.isfile(file):
                return self.send_error(404)
            self.send_file(file, "text/html; charset=utf-8")

        def send_file(self, file, content_type):
            with open(file, "rb") as f:
                self.send_bytes(f.read(), content_type)

        def send_bytes(self, body, content_type):
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
