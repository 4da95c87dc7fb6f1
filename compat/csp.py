"""
What the site's Content-Security-Policy middleware (produktionslyftet/security.py) relies
on of django-csp. Its ``CSPMiddleware`` says it "can be customised by subclassing and
extending the get_policy_parts method", so that much is public; the parts' ``config``
and ``csp.utils.default_config``, which turns a policy's directives into that config,
are not documented, and are checked here with the method's signature.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config

from .checks import missing_attributes, missing_parameters, reach


def policy_config(directives):
    """django-csp's config of a policy with these ``DIRECTIVES``, as its settings give it."""
    return default_config(directives)


@reach("django-csp", "produktionslyftet/security.py (the admin's policy)", id="compat.E301")
def policy_parts():
    gone = missing_attributes(CSPMiddleware, ["get_policy_parts"])
    if not gone:
        gone += missing_parameters(
            CSPMiddleware.get_policy_parts, ["request", "response", "report_only"], CSPMiddleware
        )
    if "config" not in getattr(PolicyParts, "__dataclass_fields__", {}):
        gone.append("csp.middleware.PolicyParts.config")
    try:
        default_config({"default-src": ["'self'"]})
    except Exception as error:  # any failure means it changed
        gone.append(f"csp.utils.default_config(directives) ({error})")
    return gone
