package com.toaide.ops;

import com.toaide.auth.VerifySignIn;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The whole path a person takes, run by {@code aide.jar verify --full} against a live AIde: sign
 * in as the verify account (no email: {@link VerifySignIn}), create a page, edit it, publish it,
 * view it (and whatever the caller checks while it is published), delete it and sign out. The
 * page is deleted even when a step after its creation fails.
 */
final class FullFlow {
    private static final String CHECK = "full flow";

    private final Probe verify;
    private final String secret;
    private String cookie;

    FullFlow(Probe verify, String secret) {
        this.verify = verify;
        this.secret = secret;
    }

    /** Runs the flow; {@code whilePublished} gets the page's slug before the page is deleted. */
    void run(Consumer<String> whilePublished) {
        if (!signIn()) {
            return;
        }
        var aide = create();
        if (aide.isPresent()) {
            try {
                String marker = "Verify run " + UUID.randomUUID().toString().substring(0, 8);
                if (edit(aide.get(), marker)) {
                    publish(aide.get()).ifPresent(url -> {
                        view(url, marker);
                        whilePublished.accept(url.substring(url.lastIndexOf('/') + 1));
                    });
                }
            } finally {
                delete(aide.get());
            }
        }
        signOut();
    }

    private boolean signIn() {
        long now = Instant.now().getEpochSecond();
        String host = verify.editor().getHost();
        var response = post("/verify/session", "", "X-Aide-Verify", "t=" + now + ",v1=" + VerifySignIn.signature(secret, now, host));
        if (response.isEmpty()) {
            return false;
        }
        var r = response.get();
        var session = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("aide_session=")).findFirst();
        if (r.statusCode() != 204 || session.isEmpty()) {
            verify.fail(CHECK, "sign-in as the verify account answered " + r.statusCode()
                    + (r.statusCode() == 404 ? " (VERIFY_SECRET is not set on the server)" : ""));
            return false;
        }
        cookie = session.get().substring(0, session.get().indexOf(';') < 0 ? session.get().length() : session.get().indexOf(';'));
        verify.pass(CHECK, "signed in as " + VerifySignIn.EMAIL + " without email");
        return true;
    }

    private Optional<String> create() {
        return post("/aides", "{}").flatMap(r -> {
            var id = Probe.json(r.body()).map(j -> j.path("id").asString(""));
            if (r.statusCode() != 201 || id.isEmpty() || id.get().isEmpty()) {
                verify.fail(CHECK, "creating a page answered " + r.statusCode());
                return Optional.empty();
            }
            verify.pass(CHECK, "created a page");
            return id;
        });
    }

    private boolean edit(String aide, String marker) {
        String events = """
                {"events":[{"t":"entity.create","id":"page","display":"page","p":{"title":"%s"}},
                           {"t":"entity.create","id":"note","parent":"page","display":"text","p":{"text":"Checked by aide.jar verify."}}]}
                """.formatted(marker);
        return post("/aides/" + aide + "/events", events).map(r -> {
            if (r.statusCode() != 200) {
                verify.fail(CHECK, "editing the page answered " + r.statusCode());
                return false;
            }
            verify.pass(CHECK, "edited the page");
            return true;
        }).orElse(false);
    }

    private Optional<String> publish(String aide) {
        return post("/aides/" + aide + "/publish", "{}").flatMap(r -> {
            var url = Probe.json(r.body()).map(j -> j.path("url").asString(""));
            if (r.statusCode() != 200 || url.isEmpty() || url.get().isEmpty()) {
                verify.fail(CHECK, "publishing answered " + r.statusCode());
                return Optional.empty();
            }
            verify.pass(CHECK, "published " + url.get());
            return url;
        });
    }

    private void view(String url, String marker) {
        verify.fetch(CHECK, URI.create(url)).ifPresent(r -> {
            if (r.statusCode() == 200 && r.body().contains(marker)) {
                verify.pass(CHECK, "the published page shows the edit");
            } else {
                verify.fail(CHECK, url + " answered " + r.statusCode() + (r.statusCode() == 200 ? " without the edit" : ""));
            }
        });
    }

    private void delete(String aide) {
        post("/aides/" + aide + "/delete", "{}").ifPresent(r -> {
            if (r.statusCode() == 204) {
                verify.pass(CHECK, "deleted the page");
            } else {
                verify.fail(CHECK, "deleting the page answered " + r.statusCode() + "; delete it by hand as " + VerifySignIn.EMAIL);
            }
        });
    }

    private void signOut() {
        post("/logout", "{}").ifPresent(r -> {
            if (r.statusCode() / 100 == 3 || r.statusCode() == 204) {
                verify.pass(CHECK, "signed out");
            } else {
                verify.fail(CHECK, "signing out answered " + r.statusCode());
            }
        });
    }

    /** A JSON POST from the editor's origin, with the session once there is one. */
    private Optional<HttpResponse<String>> post(String path, String json, String... headers) {
        var request = HttpRequest.newBuilder(verify.editor().resolve(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Origin", verify.editor().toString())
                .header("User-Agent", "aide-verify")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return verify.send(CHECK, request, "POST " + path);
    }
}
