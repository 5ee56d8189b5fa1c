package com.toaide.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.TestApp;
import org.junit.jupiter.api.Test;

class RobotsTest {
    @Test
    void the_public_domain_answers_robots_txt_from_the_buckets_root() {
        try (var app = TestApp.start()) {
            var robots = app.get("/robots.txt");
            assertThat(robots.statusCode()).isEqualTo(200);
            assertThat(robots.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
            assertThat(robots.body()).startsWith("User-agent: *\n").contains("Allow: /");
        }
    }
}
