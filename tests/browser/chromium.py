"""The Chromium every browser test launches, in one place.

Debian's `chromium-headless-shell`: the same Blink and V8 as its `chromium` (one source package,
one version), built as the headless shell that Playwright itself launches for headless runs. The
full browser in headless mode starts a GPU process and the browser's own UI machinery for each
page; on the 2-core machine the suites took 365 s with it and 206 s with the shell (README).
"""
import shutil

EXECUTABLE = "chromium-headless-shell"


def launch_options(*args):
    """Keyword arguments for Playwright's `chromium.launch`, with ARGS after `--no-sandbox`."""
    path = shutil.which(EXECUTABLE)
    if path is None:
        raise SystemExit(EXECUTABLE + " is not on PATH: `bash .ci/run` installs it (apt)")
    return {"executable_path": path, "args": ["--no-sandbox", *args]}
