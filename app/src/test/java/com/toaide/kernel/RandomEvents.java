package com.toaide.kernel;

import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Seeded random kernel events over a small pool of ids, so that they often hit each other. */
final class RandomEvents {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] TYPES = {
        "entity.create", "entity.create", "entity.create", "entity.update", "entity.update", "entity.remove",
        "entity.move", "entity.reorder", "rel.set", "rel.set", "rel.remove", "rel.constrain", "style.set",
        "style.entity", "meta.set", "meta.annotate", "meta.constrain", "voice", "clarify", "nonsense"
    };
    private static final String[] CARDINALITIES = {"many_to_one", "one_to_one", "many_to_many"};
    private static final String[] LINK_TYPES = {"likes", "seated_at", "paired_with"};
    private static final String[] RULES = {"exclude_pair", "require_pair", "max_links", "min_links"};

    private final Random random;

    RandomEvents(long seed) {
        this.random = new Random(seed);
    }

    String id() {
        return "e" + random.nextInt(16);
    }

    JsonNode next() {
        ObjectNode e = NODES.objectNode();
        String type = TYPES[random.nextInt(TYPES.length)];
        e.put("t", type);
        switch (type) {
            case "entity.create" -> {
                e.put("id", id());
                e.put("parent", random.nextInt(4) == 0 ? "root" : id());
                if (random.nextBoolean()) {
                    e.put("display", random.nextInt(5) == 0 ? "page" : "row");
                }
                e.set("p", props());
            }
            case "entity.update", "style.entity" -> {
                e.put("ref", id());
                e.set("p", props());
            }
            case "entity.remove" -> e.put("ref", id());
            case "entity.move" -> {
                e.put("ref", id());
                e.put("parent", random.nextInt(5) == 0 ? "root" : id());
                if (random.nextBoolean()) {
                    e.put("position", random.nextInt(5) - 1);
                }
            }
            case "entity.reorder" -> {
                e.put("ref", id());
                ArrayNode children = e.putArray("children");
                for (int i = random.nextInt(4); i > 0; i--) {
                    children.add(id());
                }
            }
            case "rel.set" -> {
                e.put("from", id());
                e.put("to", id());
                e.put("type", LINK_TYPES[random.nextInt(LINK_TYPES.length)]);
                e.put("cardinality", CARDINALITIES[random.nextInt(CARDINALITIES.length)]);
            }
            case "rel.remove" -> {
                if (random.nextBoolean()) {
                    e.put("from", id());
                }
                e.put("type", LINK_TYPES[random.nextInt(LINK_TYPES.length)]);
            }
            case "rel.constrain" -> {
                e.put("id", "c" + random.nextInt(3));
                String rule = RULES[random.nextInt(RULES.length)];
                e.put("rule", rule);
                e.putArray("entities").add(id()).add(id());
                e.put("rel_type", LINK_TYPES[random.nextInt(LINK_TYPES.length)]);
                e.put("value", random.nextInt(3));
                e.put("strict", random.nextBoolean());
            }
            case "style.set" -> e.set("p", props());
            case "meta.set" -> e.putObject("p").put("identity", "v" + random.nextInt(3));
            case "meta.annotate" -> {
                e.putObject("p").put("note", "note " + random.nextInt(10)).put("pinned", random.nextBoolean());
                if (random.nextBoolean()) {
                    e.put("ts", "2026-01-0" + (1 + random.nextInt(9)) + "T00:00:00Z");
                }
            }
            case "meta.constrain" -> {
                e.put("id", "m" + random.nextInt(2));
                e.put("rule", "max_children");
                e.put("parent", id());
                e.put("value", 1 + random.nextInt(4));
                e.put("strict", random.nextBoolean());
            }
            case "voice", "clarify" -> e.put("text", "hello");
            default -> e.put("id", id());
        }
        if (random.nextInt(25) == 0) {
            corrupt(e);
        }
        return e;
    }

    /** Puts a value of a wrong JSON type into one field, as a confused client or model would. */
    private void corrupt(ObjectNode e) {
        String[] fields = {"id", "ref", "parent", "p", "children", "position", "from", "to", "type", "display", "t"};
        String field = fields[random.nextInt(fields.length)];
        JsonNode[] wrong = {NODES.numberNode(5), NODES.booleanNode(true), NODES.arrayNode().add(1),
            NODES.objectNode().put("a", 1), NODES.stringNode("2"), NODES.numberNode(1.5)};
        e.set(field, wrong[random.nextInt(wrong.length)]);
    }

    private ObjectNode props() {
        ObjectNode p = NODES.objectNode();
        String[] keys = {"name", "title", "paid", "score", "tags"};
        for (int i = random.nextInt(3); i > 0; i--) {
            String key = keys[random.nextInt(keys.length)];
            switch (random.nextInt(5)) {
                case 0 -> p.put(key, "v" + random.nextInt(5));
                case 1 -> p.put(key, random.nextInt(100));
                case 2 -> p.put(key, random.nextBoolean());
                case 3 -> p.putNull(key);
                default -> p.putArray(key).add("a").add(2);
            }
        }
        return p;
    }
}
