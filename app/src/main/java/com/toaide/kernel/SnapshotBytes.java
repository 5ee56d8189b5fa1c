package com.toaide.kernel;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the snapshot of a line of the replay command's output straight from the line's bytes:
 * the render command's reading went through Jackson's tokens, and reading cost more than twice
 * the rendering (docs/performance.md).
 *
 * <p>It reads only what it is sure of: a line of printable ASCII in plain JSON, as the replay
 * command writes it, with the snapshot in the shape {@link SnapshotReader} reads. Anything else (a
 * string with a control character or an escape JSON does not have, a number with leading zeros
 * or more than 18 digits, nesting past {@value #DEEPEST} levels, a part or field the reader leaves
 * to the tree, text after the object) is left to the caller, who reads the line with Jackson as
 * before; so a line this reads is one Jackson reads too, and the snapshot, its values' node types
 * and any exception judging it throws are those of {@link SnapshotReader}.
 */
public final class SnapshotBytes {
    private static final JsonNodeFactory NODES = SnapshotJson.NODES;
    /** Far inside Jackson's own limits (nesting, string, name and number lengths), so this never accepts what they refuse. */
    private static final int DEEPEST = 64;
    private static final int LONGEST_STRING = 1_000_000;
    private static final int LONGEST_NAME = 1_000;
    private static final int LONGEST_NUMBER = 40;

    /** Thrown to leave the line to the caller; made once, without a stack trace. */
    private static final class LeftToJackson extends RuntimeException {
        LeftToJackson() {
            super(null, null, false, false);
        }
    }

    private static final LeftToJackson LEFT = new LeftToJackson();

    private final byte[] b;
    private int i;
    private final Snapshot snapshot = new Snapshot();
    private final SnapshotReader.SmallParts small = new SnapshotReader.SmallParts();
    private final StringBuilder escaped = new StringBuilder();

    private SnapshotBytes(byte[] line) {
        this.b = line;
    }

    /**
     * The snapshot of {@code line}, a whole line without its line end; null when this leaves the
     * line to Jackson.
     *
     * @throws RuntimeException as {@link SnapshotReader#snapshot()} throws for the same snapshot
     */
    public static Snapshot read(byte[] line) {
        SnapshotBytes reader = new SnapshotBytes(line);
        try {
            reader.line();
        } catch (LeftToJackson | ArrayIndexOutOfBoundsException e) {
            // Past the end of the line is text cut short: Jackson says what is wrong with it.
            return null;
        }
        return reader.small.judgedInto(reader.snapshot);
    }

    /** The line's object: its "snapshot" read, any other value read past; the caller's rules for which lines it reads. */
    private void line() {
        space();
        boolean sawSnapshot = false;
        for (String name = firstName(1); name != null; name = nextName()) {
            if (name.equals("snapshot") && !sawSnapshot && b[i] == '{') {
                sawSnapshot = true;
                parts();
            } else if (name.equals("snapshot") || name.equals("entities")) {
                throw LEFT;
            } else {
                skip(2);
            }
        }
        space();
        if (i != b.length || !sawSnapshot) {
            throw LEFT;
        }
    }

    private void parts() {
        for (String name = firstName(2); name != null; name = nextName()) {
            int part = small.first(name);
            if (part == 0) {
                throw LEFT;
            } else if (part == SnapshotReader.ENTITIES) {
                entities();
            } else {
                small.set(part, value(3));
            }
        }
    }

    private void entities() {
        for (String key = firstName(3); key != null; key = nextName()) {
            if (b[i] != '{' || snapshot.entities.containsKey(key)) {
                throw LEFT;
            }
            snapshot.entities.put(key, entity(key));
        }
    }

    /** One entity, its fields as {@link SnapshotReader} takes them. */
    private Entity entity(String key) {
        Entity entity = new Entity(key);
        SnapshotReader.EntityFields fields = new SnapshotReader.EntityFields();
        for (String name = firstName(4); name != null; name = nextName()) {
            int field = fields.first(name);
            switch (field) {
                case 0 -> throw LEFT;
                case SnapshotReader.ID -> {
                    if (b[i] != '"' || !key.equals(string(LONGEST_STRING))) {
                        throw LEFT;
                    }
                }
                case SnapshotReader.PROPS -> into(entity.props, 5);
                case SnapshotReader.CHILDREN -> children(entity.children);
                case SnapshotReader.STYLES_OF -> {
                    entity.styles = new LinkedHashMap<>();
                    into(entity.styles, 5);
                }
                default -> fields.set(field, value(5));
            }
        }
        return fields.into(entity);
    }

    /** The object here into {@code map}, a repeated key keeping its first place and last value as a tree's does. */
    private void into(LinkedHashMap<String, JsonNode> map, int depth) {
        for (String name = firstName(depth); name != null; name = nextName()) {
            map.put(name, value(depth + 1));
        }
    }

    /** The strings of the array here; any other item read through, as the tree reader reads it. */
    private void children(List<String> children) {
        if (b[i] != '[') {
            throw LEFT;
        }
        i++;
        space();
        if (b[i] == ']') {
            i++;
            return;
        }
        while (true) {
            if (b[i] == '"') {
                children.add(string(LONGEST_STRING));
            } else {
                skip(6);
            }
            if (!more(']')) {
                return;
            }
        }
    }

    // ---- values ------------------------------------------------------------------------

    /** The value here as {@link TokenTree#value()} builds it, at nesting {@code depth}. */
    private JsonNode value(int depth) {
        byte c = b[i];
        switch (c) {
            case '"':
                return NODES.stringNode(string(LONGEST_STRING));
            case '{': {
                LinkedHashMap<String, JsonNode> fields = new LinkedHashMap<>();
                into(fields, depth);
                return new ObjectNode(NODES, fields);
            }
            case '[': {
                deeper(depth);
                ArrayNode items = NODES.arrayNode();
                i++;
                space();
                if (b[i] == ']') {
                    i++;
                    return items;
                }
                do {
                    items.add(value(depth + 1));
                } while (more(']'));
                return items;
            }
            case 't':
                literal("true");
                return NODES.booleanNode(true);
            case 'f':
                literal("false");
                return NODES.booleanNode(false);
            case 'n':
                literal("null");
                return NODES.nullNode();
            default:
                return number();
        }
    }

    /** Reads past the value here as {@link #value(int)} would read it, building nothing. */
    private void skip(int depth) {
        byte c = b[i];
        switch (c) {
            case '"' -> skipString();
            case '{' -> {
                for (String name = firstName(depth); name != null; name = nextName()) {
                    skip(depth + 1);
                }
            }
            case '[' -> {
                deeper(depth);
                i++;
                space();
                if (b[i] == ']') {
                    i++;
                    return;
                }
                do {
                    skip(depth + 1);
                } while (more(']'));
            }
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void literal(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                throw LEFT;
            }
        }
        i += word.length();
    }

    /**
     * A number as Jackson's tree reader makes it with the mapper's defaults: a whole number an
     * int if it fits one, else a long; one with a fraction or exponent a double. Whole numbers past
     * 18 digits (Jackson's bigger types) and long fractions are left to Jackson.
     */
    private JsonNode number() {
        int start = i;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        int digits = i;
        if (b[i] == '0') {
            i++;
        } else if (isDigit(b[i])) {
            while (i < b.length && isDigit(b[i])) {
                i++;
            }
        } else {
            throw LEFT;
        }
        int wholeDigits = i - digits;
        boolean whole = true;
        if (i < b.length && b[i] == '.') {
            whole = false;
            i++;
            digits();
        }
        if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
            whole = false;
            i++;
            if (b[i] == '+' || b[i] == '-') {
                i++;
            }
            digits();
        }
        if (whole) {
            if (wholeDigits > 18) {
                throw LEFT;
            }
            long value = 0;
            for (int k = digits; k < i; k++) {
                value = value * 10 + (b[k] - '0');
            }
            value = negative ? -value : value;
            return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
        }
        if (i - start > LONGEST_NUMBER) {
            throw LEFT;
        }
        return NODES.numberNode(Double.parseDouble(new String(b, start, i - start, StandardCharsets.ISO_8859_1)));
    }

    /** One or more digits. */
    private void digits() {
        int from = i;
        while (i < b.length && isDigit(b[i])) {
            i++;
        }
        if (i == from) {
            throw LEFT;
        }
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    // ---- strings and structure ---------------------------------------------------------

    /**
     * The string here: printable ASCII, with JSON's escapes ({@code \\u} only for a character that
     * is not half of a surrogate pair); anything else is left to Jackson.
     */
    private String string(int longest) {
        byte[] b = this.b;
        int start = i + 1; // past the opening quote
        int p = start; // a local: the loop runs for every byte of every string
        while (true) {
            byte c = b[p];
            if (c == '"') {
                if (p - start > longest) {
                    throw LEFT;
                }
                i = p + 1;
                return new String(b, start, p - start, StandardCharsets.ISO_8859_1);
            }
            if (c == '\\') {
                break;
            }
            if (c < 0x20 || c > 0x7e) {
                throw LEFT;
            }
            p++;
        }
        i = p;
        StringBuilder s = escaped;
        s.setLength(0);
        s.append(new String(b, start, i - start, StandardCharsets.ISO_8859_1));
        while (true) {
            byte c = b[i++];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                s.append(unescaped());
            } else if (c < 0x20 || c > 0x7e) {
                throw LEFT;
            } else {
                s.append((char) c);
            }
            if (s.length() > longest) {
                throw LEFT;
            }
        }
        return s.toString();
    }

    /** The character of the escape after a backslash, {@code i} past it. */
    private char unescaped() {
        byte c = b[i++];
        switch (c) {
            case '"', '\\', '/':
                return (char) c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u': {
                int code = 0;
                for (int k = 0; k < 4; k++) {
                    int digit = Character.digit(b[i++], 16);
                    if (digit < 0) {
                        throw LEFT;
                    }
                    code = code << 4 | digit;
                }
                if (Character.isSurrogate((char) code)) {
                    throw LEFT;
                }
                return (char) code;
            }
            default:
                throw LEFT;
        }
    }

    private void skipString() {
        int start = ++i;
        while (true) {
            byte c = b[i++];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                unescaped();
            } else if (c < 0x20 || c > 0x7e) {
                throw LEFT;
            }
        }
        if (i - start > LONGEST_STRING) {
            throw LEFT;
        }
    }

    /** At an object's '{': its first name, {@code i} at that name's value; null for an empty object. */
    private String firstName(int depth) {
        if (b[i] != '{') {
            throw LEFT;
        }
        deeper(depth);
        i++;
        space();
        if (b[i] == '}') {
            i++;
            return null;
        }
        return name();
    }

    /** After a value in an object: the next name, {@code i} at its value; null past the object's end. */
    private String nextName() {
        return more('}') ? name() : null;
    }

    private String name() {
        if (b[i] != '"') {
            throw LEFT;
        }
        String name = string(LONGEST_NAME);
        space();
        if (b[i] != ':') {
            throw LEFT;
        }
        i++;
        space();
        return name;
    }

    /** After a value in a container: true at a comma (moved past it and the space after), false at {@code close} (moved past it). */
    private boolean more(char close) {
        space();
        byte c = b[i++];
        if (c == ',') {
            space();
            return true;
        }
        if (c != close) {
            throw LEFT;
        }
        return false;
    }

    private static void deeper(int depth) {
        if (depth > DEEPEST) {
            throw LEFT;
        }
    }

    /** JSON's white space; a line has no line ends. */
    private void space() {
        int p = i;
        while (p < b.length && (b[p] == ' ' || b[p] == '\t')) {
            p++;
        }
        i = p;
    }
}
