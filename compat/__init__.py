"""
The one door to the internals of the libraries the site reaches into: a module per
library (``wagtail``, ``localize``, ``modelsearch``, ``csp``; ``templates`` reads the
libraries' own templates for the overrides' checks), and nowhere else. Each reach
is declared with ``checks.reach``, which makes it a start-up check that names the
library, its installed version and what is missing when an upgrade takes it away
(docs/conventions.md, "Reaching into third-party internals").
"""
