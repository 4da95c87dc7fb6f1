"""
Same-name overrides of library templates, as reaches: an override that extends the
library's template relies on its block names (and the variables its blocks read); a copy
of a whole template relies on the library's being the one it was copied from.
"""

import hashlib
import re
from importlib import import_module
from pathlib import Path

BLOCK = re.compile(r"{%-?\s*block\s+(\w+)")
EXTENDS = re.compile(r"{%-?\s*extends\s+[\"']([^\"']+)[\"']")


def library_template(package, name):
    """The text of the template ``name`` as ``package`` ships it (not the site's override)."""
    path = Path(import_module(package).__file__).parent / "templates" / name
    return path.read_text() if path.exists() else None


def blocks_of(package, name):
    """The blocks ``package``'s template ``name`` has, its own and those it extends
    (looked for in the same package, then in Wagtail's admin)."""
    found, seen = set(), set()
    while name and name not in seen:
        seen.add(name)
        text = library_template(package, name) or library_template("wagtail.admin", name) or ""
        found |= set(BLOCK.findall(text))
        parent = EXTENDS.search(text)
        name = parent.group(1) if parent else None
    return found


def missing_in_extended(package, name, blocks=(), variables=()):
    """What the site's template, extending ``name``, uses that ``package``'s lacks."""
    text = library_template(package, name)
    if text is None:
        return [f"the template {name}"]
    found = blocks_of(package, name)
    gone = [f"the block {block!r} of {name}" for block in blocks if block not in found]
    gone += [f"the variable {v!r} in {name}" for v in variables if not re.search(rf"\b{v}\b", text)]
    return gone


def changed_copy(package, name, sha256):
    """The template ``name`` if ``package``'s differs from the one the site copied."""
    text = library_template(package, name)
    if text is None:
        return [f"the template {name}"]
    if hashlib.sha256(text.encode()).hexdigest() != sha256:
        return [f"{name} as copied into templates/{name} (it has changed since)"]
    return []
