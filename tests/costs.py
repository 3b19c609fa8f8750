"""What each test costs, recorded by `make costs` (pytest --record-costs) into tests/costs.json, from which
tests/conftest.py derives the `slow` tier. The only test module that reads a clock: it measures, it bounds nothing."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest


class FixtureTimer:
    """In each process that runs tests: the set-up time of a module or session fixture goes with the test that
    set it up (as a user property, which pytest-xdist carries to the controlling process)."""

    @pytest.hookimpl(hookwrapper=True)
    def pytest_fixture_setup(self, fixturedef, request):
        start = time.perf_counter()
        yield
        item = getattr(request, "_pyfuncitem", None)
        if fixturedef.scope != "function" and item is not None:
            item.user_properties.append(("fixture_cost", (f"{fixturedef.baseid}::{fixturedef.argname}",
                                                          time.perf_counter() - start)))


class Recorder:
    """In the controlling process: the seconds of each test (setup, call, teardown, less the shared fixtures it
    set up) and of each shared fixture, written at the end of the session."""

    def __init__(self, path: Path, least: float):
        self.path, self.least = path, least
        self.tests: dict[str, float] = {}
        self.fixtures: dict[str, float] = {}
        self.seen: set[tuple[str, str]] = set()

    def pytest_runtest_logreport(self, report):
        self.tests[report.nodeid] = self.tests.get(report.nodeid, 0.0) + report.duration
        for name, value in report.user_properties:
            if name == "fixture_cost" and (report.nodeid, value[0]) not in self.seen:
                self.seen.add((report.nodeid, value[0]))
                self.fixtures[value[0]] = max(self.fixtures.get(value[0], 0.0), value[1])
                self.tests[report.nodeid] -= value[1]

    def pytest_sessionfinish(self, session):
        def kept(costs):
            return {key: round(seconds, 2) for key, seconds in sorted(costs.items()) if seconds >= self.least}

        self.path.write_text(json.dumps({"tests": kept(self.tests), "fixtures": kept(self.fixtures)}, indent=1)
                             + "\n", encoding="utf-8")
