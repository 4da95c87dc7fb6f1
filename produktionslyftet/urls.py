from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import PasswordResetView
from articles.feeds import ArticleFeed, RegionArticleFeed
from caching import views as caching_views
from home import views as home_views
from home.sitemaps import SITEMAPS
from produktionslyftet.health import healthz
from produktionslyftet.well_known import security_txt
from search import views as search_views
from syndication import embeds
from syndication.api import router as api_router

handler500 = "home.views.server_error"

# Not translated: the editors' admin, document downloads, the content API (its languages
# are a parameter), robots.txt, security.txt and the health check.
# (Django's own admin is not installed: Wagtail's admin is the only one.)
urlpatterns = [
    # Wagtail's password reset with limits per address and per account (accounts/views.py):
    # the same address and name, found before Wagtail's own.
    path(
        "admin/password_reset/",
        PasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("healthz", healthz, name="healthz"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Uploaded images in `make run`; never documents, which only Wagtail's view may serve.
if settings.SERVE_MEDIA:
    from produktionslyftet import media

    urlpatterns += [re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", media.serve)]

# The public site: Swedish at /, English at /en/. Paths in _() are translated
# (/sok/ and /en/search/).
urlpatterns += i18n_patterns(
    path(_("search/"), search_views.search, name="search"),
    path(_("embed/<slug:region>/"), embeds.region_news, name="region_embed"),
    path("rss/", ArticleFeed(), name="article_feed"),
    path("rss/<slug:region>/", RegionArticleFeed(), name="region_article_feed"),
    path("", include("events.urls")),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    # Wagtail's own views for private pages (the login and the password form), before the
    # page view below, whose pattern would take their addresses as page paths.
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    # Wagtail's page view with the route kept per generation (caching/tree.py); same
    # pattern and name, so page addresses are reversed as before.
    re_path(wagtail_urls.serve_pattern, caching_views.serve, name="wagtail_serve"),
    prefix_default_language=False,
)
