package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every shared vector (shared/fixtures/kernel) agrees when run through the replay command. */
class FixtureConformanceTest {

    /** Where CI and a developer's machine keep shared/ beside the repository, the copy must match it. */
    @Test
    void the_copied_vectors_match_the_shared_folder_when_it_is_there() throws Exception {
        Path shared = Path.of("").toAbsolutePath().getParent().resolve("shared/fixtures/kernel");
        Assumptions.assumeTrue(Files.isDirectory(shared), "no shared/ beside this clone");
        for (String file : Fixtures.FILES) {
            try (InputStream copy = Fixtures.class.getResourceAsStream("/fixtures/kernel/" + file)) {
                assertThat(copy.readAllBytes()).as(file).isEqualTo(Files.readAllBytes(shared.resolve(file)));
            }
        }
        try (var files = Files.list(shared)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")))
                    .containsExactlyInAnyOrderElementsOf(Fixtures.FILES);
        }
    }

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
