package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A snapshot driven by events written as relaxed JSON (single quotes) so tests stay readable. */
final class TestAide {
    private static final JsonMapper RELAXED = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES)
            .build();

    final Snapshot snapshot;

    TestAide(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    static TestAide empty() {
        return new TestAide(Snapshot.empty());
    }

    /** A page with a table "players" holding "mike" and "dave". */
    static TestAide pokerNight() {
        TestAide aide = empty();
        aide.accept("{t:'entity.create', id:'page', display:'page', p:{title:'Poker Night'}}");
        aide.accept("{t:'entity.create', id:'players', parent:'page', display:'table', p:{title:'Players'}}");
        aide.accept("{t:'entity.create', id:'mike', parent:'players', p:{name:'Mike'}}");
        aide.accept("{t:'entity.create', id:'dave', parent:'players', p:{name:'Dave'}}");
        return aide;
    }

    static JsonNode json(String relaxed) {
        return RELAXED.readTree(relaxed);
    }

    Result apply(String event) {
        return Kernel.apply(snapshot, json(event));
    }

    Result accept(String event) {
        Result result = apply(event);
        assertThat(result.accepted()).as("%s: %s", event, result.reason()).isTrue();
        return result;
    }

    /** Applies an event that must be rejected with {@code code} and must leave the snapshot unchanged. */
    Result reject(String event, Code code) {
        JsonNode before = snapshot.toJson();
        Result result = apply(event);
        assertThat(result.accepted()).as(event).isFalse();
        assertThat(result.code()).as(event).isEqualTo(code);
        assertThat(result.reason()).startsWith(code.name() + ": ");
        SameJson.assertSameJson(snapshot.toJson(), before);
        return result;
    }

    Entity entity(String id) {
        return snapshot.entity(id);
    }
}
