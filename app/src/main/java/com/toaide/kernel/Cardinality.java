package com.toaide.kernel;

/** How many links of one relationship type an entity may have, set by the first {@code rel.set} of the type. */
enum Cardinality {
    /** Each source links to at most one target: a new link replaces the source's old one. */
    MANY_TO_ONE("many_to_one"),
    /** Each side has at most one link: a new link replaces the old ones of both endpoints. */
    ONE_TO_ONE("one_to_one"),
    /** Any number, but an identical link is kept once. */
    MANY_TO_MANY("many_to_many");

    final String json;

    Cardinality(String json) {
        this.json = json;
    }

    /** The cardinality with this JSON name, or null for an unknown name. */
    static Cardinality named(String name) {
        for (Cardinality cardinality : values()) {
            if (cardinality.json.equals(name)) {
                return cardinality;
            }
        }
        return null;
    }
}
