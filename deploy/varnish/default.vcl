vcl 4.1;
# Edge cache in front of the Django/Wagtail site (README, "Performance").
#
# - Caches anonymous GET/HEAD answers for as long as the site's Cache-Control allows
#   (news.caching.headers.PublicCacheControlMiddleware: public, s-maxage=...). Requests carrying the
#   session cookie (editors), the admin and previews always go to the backend.
# - PURGE from a purger (below; Wagtail's frontend cache HTTP backend, FRONTEND_CACHE_URLS) bans
#   the URL and every query string of it (?page=2, ?q=...); a URL ending in "*" bans every
#   URL that starts with it (news.caching.purge.purge_targets).
#
# The backend address can be changed with `varnishd -p ...` only through the VCL: edit
# `.host`/`.port` below, or let bench/run and tests/performance write a copy with theirs.

import std;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Who may PURGE: the background workers (news/queue/purge.py). With several application
# hosts (deploy/README.md) every worker purges every host's Varnish: list each application
# host's private address here. A PURGE from anywhere else gets 405, which the worker
# retries and at last reports as a failed task (Reports > Background tasks).
acl purgers {
    "127.0.0.1";
    "::1";
    "localhost";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.url ~ "\*$") {
            # Prefix: everything under this path, query strings included.
            ban("obj.http.x-host == " + req.http.host +
                " && obj.http.x-url ~ ^" +
                regsuball(regsub(req.url, "\*$", ""), "([][.?+*^$|(){}\\])", "\\\1"));
        } else {
            # This URL and every query string of it.
            ban("obj.http.x-host == " + req.http.host +
                " && obj.http.x-url ~ ^" +
                regsuball(regsub(req.url, "\?.*$", ""), "([][.?+*^$|(){}\\])", "\\\1") +
                "(\?.*)?$");
        }
        return (synth(200, "Purged"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin|documents)(/|$)") {
        return (pass);
    }
    # Editors are logged in: their pages are private (userbar, drafts).
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # Anonymous readers: other cookies (analytics, csrftoken) do not change the page.
    unset req.http.Cookie;
    # Tracking parameters do not change the page either.
    set req.url = regsuball(req.url, "(?<=[?&])(utm_[a-z]+|fbclid|gclid)=[^&]*&?", "");
    set req.url = regsub(req.url, "[?&]$", "");
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    # The root redirect (/ -> /lt/ or /en/) depends on Accept-Language (Vary honoured).
    return (lookup);
}

sub vcl_backend_response {
    # Kept with the object so that bans can be evaluated by the ban lurker.
    set beresp.http.x-url = bereq.url;
    set beresp.http.x-host = bereq.http.host;
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    if (beresp.http.Cache-Control !~ "(public|s-maxage)") {
        # Nothing says it may be shared: do not cache.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Serve a stale copy for a while when the backend is slow or down.
    set beresp.grace = 1h;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-url;
    unset resp.http.x-host;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # Browsers revalidate after max-age; s-maxage is for this cache only.
    return (deliver);
}
