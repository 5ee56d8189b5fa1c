package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Property tests over seeded random events: apply never throws, and a rejection changes nothing. */
class RobustnessTest {

    @Test
    void a_rejected_event_leaves_the_snapshot_exactly_unchanged_and_nothing_throws() {
        int rejected = 0;
        for (long seed = 0; seed < 120; seed++) {
            RandomEvents events = new RandomEvents(seed);
            Snapshot snapshot = Snapshot.empty();
            for (int i = 0; i < 150; i++) {
                JsonNode event = events.next();
                JsonNode before = snapshot.toJson();
                Result result = Kernel.apply(snapshot, event);
                if (!result.accepted()) {
                    rejected++;
                    assertThat(result.reason()).startsWith(result.code().name() + ": ");
                    assertThat(SameJson.firstDifference("$", snapshot.toJson(), before))
                            .as("seed %d event %s", seed, event).isNull();
                }
            }
        }
        assertThat(rejected).as("the generator exercises rejections").isGreaterThan(600);
    }

    @Test
    void the_json_form_of_every_random_aide_reads_back_to_the_same_aide() {
        for (long seed = 0; seed < 100; seed++) {
            RandomEvents events = new RandomEvents(seed);
            Snapshot snapshot = Snapshot.empty();
            for (int i = 0; i < 150; i++) {
                Kernel.apply(snapshot, events.next());
            }
            JsonNode json = snapshot.toJson();
            Snapshot copy = Snapshot.fromJson(json);
            SameJson.assertSameJson(copy.toJson(), json);
            // The copy must also behave the same under further events.
            RandomEvents more = new RandomEvents(seed + 1000);
            for (int i = 0; i < 50; i++) {
                JsonNode event = more.next();
                assertThat(Kernel.apply(copy, event).accepted()).isEqualTo(Kernel.apply(snapshot, event).accepted());
            }
            SameJson.assertSameJson(copy.toJson(), snapshot.toJson());
        }
    }

    @Test
    void wrong_json_types_in_any_field_are_invalid_field_rejections() {
        String[] events = {
            "{t:'entity.create', id:5}",
            "{t:'entity.create', id:'x', parent:7}",
            "{t:'entity.create', id:'x', display:['page']}",
            "{t:'entity.create', id:'x', p:[1]}",
            "{t:'entity.create', id:'x', p:{address:{street:'Main'}}}",
            "{t:'entity.create', id:'x', p:{tags:[1, [2]]}}",
            "{t:'entity.update', ref:'page', p:'rsvp yes'}",
            "{t:'entity.update', ref:true, p:{}}",
            "{t:'entity.move', ref:'page', position:'2'}",
            "{t:'entity.move', ref:'page', position:1.5}",
            "{t:'rel.set', from:['a'], to:'b', type:'x'}",
            "{t:'rel.set', from:'a', to:'b', type:'x', cardinality:3}",
            "{t:'rel.remove', type:3}",
            "{t:'style.set', p:5}",
            "{t:'meta.set', p:'x'}",
            "{t:'meta.annotate', p:{note:5}}",
            "{t:'meta.annotate', p:{note:'x', pinned:'yes'}}",
            "{t:'meta.annotate', p:{note:'x'}, ts:5}",
        };
        TestAide aide = TestAide.empty();
        aide.accept("{t:'entity.create', id:'page', display:'page'}");
        for (String event : events) {
            aide.reject(event, Code.INVALID_FIELD);
        }
    }

    @Test
    void an_event_that_is_not_an_object_is_rejected_not_thrown() {
        Snapshot snapshot = Snapshot.empty();

        assertThat(Kernel.apply(snapshot, TestAide.json("[1,2]")).code()).isEqualTo(Code.INVALID_FIELD);
        assertThat(Kernel.apply(snapshot, (JsonNode) null).code()).isEqualTo(Code.INVALID_FIELD);
    }
}
