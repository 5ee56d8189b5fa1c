package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The snapshot keeps its roots between reads; every change that could alter them shows on the next read. */
class RootsCacheTest {

    @Test
    void a_created_top_level_entity_shows_after_the_roots_were_read() {
        TestAide aide = TestAide.pokerNight();
        assertThat(aide.snapshot.roots()).extracting(Entity::id).containsExactly("page");

        aide.accept("{t:'entity.create', id:'notes'}");
        aide.accept("{t:'entity.create', id:'row', parent:'players'}");

        assertThat(aide.snapshot.roots()).extracting(Entity::id).containsExactly("page", "notes");
    }

    @Test
    void moving_to_and_from_the_root_shows_after_the_roots_were_read() {
        TestAide aide = TestAide.pokerNight();
        assertThat(aide.snapshot.roots()).extracting(Entity::id).containsExactly("page");

        aide.accept("{t:'entity.move', ref:'mike'}");
        assertThat(aide.snapshot.roots()).extracting(Entity::id).containsExactly("page", "mike");

        aide.accept("{t:'entity.move', ref:'mike', parent:'players'}");
        assertThat(aide.snapshot.roots()).extracting(Entity::id).containsExactly("page");
    }

    @Test
    void a_removed_root_stays_listed_and_a_recreated_one_moves_with_its_new_parent() {
        TestAide aide = TestAide.empty();
        aide.accept("{t:'entity.create', id:'a'}");
        aide.accept("{t:'entity.create', id:'b'}");
        assertThat(aide.snapshot.roots()).extracting(Entity::id).containsExactly("a", "b");

        aide.accept("{t:'entity.remove', ref:'a'}");
        assertThat(aide.snapshot.roots()).extracting(Entity::id).containsExactly("a", "b");
        assertThat(aide.snapshot.roots().get(0).removed()).isTrue();

        aide.accept("{t:'entity.create', id:'a', parent:'b'}");
        assertThat(aide.snapshot.roots()).extracting(Entity::id).containsExactly("b");
    }

    @Test
    void reordering_and_rejected_events_leave_the_roots_as_they_were() {
        TestAide aide = TestAide.pokerNight();
        aide.accept("{t:'entity.create', id:'notes'}");
        assertThat(aide.snapshot.roots()).extracting(Entity::id).containsExactly("page", "notes");

        aide.accept("{t:'entity.reorder', ref:'players', children:['dave', 'mike']}");
        aide.reject("{t:'entity.move', ref:'page', parent:'mike'}", Code.CYCLE);

        assertThat(aide.snapshot.roots()).extracting(Entity::id).containsExactly("page", "notes");
    }

    @Test
    void a_copy_and_a_snapshot_read_back_list_the_same_roots() {
        TestAide aide = TestAide.pokerNight();
        aide.accept("{t:'entity.create', id:'notes'}");
        aide.snapshot.roots();

        assertThat(aide.snapshot.copy().roots()).extracting(Entity::id).containsExactly("page", "notes");
        assertThat(Snapshot.fromJson(aide.snapshot.toJson()).roots()).extracting(Entity::id)
                .containsExactly("page", "notes");
    }
}
