package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void an_aide_holds_at_most_five_thousand_entities_removed_ones_included() {
        TestAide aide = TestAide.empty();
        aide.accept("{t:'entity.create', id:'page'}");
        for (int i = 1; i < Limits.MAX_ENTITIES; i++) {
            aide.accept("{t:'entity.create', id:'row_" + i + "', parent:'page'}");
        }
        aide.accept("{t:'entity.remove', ref:'row_1'}");

        aide.reject("{t:'entity.create', id:'one_more', parent:'page'}", Code.LIMIT_EXCEEDED);
        aide.accept("{t:'entity.create', id:'row_1', parent:'page'}");
        assertThat(aide.snapshot.entityCount()).isEqualTo(Limits.MAX_ENTITIES);
    }

    @Test
    void entities_nest_at_most_twelve_levels_below_the_top() {
        TestAide aide = TestAide.empty();
        aide.accept("{t:'entity.create', id:'level_0'}");
        for (int i = 1; i <= Limits.MAX_DEPTH; i++) {
            aide.accept("{t:'entity.create', id:'level_" + i + "', parent:'level_" + (i - 1) + "'}");
        }

        aide.reject("{t:'entity.create', id:'too_deep', parent:'level_12'}", Code.LIMIT_EXCEEDED);
        aide.accept("{t:'entity.create', id:'branch', parent:'level_0'}");
        aide.accept("{t:'entity.create', id:'leaf', parent:'branch'}");
        aide.reject("{t:'entity.move', ref:'branch', parent:'level_11'}", Code.LIMIT_EXCEEDED);
        aide.accept("{t:'entity.move', ref:'leaf', parent:'level_11'}");
    }

    @Test
    void an_entity_holds_at_most_sixty_four_props() {
        TestAide aide = TestAide.empty();
        StringBuilder props = new StringBuilder();
        for (int i = 0; i < Limits.MAX_PROPS_PER_ENTITY; i++) {
            props.append(i == 0 ? "" : ", ").append("k").append(i).append(":").append(i);
        }
        aide.accept("{t:'entity.create', id:'full', p:{" + props + "}}");

        aide.reject("{t:'entity.update', ref:'full', p:{one_more:1}}", Code.LIMIT_EXCEEDED);
        aide.accept("{t:'entity.update', ref:'full', p:{k1:'changed'}}");
        aide.reject("{t:'entity.create', id:'over', p:{" + props + ", extra:1}}", Code.LIMIT_EXCEEDED);
    }

    @Test
    void prop_keys_strings_and_lists_are_bounded() {
        TestAide aide = TestAide.empty();
        aide.accept("{t:'entity.create', id:'page'}");
        String longKey = "k".repeat(Limits.MAX_PROP_KEY_LENGTH + 1);
        String longText = "x".repeat(Limits.MAX_STRING_LENGTH + 1);
        String longList = "[" + "1,".repeat(Limits.MAX_LIST_ITEMS) + "1]";

        aide.reject("{t:'entity.update', ref:'page', p:{" + longKey + ":1}}", Code.LIMIT_EXCEEDED);
        aide.reject("{t:'entity.update', ref:'page', p:{note:'" + longText + "'}}", Code.LIMIT_EXCEEDED);
        aide.reject("{t:'entity.update', ref:'page', p:{tags:" + longList + "}}", Code.LIMIT_EXCEEDED);
        aide.reject("{t:'entity.update', ref:'page', p:{'':1}}", Code.INVALID_FIELD);
        aide.accept("{t:'entity.update', ref:'page', p:{note:'" + "x".repeat(Limits.MAX_STRING_LENGTH) + "'}}");
    }

    @Test
    void an_aide_holds_at_most_two_thousand_relationships() {
        TestAide aide = TestAide.empty();
        aide.accept("{t:'entity.create', id:'page'}");
        for (int i = 0; i < 50; i++) {
            aide.accept("{t:'entity.create', id:'n" + i + "', parent:'page'}");
        }
        for (int i = 0; i < Limits.MAX_RELATIONSHIPS; i++) {
            aide.accept("{t:'rel.set', from:'n" + (i % 50) + "', to:'n" + (i / 50) + "', type:'likes'}");
        }

        aide.reject("{t:'rel.set', from:'page', to:'n1', type:'likes'}", Code.LIMIT_EXCEEDED);
        aide.accept("{t:'rel.set', from:'n0', to:'n0', type:'likes'}");
    }
}
