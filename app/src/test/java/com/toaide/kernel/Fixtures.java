package com.toaide.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shared conformance vectors in {@code ../shared/fixtures/kernel} (see its README). */
final class Fixtures {
    static final JsonMapper JSON = JsonMapper.shared();

    record Case(String file, String name, JsonNode events, JsonNode results, JsonNode snapshot) {
        @Override
        public String toString() {
            return file + ": " + name;
        }
    }

    private Fixtures() {}

    static Path folder() {
        return Path.of("").toAbsolutePath().getParent().resolve("shared/fixtures/kernel");
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = JSON.readTree(Files.readString(file));
                for (JsonNode c : root.get("cases")) {
                    cases.add(new Case(file.getFileName().toString(), c.get("name").asString(),
                            c.get("events"), c.get("results"), c.get("snapshot")));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the kernel fixtures in " + folder(), e);
        }
        return cases;
    }

    static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
