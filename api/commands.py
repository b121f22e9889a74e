"""CLI commands that serve or read the graph: `serve`, `query`, `export`. api/cli.py calls `register(app)`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from policygraph.settings import Settings, get_settings


def _settings(store: str | None) -> Settings:
    settings = get_settings()
    return settings.model_copy(update={"store": store}) if store else settings


def _parse_params(pairs: list[str]) -> dict[str, Any]:
    """`k=v` pairs; a value that parses as JSON (numbers, true/false, null, [lists], {maps}) is taken as such,
    anything else is a string. The catalog then checks and converts each against the query's header."""
    params: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise typer.BadParameter(f"--param wants key=value, got {pair!r}")
        try:
            params[key] = json.loads(value)
        except ValueError:
            params[key] = value
    return params


def serve(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    store: Annotated[str | None, typer.Option(help="store URI (default: settings / embedded FalkorDB)")] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level")] = "info",
) -> None:
    """Run the HTTP API (and the web explorer at /) with uvicorn."""
    import uvicorn

    from api.app import create_app

    uvicorn.run(create_app(None, _settings(store)), host=host, port=port, log_level=log_level)


def query(
    name: Annotated[str, typer.Argument(help="catalog query name (see `policygraph query --list`)")] = "",
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="key=value, repeatable")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON instead of a table")] = False,
    list_: Annotated[bool, typer.Option("--list", help="list the catalog queries")] = False,
    store: Annotated[str | None, typer.Option(help="store URI")] = None,
) -> None:
    """Run a named query of the Cypher catalog (queries/*.cypher)."""
    from rich.console import Console
    from rich.table import Table

    from graph.factory import open_store
    from queries import CatalogError, ParamError, default_catalog, run
    from queries.answers import NotFound

    console = Console()
    catalog = default_catalog()
    if list_ or not name:
        table = Table("name", "params", "description")
        for q in catalog.describe():
            params = ", ".join(p["name"] + ("?" if p["optional"] else "") for p in q["params"])
            table.add_row(q["name"], params, q["description"])
        console.print(table)
        return
    try:
        catalog.get(name)
        params = _parse_params(param or [])
        with open_store(store, _settings(store)) as s:
            rows = _bounded_entity(s, params) if name == "entity" else run(s, name, params)
    except (CatalogError, ParamError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    except NotFound as exc:  # the bounded entity read: an unknown id
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    if as_json:
        typer.echo(json.dumps(rows[0] if len(rows) == 1 and name == "stats" else rows, indent=2,
                              ensure_ascii=False, default=str))
        return
    if not rows:
        console.print("[dim](no rows)[/dim]")
        return
    table = Table(*rows[0].keys())
    for row in rows:
        table.add_row(*(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str)
                        for v in row.values()))
    console.print(table)


def _bounded_entity(store: Any, params: dict[str, Any]) -> list[dict]:
    """`query entity` answers like GET /entities/{id} (queries.answers.entity): the catalog's `entity` query
    reads every mention and relation of the entity (a hub has thousands); the answer is bounded
    (-p relations=100 -p mentions=50)."""
    from queries import ParamError
    from queries.answers import entity

    unknown = set(params) - {"id", "relations", "mentions"}
    if unknown or not isinstance(params.get("id"), str):
        raise ParamError(f"query 'entity' takes id:str and optional relations:int, mentions:int; got {params}")
    limits = {k: params[k] for k in ("relations", "mentions") if k in params}
    if any(not isinstance(v, int) or isinstance(v, bool) or v < 0 for v in limits.values()):
        raise ParamError(f"relations and mentions must be integers >= 0; got {limits}")
    return [entity(store, params["id"], **limits)]


def export(
    format: Annotated[str | None, typer.Option(  # noqa: A002
        "--format", "-f", help="graphml | csv (neo4j-admin import files) | json (FollowTheMoney lines) | neo4j-admin "
                               "(the whole store, for a first load into Neo4j); default: from --out's suffix, "
                               "else graphml")] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="output file (default policygraph.graphml, policygraph.csv.zip, policygraph.ftm.json); "
                            "for csv a .zip or a directory the three CSV files go into")] = None,
    entity: Annotated[str | None, typer.Option(help="only the network around this entity id")] = None,
    depth: Annotated[int, typer.Option(min=1, max=3)] = 1,
    max_nodes: Annotated[int, typer.Option(min=1)] = 1_000_000,
    store: Annotated[str | None, typer.Option(help="store URI")] = None,
) -> None:
    """Export the graph (or a subgraph) to a file: GraphML, CSV for neo4j-admin import, or FollowTheMoney JSON."""
    from api.export_target import UsageError, export_target, write_export
    from graph.factory import open_store
    from queries.answers import NotFound
    from queries.export import export as export_graph

    if format == "neo4j-admin":
        _dump_for_import(out, entity, store)
        return
    try:
        fmt, target = export_target(format, out)
    except UsageError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    with open_store(store, _settings(store)) as s:
        try:
            body, truncated = export_graph(s, fmt, entity, depth, max_nodes)
        except NotFound as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from exc
    try:
        written = write_export(fmt, body, target)
    except OSError as exc:
        typer.echo(f"error: cannot write --out {target}: {exc.strerror or exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"wrote {written} ({len(body):,} bytes{', truncated at --max-nodes' if truncated else ''})")


def _dump_for_import(out: Path | None, entity: str | None, store: str | None) -> None:
    """`export --format neo4j-admin`: every node and relationship of the store, as import files in a directory."""
    from graph.factory import open_store
    from queries.export_admin import dump

    target = out or Path("policygraph-import")
    if entity is not None:
        typer.echo("error: --format neo4j-admin dumps the whole store; --entity is for the other formats", err=True)
        raise typer.Exit(2)
    if target.suffix or (target.exists() and not target.is_dir()):
        typer.echo(f"error: --format neo4j-admin writes a directory of files: give --out a directory, not {target}",
                   err=True)
        raise typer.Exit(2)
    with open_store(store, _settings(store)) as s:
        try:
            written = dump(s, target)
        except OSError as exc:
            typer.echo(f"error: cannot write --out {target}: {exc.strerror or exc}", err=True)
            raise typer.Exit(2) from None
    typer.echo(f"wrote {len(written)} files, {sum(written.values()):,} rows, to {target}; load them into a fresh Neo4j "
               f"with: cd {target} && neo4j-admin database import full neo4j @import.args")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("query")(query)
    app.command("export")(export)
