"""The portal's speed: upload-to-result and chapter preview medians, and the serving process's memory.

    .venv/bin/python benchmarks/portal.py [--runs 5]

Starts `generate.py portal serve` (waitress) on a free port with a fresh data folder, makes a department account
and its API token, then measures over HTTP, as a department's browser or script would:
- upload to result: a POST of the workbook to /api/v1/years/2025/submissions, which answers once the file is
  stored and checked (findings, ledger and feedback workbook written): the largest sample workbook, and a
  generated 2,000-row workbook (benchmarks/inputs.py, with its planted mistakes);
- the chapter preview: the first GET of the chapter page after each upload (the submission read again and rendered
  by the report, then kept), and a second GET (read back);
- the serving process's resident memory after all that (VmRSS) and its peak (VmHWM), from /proc;
- the CPU seconds the serving process spent on each upload and preview (/proc/PID/stat), which depend far less
  on the machine's load than the wall times do (the load average is printed too).
The issue's budgets: upload-to-result under 1 s (sample) and 2 s (2,000 rows); the first preview under 1.5 s, of
the sample and of the 2,000-row workbook (each run's figure is printed too: the first run's has no Babel or
label formatted before, the later ones find some); under 250 MB.
"""
from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from inputs import generate  # noqa: E402

YEAR = 2025
EMAIL, PASSWORD = "bench@example.org", "bench-password-123"
BUDGETS = {"upload_sample": 1.0, "upload_2000": 2.0, "preview_sample": 1.5, "preview_2000": 1.5, "rss_mb_sample": 250}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(base: str, tries: int) -> None:
    """Wait for the portal server at `base` to answer its login page (tries × 0.1 s at the most)."""
    for _ in range(tries):
        try:
            urllib.request.urlopen(f"{base}/login/")
            return
        except OSError:
            time.sleep(0.1)


def cli(env: dict, *args: str) -> str:
    return subprocess.run([sys.executable, str(ROOT / "generate.py"), "portal", *args], env=env, check=True,
                          capture_output=True, text=True).stdout.strip()


def multipart(path: Path) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{path.name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode() + path.read_bytes() + \
        f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def upload(base: str, token: str, path: Path) -> tuple[float, dict]:
    body, kind = multipart(path)
    request = urllib.request.Request(f"{base}/api/v1/years/{YEAR}/submissions", data=body, method="POST",
                                     headers={"Authorization": f"Token {token}", "Content-Type": kind})
    start = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        result = json.load(response)
    return time.perf_counter() - start, result


def browser(base: str):
    """An opener logged in through the login form (session and CSRF cookies)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": EMAIL, "password": PASSWORD}).encode()
    opener.open(urllib.request.Request(f"{base}/login/", data=data, headers={"Referer": f"{base}/login/"}))
    return opener


def memory(pid: int) -> dict[str, float]:
    status = Path(f"/proc/{pid}/status").read_text()
    return {key: int(re.search(rf"{key}:\s+(\d+) kB", status).group(1)) / 1024 for key in ("VmRSS", "VmHWM")}


def cpu(pid: int) -> float:
    """The process's user + system CPU seconds so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    env = {**os.environ, "PORTAL_DATA": str(work / "data"), "PORTAL_YEAR": str(YEAR)}
    cli(env, "user", "add", "--role", "department", "--department", "COOP_PACE", "--email", EMAIL,
        "--password", PASSWORD)
    token = cli(env, "token", "add", EMAIL)
    largest = max((ROOT / "inputs" / str(YEAR)).glob("*.xlsx"), key=lambda p: p.stat().st_size)
    big = generate(work / "generated", YEAR, ["COOP_PACE"], 2000, flaws=True)[0]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, str(ROOT / "generate.py"), "portal", "serve", "--port", str(port)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_until_up(base, 200)
        upload(base, token, largest)   # warm: the first request imports the library
        opener = browser(base)
        chapter = f"{base}/years/{YEAR}/COOP_PACE/preview/chapter"
        figures = {}
        for key, path in (("sample", largest), ("2000", big)):
            uploads, previews, cpu_uploads, cpu_previews = [], [], [], []
            for _ in range(args.runs):
                used = cpu(server.pid)
                uploads.append(upload(base, token, path))
                cpu_uploads.append(cpu(server.pid) - used)
                start, used = time.perf_counter(), cpu(server.pid)
                opener.open(chapter).read()   # the first preview of this submission: rendered
                previews.append(time.perf_counter() - start)
                cpu_previews.append(cpu(server.pid) - used)
                if key == "sample":
                    figures["rss_mb_sample"] = memory(server.pid)["VmRSS"]
            figures[f"upload_{key}"] = statistics.median(t for t, _ in uploads)
            figures[f"upload_{key}_status"] = uploads[-1][1]["status"]
            figures[f"upload_{key}_rows"] = uploads[-1][1]["counts"]["read"]
            figures[f"preview_{key}"] = statistics.median(previews)
            figures[f"previews_{key}"] = previews
            figures[f"cpu_upload_{key}"] = statistics.median(cpu_uploads)
            figures[f"cpu_preview_{key}"] = statistics.median(cpu_previews)
        start = time.perf_counter()
        opener.open(chapter).read()
        figures["preview_again"] = time.perf_counter() - start   # kept: read back
        mem = memory(server.pid)
        figures["rss_mb"], figures["peak_rss_mb"] = mem["VmRSS"], mem["VmHWM"]
    finally:
        server.terminate()
        server.wait(timeout=10)
    load = os.getloadavg()[0]
    print(f"Portal benchmark ({args.runs} runs, medians; {os.cpu_count()} cores, load average {load:.1f})")
    print(f"  upload to result, largest sample workbook ({largest.name}, {figures['upload_sample_rows']} rows, "
          f"{figures['upload_sample_status']}): {figures['upload_sample']:.3f} s (budget {BUDGETS['upload_sample']} s)")
    print(f"  upload to result, 2,000-row workbook ({figures['upload_2000_status']}): {figures['upload_2000']:.3f} s "
          f"(budget {BUDGETS['upload_2000']} s)")
    print(f"  chapter preview, first view: sample {figures['preview_sample']:.3f} s (budget {BUDGETS['preview_sample']} s), "
          f"2,000 rows {figures['preview_2000']:.3f} s (budget {BUDGETS['preview_2000']} s; runs "
          f"{', '.join(f'{t:.3f}' for t in figures['previews_2000'])}); again {figures['preview_again']:.3f} s")
    print(f"  serving process: {figures['rss_mb_sample']:.0f} MB resident after the sample uploads, "
          f"{figures['rss_mb']:.0f} MB after the 2,000-row ones, peak {figures['peak_rss_mb']:.0f} MB "
          f"(budget {BUDGETS['rss_mb_sample']} MB)")
    print(f"  serving process CPU seconds: upload sample {figures['cpu_upload_sample']:.2f}, "
          f"2,000 rows {figures['cpu_upload_2000']:.2f}; first preview sample {figures['cpu_preview_sample']:.2f}, "
          f"2,000 rows {figures['cpu_preview_2000']:.2f}")
    over = [k for k, budget in BUDGETS.items() if figures[k] > budget]
    if over:
        print("  over budget: " + ", ".join(over))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
