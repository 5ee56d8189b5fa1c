package com.toaide.render;

import com.toaide.kernel.Snapshot;
import java.util.List;

/** Realistic pages shared by tests and benchmarks' sanity checks. */
final class Samples {
    private Samples() {}

    /** A poker league: every display type, a relationship, styles, hints. */
    static Snapshot pokerLeague() {
        return Snap.of()
                .title("Thursday Poker League")
                .page("page", "Thursday Poker League")
                .add("intro", "page", "text", "text", "Games every other Thursday at 7. Buy-in is $20; bring something to share.")
                .add("stats", "page", "section", "title", "This season")
                .add("m_games", "stats", null, "value", 9, "label", "Games played")
                .add("m_pot", "stats", null, "value", 1840.5, "label", "Total pot")
                .add("m_players", "stats", null, "count", 12, "label", "Players")
                .add("next", "page", null, "title", "Next game", "date", "2026-05-22", "host", "Dave", "address", "14 Elm St", "map", "https://maps.example.com/elm")
                .add("roster", "page", "table", "title", "Roster", "_sort_by", "wins", "_sort_order", "desc")
                .add("p_mike", "roster", null, "name", "Mike", "wins", 3, "status", "out", "paid", true)
                .add("p_dave", "roster", null, "name", "Dave", "wins", 5, "status", "in", "paid", true)
                .add("p_sara", "roster", null, "name", "Sara", "wins", 4, "status", "in", "paid", false)
                .add("snacks", "page", null, "title", "Snacks")
                .add("s1", "snacks", null, "task", "Chips", "done", true)
                .add("s2", "snacks", null, "task", "Salsa", "done", false)
                .add("s3", "snacks", null, "task", "Potato salad", "done", false)
                .add("rules", "page", "list", "title", "House rules")
                .add("r1", "rules", null, "name", "No string bets", "note", "Say the amount")
                .add("r2", "rules", null, "name", "Cards speak")
                .add("photo", "page", null, "src", "https://example.com/table.jpg", "caption", "Last game's final table")
                .add("board", "page", "grid", "title", "Seating", "_rows", 2, "_cols", 3,
                        "_row_labels", List.of("Table 1", "Table 2"), "_col_labels", List.of("A", "B", "C"))
                .add("cell_0_0", "board", null, "value", "Mike")
                .add("cell_0_2", "board", null, "value", "Sara")
                .add("cell_1_1", "board", null, "value", "Dave")
                .rel("p_dave", "s3", "bringing")
                .style("next", "highlight", true)
                .build();
    }
}
