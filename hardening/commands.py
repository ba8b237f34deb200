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


def _verdict(console: Console, missed: list[str], passed: str) -> None:
    """Each missed figure in red and exit 1; else the scenario's one-line pass."""
    if missed:
        for line in missed:
            typer.secho(f"missed: {line}", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=1)
    console.print(passed)


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
    _verdict(
        console, report.failures(), "passed: every request answered in time, traffic recovered"
    )


def killed_index(
    entity: Annotated[
        list[str] | None,
        typer.Option(help="Entities to index (repeatable; default contextes, fiches)."),
    ] = None,
    offers: Annotated[
        int, typer.Option(min=0, help="Offers of the sample file to load and kill (0: none).")
    ] = 3000,
    vectors: Annotated[
        bool, typer.Option(help="Embed the offer titles as a real load does.")
    ] = True,
    http_port: Annotated[
        int, typer.Option(help="HTTP port of the scenario's own engine (never the shared one).")
    ] = 9250,
) -> None:
    """SIGKILL `metierscope index` at each stage (read, embed, bulk, just before the swap) and
    run it again, then kill an offers load midway and reload it: the aliases must keep serving
    the previous full indices, the next run must remove the leftovers and succeed, and no offer
    may be lost or doubled. Prints the figures; exits 1 when one misses."""
    from hardening.killed_index import Plan, run_killed_index  # noqa: PLC0415 (subprocesses)
    from hardening.killed_index_tables import kills_table, offers_table  # noqa: PLC0415

    console = Console()
    plan = Plan(offers=offers, vectors=vectors)
    if entity:
        plan = Plan(entities=tuple(entity), offers=offers, vectors=vectors)
    try:
        report = run_killed_index(Settings(), plan, http_port, console)
    except (EngineError, MissingDataError, TransportError, ValueError, RuntimeError) as e:
        raise _fail(e) from e
    console.print(kills_table(report.kills))
    if report.offers is not None:
        console.print(offers_table(report.offers))
    _verdict(
        console,
        report.failures(),
        "passed: every kill left the aliases on full indices; nothing lost or doubled",
    )


def flood(
    calm: Annotated[float, typer.Option(min=1, help="Seconds of searches alone.")] = 20,
    seconds: Annotated[
        float, typer.Option(min=1, help="Seconds of searches under the flood.")
    ] = 20,
    rate: Annotated[float, typer.Option(min=1, help="Searches per second (other visitors).")] = 10,
    flooders: Annotated[
        int, typer.Option(min=1, help="Concurrent connections of the flooding client.")
    ] = 16,
) -> None:
    """One client floods the extraction while others search: the flood must be limited (429 or
    503) and the others' search p95 must stay within twice its calm value, with no failed
    search. Runs on the shared engine under an index of its own. Prints the figures; exits 1
    when one misses."""
    from hardening.api_process import ApiStartError  # noqa: PLC0415
    from hardening.flood import FLOOD_ADDRESS, FloodPlan, run_flood  # noqa: PLC0415 (httpx)
    from hardening.flood_report import summarise_flood  # noqa: PLC0415

    console = Console()
    plan = FloodPlan(calm=calm, flood=seconds, rate=rate, flooders=flooders)
    try:
        settings = Settings()
        run = run_flood(settings, settings.es_url, plan, console)
    except (ApiStartError, MissingDataError, TransportError, ValueError) as e:
        raise _fail(e) from e
    report = summarise_flood(run.calm, run.flooded, run.flood_answers)
    table = Table(title=f"Extraction flood from {FLOOD_ADDRESS} ({flooders} connections)")
    table.add_column("figure")
    table.add_column("value", justify="right")
    answers = ", ".join(f"{k}: {n:,}" for k, n in sorted(report.flood_answers.items()))
    rows = {
        "searches (others)": f"{report.searches:,}, {sum(report.search_failures.values())} failed",
        "search p95 calm / flooded": f"{report.calm_p95 * 1000:.0f} ms / "
        f"{report.flood_p95 * 1000:.0f} ms ({report.ratio:.2f}x)",
        "flood requests": f"{report.flood_sent:,} ({answers})",
        "phases": f"{calm:g} s calm, {seconds:g} s flooded, searches at {rate:g}/s",
    }
    for name, value in rows.items():
        table.add_row(name, value)
    console.print(table)
    _verdict(
        console,
        report.failures(),
        "passed: the flood was limited and the other visitors' searches kept their pace",
    )


