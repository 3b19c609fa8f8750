"""The HTML edition through independent validators: the Nu HTML Checker (vnu-jar, with Java), axe-core in
Debian's Chromium (best-practice and WCAG 2.2 rules) and Lighthouse (accessibility). Versions pinned in
tests/web/package-lock.json, installed by `npm ci` there (scripts/ensure-tools.sh web)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from browser import chromium
from report.publication import charts
from report.config import load_config
from report.intake.year import load_year
from report.publication.html import WEB, context, render

ROOT = Path(__file__).resolve().parents[1]
WEB_TOOLS = ROOT / "tests" / "web" / "node_modules"
VNU = WEB_TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = WEB_TOOLS / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    """The web page of the sample year, as the build writes it (its charts included)."""
    data = load_year(ROOT / "inputs" / "2025", 2025, load_config())
    frame = data.frame()
    out = tmp_path_factory.mktemp("web")
    drawn = charts.make_charts(frame, "both", out, None, charts.department_names(data.config))
    path = out / "report_2025.html"
    path.write_text(render(context(data, "both", drawn, medium=WEB, frame=frame)), encoding="utf-8")
    return path


# A short run of the JVM: the quick compiler only and the serial collector (half the CPU time of the defaults for one
# page), and the larger thread stack that the quick compiler's frames need for the HTML schema.
JVM = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss8m"]


def test_nu_html_checker_finds_no_error_and_no_warning(page):
    if not shutil.which("java"):
        pytest.skip("no Java (sh scripts/ensure-tools.sh java)")
    if not VNU.is_file():
        pytest.skip(f"no {VNU} (sh scripts/ensure-tools.sh web)")
    run = subprocess.run(["java", *JVM, "-jar", str(VNU), "--also-check-css", "--format", "json", str(page)],
                         capture_output=True, text=True, timeout=600)
    messages = json.loads(run.stderr or "{}").get("messages", [])
    assert messages == [], [(m.get("type"), m.get("subType"), m.get("message")) for m in messages][:20]


def test_axe_core_finds_no_violation(page):
    if not AXE.is_file():
        pytest.skip(f"no {AXE} (sh scripts/ensure-tools.sh web)")
    with chromium() as browser:
        tab = browser.new_page(viewport={"width": 1200, "height": 900})
        tab.goto(page.as_uri())
        tab.add_script_tag(path=str(AXE))
        result = tab.evaluate("""() => axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
            resultTypes: ['violations']})""")
    violations = [(v["id"], len(v["nodes"]), v["nodes"][0]["target"]) for v in result["violations"]]
    assert violations == [], json.dumps(violations)


LIGHTHOUSE = WEB_TOOLS / "lighthouse" / "cli" / "index.js"
LIGHTHOUSE_CONFIG = ROOT / "tests" / "web" / "lighthouse.config.mjs"   # the accessibility audits, no waits


def test_lighthouse_accessibility_scores_one(page, tmp_path):
    """Lighthouse (its accessibility category) on the page served over HTTP (it refuses file: URLs)."""
    import functools
    import http.server
    import threading

    from browser import ARGS, CHROMIUM, skip_reason

    if skip_reason() or not LIGHTHOUSE.is_file() or not shutil.which("node"):
        pytest.skip(skip_reason() or f"no {LIGHTHOUSE} or no node (sh scripts/ensure-tools.sh web)")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(page.parent))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    report = tmp_path / "lighthouse.json"
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{page.name}"
        run = subprocess.run(["node", str(LIGHTHOUSE), url, f"--config-path={LIGHTHOUSE_CONFIG}", "--quiet",
                              "--output=json", f"--output-path={report}",
                              f"--chrome-flags=--headless=new {' '.join(ARGS)}"],
                             capture_output=True, text=True, timeout=600,
                             env={**os.environ, "CHROME_PATH": CHROMIUM})
    finally:
        server.shutdown()
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(report.read_text(encoding="utf-8"))
    failed = [k for k, audit in result["audits"].items() if audit.get("score") is not None and audit["score"] < 1]
    assert result["categories"]["accessibility"]["score"] == 1, failed
