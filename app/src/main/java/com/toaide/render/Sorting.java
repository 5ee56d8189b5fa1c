package com.toaide.render;

import tools.jackson.databind.JsonNode;

/** The order of table rows under {@code _sort_by}: missing values last in either direction. */
final class Sorting {

    private Sorting() {}

    static int compare(JsonNode a, JsonNode b, boolean desc) {
        boolean aMissing = a == null || a.isNull() || (a.isString() && a.stringValue().isBlank());
        boolean bMissing = b == null || b.isNull() || (b.isString() && b.stringValue().isBlank());
        if (aMissing || bMissing) {
            return aMissing == bMissing ? 0 : aMissing ? 1 : -1;
        }
        int c = compareValues(a, b);
        return desc ? -c : c;
    }

    private static int compareValues(JsonNode a, JsonNode b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        return switch (ra) {
            case 0 -> a.isIntegralNumber() && b.isIntegralNumber() && a.canConvertToLong() && b.canConvertToLong()
                    ? Long.compare(a.longValue(), b.longValue())
                    : a.decimalValue().compareTo(b.decimalValue());
            case 1 -> Boolean.compare(a.booleanValue(), b.booleanValue());
            default -> {
                String sa = Values.plain(a);
                String sb = Values.plain(b);
                // ISO dates compare correctly as written; other text ignores case.
                if (a.isString() && b.isString() && Dates.date(a.stringValue()) != null
                        && Dates.date(b.stringValue()) != null) {
                    sa = a.stringValue();
                    sb = b.stringValue();
                }
                int c = String.CASE_INSENSITIVE_ORDER.compare(sa, sb);
                yield c != 0 ? c : sa.compareTo(sb);
            }
        };
    }

    private static int rank(JsonNode v) {
        if (v.isNumber()) {
            return 0;
        }
        if (v.isBoolean()) {
            return 1;
        }
        return 2;
    }
}
