"""
The import structure of the site's own code: no module imports, even inside a function,
a module that imports it back, directly or round a longer circle. (docs/conventions.md
says which app may import which.)
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {"tests", "benchmarks", "node_modules", "static", "templates", "locale", "docs"}


def site_modules():
    """{dotted name: path} of every module of the site's apps, less tests and migrations."""
    modules = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[0] in SKIPPED or parts[0].startswith(".") or "migrations" in parts:
            continue
        if not (ROOT / parts[0] / "__init__.py").exists():
            continue  # manage.py and other scripts at the top
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def imported_by(name, path, modules):
    """The site's modules that module ``name`` imports, anywhere in it."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def graph():
    modules = site_modules()
    return {name: imported_by(name, path, modules) for name, path in modules.items()}


def circles(edges):
    """Every strongly connected group of more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_one_that_imports_it_back():
    assert circles(graph()) == []


def test_the_circle_finder_finds_a_circle():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_graph_sees_imports_inside_functions():
    assert "home.models" in graph()["home.templatetags.site_tags"]
    assert "compat.wagtail" in graph()["home.apps"]


def test_home_imports_no_content_app():
    content_apps = {"articles", "regions", "partners", "interest", "accessibility", "demo"}
    reached = {
        target.split(".")[0]
        for name, targets in graph().items()
        if name.split(".")[0] == "home"
        for target in targets
    }
    assert not reached & content_apps


def app_of(module):
    """The app a module belongs to; the project's URLs, WSGI and settings stand above all."""
    if module.split(".")[:2] in (["produktionslyftet", "urls"], ["produktionslyftet", "wsgi"]):
        return "the project's top"
    if module.startswith("produktionslyftet.settings"):
        return "the project's top"
    return module.split(".")[0]


def test_no_app_imports_one_that_imports_it_back():
    apps = {}
    for name, targets in graph().items():
        apps.setdefault(app_of(name), set()).update(
            app_of(target) for target in targets if app_of(target) != app_of(name)
        )
    assert circles(apps) == []