def failover(
    warm: Annotated[float, typer.Option(min=0.5, help="Seconds of load before the kill.")] = 10,
    down: Annotated[float, typer.Option(min=0.5, help="Seconds with the node dead.")] = 15,
    after: Annotated[float, typer.Option(min=0.5, help="Seconds of load after its return.")] = 10,
    rate: Annotated[float, typer.Option(min=1, help="Requests per second.")] = 20,
    http_port: Annotated[
        int, typer.Option(help="HTTP port of node 0 of the scenario's 3 nodes (then +1, +2).")
    ] = 9280,
) -> None:
    """SIGKILL the node holding the most primaries of a 3-node cluster (one replica per index)
    under a steady load, then start it again: at least 99.9 % of the requests must succeed, none
    may outlast the API's timeout, and the cluster must be green within 120 s of the node's
    return. Prints the figures; exits 1 when one misses."""
    from hardening.api_process import ApiStartError  # noqa: PLC0415
    from hardening.failover import run_failover  # noqa: PLC0415 (export, embedder, httpx)
    from hardening.failover_table import failover_table  # noqa: PLC0415
    from hardening.outage import Phases  # noqa: PLC0415
    from search_api.settings import ApiSettings  # noqa: PLC0415

    console = Console()
    timeout = ApiSettings().request_timeout
    phases = Phases(warm=warm, down=down, after=after, rate=rate)
    try:
        report, engine = run_failover(Settings(), phases, http_port, timeout, console)
    except (EngineError, ApiStartError, MissingDataError, TransportError, ValueError) as e:
        raise _fail(e) from e
    console.print(failover_table(report, engine, phases))
    _verdict(
        console,
        report.failures(),
        "passed: searches kept succeeding through the node's loss; green again",
    )


def soak(  # noqa: PLR0917 (typer declares each option as an argument)
    minutes: Annotated[float, typer.Option(min=0.1, help="Minutes of steady load.")] = 10,
    fraction: Annotated[
        float, typer.Option(min=0.01, max=1, help="Share of the measured capacity to send.")
    ] = 0.5,
    rate: Annotated[
        float | None, typer.Option(min=0.1, help="Requests per second (instead of --fraction).")
    ] = None,
    window: Annotated[
        float, typer.Option(min=1, help="Seconds of the warm-up and of each p95 window.")
    ] = 60,
    clients: Annotated[int, typer.Option(min=1, help="Clients of the capacity burst.")] = 12,
    burst: Annotated[float, typer.Option(min=1, help="Seconds of the capacity burst.")] = 15,
    warmup: Annotated[
        float, typer.Option(min=0, help="Seconds flat out before the burst, not measured.")
    ] = 60,
    http_port: Annotated[
        int, typer.Option(help="HTTP port of the scenario's own engine (never the shared one).")
    ] = 9260,
) -> None:
    """Measure the capacity on the mixed endpoints, then load the API at half of it for 10
    minutes: no error, API RSS growth after the first minute at most 10 %, p95 of the last
    minute at most 20 % above the first's. Prints the figures; exits 1 when one misses."""
    from hardening.api_process import ApiStartError  # noqa: PLC0415
    from hardening.soak import SoakPlan, run_soak  # noqa: PLC0415 (export, embedder, httpx)
    from hardening.soak_table import soak_table  # noqa: PLC0415
    from search_api.settings import ApiSettings  # noqa: PLC0415

    console = Console()
    plan = SoakPlan(minutes, window, fraction, rate, clients, burst, warmup)
    try:
        report = run_soak(Settings(), plan, http_port, ApiSettings().request_timeout, console)
    except (EngineError, ApiStartError, MissingDataError, TransportError, OSError, ValueError) as e:
        raise _fail(e) from e
    console.print(soak_table(report))
    _verdict(console, report.failures(), "passed: no error, memory flat, p95 steady")
