from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from articles.feeds import ArticleFeed, RegionArticleFeed
from caching import views as caching_views
from home import views as home_views
from home.sitemaps import SITEMAPS
from produktionslyftet.health import healthz
from search import views as search_views

handler500 = "home.views.server_error"

# Not translated: the editors' admin, document downloads, robots.txt and the health check.
# (Django's own admin is not installed: Wagtail's admin is the only one.)
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("healthz", healthz, name="healthz"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

if settings.SERVE_MEDIA:
    from django.views.static import serve

    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# The public site: Swedish at /, English at /en/. Paths in _() are translated
# (/sok/ and /en/search/).
urlpatterns += i18n_patterns(
    path(_("search/"), search_views.search, name="search"),
    path("rss/", ArticleFeed(), name="article_feed"),
    path("rss/<slug:region>/", RegionArticleFeed(), name="region_article_feed"),
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
    # Wagtail's page view with the route kept per generation (caching/tree.py); same
    # pattern and name, so page addresses are reversed as before.
    re_path(wagtail_urls.serve_pattern, caching_views.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
