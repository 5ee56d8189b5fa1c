package com.toaide.ops;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code aide.jar verify <editor-url> [<public-url>] [--page <slug>] [--full] [--slow-ms <n>]}:
 * checks a running AIde from the outside, the way a person would after a deploy (docs/operations.md).
 * Every check prints one line, PASS, FAIL or SKIP with the reason; the exit status is 1 when any
 * check failed, so a deploy pipeline can stop on it. {@code --full} also signs in as the verify
 * account (the server must have VERIFY_SECRET, and so must this command's environment), creates
 * a page, edits, publishes and views it, then deletes it and signs out.
 */
public final class VerifyCommand {
    static final Duration DEFAULT_SLOW = Duration.ofMillis(1500);
    private static final Pattern STATIC_ASSET = Pattern.compile("(?:href|src)=\"(/static/[^\"]+)\"");

    private final URI editor;
    private final URI published;
    private final Duration slow;
    private final PrintStream out;
    private final Probe probe;

    VerifyCommand(URI editor, URI published, Duration slow, PrintStream out) {
        this.editor = withoutSlash(editor);
        this.published = withoutSlash(published);
        this.slow = slow;
        this.out = out;
        this.probe = new Probe(this.editor, out);
    }

    public static int run(List<String> args, Map<String, String> env, PrintStream out) {
        var positional = new ArrayList<String>();
        String page = null;
        boolean full = false;
        Duration slow = DEFAULT_SLOW;
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--page" -> page = args.get(++i);
                    case "--full" -> full = true;
                    case "--slow-ms" -> slow = Duration.ofMillis(Long.parseLong(args.get(++i)));
                    default -> positional.add(args.get(i));
                }
            }
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            return usage(out);
        }
        if (positional.isEmpty() || positional.size() > 2 || !isHttpUrl(positional.get(0))
                || (positional.size() == 2 && !isHttpUrl(positional.get(1)))) {
            return usage(out);
        }
        String secret = env.get("VERIFY_SECRET");
        if (full && (secret == null || secret.isBlank())) {
            out.println("FAIL full flow: --full needs VERIFY_SECRET in this environment, the same as the server's");
            return 1;
        }
        var editor = URI.create(positional.get(0));
        var verify = new VerifyCommand(editor, URI.create(positional.size() == 2 ? positional.get(1) : positional.get(0)), slow, out);
        return verify.all(Optional.ofNullable(page), full ? Optional.of(secret) : Optional.empty());
    }

    private static int usage(PrintStream out) {
        out.println("Usage: java -jar aide.jar verify <editor-url> [<public-url>] [--page <slug>] [--full] [--slow-ms <n>]");
        return 2;
    }

    int all(Optional<String> page, Optional<String> secret) {
        out.println("Verifying " + editor + (published.equals(editor) ? "" : " (published pages at " + published + ")"));
        health();
        readiness();
        tls();
        var landing = landingAndSignIn();
        staticAssets(landing);
        robots();
        if (secret.isPresent()) {
            new FullFlow(probe, secret.get()).run(slug -> publishedPage(slug, "the page the full flow published"));
        } else if (page.isPresent()) {
            publishedPage(page.get(), "--page");
        } else {
            probe.skip("published page", "give --page <slug> or run --full to fetch one through the CDN");
        }
        probe.responseTimes(slow);
        return probe.summary();
    }

    private void health() {
        probe.fetch("health", editor.resolve("/health")).ifPresent(r -> {
            if (r.statusCode() == 200 && r.body().contains("\"ok\"")) {
                probe.pass("health", "/health answered ok");
            } else {
                probe.fail("health", "/health answered " + r.statusCode());
            }
        });
    }

    /** Readiness names each dependency; a failure line names each one that is down. */
    private void readiness() {
        probe.fetch("readiness", editor.resolve("/health/ready")).ifPresent(r -> {
            if (r.statusCode() == 200) {
                probe.pass("readiness", "database and object store answer");
                return;
            }
            var checks = Probe.json(r.body()).map(j -> j.path("checks"));
            if (checks.isEmpty() || !checks.get().isObject() || checks.get().isEmpty()) {
                probe.fail("readiness", "/health/ready answered " + r.statusCode());
                return;
            }
            checks.get().properties().forEach(check -> {
                String state = check.getValue().asString("");
                if (!"ok".equals(state)) {
                    probe.fail("readiness", (check.getKey().equals("storage") ? "object store" : check.getKey()) + " " + state);
                }
            });
        });
    }

    /** HTTPS everywhere, plain HTTP redirected; a local instance has no TLS in front of it. */
    private void tls() {
        for (URI site : new LinkedHashSet<>(List.of(editor, published))) {
            if (isLocal(site)) {
                probe.skip("tls", site + " is a local address without TLS in front of it; HTTPS, its redirect and HSTS are checked on a deployed URL");
                continue;
            }
            if (!"https".equals(site.getScheme())) {
                probe.fail("tls", site + " is not https");
                continue;
            }
            var plain = URI.create("http://" + site.getRawAuthority() + "/");
            probe.fetch("tls", plain).ifPresent(r -> {
                String location = r.headers().firstValue("Location").orElse("");
                if (List.of(301, 302, 307, 308).contains(r.statusCode()) && location.startsWith("https://" + site.getHost())) {
                    probe.pass("tls", plain + " redirects to HTTPS");
                } else {
                    probe.fail("tls", plain + " answered " + r.statusCode() + " instead of redirecting to HTTPS");
                }
            });
        }
    }

    private Optional<String> landingAndSignIn() {
        var landing = probe.fetch("landing page", editor.resolve("/"));
        landing.ifPresent(r -> {
            if (r.statusCode() == 200 && contentType(r).startsWith("text/html") && r.body().contains("/login")) {
                probe.pass("landing page", "/ is the landing page, linking to sign-in");
            } else {
                probe.fail("landing page", "/ answered " + r.statusCode() + " " + contentType(r));
            }
            securityHeaders(r, "/");
        });
        probe.fetch("sign-in page", editor.resolve("/login")).ifPresent(r -> {
            if (r.statusCode() == 200 && r.body().contains("<form") && r.body().contains("name=\"email\"")) {
                probe.pass("sign-in page", "/login shows the email form");
            } else {
                probe.fail("sign-in page", "/login answered " + r.statusCode() + " without the email form");
            }
        });
        return landing.map(HttpResponse::body);
    }

    /** The security headers the app sends ({@code SecurityHeaders}), each named when missing or wrong. */
    private void securityHeaders(HttpResponse<String> r, String path) {
        var expected = new java.util.LinkedHashMap<String, String>();
        expected.put("Content-Security-Policy", "default-src");
        expected.put("X-Content-Type-Options", "nosniff");
        expected.put("X-Frame-Options", "DENY");
        expected.put("Referrer-Policy", "");
        if (!isLocal(editor)) {
            expected.put("Strict-Transport-Security", "max-age=");
        }
        int before = probe.failureCount();
        expected.forEach((name, needle) -> {
            var value = r.headers().firstValue(name);
            if (value.isEmpty()) {
                probe.fail("headers", name + " missing on " + path);
            } else if (!value.get().contains(needle)) {
                probe.fail("headers", name + " on " + path + " is \"" + value.get() + "\"");
            }
        });
        if (probe.failureCount() == before) {
            probe.pass("headers", String.join(", ", expected.keySet()) + " on " + path
                    + (isLocal(editor) ? " (HSTS is checked on a deployed URL)" : ""));
        }
    }

    /** Hashed static files must be cacheable for a year. */
    private void staticAssets(Optional<String> landing) {
        var assets = new LinkedHashSet<String>();
        landing.ifPresent(html -> STATIC_ASSET.matcher(html).results().map(m -> m.group(1)).limit(5).forEach(assets::add));
        if (assets.isEmpty()) {
            probe.fail("static assets", "the landing page links no /static/ file");
            return;
        }
        for (String path : assets) {
            probe.fetch("static assets", editor.resolve(path)).ifPresent(r -> {
                String cache = r.headers().firstValue("Cache-Control").orElse("");
                if (r.statusCode() != 200) {
                    probe.fail("static assets", path + " answered " + r.statusCode());
                } else if (!cache.contains("max-age=31536000")) {
                    probe.fail("static assets", path + " has Cache-Control \"" + cache + "\", not a year");
                } else {
                    probe.pass("static assets", path + " cached for a year");
                }
            });
        }
    }

    private void robots() {
        probe.fetch("robots.txt", published.resolve("/robots.txt")).ifPresent(r -> {
            if (r.statusCode() == 200 && contentType(r).startsWith("text/plain") && r.body().contains("User-agent:")) {
                probe.pass("robots.txt", published + "/robots.txt is served");
            } else {
                probe.fail("robots.txt", published + "/robots.txt answered " + r.statusCode());
            }
        });
    }

    /**
     * A published page as visitors get it: HTML naming its canonical address, and through
     * Cloudflare, a cache hit on the second fetch.
     */
    void publishedPage(String slug, String source) {
        URI page = published.resolve("/s/" + slug);
        var first = probe.fetch("published page", page);
        if (first.isEmpty()) {
            return;
        }
        var r = first.get();
        if (r.statusCode() != 200 || !contentType(r).startsWith("text/html")) {
            probe.fail("published page", page + " (" + source + ") answered " + r.statusCode());
            return;
        }
        if (!r.body().contains("<link rel=\"canonical\" href=\"" + page + "\">")) {
            probe.fail("published page", page + " does not name itself as its canonical address");
        } else {
            probe.pass("published page", page + " is served with its canonical link");
        }
        var second = probe.fetch("cdn", page);
        second.ifPresent(again -> {
            var status = again.headers().firstValue("CF-Cache-Status");
            if (status.isEmpty()) {
                if (isLocal(published)) {
                    probe.skip("cdn", page + " has no CDN in front of it (no CF-Cache-Status); the cache is checked on a deployed URL");
                } else {
                    probe.fail("cdn", page + " did not come through Cloudflare (no CF-Cache-Status)");
                }
            } else if (status.get().equalsIgnoreCase("HIT") || status.get().equalsIgnoreCase("REVALIDATED")) {
                probe.pass("cdn", page + " came from the edge cache on the second fetch (" + status.get() + ")");
            } else {
                probe.fail("cdn", page + " was " + status.get() + " on the second fetch: is the cache rule in place? (docs/deploy.md)");
            }
        });
    }

    private static String contentType(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    }

    private static boolean isLocal(URI uri) {
        String host = uri.getHost();
        return "http".equals(uri.getScheme())
                && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
    }

    private static boolean isHttpUrl(String value) {
        try {
            var uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static URI withoutSlash(URI uri) {
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }
}
