package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Limits on what an aide stores outside entity props (meta, constraints, names): every event
 * that writes into the snapshot is bounded, so no mix of events grows an aide without end.
 */
class StoredTextLimitsTest {
    private static final String NUL = "\\u0000";

    @Test
    void a_nul_character_is_refused_in_every_string_of_an_event() {
        TestAide aide = TestAide.pokerNight();

        aide.reject("{t:'entity.update', ref:'mike', p:{name:'Mi" + NUL + "ke'}}", Code.INVALID_FIELD);
        aide.reject("{t:'entity.update', ref:'mike', p:{'na" + NUL + "me':'Mike'}}", Code.INVALID_FIELD);
        aide.reject("{t:'entity.update', ref:'mike', p:{tags:['a', 'b" + NUL + "']}}", Code.INVALID_FIELD);
        aide.reject("{t:'meta.set', p:{identity:'le" + NUL + "ague'}}", Code.INVALID_FIELD);
        aide.reject("{t:'meta.set', title:'" + NUL + "'}", Code.INVALID_FIELD);
        aide.reject("{t:'rel.set', from:'mike', to:'dave', type:'lik" + NUL + "es'}", Code.INVALID_FIELD);
        aide.reject("{t:'entity.create', id:'anna', parent:'players', display:'r" + NUL + "'}", Code.INVALID_FIELD);
        aide.reject("{t:'meta.annotate', p:{note:'" + NUL + "'}}", Code.INVALID_FIELD);
        Result result = aide.reject("{t:'style.set', p:{accent:'" + NUL + "'}}", Code.INVALID_FIELD);
        assertThat(result.reason()).contains("NUL");
    }

    @Test
    void a_constraint_value_beyond_a_long_is_refused() {
        TestAide aide = TestAide.pokerNight();
        String huge = "99999999999999999999999";

        aide.reject("{t:'rel.constrain', id:'c', rule:'max_links', rel_type:'likes', value:" + huge + ", strict:true}", Code.INVALID_FIELD);
        aide.reject("{t:'meta.constrain', id:'c', rule:'max_children', parent:'players', value:" + huge + ", strict:true}", Code.INVALID_FIELD);
        aide.accept("{t:'rel.constrain', id:'c', rule:'max_links', rel_type:'likes', value:" + Long.MAX_VALUE + ", strict:true}");
        aide.accept("{t:'rel.set', from:'mike', to:'dave', type:'likes'}");
    }

    @Test
    void a_meta_string_is_bounded_like_a_prop_string() {
        TestAide aide = TestAide.pokerNight();
        String longText = "x".repeat(Limits.MAX_STRING_LENGTH + 1);

        aide.reject("{t:'meta.set', title:'" + longText + "'}", Code.LIMIT_EXCEEDED);
        aide.reject("{t:'meta.set', p:{identity:'" + longText + "'}}", Code.LIMIT_EXCEEDED);
        aide.reject("{t:'meta.set', p:{notes:{a:'" + longText.substring(10) + "', b:'" + "y".repeat(20) + "'}}}", Code.LIMIT_EXCEEDED);
        aide.accept("{t:'meta.set', p:{identity:'" + "x".repeat(Limits.MAX_STRING_LENGTH) + "'}}");
    }

    @Test
    void meta_nests_no_deeper_than_entities_and_holds_a_bounded_number_of_values() {
        TestAide aide = TestAide.pokerNight();

        aide.reject("{t:'meta.set', p:{deep:" + "[".repeat(300) + "]".repeat(300) + "}}", Code.LIMIT_EXCEEDED);
        aide.reject("{t:'meta.set', p:{deep:" + "{a:".repeat(Limits.MAX_DEPTH + 1) + "1" + "}".repeat(Limits.MAX_DEPTH + 1) + "}}", Code.LIMIT_EXCEEDED);
        aide.accept("{t:'meta.set', p:{deep:" + "{a:".repeat(Limits.MAX_DEPTH) + "1" + "}".repeat(Limits.MAX_DEPTH) + "}}");
        aide.reject("{t:'meta.set', p:{many:[" + "1,".repeat(Limits.MAX_LIST_ITEMS) + "1]}}", Code.LIMIT_EXCEEDED);
        aide.reject("{t:'meta.set', p:{many:[" + "[1,1],".repeat(Limits.MAX_LIST_ITEMS / 2) + "1]}}", Code.LIMIT_EXCEEDED);
        aide.reject("{t:'meta.set', p:{'" + "k".repeat(Limits.MAX_PROP_KEY_LENGTH + 1) + "':1}}", Code.LIMIT_EXCEEDED);
    }

