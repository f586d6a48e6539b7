#!/usr/bin/env python3
"""How long after a `didChange` the diagnostics of the example profile arrive from `ssq-gen lsp`.

Drives the server over pipes as an editor does: initialize, open examples/profile.ssq.toml, then
`runs` changes, each alternating between the example and the example with an error, waiting for
each change's publishDiagnostics. The time includes the server's 4 ms settle window. The baseline,
measured in the same run and alternating with it, is a whole `ssq-gen lint` process on the same
text (what an editor plugin that runs the CLI on every change would wait for).

Usage: benches/lsp.py [path/to/ssq-gen] [runs]   (default: cargo dist-build's binary, 200 runs)
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read(out):
    length = None
    while True:
        line = out.readline()
        if not line:
            raise EOFError("the server closed its output")
        line = line.strip()
        if not line:
            break
        name, value = line.split(b": ", 1)
        if name == b"Content-Length":
            length = int(value)
    return json.loads(out.read(length))


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "x86_64-unknown-linux-gnu", "dist", "ssq-gen")
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    if len(sys.argv) <= 1:
        subprocess.run(["cargo", "dist-build", "--quiet"], cwd=ROOT, check=True)
    example = open(os.path.join(ROOT, "examples", "profile.toml")).read()
    broken = example.replace('phone = "+86 159 2014 1234"', 'phone = "+86 159 2014 12345678"')
    assert broken != example
    server = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    send = lambda m: (server.stdin.write(frame(m)), server.stdin.flush())
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    assert read(server.stdout)["id"] == 1
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    uri = "file:///bench/profile.ssq.toml"
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "toml", "version": 1, "text": example}}})
    read(server.stdout)

    with tempfile.NamedTemporaryFile("w", suffix=".ssq.toml", delete=False) as f:
        f.write(example)
    lsp, lint = [], []
    for version in range(2, runs + 2):
        text = broken if version % 2 else example
        start = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}})
        message = read(server.stdout)
        lsp.append(time.perf_counter() - start)
        assert message["params"]["version"] == version
        assert (len(message["params"]["diagnostics"]) > 0) == (text is broken)
        start = time.perf_counter()
        subprocess.run([binary, "lint", "-q", f.name], stdout=subprocess.DEVNULL)
        lint.append(time.perf_counter() - start)
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    read(server.stdout)
    send({"jsonrpc": "2.0", "method": "exit"})
    server.wait()
    os.unlink(f.name)
    ms = lambda xs: statistics.median(xs) * 1000
    print(f"didChange to publishDiagnostics, examples/profile.ssq.toml: median {ms(lsp):.2f} ms over {runs} changes "
          f"(p90 {sorted(lsp)[int(runs * 0.9)] * 1000:.2f} ms; target <= 20 ms)")
    print(f"baseline, a whole `ssq-gen lint` process on it:     median {ms(lint):.2f} ms ({ms(lsp) / ms(lint):.2f} x)")


if __name__ == "__main__":
    main()
