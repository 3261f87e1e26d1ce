"""The layers of design.md §2, checked over the AST of every module of kanwa_review/: the UI and
the CLI go through services only, exchange/ and reports/ are format code, and every write of
SQL lives in the store. Each rule is also shown failing on a small violating module, so a check
that cannot fail does not pass unnoticed."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kanwa_review"

# SQL as this code base writes it (keywords in capitals): a query, a write, a pragma, DDL.
SQL = re.compile(r"\b(SELECT\s[\s\S]*?\bFROM\b|INSERT\s+(OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|"
                 r"DELETE\s+FROM\b|PRAGMA\s+\w+|CREATE\s+(TABLE|INDEX|TRIGGER)\b)")
WRITE_SQL = re.compile(r"\b(INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b")


def _modules(folder: str = "") -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def _name(path: Path) -> str:
    return "kanwa_review." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)


def imports(source: str, module: str) -> set[str]:
    """Every module a source imports (at any depth: functions too), relative ones resolved."""
    out = set()
    package = module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[:len(parts) - node.level + 1] + ([base] if base else []))
            out.add(base)
            out |= {f"{base}.{a.name}" for a in node.names}   # `from pkg import module`
    return out


def strings(source: str) -> list[str]:
    """The string literals of a source (f-strings with their placeholders left out)."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            out.append(node.value)
        elif isinstance(node, ast.JoinedStr):
            out.append(" ".join(v.value for v in node.values
                                if isinstance(v, ast.Constant) and isinstance(v.value, str)))
    return out


STORE = "kanwa_review.store"


def private_store_uses(source: str) -> list[str]:
    """`alias._name` where alias is a store module imported under that name."""
    tree = ast.parse(source)
    aliases = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(STORE):
            aliases |= {a.asname or a.name for a in node.names}
            if any(a.name.startswith("_") for a in node.names):
                return [a.name for a in node.names if a.name.startswith("_")]
        elif isinstance(node, ast.Import):
            aliases |= {a.asname for a in node.names
                        if a.asname and a.name.startswith(STORE)}
    return [f"{n.value.id}.{n.attr}" for n in ast.walk(tree)
            if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
            and n.value.id in aliases and n.attr.startswith("_")]


def handle_uses(source: str) -> list[str]:
    """`x.database` / `x.conn`: reaching through services to the database handle."""
    return [f"{ast.unparse(n.value)}.{n.attr}" for n in ast.walk(ast.parse(source))
            if isinstance(n, ast.Attribute) and n.attr in ("database", "conn")]


def _under(name: str, *layers: str) -> bool:
    return any(name == f"kanwa_review.{layer}" or name.startswith(f"kanwa_review.{layer}.")
               for layer in layers)


def violations(path: Path, source: str | None = None) -> list[str]:
    """What a module of kanwa_review/ does that its layer may not."""
    source = path.read_text(encoding="utf-8") if source is None else source
    module = _name(path)
    layer = path.relative_to(PACKAGE).parts[0]
    found = [m for m in imports(source, module) if m.startswith("kanwa_review")]
    sql = [s for s in strings(source) if SQL.search(s)]
    out = []
    if layer == "ui":
        out += [f"imports {m}" for m in found if _under(m, "store", "exchange", "reports")]
        out += [f"SQL {s[:60]!r}" for s in sql]
        out += [f"uses the database handle {u}" for u in handle_uses(source)]
    if layer in ("exchange", "reports"):
        # format code: core and its own package; the package root for __version__, and the
        # resource-path lookup of the bundled font (kanwa_review.paths)
        out += [f"imports {m}" for m in found
                if not _under(m, "core", layer, "paths", "__version__") and m != "kanwa_review"]
        out += [f"SQL {s[:60]!r}" for s in sql]
    if layer == "commands" or module == "kanwa_review.cli":
        # the CLI may also start the app (`kanwa-review` without a subcommand)
        app = ("app",) if module == "kanwa_review.cli" else ()
        out += [f"imports {m}" for m in found
                if not _under(m, "services", "core", "commands", "__version__", *app)
                and m != "kanwa_review"]
        out += [f"SQL {s[:60]!r}" for s in sql]
        out += [f"uses the database handle {u}" for u in handle_uses(source)]
    if layer != "store":
        out += [f"writes SQL outside store/: {s[:60]!r}" for s in strings(source)
                if WRITE_SQL.search(s)]
        out += [f"uses the store's private {u}" for u in private_store_uses(source)]
    return out


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_module_keeps_to_its_layer(path):
    assert violations(path) == []


def test_the_layers_exist_where_the_rules_look():
    names = {p.relative_to(PACKAGE).parts[0] for p in _modules()}
    assert {"ui", "commands", "exchange", "reports", "store", "services", "core"} <= names
    assert len(_modules("ui")) > 20 and len(_modules("commands")) > 5


# --- every rule, failing once ------------------------------------------------------------

@pytest.mark.parametrize("where, source, expected", [
    ("ui/x.py", "from kanwa_review.store import open_database\n", "imports kanwa_review.store"),
    ("ui/x.py", "def f(s):\n    from kanwa_review.exchange import importer\n",
     "imports kanwa_review.exchange"),
    ("ui/x.py", "q = 'SELECT DISTINCT fiscal_year FROM reviews'\n", "SQL"),
    ("ui/x.py", "q = 'PRAGMA data_version'\n", "SQL"),
    ("ui/x.py", "with window.services.database.transaction():\n    pass\n",
     "database handle window.services.database"),
    ("commands/x.py", "db.conn.execute('x')\n", "database handle db.conn"),
    ("exchange/x.py", "from kanwa_review.services import Services\n",
     "imports kanwa_review.services"),
    ("exchange/x.py", "from kanwa_review.store import repository as repo\n",
     "imports kanwa_review.store"),
    ("reports/x.py", "from ..services.base import default_actor\n",
     "imports kanwa_review.services"),
    ("reports/x.py", "q = f'SELECT * FROM audit WHERE id = {n}'\n", "SQL"),
    ("commands/x.py", "from kanwa_review.store.backup import backup_to\n",
     "imports kanwa_review.store"),
    ("commands/x.py", "from kanwa_review.exchange.importer import expand_paths\n",
     "imports kanwa_review.exchange"),
    ("commands/x.py", "from kanwa_review.reports import batch\n", "imports kanwa_review.reports"),
    ("commands/x.py", "from kanwa_review.app import run_app\n", "imports kanwa_review.app"),
    ("services/x.py", "s = ('UPDATE reviews SET status = ? '\n     'WHERE id = ?')\n",
     "writes SQL outside store/"),
    ("services/x.py", "from kanwa_review.store import repository as repo\nrepo._json(1)\n",
     "private repo._json"),
])
def test_each_rule_fails_on_a_violation(where, source, expected):
    found = violations(PACKAGE / where, source)
    assert any(expected in v for v in found), found


def test_the_same_code_is_allowed_where_it_belongs():
    assert violations(PACKAGE / "store/x.py",
                      "from kanwa_review.store import repository as repo\nrepo._json(1)\n"
                      "q = 'INSERT INTO audit (at) VALUES (?)'\n") == []
    assert violations(PACKAGE / "services/x.py",
                      "from kanwa_review.store import repository as repo\n"
                      "q = 'SELECT * FROM reviews'\n") == []
    assert violations(PACKAGE / "exchange/x.py",
                      "from kanwa_review.core.form import Form\nfrom . import package_format\n"
                      "from kanwa_review import __version__\n") == []
