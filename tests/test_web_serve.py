"""`accord serve`: starting it, and what happens to an ingest while it runs."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import typer
from typer.testing import CliRunner

from accord.cli.serve import serve_command
from accord.store import LOCKED_MESSAGE, Store, StoreLockedError
from store_fixtures import kyiv_result, paris_result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cli() -> typer.Typer:
    app = typer.Typer()
    app.command()(serve_command)
    return app


def test_serving_a_missing_store_says_how_to_build_one(tmp_path: Path) -> None:
    result = CliRunner().invoke(_cli(), ["--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "accord ingest PATH --db" in result.output


def test_ingest_while_serving_is_refused_and_the_server_keeps_serving(tmp_path: Path) -> None:
    db = tmp_path / "served.duckdb"
    with Store(db) as store:
        store.write([kyiv_result()])
    port = free_port()
    code = f"from accord.cli.serve import serve; serve({str(db)!r}, '127.0.0.1', {port})"
    server = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/v1/stats"
        _wait_for(url, server)
        with pytest.raises(StoreLockedError, match="in use by another process") as caught:
            Store(db).write([paris_result()])
        assert LOCKED_MESSAGE in str(caught.value)
        assert httpx.get(url).json()["data"]["articles"] == 1
    finally:
        server.terminate()
        server.wait(timeout=30)
    with Store(db) as store:  # once the server stops, ingest works
        assert store.write([paris_result()]).articles_added == 1


def _wait_for(url: str, server: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"server exited: {server.stdout.read() if server.stdout else ''}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("server did not start in 30 s")
