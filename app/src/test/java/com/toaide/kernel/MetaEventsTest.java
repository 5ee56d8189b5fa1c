package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MetaEventsTest {

    @Test
    void global_styles_merge() {
        TestAide aide = TestAide.pokerNight();

        aide.accept("{t:'style.set', p:{accent:'#c00', font:'serif'}}");
        aide.accept("{t:'style.set', p:{accent:'#00c'}}");

        assertThat(aide.snapshot.globalStyles()).containsOnlyKeys("accent", "font");
        assertThat(aide.snapshot.globalStyles().get("accent").asString()).isEqualTo("#00c");
    }

    @Test
    void entity_styles_merge_into_the_entity_and_the_styles_map() {
        TestAide aide = TestAide.pokerNight();

        aide.accept("{t:'style.entity', ref:'mike', p:{highlight:true}}");
        aide.accept("{t:'style.entity', ref:'mike', p:{color:'red'}}");

        assertThat(aide.entity("mike").styles()).containsOnlyKeys("highlight", "color");
        assertThat(aide.entity("mike").updatedSeq()).as("styling is not an update of the data").isEqualTo(3);
        assertThat(aide.snapshot.entityStyles().get("mike")).containsOnlyKeys("highlight", "color");
    }

    @Test
    void styling_an_entity_needs_a_live_one() {
        TestAide aide = TestAide.pokerNight();

        aide.reject("{t:'style.entity', p:{highlight:true}}", Code.MISSING_REF);
        aide.reject("{t:'style.entity', ref:'ghost', p:{highlight:true}}", Code.ENTITY_NOT_FOUND);
        aide.reject("{t:'style.entity', ref:'mike', p:{highlight:{deep:true}}}", Code.INVALID_FIELD);
    }

    @Test
    void meta_set_writes_every_key_from_p_and_the_top_level() {
        TestAide aide = TestAide.pokerNight();
        JsonNode event = TestAide.json("{t:'meta.set', p:{identity:'league'}, title:'Thursday Poker', row_labels:['a','b']}");
        String before = event.toString();

        Kernel.apply(aide.snapshot, event);

        JsonNode meta = aide.snapshot.meta();
        assertThat(meta.get("identity").asString()).isEqualTo("league");
        assertThat(aide.snapshot.title()).isEqualTo("Thursday Poker");
        assertThat(meta.get("row_labels").size()).isEqualTo(2);
        assertThat(event.toString()).as("the caller's event is not mutated").isEqualTo(before);
        aide.accept("{t:'meta.update', col_label:'Week'}");
        assertThat(aide.snapshot.meta().get("col_label").asString()).isEqualTo("Week");
    }

    @Test
    void meta_set_cannot_overwrite_annotations_or_constraints() {
        TestAide.pokerNight().reject("{t:'meta.set', p:{annotations:[]}}", Code.INVALID_FIELD);
    }

    @Test
    void an_annotation_takes_its_time_from_the_event_and_its_seq_from_the_snapshot() {
        TestAide aide = TestAide.pokerNight();

        aide.accept("{t:'meta.annotate', p:{note:'Mike out, Dave subbing.', pinned:true}, ts:'2026-02-12T18:00:00Z'}");

        SameJson.assertSameJson(aide.snapshot.meta().get("annotations"), TestAide.json(
                "[{note:'Mike out, Dave subbing.', pinned:true, ts:'2026-02-12T18:00:00Z', seq:4}]"));
        assertThat(aide.snapshot.sequence()).isEqualTo(5);
    }

    @Test
    void an_annotation_without_its_own_time_takes_the_envelopes() {
        Snapshot snapshot = TestAide.pokerNight().snapshot;

        Kernel.apply(snapshot, Event.fromJson(TestAide.json("{t:'meta.annotate', p:{note:'hi'}}")), "2026-03-01T10:00:00Z");

        JsonNode annotation = snapshot.meta().get("annotations").get(0);
        assertThat(annotation.get("ts").asString()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(annotation.get("pinned").booleanValue()).isFalse();
    }

    @Test
    void a_strict_max_children_rejects_later_creates_and_moves() {
        TestAide aide = TestAide.pokerNight();
        aide.accept("{t:'entity.create', id:'subs', parent:'page'}");
        aide.accept("{t:'entity.create', id:'lisa', parent:'subs'}");
        aide.accept("{t:'meta.constrain', id:'max_players', rule:'max_children', parent:'players', value:2, strict:true}");

        aide.reject("{t:'entity.create', id:'anna', parent:'players'}", Code.STRICT_CONSTRAINT_VIOLATED);
        aide.reject("{t:'entity.move', ref:'lisa', parent:'players'}", Code.STRICT_CONSTRAINT_VIOLATED);
        aide.accept("{t:'entity.move', ref:'mike', parent:'players', position:1}");
        aide.accept("{t:'entity.remove', ref:'mike'}");
        aide.accept("{t:'entity.create', id:'anna', parent:'players'}");
    }

    @Test
    void a_non_strict_max_children_warns() {
        TestAide aide = TestAide.pokerNight();
        aide.accept("{t:'meta.constrain', id:'max_players', rule:'max_children', parent:'players', value:2, message:'Two seats only'}");

        Result result = aide.accept("{t:'entity.create', id:'anna', parent:'players'}");

        assertThat(result.warnings()).containsExactly("Two seats only");
    }

    @Test
    void a_strict_max_children_already_broken_is_rejected() {
        TestAide aide = TestAide.pokerNight();

        aide.reject("{t:'meta.constrain', id:'one', rule:'max_children', parent:'players', value:1, strict:true}",
                Code.STRICT_CONSTRAINT_VIOLATED);
        aide.reject("{t:'meta.constrain', rule:'max_children', parent:'players', value:1}", Code.MISSING_ID);
        aide.reject("{t:'meta.constrain', id:'one', rule:'max_children', parent:'players', value:1.5}", Code.INVALID_FIELD);
    }

    @Test
    void signals_return_their_payload_and_change_nothing() {
        TestAide aide = TestAide.pokerNight();
        JsonNode before = aide.snapshot.toJson();

        Result voice = aide.accept("{t:'voice', text:'Mike is out.'}");
        Result clarify = aide.accept("{t:'clarify', text:'Which Mike?'}");
        Result escalate = aide.accept("{t:'escalate', tier:'l4', reason:'complex', extract:'x'}");
        aide.accept("{t:'batch.start'}");
        aide.accept("{t:'batch.end'}");

        SameJson.assertSameJson(voice.signal(), TestAide.json("{type:'voice', text:'Mike is out.'}"));
        SameJson.assertSameJson(clarify.signal(), TestAide.json("{type:'clarify', text:'Which Mike?', options:[]}"));
        assertThat(escalate.signal().get("tier").asString()).isEqualTo("l4");
        SameJson.assertSameJson(aide.snapshot.toJson(), before);
    }

    @Test
    void an_event_without_a_known_type_is_rejected() {
        TestAide aide = TestAide.pokerNight();

        aide.reject("{id:'x'}", Code.MISSING_TYPE);
        aide.reject("{t:'entity.explode', id:'x'}", Code.UNKNOWN_PRIMITIVE);
        aide.reject("{t:5}", Code.INVALID_FIELD);
    }
}