    @Test
    void meta_holds_at_most_sixty_four_keys() {
        TestAide aide = TestAide.pokerNight();
        // meta() also lists annotations and constraints, which do not count.
        int present = aide.snapshot.meta().size() - 2;
        for (int i = present; i < Limits.MAX_PROPS_PER_ENTITY; i++) {
            aide.accept("{t:'meta.set', p:{k" + i + ":1}}");
        }

        aide.reject("{t:'meta.set', p:{one_more:1}}", Code.LIMIT_EXCEEDED);
        aide.accept("{t:'meta.set', p:{k" + present + ":2}}");
    }

    @Test
    void annotations_constraints_and_global_styles_are_bounded() {
        TestAide aide = TestAide.pokerNight();
        for (int i = 0; i < Limits.MAX_LIST_ITEMS; i++) {
            aide.accept("{t:'meta.annotate', p:{note:'n" + i + "'}}");
        }
        aide.reject("{t:'meta.annotate', p:{note:'one more'}}", Code.LIMIT_EXCEEDED);

        for (int i = 0; i < Limits.MAX_CONSTRAINTS; i++) {
            aide.accept("{t:'rel.constrain', id:'r" + i + "', rule:'max_links', rel_type:'likes', value:5}");
        }
        aide.reject("{t:'rel.constrain', id:'one_more', rule:'max_links', rel_type:'likes', value:5}", Code.LIMIT_EXCEEDED);
        aide.reject("{t:'meta.constrain', id:'one_more', rule:'max_children', parent:'players', value:5}", Code.LIMIT_EXCEEDED);
        aide.accept("{t:'rel.constrain', id:'r0', rule:'max_links', rel_type:'likes', value:6}");

        for (int i = 0; i < Limits.MAX_PROPS_PER_ENTITY; i++) {
            aide.accept("{t:'style.set', p:{s" + i + ":1}}");
        }
        aide.reject("{t:'style.set', p:{one_more:1}}", Code.LIMIT_EXCEEDED);
    }

    @Test
    void names_and_messages_are_bounded() {
        TestAide aide = TestAide.pokerNight();
        String longName = "t".repeat(Limits.MAX_PROP_KEY_LENGTH + 1);
        String longText = "x".repeat(Limits.MAX_STRING_LENGTH + 1);

        aide.reject("{t:'rel.set', from:'mike', to:'dave', type:'" + longName + "'}", Code.LIMIT_EXCEEDED);
        aide.reject("{t:'entity.create', id:'anna', parent:'players', display:'" + longName + "'}", Code.LIMIT_EXCEEDED);
        aide.reject("{t:'rel.constrain', id:'" + longName + "', rule:'max_links', value:5}", Code.LIMIT_EXCEEDED);
        aide.reject("{t:'rel.constrain', id:'c', rule:'max_links', value:5, message:'" + longText + "'}", Code.LIMIT_EXCEEDED);
        aide.reject("{t:'rel.constrain', id:'c', rule:'max_links', value:5, entities:[" + "'mike',".repeat(Limits.MAX_LIST_ITEMS) + "'dave']}", Code.LIMIT_EXCEEDED);
        aide.reject("{t:'meta.annotate', p:{note:'hi'}, ts:'" + longName + "'}", Code.LIMIT_EXCEEDED);
    }
}
