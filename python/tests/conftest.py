"""Shared fixtures of the binding's tests: the source tree and the tidings program, whose output
the binding must reproduce (make python-test sets TIDINGS_PROGRAM)."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "harbour-bridge"


@pytest.fixture(scope="session")
def program() -> Path:
    path = Path(os.environ.get("TIDINGS_PROGRAM", ROOT / "tidings"))
    if not os.access(path, os.X_OK):
        pytest.skip(f"no tidings program at {path} (make, or set TIDINGS_PROGRAM)")
    return path


@pytest.fixture(scope="session")
def run_json(program):
    """Runs the program with the arguments and returns its JSON Lines as a list."""
    def run(*args: str) -> list:
        out = subprocess.run([str(program), *args], capture_output=True, text=True, check=True,
                             cwd=ROOT).stdout
        return [json.loads(line) for line in out.splitlines()]
    return run


@pytest.fixture(scope="session")
def example_paths() -> list[Path]:
    return sorted(EXAMPLE.glob("*.txt"))
