package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkEventsTest {

    private static TestAide seating() {
        TestAide aide = TestAide.pokerNight();
        aide.accept("{t:'entity.create', id:'lisa', parent:'players'}");
        aide.accept("{t:'entity.create', id:'table_a', parent:'page'}");
        aide.accept("{t:'entity.create', id:'table_b', parent:'page'}");
        return aide;
    }

    private static List<String> links(TestAide aide) {
        return aide.snapshot.relationships().stream()
                .map(r -> r.from() + ">" + r.to() + ":" + r.type() + ":" + r.cardinality()).toList();
    }

    @Test
    void many_to_one_replaces_the_sources_link_of_that_type() {
        TestAide aide = seating();
        aide.accept("{t:'rel.set', from:'mike', to:'table_a', type:'seated_at', cardinality:'many_to_one'}");
        aide.accept("{t:'rel.set', from:'dave', to:'table_a', type:'seated_at'}");

        aide.accept("{t:'rel.set', from:'mike', to:'table_b', type:'seated_at'}");

        assertThat(links(aide)).containsExactly(
                "dave>table_a:seated_at:many_to_one", "mike>table_b:seated_at:many_to_one");
        assertThat(aide.snapshot.relationshipCardinalities()).containsEntry("seated_at", "many_to_one");
    }

    @Test
    void one_to_one_drops_the_links_of_both_endpoints() {
        TestAide aide = seating();
        aide.accept("{t:'rel.set', from:'mike', to:'dave', type:'paired_with', cardinality:'one_to_one'}");
        aide.accept("{t:'rel.set', from:'lisa', to:'page', type:'paired_with'}");

        aide.accept("{t:'rel.set', from:'lisa', to:'dave', type:'paired_with'}");

        assertThat(links(aide)).containsExactly("lisa>dave:paired_with:one_to_one");
    }

    @Test
    void many_to_many_keeps_every_link_but_an_identical_one_once() {
        TestAide aide = seating();
        aide.accept("{t:'rel.set', from:'mike', to:'dave', type:'likes'}");
        aide.accept("{t:'rel.set', from:'mike', to:'lisa', type:'likes'}");

        aide.accept("{t:'rel.set', from:'mike', to:'dave', type:'likes'}");

        assertThat(links(aide)).containsExactly("mike>dave:likes:many_to_many", "mike>lisa:likes:many_to_many");
        assertThat(aide.snapshot.sequence()).isEqualTo(10);
    }

    @Test
    void the_first_use_of_a_type_fixes_its_cardinality() {
        TestAide aide = seating();
        aide.accept("{t:'rel.set', from:'mike', to:'table_a', type:'seated_at', cardinality:'many_to_one'}");

        aide.accept("{t:'rel.set', from:'mike', to:'table_b', type:'seated_at', cardinality:'many_to_many'}");

        assertThat(links(aide)).containsExactly("mike>table_b:seated_at:many_to_one");
    }

    @Test
    void setting_a_link_needs_both_live_endpoints_a_type_and_a_known_cardinality() {
        TestAide aide = seating();
        aide.accept("{t:'entity.remove', ref:'lisa'}");

        aide.reject("{t:'rel.set', to:'dave', type:'x'}", Code.MISSING_FROM);
        aide.reject("{t:'rel.set', from:'mike', type:'x'}", Code.MISSING_TO);
        aide.reject("{t:'rel.set', from:'mike', to:'dave'}", Code.MISSING_TYPE);
        aide.reject("{t:'rel.set', from:'mike', to:'ghost', type:'x'}", Code.ENTITY_NOT_FOUND);
        aide.reject("{t:'rel.set', from:'lisa', to:'dave', type:'x'}", Code.ENTITY_NOT_FOUND);
        aide.reject("{t:'rel.set', from:'mike', to:'dave', type:'x', cardinality:'lots'}", Code.INVALID_FIELD);
        aide.reject("{t:'rel.set', from:'mike', to:'dave', type:7}", Code.INVALID_FIELD);
    }

    @Test
    void removing_links_removes_every_match_of_the_given_fields() {
        TestAide aide = seating();
        aide.accept("{t:'rel.set', from:'mike', to:'dave', type:'likes'}");
        aide.accept("{t:'rel.set', from:'mike', to:'lisa', type:'likes'}");
        aide.accept("{t:'rel.set', from:'dave', to:'lisa', type:'likes'}");
        aide.accept("{t:'rel.set', from:'mike', to:'table_a', type:'seated_at'}");

        aide.accept("{t:'rel.remove', from:'mike', type:'likes'}");

        assertThat(links(aide)).containsExactly("dave>lisa:likes:many_to_many", "mike>table_a:seated_at:many_to_many");
        aide.accept("{t:'rel.remove', to:'lisa'}");
        assertThat(links(aide)).containsExactly("mike>table_a:seated_at:many_to_many");
    }

    @Test
    void removing_links_that_match_nothing_is_still_accepted() {
        TestAide aide = seating();

        aide.accept("{t:'rel.remove', type:'nothing'}");

        assertThat(aide.snapshot.sequence()).isEqualTo(8);
    }

    @Test
    void removing_links_without_any_selector_is_rejected_instead_of_wiping_everything() {
        TestAide aide = seating();
        aide.accept("{t:'rel.set', from:'mike', to:'dave', type:'likes'}");

        aide.reject("{t:'rel.remove'}", Code.MISSING_SELECTOR);
        aide.reject("{t:'rel.remove', from:''}", Code.MISSING_SELECTOR);
        assertThat(links(aide)).hasSize(1);
    }

    @Test
    void a_strict_exclude_pair_rejects_seating_two_guests_at_one_table() {
        TestAide aide = seating();
        aide.accept("{t:'rel.set', from:'mike', to:'table_a', type:'seated_at', cardinality:'many_to_one'}");
        aide.accept("{t:'rel.constrain', id:'apart', rule:'exclude_pair', entities:['mike', 'dave'], "
                + "rel_type:'seated_at', message:'Mike and Dave sit apart', strict:true}");

        Result result = aide.reject("{t:'rel.set', from:'dave', to:'table_a', type:'seated_at'}",
                Code.STRICT_CONSTRAINT_VIOLATED);

        assertThat(result.reason()).isEqualTo("STRICT_CONSTRAINT_VIOLATED: Mike and Dave sit apart");
        aide.accept("{t:'rel.set', from:'dave', to:'table_b', type:'seated_at'}");
    }

    @Test
    void a_non_strict_constraint_warns_but_accepts() {
        TestAide aide = seating();
        aide.accept("{t:'rel.constrain', id:'apart', rule:'exclude_pair', entities:['mike', 'dave'], rel_type:'seated_at'}");
        aide.accept("{t:'rel.set', from:'mike', to:'table_a', type:'seated_at'}");

        Result result = aide.accept("{t:'rel.set', from:'dave', to:'table_a', type:'seated_at'}");

        assertThat(result.warnings()).hasSize(1);
        assertThat(result.warnings().get(0)).contains("apart");
    }

    @Test
    void a_strict_constraint_that_is_already_broken_is_rejected() {
        TestAide aide = seating();
        aide.accept("{t:'rel.set', from:'mike', to:'table_a', type:'seated_at'}");
        aide.accept("{t:'rel.set', from:'dave', to:'table_a', type:'seated_at'}");

        aide.reject("{t:'rel.constrain', id:'apart', rule:'exclude_pair', entities:['mike', 'dave'], "
                + "rel_type:'seated_at', strict:true}", Code.STRICT_CONSTRAINT_VIOLATED);
        aide.reject("{t:'rel.constrain', id:'small', rule:'max_links', entities:['table_a'], value:1, "
                + "rel_type:'seated_at', strict:true}", Code.STRICT_CONSTRAINT_VIOLATED);
    }

    @Test
    void a_strict_max_links_caps_a_table() {
        TestAide aide = seating();
        aide.accept("{t:'rel.constrain', id:'two_seats', rule:'max_links', entities:['table_a'], value:2, "
                + "rel_type:'seated_at', strict:true}");
        aide.accept("{t:'rel.set', from:'mike', to:'table_a', type:'seated_at', cardinality:'many_to_one'}");
        aide.accept("{t:'rel.set', from:'dave', to:'table_a', type:'seated_at'}");

        aide.reject("{t:'rel.set', from:'lisa', to:'table_a', type:'seated_at'}", Code.STRICT_CONSTRAINT_VIOLATED);
        aide.accept("{t:'rel.set', from:'mike', to:'table_a', type:'seated_at'}");
    }

    @Test
    void a_strict_min_links_refuses_the_removal_that_would_break_it() {
        TestAide aide = seating();
        aide.accept("{t:'rel.set', from:'mike', to:'table_a', type:'seated_at'}");
        aide.accept("{t:'rel.constrain', id:'host', rule:'min_links', entities:['table_a'], value:1, "
                + "rel_type:'seated_at', strict:true}");

        aide.reject("{t:'rel.remove', from:'mike'}", Code.STRICT_CONSTRAINT_VIOLATED);
        aide.accept("{t:'rel.remove', type:'other'}");
    }

    @Test
    void a_strict_require_pair_keeps_two_guests_together_once_both_are_seated() {
        TestAide aide = seating();
        aide.accept("{t:'rel.constrain', id:'couple', rule:'require_pair', entities:['mike', 'dave'], "
                + "rel_type:'seated_at', strict:true}");
        aide.accept("{t:'rel.set', from:'mike', to:'table_a', type:'seated_at', cardinality:'many_to_one'}");

        aide.reject("{t:'rel.set', from:'dave', to:'table_b', type:'seated_at'}", Code.STRICT_CONSTRAINT_VIOLATED);
        aide.accept("{t:'rel.set', from:'dave', to:'table_a', type:'seated_at'}");
    }

    @Test
    void constraints_are_stored_in_rel_constraints() {
        TestAide aide = seating();

        aide.accept("{t:'rel.constrain', id:'apart', rule:'exclude_pair', entities:['mike', 'dave'], rel_type:'seated_at'}");

        SameJson.assertSameJson(aide.snapshot.toJson().get("rel_constraints"), TestAide.json(
                "{apart:{id:'apart', rule:'exclude_pair', entities:['mike','dave'], rel_type:'seated_at', "
                        + "value:null, message:null, strict:false}}"));
    }

    @Test
    void a_constraint_needs_an_id_a_known_rule_and_its_operands() {
        TestAide aide = seating();

        aide.reject("{t:'rel.constrain', rule:'max_links', value:2}", Code.MISSING_ID);
        aide.reject("{t:'rel.constrain', id:'c', rule:'be_nice'}", Code.INVALID_FIELD);
        aide.reject("{t:'rel.constrain', id:'c', entities:['mike', 'dave']}", Code.INVALID_FIELD);
        aide.reject("{t:'rel.constrain', id:'c', rule:'max_links'}", Code.INVALID_FIELD);
        aide.reject("{t:'rel.constrain', id:'c', rule:'max_links', value:'2'}", Code.INVALID_FIELD);
        aide.reject("{t:'rel.constrain', id:'c', rule:'exclude_pair', entities:['mike']}", Code.INVALID_FIELD);
        aide.reject("{t:'rel.constrain', id:'c', rule:'exclude_pair', entities:['mike', 'dave'], strict:'yes'}",
                Code.INVALID_FIELD);
    }
}
