package com.toaide.auth;

import static com.toaide.auth.SignInFlow.inOneWindow;
import static com.toaide.auth.SignInFlow.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.platform.db.Database;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The client address behind limits comes from headers only when TRUSTED_PROXY says so, and then
 * only from the hop our proxy added (or from Cloudflare, when that hop is Cloudflare's).
 */
class TrustedProxyTest {

    @Test
    void without_a_trusted_proxy_the_forwarded_header_is_ignored() {
        try (var app = TestApp.start(TestPostgres.freshDatabase(), Map.of()); var db = Database.connect(app.database, 1)) {
            var flow = new SignInFlow(app, db);
            // Each request claims another address; all come from one socket, so they share one limit.
            List<HttpResponse<String>> responses = inOneWindow(Duration.ofHours(1), () -> {
                forgetCounts(db);
                return IntStream.range(0, 21).mapToObj(i -> flow.requestLink(newEmail("spoof"), "203.0.113." + (i + 1))).toList();
            });
            assertThat(responses.subList(0, 20)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(303));
            assertThat(responses.get(20).statusCode()).isEqualTo(429);
            assertThat(recordedIps(db)).doesNotContain("203.0.113.1").allSatisfy(ip -> assertThat(ip).doesNotStartWith("203.0.113."));
        }
    }

    @Test
    void behind_a_trusted_proxy_the_hop_it_added_is_the_client_whatever_the_client_wrote_before_it() {
        try (var app = TestApp.start(TestPostgres.freshDatabase(), Map.of("TRUSTED_PROXY", "true"));
             var db = Database.connect(app.database, 1)) {
            var flow = new SignInFlow(app, db);
            // The client forges a new first hop every time; our proxy appends the address it saw.
            var responses = inOneWindow(Duration.ofHours(1), () -> {
                forgetCounts(db);
                return IntStream.range(0, 21).mapToObj(i -> flow.requestLink(newEmail("proxied"), "198.51.100." + (i + 1) + ", 203.0.113.9")).toList();
            });
            assertThat(responses.get(20).statusCode()).isEqualTo(429);
            assertThat(flow.requestLink(newEmail("neighbour"), "203.0.113.9, 203.0.113.10").statusCode()).isEqualTo(303);
            assertThat(recordedIps(db)).contains("203.0.113.9", "203.0.113.10").noneMatch(ip -> ip.startsWith("198.51.100."));
        }
    }

    @Test
    void cf_connecting_ip_counts_only_on_requests_that_came_through_cloudflare() {
        try (var app = TestApp.start(TestPostgres.freshDatabase(), Map.of("TRUSTED_PROXY", "true"));
             var db = Database.connect(app.database, 1)) {
            var flow = new SignInFlow(app, db);
            // 162.158.0.0/15 is Cloudflare's: behind it, the header names the visitor.
            flow.requestLink(newEmail("via-cloudflare"), "162.158.4.5", "CF-Connecting-IP", "203.0.113.21");
            // Straight to the app, the same header is a client's word: the proxy's hop counts.
            var forged = inOneWindow(Duration.ofHours(1), () -> {
                forgetCounts(db);
                return IntStream.range(0, 21).mapToObj(i -> flow.requestLink(newEmail("forged"), "203.0.113.22",
                        "CF-Connecting-IP", "198.51.100." + (i + 1))).toList();
            });
            assertThat(forged.get(20).statusCode()).isEqualTo(429);
            assertThat(recordedIps(db)).contains("203.0.113.21", "203.0.113.22")
                    .doesNotContain("162.158.4.5").noneMatch(ip -> ip.startsWith("198.51.100."));
        }
    }

    /**
     * Each try of a burst starts from nothing counted: the client address is the same in every
     * try, and a try that straddled two windows left part of its requests counted in the second.
     */
    private static void forgetCounts(Database db) {
        db.asSystem(h -> h.execute("delete from rate_limits"));
    }

    private static List<String> recordedIps(Database db) {
        return db.asSystem(h -> h.createQuery("select distinct ip from magic_links").mapTo(String.class).list());
    }
}
