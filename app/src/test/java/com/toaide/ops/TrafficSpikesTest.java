package com.toaide.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.testing.Eventually;
import com.toaide.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Traffic-spike alerts, posted to a Slack webhook on localhost. */
class TrafficSpikesTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-12-02T10:00:00Z"));

    @Test
    void a_minute_well_above_the_hour_before_is_posted_once_and_a_steady_load_is_not() {
        try (var slack = new FakeSlack(); var spikes = new TrafficSpikes(clock, new SlackAlerts(slack.url()), 50, 5)) {
            // An hour of a steady 40 requests and 1 sign-up a minute: nothing to say.
            for (int minute = 0; minute < 60; minute++) {
                hits(spikes::request, 40);
                spikes.signUp();
                clock.advance(Duration.ofMinutes(1));
            }
            hits(spikes::request, 1);
            assertThat(slack.bodies()).isEmpty();

            // Then a minute of 400 requests (ten times the average) and 30 sign-ups.
            hits(spikes::request, 399);
            hits(spikes::signUp, 30);
            clock.advance(Duration.ofMinutes(1));
            spikes.request();
            spikes.signUp();
            Eventually.within(Duration.ofSeconds(10), () -> assertThat(slack.bodies()).hasSize(2));
            assertThat(String.join("\n", slack.bodies()))
                    .contains("Traffic spike: Requests to this instance reached 400 in a minute, against an average of 40")
                    .contains("Traffic spike: Sign-ups reached 30 in a minute");

            // Another spike within the hour stays quiet: one alert an hour per kind.
            hits(spikes::request, 2_000);
            clock.advance(Duration.ofMinutes(1));
            spikes.request();
            // Two hours later the next spike is posted; alerts go out in order, so a third body
            // before it would have been the one that should have stayed quiet.
            clock.advance(Duration.ofHours(2));
            hits(spikes::request, 100);
            clock.advance(Duration.ofMinutes(1));
            spikes.request();
            Eventually.within(Duration.ofSeconds(10), () -> assertThat(slack.bodies()).hasSize(3));
            assertThat(slack.bodies().get(2)).contains("Requests to this instance reached 100 in a minute");
        }
    }

    @Test
    void a_rise_below_the_floor_is_not_a_spike_but_one_above_it_is() {
        try (var slack = new FakeSlack(); var spikes = new TrafficSpikes(clock, new SlackAlerts(slack.url()), 50, 5)) {
            hits(spikes::request, 2);
            clock.advance(Duration.ofMinutes(1));
            hits(spikes::request, 45);
            hits(spikes::signUp, 6);
            clock.advance(Duration.ofMinutes(1));
            spikes.request();
            spikes.signUp();
            // Alerts go out in order: a request alert would have come before the sign-up one.
            Eventually.within(Duration.ofSeconds(10), () -> assertThat(slack.bodies()).hasSize(1));
            assertThat(slack.bodies().get(0)).contains("Sign-ups reached 6");
        }
    }

    private static void hits(Runnable hit, int times) {
        for (int i = 0; i < times; i++) {
            hit.run();
        }
    }
}
