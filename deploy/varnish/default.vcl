vcl 4.1;
#
# Varnish 7 in front of the application servers (docs/deployment.md).
#
# - Anonymous GET/HEAD are cached for as long as the application's Cache-Control
#   s-maxage says (caching/headers.py), and served stale while a fresh copy
#   is fetched.
# - The admin, previews, document downloads, /healthz, posts and anything carrying a
#   session cookie pass straight through; other cookies (the CSRF cookie too) and
#   tracking parameters are stripped from reads, so they never split or bypass the cache.
# - PURGE is accepted only from the application servers (acl purgers): Wagtail's
#   frontend cache sends one for each URL a publish changes. So is BAN, which drops
#   everything kept for the request's host: the application sends one when something
#   shown on many pages changes, a partner or a person (caching/downstream.py); with
#   X-Ban-Prefix, only what is kept under that path (the content API, on a publish).
# - X-Cache says HIT or MISS on every response.
# - Varnish listens on loopback only, behind the TLS terminator (deploy/nginx/), which
#   sets X-Forwarded-Proto and X-Forwarded-For itself. What was asked over plain HTTP
#   (a redirect to HTTPS) is never stored with, nor served for, what was asked over
#   HTTPS: the scheme is part of every object's key, and a response the application did
#   not mark with Cache-Control is never stored.
# - Browsers get HTML, CSS and JS gzip-compressed: Varnish compresses what the
#   application sends uncompressed, and keeps one compressed copy for everyone.
# - With the application down, Varnish serves what it holds (for up to an hour past its
#   lifetime) and otherwise the site's own short "back soon" page, never its own.
#
# Deployment sets the backend (and, with several application servers, a director), the
# purgers and the path of the "back soon" page (docs/deployment.md); the production
# rehearsal (tests/rehearsal/) and tests/test_varnish.py run this very file.

import std;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .url = "/healthz";
        .timeout = 2s;
        .interval = 5s;
        .window = 5;
        .threshold = 3;
        # A Varnish (re)started while the application runs serves at once, rather than
        # answering 503 until three probes have passed.
        .initial = 3;
    }
}

acl purgers {
    "127.0.0.1";
    "::1";
}

# The TLS terminator(s): only their X-Forwarded-Proto is believed.
acl tls_terminators {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (client.ip !~ tls_terminators || req.http.X-Forwarded-Proto != "https") {
        set req.http.X-Forwarded-Proto = "http";
    }
    # A purge drops every copy of the address, whichever scheme it was asked over (the
    # scheme is part of the key, so a hash purge would reach one of them only), and a
    # ban every copy kept for the host. Both match on what each object carries of its
    # own request (set in vcl_backend_response), so the ban lurker clears them at once.
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "PURGE not allowed from this address"));
        }
        ban("obj.http.X-Host == " + req.http.host + " && obj.http.X-Url == " + req.url);
        return (synth(200, "Purged"));
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "BAN not allowed from this address"));
        }
        # With X-Ban-Prefix, only what was kept under that path (the content API's
        # answers, whatever their query string: caching/downstream.py's ban_under).
        if (req.http.X-Ban-Prefix ~ "^/[a-z0-9/_-]*$") {
            ban("obj.http.X-Host == " + req.http.host + " && obj.http.X-Url ~ ^" + req.http.X-Ban-Prefix);
            return (synth(200, "Banned"));
        }
        ban("obj.http.X-Host == " + req.http.host);
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents)/" || req.url ~ "^/healthz") {
        return (pass);
    }
    if (req.url ~ "[?&](preview|revision)") {
        return (pass);
    }

    # Tracking parameters say nothing to the site: drop them so they share one copy.
    set req.url = regsuball(req.url, "(?i)([?&])(utm_[a-z]+|fbclid|gclid|msclkid|mc_[a-z]+)=[^&]*", "\1");
    set req.url = regsuball(req.url, "[?&]+$", "");
    set req.url = regsub(req.url, "\?&+", "?");

    # A logged-in editor (session) is never served a copy. Every other cookie, the CSRF
    # cookie included, is dropped from reads: a page with a form sets a fresh token and
    # is marked private by the application, so no token is ever stored or shared, and a
    # visitor who once opened a form still gets every other page from the cache. Form
    # posts are passes above and keep their cookies.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    unset req.http.Cookie;

    # One stored copy, gzip-compressed (Varnish compresses it, below): browsers that
    # take gzip get it as it is, the rare one that does not gets it unpacked.
    if (req.http.Accept-Encoding ~ "gzip") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }
    # The language comes from the path, never from the browser's preference.
    unset req.http.Accept-Language;
    return (hash);
}

sub vcl_hash {
    # What was asked over plain HTTP (a redirect to HTTPS) is kept apart from HTTPS.
    hash_data(req.http.X-Forwarded-Proto);
}

sub vcl_backend_response {
    # What purges and bans match on (vcl_recv); never sent to the visitor (vcl_deliver).
    set beresp.http.X-Host = bereq.http.host;
    set beresp.http.X-Url = bereq.url;
    # A response that sets a cookie is personal, and one the application did not mark
    # cacheable (Django's redirect to HTTPS among them) is not for keeping: never stored.
    if (beresp.http.Set-Cookie || !beresp.http.Cache-Control) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Text is kept compressed: HTML, CSS, JS, SVG, feeds and sitemaps.
    if (!beresp.http.Content-Encoding
            && beresp.http.Content-Type ~ "^(text/|application/(javascript|json|xml|rss\+xml|atom\+xml)|image/svg\+xml)") {
        set beresp.do_gzip = true;
    }
    # Keep serving a stale copy for a while when the application is slow or down.
    set beresp.grace = 1h;
    # Varnish's built-in rules follow: private, no-store and no-cache are not stored.
}

# The application did not answer: the site's own short page, in Swedish and English,
# asking the reader to come back soon (what Varnish holds is served before this).
sub vcl_backend_error {
    set beresp.status = 503;
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Cache-Control = "no-store";
    set beresp.http.Retry-After = "30";
    synthetic(std.fileread("/etc/varnish/unavailable.html"));
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # What Varnish may keep is its own business; browsers get the application's max-age.
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    unset resp.http.X-Host;
    unset resp.http.X-Url;
}
