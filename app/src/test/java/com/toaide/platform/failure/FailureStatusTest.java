package com.toaide.platform.failure;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.platform.web.Errors;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every kind of domain failure has its status, mapped once in Errors. */
class FailureStatusTest {
    static final List<Failure> ONE_OF_EACH = List.of(
            new Failure.NotFound(), new Failure.Invalid("x"), new Failure.TooLarge("x"), new Failure.Unsupported("x"), new Failure.Unusable("x"), new Failure.NotAllowed("x"),
            new Failure.Conflict("x"), new Failure.Gone("x"), new Failure.Limited("x", Duration.ofSeconds(5)),
            new Failure.Unavailable("x"));

    @Test
    void each_kind_maps_to_its_own_status() {
        Map<String, Integer> statuses = ONE_OF_EACH.stream()
                .collect(Collectors.toMap(f -> f.getClass().getSimpleName(), Errors::status));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(
                "NotFound", 404, "Invalid", 400, "TooLarge", 413, "Unsupported", 415, "Unusable", 422, "NotAllowed", 403,
                "Conflict", 409, "Gone", 410, "Limited", 429, "Unavailable", 503));
    }

    @Test
    void the_test_covers_every_kind_the_family_permits() {
        var permitted = Arrays.stream(Failure.class.getPermittedSubclasses()).map(Class::getSimpleName).collect(Collectors.toSet());
        assertThat(ONE_OF_EACH.stream().map(f -> f.getClass().getSimpleName()).collect(Collectors.toSet())).isEqualTo(permitted);
    }
}
