"""The `metierscope chaos` commands; the scenarios are imported when they run, so the rest of
the CLI never loads them."""

from typing import Annotated

import typer
from elastic_transport import TransportError
from rich.console import Console
from rich.table import Table

from indexer.engine import EngineError
from indexer.settings import MissingDataError, Settings


def _fail(error: Exception) -> typer.Exit:
    typer.secho(f"error: {error}", fg=typer.colors.RED, err=True)
    return typer.Exit(code=1)


def outage(
    warm: Annotated[float, typer.Option(min=0.5, help="Seconds of load before the stop.")] = 10,
    down: Annotated[float, typer.Option(min=0.5, help="Seconds with the engine stopped.")] = 10,
    after: Annotated[float, typer.Option(min=0.5, help="Seconds of load after its return.")] = 10,
    rate: Annotated[float, typer.Option(min=1, help="Requests per second.")] = 20,
    http_port: Annotated[
        int, typer.Option(help="HTTP port of the scenario's own engine (never the shared one).")
    ] = 9290,
) -> None:
    """Stop Elasticsearch under a steady load and restart it: every request must answer within
    the API's timeout with a success or 503 + Retry-After, and traffic must succeed again within
    5 s of the engine's return. Prints the figures; exits 1 when one misses."""
    from hardening.api_process import ApiStartError  # noqa: PLC0415
    from hardening.outage import Phases, run_outage  # noqa: PLC0415 (export, embedder, httpx)
    from search_api.settings import ApiSettings  # noqa: PLC0415

    console = Console()
    timeout = ApiSettings().request_timeout
    phases = Phases(warm=warm, down=down, after=after, rate=rate)
    try:
        report, engine = run_outage(Settings(), phases, http_port, timeout, console)
    except (EngineError, ApiStartError, MissingDataError, TransportError, ValueError) as e:
        raise _fail(e) from e
    table = Table(title="Engine outage under load")
    table.add_column("figure")
    table.add_column("value", justify="right")
    rows = {
        "requests sent": f"{report.sent:,}",
        "succeeded": f"{report.succeeded:,}",
        "503 + Retry-After": f"{report.unavailable:,}",
        "other answers": str(report.other or 0),
        "worst latency": f"{report.worst_latency:.3f} s (timeout {report.timeout:g} s)",
        "recovery after the engine's return": "never"
        if report.recovery is None
        else f"{report.recovery:.3f} s",
        "engine stop / restart": f"{engine.stop:.1f} s / {engine.restart:.1f} s",
        "phases (warm, down, after)": f"{warm:g} s, {down:g} s, {after:g} s at {rate:g}/s",
    }
    for name, value in rows.items():
        table.add_row(name, value)
    console.print(table)
    if missed := report.failures():
        for line in missed:
            typer.secho(f"missed: {line}", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=1)
    console.print("passed: every request answered in time, traffic recovered")
