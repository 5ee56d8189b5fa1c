package com.toaide.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared conformance vectors (shared/fixtures/kernel, see its README), copied into the test
 * resources so the suite runs from any clone. Refresh the copy when the shared set changes.
 */
final class Fixtures {
    static final JsonMapper JSON = JsonMapper.shared();

    record Case(String file, String name, JsonNode events, JsonNode results, JsonNode snapshot) {
        @Override
        public String toString() {
            return file + ": " + name;
        }
    }

    private Fixtures() {}

    static final List<String> FILES = List.of("random-40.json", "spec-fixes.json");

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/kernel/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource fixtures/kernel/" + file);
                }
                JsonNode root = JSON.readTree(in);
                for (JsonNode c : root.get("cases")) {
                    cases.add(new Case(file, c.get("name").asString(), c.get("events"), c.get("results"), c.get("snapshot")));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the kernel fixtures " + file, e);
            }
        }
        return cases;
    }

    static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
