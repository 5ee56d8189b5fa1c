package com.toaide.render;

import com.toaide.kernel.Snapshot;

/** Generated pages of a given size, shaped like real aides: sections of tables, checklists and cards. */
final class Pages {
    private Pages() {}

    /** A page of exactly {@code n} entities (n >= 10). */
    static Snapshot typical(int n) {
        Snap s = Snap.of().title("League " + n).page("page", "League " + n)
                .add("intro", "page", "text", "text", "Every other Thursday at 7. Bring a snack; the pot is cash only.");
        int made = 2;
        int section = 0;
        while (made < n) {
            String sec = "sec" + section;
            s.add(sec, "page", "section", "title", "Week " + (section + 1));
            made++;
            switch (section % 3) {
                case 0 -> {
                    if (made < n) {
                        String table = "tbl" + section;
                        s.add(table, sec, null, "title", "Results", "_sort_by", "points", "_sort_order", "desc");
                        made++;
                        for (int i = 0; i < 12 && made < n; i++, made++) {
                            s.add("row" + section + "_" + i, table, null, "name", "Player " + i, "points", (i * 37) % 50,
                                    "paid", i % 3 != 0, "joined", "2026-0" + (1 + i % 9) + "-1" + (i % 9));
                        }
                    }
                }
                case 1 -> {
                    if (made < n) {
                        String list = "chk" + section;
                        s.add(list, sec, null, "title", "Snacks");
                        made++;
                        for (int i = 0; i < 8 && made < n; i++, made++) {
                            s.add("item" + section + "_" + i, list, null, "task", "Bring item " + i, "done", i % 2 == 0,
                                    "who", "Player " + i);
                        }
                    }
                }
                default -> {
                    for (int i = 0; i < 4 && made < n; i++, made++) {
                        s.add("card" + section + "_" + i, sec, null, "title", "Note " + i, "where", "14 Elm St",
                                "when", "2026-05-22T19:00", "link", "https://example.com/notes/" + i);
                    }
                }
            }
            section++;
        }
        return s.build();
    }
}
