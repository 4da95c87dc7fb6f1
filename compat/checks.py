"""
What makes each reach into a library's internals a start-up check: ``@reach(library,
what)`` on a function that returns what the site relies on and the installed version
lacks (an empty list when all is there). ``manage.py check`` (and so every start) then
fails with an Error naming the library, its version and each missing thing.
"""

import inspect
import types
from importlib.metadata import PackageNotFoundError, version

from django.core.checks import Error

REACHES = []


class Reach:
    """One reach into ``library``: ``find_missing()`` lists what is gone."""

    def __init__(self, library, what, id, find_missing):
        self.library, self.what, self.id, self.find_missing = library, what, id, find_missing

    def version(self):
        try:
            return version(self.library)
        except PackageNotFoundError:
            return "(not installed)"

    def missing(self):
        try:
            return self.find_missing()
        except (ImportError, AttributeError, OSError, TypeError) as error:
            # What the check itself imports or reads is gone (a module, a class).
            return [f"what {self.find_missing.__name__} looks for ({error})"]

    def __call__(self, app_configs=None, **kwargs):
        return [
            Error(
                f"{self.what} relies on {name}, which {self.library} {self.version()} "
                "does not have.",
                hint=f"Mend {self.find_missing.__module__} for this version of "
                f"{self.library}, or keep the version it was written for "
                '(docs/conventions.md, "Reaching into third-party internals").',
                obj=self.library,
                id=self.id,
            )
            for name in self.missing()
        ]

    def __repr__(self):
        return f"<Reach {self.id} into {self.library}: {self.what}>"


def reach(library, what, id):
    """Declare ``find_missing`` a reach into ``library`` for ``what``, checked at start-up."""

    def declare(find_missing):
        REACHES.append(Reach(library, what, id, find_missing))
        return find_missing

    return declare


def by_id(id):
    return next(each for each in REACHES if each.id == id)


def missing_attributes(owner, names):
    """``owner.name`` for each of ``names`` that ``owner`` lacks."""
    return [f"{qualified(owner)}.{name}" for name in names if not hasattr(owner, name)]


def missing_parameters(function, names, owner=None):
    """The parameters of ``function`` among ``names`` that its signature lacks."""
    where = f"{qualified(owner)}.{function.__name__}" if owner else qualified(function)
    try:
        found = inspect.signature(function).parameters
    except (TypeError, ValueError):
        return [f"{where}({', '.join(names)})"]
    return [f"the parameter {name!r} of {where}()" for name in names if name not in found]


def qualified(thing):
    if isinstance(thing, types.ModuleType):
        return thing.__name__
    if not hasattr(thing, "__qualname__"):  # an instance: named by its class
        thing = type(thing)
    return f"{thing.__module__}.{thing.__qualname__}"
