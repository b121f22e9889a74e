"""The house's rules, checked on the source: imports only go down a floor, no import circle, and the names
policygraph/ontology.yaml declares are read from it, not written again in Python.

Floors, from the ground up: policygraph/ (settings, ontology) -> ingest/ -> graph/ -> queries/ -> api/.
(graph/ sits above ingest/: its batch builder turns ingest's extraction contract into rows.)
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import networkx as nx

from policygraph.ontology import ONTOLOGY

ROOT = Path(__file__).resolve().parents[1]
FLOORS = {"policygraph": 0, "ingest": 1, "graph": 2, "queries": 3, "api": 4}
# Imports that still go up, each waiting on a named move. Empty this set, never grow it.
PENDING_UP: set[tuple[str, str]] = set()


def sources() -> Iterator[tuple[Path, ast.Module]]:
    for package in FLOORS:
        for path in sorted((ROOT / package).rglob("*.py")):
            yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(tree: ast.Module, module: str, is_package: bool) -> Iterator[tuple[str, int]]:
    """Every project module imported anywhere in the file (function-local imports too): they run as well."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this module's package
                base = module.split(".")[: len(module.split(".")) - node.level + (1 if is_package else 0)]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            yield name, node.lineno
            for alias in node.names:  # `from queries import answers` imports the module queries.answers
                yield f"{name}.{alias.name}", node.lineno


def test_imports_only_go_down_a_floor():
    up = []
    for path, tree in sources():
        rel = path.relative_to(ROOT).as_posix()
        floor = FLOORS[rel.split("/")[0]]
        for name, line in imported(tree, module_name(path), path.name == "__init__.py"):
            top = name.split(".")[0]
            if top in FLOORS and FLOORS[top] > floor and (rel, top) not in PENDING_UP:
                up.append(f"{rel}:{line} imports {name}")
    assert not up, "imports that go up a floor:\n" + "\n".join(sorted(set(up)))


def test_no_import_circle():
    modules = {module_name(p): (p, t) for p, t in sources()}
    graph = nx.DiGraph()
    for module, (path, tree) in modules.items():
        graph.add_node(module)
        for name, _ in imported(tree, module, path.name == "__init__.py"):
            if name in modules and name != module and not module.startswith(name + "."):
                graph.add_edge(module, name)  # a module importing its own package's __init__ is no circle
    circles = [sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1]
    assert not circles, f"import circles: {circles}"


# ------------------------------------------------------------------------------------------ the ontology

LABELS = set(ONTOLOGY.node_labels.values())
ACTION_KINDS = set(ONTOLOGY.action_kinds)
FAMILIES = [set(kinds) for kinds in ONTOLOGY.action_families.values()] + [set(ONTOLOGY.restrictive_kinds)]
# (a role open to every type is no set to restate: a mapping over all types, FtM schemas say, is not one)
ROLE_TYPES = [set(spec["types"]) for spec in ONTOLOGY.action_roles.values()
              if 1 < len(spec["types"]) < len(ONTOLOGY.entity_types)]
ENABLED_BY_ROLES = set(ONTOLOGY.enabled_by) - {"actor"}  # 'actor' is also an ordinary word of the code
_LABEL_IN_CYPHER = re.compile(r"\(\w*:(" + "|".join(sorted(LABELS)) + r")\b")  # (e:Entity, (:Action


def _strings(node: ast.AST) -> list[str] | None:
    """The string elements of a set/tuple/list literal or a dict's keys; None when one is not a string."""
    items = node.keys if isinstance(node, ast.Dict) else getattr(node, "elts", None)
    if items is None or not all(isinstance(i, ast.Constant) and isinstance(i.value, str) for i in items):
        return None
    return [i.value for i in items]


def restatements(tree: ast.Module) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Set | ast.Tuple | ast.List | ast.Dict):
            names = _strings(node)
            if names and len(names) >= 2:
                if set(names) <= ACTION_KINDS and set(names) in FAMILIES:
                    yield node.lineno, f"a family of action kinds {sorted(names)}"
                if set(names) in ROLE_TYPES:
                    yield node.lineno, f"the entity types of a role {sorted(names)}"
                if set(names) == LABELS:
                    yield node.lineno, f"the node labels {sorted(names)}"
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value in ENABLED_BY_ROLES:
                yield node.lineno, f"the enabled-by role {node.value!r}"
            elif _LABEL_IN_CYPHER.search(node.value):
                yield node.lineno, f"a node label in Cypher {node.value.strip()[:60]!r}"


def test_python_does_not_restate_the_ontology():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path, tree in sources()
        if path.parts[len(ROOT.parts)] != "policygraph"
        for line, what in restatements(tree)
    ]
    assert not found, "names to read from policygraph/ontology.yaml instead:\n" + "\n".join(found)


def test_the_scan_sees_a_restatement():
    # the check above is only worth something if it recognises what it forbids
    tree = ast.parse('FAMILY = {"designation": "sanction", "asset_freeze": "sanction", "sanction": "sanction"}\n'
                     'ACTOR_TYPES = {"Authority", "Person", "Country", "Organization"}\n'
                     'X = "parent_of_actor"\nQ = "MATCH (e:Entity {id: $id}) RETURN e"\n')
    assert [line for line, _ in restatements(tree)] == [1, 2, 3, 4]
