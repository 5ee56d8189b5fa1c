package com.toaide.ai.eval;

import com.toaide.ai.Tier;
import com.toaide.kernel.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One conversation to replay against a model: what the person says, turn by turn, on a fixed
 * {@code today} (so dates have one right answer), and the checks on the pages that result.
 * The scenarios shipped in the jar are {@code eval/scenarios.json}; the format is in docs/ai.md.
 */
record Scenario(String name, String about, LocalDate today, List<String> turns, List<Check> checks) {
    static final String BUILT_IN = "eval/scenarios.json";

    static List<Scenario> builtIn() {
        try (InputStream in = Scenario.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the jar");
            }
            return parse(Json.MAPPER.readTree(in), BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException naming the file, the scenario and what is wrong */
    static List<Scenario> load(Path file) {
        try {
            return parse(Json.MAPPER.readTree(Files.readString(file)), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static List<Scenario> parse(JsonNode json, String source) {
        if (!json.isArray() || json.isEmpty()) {
            throw new IllegalArgumentException(source + " must be a JSON array of scenarios");
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (JsonNode item : json) {
            String name = item.path("name").asString("");
            String where = source + ", scenario \"" + name + "\"";
            if (name.isBlank()) {
                throw new IllegalArgumentException(source + ": every scenario needs a name");
            }
            LocalDate today;
            try {
                today = LocalDate.parse(item.path("today").asString(""));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + ": today must be a date like 2026-03-10", e);
            }
            List<String> turns = item.path("turns").valueStream().map(turn -> turn.path("say").asString("")).toList();
            if (turns.isEmpty() || turns.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException(where + ": turns must be a list of {\"say\": \"...\"}");
            }
            List<Check> checks = new ArrayList<>();
            for (JsonNode check : item.path("checks")) {
                checks.add(check(check, turns.size(), where));
            }
            if (checks.isEmpty()) {
                throw new IllegalArgumentException(where + ": a scenario needs at least one check");
            }
            scenarios.add(new Scenario(name, item.path("about").asString(""), today, turns, checks));
        }
        return scenarios;
    }

    private static Check check(JsonNode json, int turns, String where) {
        String label = json.path("label").asString("");
        String kind = json.path("kind").asString("");
        String at = where + ", check \"" + label + "\"";
        int turn = json.path("turn").asInt(turns);
        int after = json.path("after").asInt(turns);
        if (label.isBlank() || turn < 1 || turn > turns || after < 1 || after > turns) {
            throw new IllegalArgumentException(at + ": needs a label, and turn/after between 1 and " + turns);
        }
        return switch (kind) {
            case "count" -> {
                if (!json.has("match") || !(json.has("min") || json.has("max"))) {
                    throw new IllegalArgumentException(at + ": a count check needs match and min or max");
                }
                yield Check.count(label, after, json.get("match"), json.path("min").asInt(0),
                        json.has("max") ? json.get("max").asInt() : Integer.MAX_VALUE);
            }
            case "voice" -> {
                List<String> all = words(json.path("mentions_all"));
                List<String> any = words(json.path("mentions_any"));
                if (all.isEmpty() && any.isEmpty()) {
                    throw new IllegalArgumentException(at + ": a voice check needs mentions_all or mentions_any");
                }
                yield Check.voice(label, turn, all, any);
            }
            case "tier" -> {
                String tier = json.path("tier").asString("");
                if (!tier.equals("fast") && !tier.equals("deep")) {
                    throw new IllegalArgumentException(at + ": tier must be fast or deep");
                }
                yield Check.tier(label, turn, Tier.valueOf(tier.toUpperCase(Locale.ROOT)));
            }
            default -> throw new IllegalArgumentException(at + ": kind must be count, voice or tier");
        };
    }

    private static List<String> words(JsonNode list) {
        return list.valueStream().map(word -> word.asString()).toList();
    }
}
