package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityEventsTest {

    @Test
    void creating_appends_to_the_parents_children_and_stamps_the_sequence() {
        TestAide aide = TestAide.pokerNight();

        aide.accept("{t:'entity.create', id:'lisa', parent:'players', display:'row', p:{name:'Lisa', paid:true}}");

        Entity lisa = aide.entity("lisa");
        assertThat(aide.entity("players").children()).containsExactly("mike", "dave", "lisa");
        assertThat(lisa.parent()).isEqualTo("players");
        assertThat(lisa.display()).isEqualTo("row");
        assertThat(lisa.prop("paid").booleanValue()).isTrue();
        assertThat(lisa.createdSeq()).isEqualTo(5);
        assertThat(lisa.updatedSeq()).isEqualTo(5);
        assertThat(aide.snapshot.sequence()).isEqualTo(5);
    }

    @Test
    void an_entity_without_parent_is_top_level_and_roots_are_ordered_by_creation() {
        TestAide aide = TestAide.empty();
        aide.accept("{t:'entity.create', id:'second_page'}");
        aide.accept("{t:'entity.create', id:'first', parent:null}");

        assertThat(aide.snapshot.roots()).extracting(Entity::id).containsExactly("second_page", "first");
        assertThat(aide.entity("first").parent()).isEqualTo("root");
        assertThat(aide.entity("first").props()).isEmpty();
    }

    @Test
    void a_page_with_a_title_names_the_aide() {
        TestAide aide = TestAide.pokerNight();

        assertThat(aide.snapshot.title()).isEqualTo("Poker Night");
    }

    @Test
    void a_page_with_an_empty_title_leaves_the_aide_title_alone() {
        TestAide aide = TestAide.pokerNight();

        aide.accept("{t:'entity.create', id:'other', display:'page', p:{title:''}}");

        assertThat(aide.snapshot.title()).isEqualTo("Poker Night");
    }

    @Test
    void creating_an_existing_live_id_is_rejected() {
        TestAide.pokerNight().reject("{t:'entity.create', id:'mike', parent:'page'}", Code.ENTITY_EXISTS);
    }

    @Test
    void creation_needs_a_valid_id() {
        TestAide aide = TestAide.pokerNight();

        aide.reject("{t:'entity.create', parent:'page'}", Code.MISSING_ID);
        aide.reject("{t:'entity.create', id:'', parent:'page'}", Code.MISSING_ID);
        aide.reject("{t:'entity.create', id:'Mike'}", Code.INVALID_ID);
        aide.reject("{t:'entity.create', id:'1st'}", Code.INVALID_ID);
        aide.reject("{t:'entity.create', id:'a" + "b".repeat(64) + "'}", Code.INVALID_ID);
        aide.accept("{t:'entity.create', id:'a" + "b".repeat(63) + "'}");
    }

    @Test
    void creation_under_a_missing_or_removed_parent_is_rejected() {
        TestAide aide = TestAide.pokerNight();
        aide.accept("{t:'entity.remove', ref:'dave'}");

        aide.reject("{t:'entity.create', id:'x', parent:'nobody'}", Code.PARENT_NOT_FOUND);
        aide.reject("{t:'entity.create', id:'x', parent:'dave'}", Code.PARENT_NOT_FOUND);
    }

    @Test
    void a_removed_id_can_be_created_again_elsewhere() {
        TestAide aide = TestAide.pokerNight();
        aide.accept("{t:'entity.create', id:'subs', parent:'page'}");
        aide.accept("{t:'entity.remove', ref:'mike'}");

        aide.accept("{t:'entity.create', id:'mike', parent:'subs', p:{name:'Mike (sub)'}}");

        assertThat(aide.entity("players").children()).containsExactly("dave");
        assertThat(aide.entity("subs").children()).containsExactly("mike");
        assertThat(aide.entity("mike").removed()).isFalse();
        assertThat(aide.entity("mike").props()).containsOnlyKeys("name");
        assertThat(aide.snapshot.entityCount()).isEqualTo(5);
    }

    @Test
    void updating_merges_props_shallowly_and_null_is_stored() {
        TestAide aide = TestAide.pokerNight();

        aide.accept("{t:'entity.update', ref:'mike', p:{paid:true, name:null}}");

        assertThat(aide.entity("mike").props()).containsOnlyKeys("name", "paid");
        assertThat(aide.entity("mike").prop("name").isNull()).isTrue();
        assertThat(aide.entity("mike").updatedSeq()).isEqualTo(5);
        assertThat(aide.entity("mike").createdSeq()).isEqualTo(3);
    }

    @Test
    void updating_the_title_of_a_page_renames_the_aide() {
        TestAide aide = TestAide.pokerNight();

        aide.accept("{t:'entity.update', ref:'page', p:{title:'Poker Night 2026'}}");
        aide.accept("{t:'entity.update', ref:'players', p:{title:'Not the aide'}}");

        assertThat(aide.snapshot.title()).isEqualTo("Poker Night 2026");
    }

    @Test
    void updating_needs_a_live_entity() {
        TestAide aide = TestAide.pokerNight();
        aide.accept("{t:'entity.remove', ref:'mike'}");

        aide.reject("{t:'entity.update', p:{a:1}}", Code.MISSING_REF);
        aide.reject("{t:'entity.update', ref:'ghost', p:{a:1}}", Code.ENTITY_NOT_FOUND);
        aide.reject("{t:'entity.update', ref:'mike', p:{a:1}}", Code.ENTITY_NOT_FOUND);
    }

    @Test
    void removing_a_parent_removes_its_live_descendants_with_one_sequence() {
        TestAide aide = TestAide.pokerNight();
        aide.accept("{t:'entity.create', id:'note', parent:'mike'}");
        aide.accept("{t:'entity.remove', ref:'dave'}");

        aide.accept("{t:'entity.remove', ref:'players'}");

        assertThat(aide.entity("players").removedSeq()).isEqualTo(7);
        assertThat(aide.entity("mike").removedSeq()).isEqualTo(7);
        assertThat(aide.entity("note").removedSeq()).isEqualTo(7);
        assertThat(aide.entity("dave").removedSeq()).as("already removed before").isEqualTo(6);
        assertThat(aide.entity("page").removed()).isFalse();
        assertThat(aide.entity("page").children()).containsExactly("players");
        assertThat(aide.entity("players").children()).containsExactly("mike", "dave");
    }

    @Test
    void removing_twice_or_a_stranger_is_rejected() {
        TestAide aide = TestAide.pokerNight();
        aide.accept("{t:'entity.remove', ref:'mike'}");

        aide.reject("{t:'entity.remove', ref:'mike'}", Code.ALREADY_REMOVED);
        aide.reject("{t:'entity.remove', ref:'ghost'}", Code.ENTITY_NOT_FOUND);
        aide.reject("{t:'entity.remove'}", Code.MISSING_REF);
    }

    @Test
    void moving_inserts_at_the_position_and_leaves_the_old_parent() {
        TestAide aide = TestAide.pokerNight();
        aide.accept("{t:'entity.create', id:'subs', parent:'page'}");
        aide.accept("{t:'entity.create', id:'lisa', parent:'subs'}");

        aide.accept("{t:'entity.move', ref:'mike', parent:'subs', position:0}");

        assertThat(aide.entity("players").children()).containsExactly("dave");
        assertThat(aide.entity("subs").children()).containsExactly("mike", "lisa");
        assertThat(aide.entity("mike").parent()).isEqualTo("subs");
        assertThat(aide.entity("mike").updatedSeq()).isEqualTo(7);
    }

    @Test
    void moving_within_the_same_parent_repositions() {
        TestAide aide = TestAide.pokerNight();
        aide.accept("{t:'entity.create', id:'lisa', parent:'players'}");

        aide.accept("{t:'entity.move', ref:'lisa', parent:'players', position:1}");
        assertThat(aide.entity("players").children()).containsExactly("mike", "lisa", "dave");

        aide.accept("{t:'entity.move', ref:'mike', parent:'players'}");
        assertThat(aide.entity("players").children()).containsExactly("lisa", "dave", "mike");
    }

    @Test
    void an_out_of_range_position_appends() {
        TestAide aide = TestAide.pokerNight();
        aide.accept("{t:'entity.create', id:'lisa', parent:'players'}");

        aide.accept("{t:'entity.move', ref:'mike', parent:'players', position:99}");
        aide.accept("{t:'entity.move', ref:'dave', parent:'players', position:-1}");

        assertThat(aide.entity("players").children()).containsExactly("lisa", "mike", "dave");
    }

    @Test
    void moving_to_the_root_makes_a_top_level_entity() {
        TestAide aide = TestAide.pokerNight();

        aide.accept("{t:'entity.move', ref:'mike'}");

        assertThat(aide.entity("mike").parent()).isEqualTo("root");
        assertThat(aide.entity("players").children()).containsExactly("dave");
        assertThat(aide.snapshot.roots()).extracting(Entity::id).containsExactly("page", "mike");
    }

    @Test
    void moving_under_itself_or_a_descendant_is_a_cycle() {
        TestAide aide = TestAide.pokerNight();

        aide.reject("{t:'entity.move', ref:'players', parent:'players'}", Code.CYCLE);
        aide.reject("{t:'entity.move', ref:'page', parent:'mike'}", Code.CYCLE);
    }

    @Test
    void moving_needs_a_live_entity_and_a_live_parent() {
        TestAide aide = TestAide.pokerNight();
        aide.accept("{t:'entity.remove', ref:'dave'}");

        aide.reject("{t:'entity.move', parent:'page'}", Code.MISSING_REF);
        aide.reject("{t:'entity.move', ref:'dave', parent:'page'}", Code.ENTITY_NOT_FOUND);
        aide.reject("{t:'entity.move', ref:'mike', parent:'dave'}", Code.PARENT_NOT_FOUND);
        aide.reject("{t:'entity.move', ref:'mike', parent:'nowhere'}", Code.PARENT_NOT_FOUND);
    }

    @Test
    void reordering_sets_the_display_order_and_keeps_removed_children_last() {
        TestAide aide = TestAide.pokerNight();
        aide.accept("{t:'entity.create', id:'lisa', parent:'players'}");
        aide.accept("{t:'entity.remove', ref:'mike'}");

        aide.accept("{t:'entity.reorder', ref:'players', children:['lisa', 'dave']}");

        assertThat(aide.entity("players").children()).containsExactly("lisa", "dave", "mike");
        assertThat(aide.entity("players").updatedSeq()).isEqualTo(7);
    }

    @Test
    void reordering_with_missing_extra_or_repeated_children_is_a_mismatch() {
        TestAide aide = TestAide.pokerNight();

        Result missing = aide.reject("{t:'entity.reorder', ref:'players', children:['dave']}", Code.REORDER_MISMATCH);
        Result extra = aide.reject("{t:'entity.reorder', ref:'players', children:['dave', 'mike', 'page']}", Code.REORDER_MISMATCH);
        aide.reject("{t:'entity.reorder', ref:'players', children:['dave', 'mike', 'dave']}", Code.REORDER_MISMATCH);

        assertThat(missing.reason()).isEqualTo("REORDER_MISMATCH: missing: [mike], extra: []");
        assertThat(extra.reason()).isEqualTo("REORDER_MISMATCH: missing: [], extra: [page]");
    }

    @Test
    void reordering_needs_a_live_entity_and_a_list_of_ids() {
        TestAide aide = TestAide.pokerNight();

        aide.reject("{t:'entity.reorder', children:[]}", Code.MISSING_REF);
        aide.reject("{t:'entity.reorder', ref:'ghost', children:[]}", Code.ENTITY_NOT_FOUND);
        aide.reject("{t:'entity.reorder', ref:'players', children:null}", Code.INVALID_FIELD);
        aide.reject("{t:'entity.reorder', ref:'players', children:['mike', 2]}", Code.INVALID_FIELD);
    }
}
