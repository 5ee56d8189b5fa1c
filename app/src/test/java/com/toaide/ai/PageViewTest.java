package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.kernel.Kernel;
import com.toaide.kernel.Limits;
import com.toaide.kernel.Snapshot;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PageViewTest {

    static void apply(Snapshot snapshot, String relaxedEvent) {
        var result = Kernel.apply(snapshot, ToolMappingTest.RELAXED.readTree(relaxedEvent));
        assertThat(result.accepted()).as(result.reason()).isTrue();
    }

    @Test
    void live_entities_show_in_tree_order_with_their_props_and_links_without_bookkeeping() {
        Snapshot s = Snapshot.empty();
        apply(s, "{t:'entity.create', id:'page', parent:'root', display:'page', p:{title:'Poker'}}");
        apply(s, "{t:'entity.create', id:'players', parent:'page', display:'table', p:{title:'Players', _sort_by:'name'}}");
        apply(s, "{t:'entity.create', id:'player_mike', parent:'players', p:{name:'Mike', paid:true}}");
        apply(s, "{t:'entity.create', id:'player_dave', parent:'players', p:{name:'Dave', note:null}}");
        apply(s, "{t:'entity.create', id:'player_tom', parent:'players', p:{name:'Tom'}}");
        apply(s, "{t:'entity.create', id:'game_1', parent:'page', p:{date:'2026-03-12'}}");
        apply(s, "{t:'entity.reorder', ref:'players', children:['player_dave','player_mike','player_tom']}");
        apply(s, "{t:'rel.set', from:'game_1', to:'player_dave', type:'hosted_by', cardinality:'many_to_one'}");
        apply(s, "{t:'rel.set', from:'game_1', to:'player_tom', type:'scored_by', cardinality:'many_to_many'}");
        apply(s, "{t:'entity.remove', ref:'player_tom'}");

        assertThat(PageView.of(s, PageView.DEFAULT_BUDGET_TOKENS)).isEqualTo("""
                page (page) {"title":"Poker"}
                  players (table) {"title":"Players","_sort_by":"name"}
                    player_dave {"name":"Dave"}
                    player_mike {"name":"Mike","paid":true}
                  game_1 {"date":"2026-03-12"}

                Links:
                game_1 -[hosted_by, many_to_one]-> player_dave
                """);
    }

    @Test
    void an_empty_aide_says_so() {
        assertThat(PageView.of(Snapshot.empty(), 100)).isEqualTo("(empty: nothing on the page yet)\n");
    }

    @Test
    void a_five_thousand_entity_aide_is_summarised_within_the_budget_keeping_every_block_and_the_latest_rows() {
        Snapshot s = Snapshot.empty();
        apply(s, "{t:'entity.create', id:'page', parent:'root', display:'page', p:{title:'Club'}}");
        apply(s, "{t:'entity.create', id:'members', parent:'page', display:'table', p:{title:'Members'}}");
        apply(s, "{t:'entity.create', id:'events', parent:'page', display:'section', p:{title:'Events'}}");
        apply(s, "{t:'entity.create', id:'sessions', parent:'events', display:'table', p:{title:'Sessions'}}");
        for (int i = 0; s.entityCount() < Limits.MAX_ENTITIES; i++) {
            String parent = i % 3 == 0 ? "sessions" : "members";
            apply(s, "{t:'entity.create', id:'row_" + i + "', parent:'" + parent + "', p:{name:'Person number " + i
                    + "', email:'person" + i + "@example.com', phone:'+1 555 0100', paid:false, joined:'2026-01-01'}}");
        }
        apply(s, "{t:'entity.update', ref:'row_7', p:{paid:true}}");
        assertThat(s.entityCount()).isEqualTo(5_000);

        String view = PageView.of(s, PageView.DEFAULT_BUDGET_TOKENS);

        assertThat(view.length()).isLessThanOrEqualTo(PageView.DEFAULT_BUDGET_TOKENS * PageView.CHARS_PER_TOKEN);
        assertThat(view).startsWith("page (page) {\"title\":\"Club\"}\n  members (table) {\"title\":\"Members\"}\n")
                .contains("\n  events (section) {\"title\":\"Events\"}\n    sessions (table) {\"title\":\"Sessions\"}\n")
                // the row changed last keeps its props
                .contains("    row_7 {\"name\":\"Person number 7\",\"email\":\"person7@example.com\"");
        // every row is either shown whole or counted in its table's summary line
        int whole = (int) view.lines().filter(line -> line.trim().startsWith("row_")).count();
        int counted = 0;
        Matcher more = Pattern.compile("\\.\\.\\. (\\d+) more").matcher(view);
        while (more.find()) {
            counted += Integer.parseInt(more.group(1));
        }
        assertThat(whole).isGreaterThan(0);
        assertThat(whole + counted).isEqualTo(5_000 - 4);
    }

    @Test
    void a_page_just_over_the_budget_lists_the_ids_of_the_rows_it_cuts() {
        Snapshot s = Snapshot.empty();
        apply(s, "{t:'entity.create', id:'page', parent:'root', display:'page', p:{title:'Trip'}}");
        for (int i = 0; i < 40; i++) {
            apply(s, "{t:'entity.create', id:'stop_" + i + "', parent:'page', p:{place:'A long place name " + i + "', night:" + i + "}}");
        }

        String view = PageView.of(s, 400);

        assertThat(view.length()).isLessThanOrEqualTo(1_200);
        assertThat(view).contains("more, props left out: stop_0, stop_1");
        for (int i = 0; i < 40; i++) {
            assertThat(view).contains("stop_" + i);
        }
    }
}
