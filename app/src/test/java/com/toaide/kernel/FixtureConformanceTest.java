package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every shared vector in ../shared/fixtures/kernel agrees when run through the replay command. */
class FixtureConformanceTest {

    static List<Fixtures.Case> cases() {
        return Fixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_replay_command_agrees_with_the_fixture(Fixtures.Case fixture) {
        StringWriter out = new StringWriter();

        int status = ReplayCommand.run(new StringReader(fixture.events().toString() + "\n"), out);

        assertThat(status).isZero();
        JsonNode output = Fixtures.parse(out.toString().trim());
        JsonNode results = output.get("results");
        assertThat(results.size()).isEqualTo(fixture.results().size());
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode expected = fixture.results().get(i);
            JsonNode actual = results.get(i);
            boolean same = actual.get("accepted").equals(expected.get("accepted"))
                    && (expected.get("code") == null || expected.get("code").equals(actual.get("code")));
            if (!same) {
                mismatches.add("#" + i + " " + fixture.events().get(i) + " expected " + expected + " got " + actual);
            }
        }
        assertThat(mismatches).isEmpty();
        SameJson.assertSameJson(output.get("snapshot"), fixture.snapshot());
    }

    @Test
    void every_fixture_file_is_found() {
        assertThat(Fixtures.all()).hasSizeGreaterThanOrEqualTo(50);
    }
}
