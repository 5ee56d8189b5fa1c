package com.toaide.kernel;

/** Where a log entry came from (docs/kernel.md, "Event log, undo, redo"). Redo entries are recorded as {@link #UNDO} too. */
public enum Source {
    AI("ai"),
    EDIT("edit"),
    UNDO("undo"),
    IMPORT("import");

    private final String json;

    Source(String json) {
        this.json = json;
    }

    /** The name stored in the log: {@code "ai"}, {@code "edit"}, {@code "undo"} or {@code "import"}. */
    public String json() {
        return json;
    }

    /** @throws IllegalArgumentException for an unknown name */
    public static Source named(String name) {
        for (Source source : values()) {
            if (source.json.equals(name)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown source " + name);
    }
}
