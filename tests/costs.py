"""What each test costs, recorded by `make costs` (pytest --record-costs) into tests/costs.json, from which
tests/conftest.py derives the `slow` tier. Costs are CPU seconds (the test process's and those of the processes it
started and waited for), which other work on a shared machine changes far less than wall time. The only test
module that reads a clock: it measures, it bounds nothing."""
from __future__ import annotations

import json
import resource
import time
from pathlib import Path

import pytest


def cpu_seconds() -> float:
    """CPU seconds used so far by this process and by the child processes it has waited for."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


class Clock:
    """In each process that runs tests: each report carries the CPU seconds of its phase (setup, call, teardown),
    and the report of the phase that set up a module or session fixture carries the fixture's seconds, as user
    properties, which pytest-xdist carries to the controlling process."""

    def __init__(self):
        self.mark = cpu_seconds()
        self.fixtures: list[tuple[str, float]] = []

    @pytest.hookimpl(hookwrapper=True)
    def pytest_fixture_setup(self, fixturedef, request):
        start = cpu_seconds()
        yield
        if fixturedef.scope != "function":
            self.fixtures.append((f"{fixturedef.baseid}::{fixturedef.argname}", cpu_seconds() - start))

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item, nextitem):
        self.mark, self.fixtures = cpu_seconds(), []
        yield

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        now = cpu_seconds()
        report = outcome.get_result()
        report.user_properties.append(("cpu", now - self.mark))
        report.user_properties.extend(("fixture_cost", cost) for cost in self.fixtures)
        self.mark, self.fixtures = now, []


class Recorder:
    """In the controlling process: the CPU seconds of each test (setup, call, teardown, less the shared fixtures it
    set up) and of each shared fixture, written at the end of the session."""

    def __init__(self, path: Path, least: float):
        self.path, self.least = path, least
        self.tests: dict[str, float] = {}
        self.fixtures: dict[str, float] = {}

    def pytest_runtest_logreport(self, report):
        nodeid = report.nodeid
        if nodeid.rfind("@") > nodeid.rfind("]"):   # pytest-xdist's --dist loadgroup adds "@group" to the node id
            nodeid = nodeid[:nodeid.rfind("@")]
        for name, value in report.user_properties:
            if name == "cpu":
                self.tests[nodeid] = self.tests.get(nodeid, 0.0) + value
            elif name == "fixture_cost":
                fixture, seconds = value
                self.fixtures[fixture] = max(self.fixtures.get(fixture, 0.0), seconds)
                self.tests[nodeid] = self.tests.get(nodeid, 0.0) - seconds

    def pytest_sessionfinish(self, session):
        def kept(costs):
            return {key: round(seconds, 2) for key, seconds in sorted(costs.items()) if seconds >= self.least}

        self.path.write_text(json.dumps({"tests": kept(self.tests), "fixtures": kept(self.fixtures)}, indent=1)
                             + "\n", encoding="utf-8")
