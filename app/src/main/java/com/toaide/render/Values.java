package com.toaide.render;

import com.toaide.render.view.Val;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * How prop values and keys read on the page. Locale-free on purpose: the same snapshot gives
 * the same bytes on every server, whatever its default locale.
 */
final class Values {

    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    private static final int[] DAYS_IN_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    /** Fraction digits kept for non-integral numbers: 0.1 + 0.2 shows as 0.3. */
    private static final int MAX_FRACTION_DIGITS = 6;
    /** Integers from here on get thousands separators; below it years like 2026 stay as typed. */
    private static final long GROUPING_FROM = 10_000;
    private static final int MAX_LINK_TEXT = 60;

    private Values() {}

    /**
     * A value as shown. With {@code editor} false the editing attributes stay null, so the
     * published markup carries none.
     */
    static Val val(String entity, String key, JsonNode v, boolean editor) {
        return val(entity, key, v, editor, null);
    }

    /**
     * As {@link #val(String, String, JsonNode, boolean)}, remembering formatted dates in
     * {@code dates} (one render's cache: pages repeat the same few dates).
     */
    static Val val(String entity, String key, JsonNode v, boolean editor, Map<String, String> dates) {
        String e = editor ? entity : null;
        String f = editor ? key : null;
        if (v == null || v.isNull() || v.isMissingNode()) {
            return new Val("", null, null, false, null, e, f, editor ? "string" : null);
        }
        if (v.isBoolean()) {
            return new Val("", null, null, v.booleanValue(), null, e, f, editor ? "boolean" : null);
        }
        if (v.isNumber()) {
            return new Val(number(v), null, null, false, "num", e, f, editor ? "number" : null);
        }
        if (v.isString()) {
            String s = v.stringValue();
            if (isWebUrl(s)) {
                return new Val(linkText(s), s, null, false, null, e, f, editor ? "string" : null);
            }
            String date = dates == null ? date(s) : cachedDate(s, dates);
            if (date != null) {
                return new Val(date, null, s, false, null, e, f, editor ? "date" : null);
            }
            return new Val(s, null, null, false, null, e, f, editor ? "string" : null);
        }
        if (v.isArray()) {
            // A list is shown joined; it is not offered for inline editing as one string.
            return new Val(plain(v), null, null, false, null, null, null, null);
        }
        return Val.EMPTY;
    }

    private static String cachedDate(String s, Map<String, String> dates) {
        if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        String d = dates.get(s);
        if (d == null) {
            d = date(s);
            dates.put(s, d == null ? "" : d);
        }
        return d == null || d.isEmpty() ? null : d;
    }

    /** The editor type of a value, as {@code data-type} names it. */
    static String type(JsonNode v) {
        if (v == null || v.isNull()) {
            return "string";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        if (v.isNumber()) {
            return "number";
        }
        if (v.isString() && date(v.stringValue()) != null) {
            return "date";
        }
        return "string";
    }

    /** A value as plain text (headings of groups, relationship targets, summaries). */
    static String plain(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "Yes" : "No";
        }
        if (v.isNumber()) {
            return number(v);
        }
        if (v.isString()) {
            String s = v.stringValue();
            String date = date(s);
            return date != null ? date : s;
        }
        if (v.isArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonNode item : v) {
                if (item.isArray() || item.isObject()) {
                    continue;
                }
                String text = plain(item);
                if (text.isEmpty()) {
                    continue;
                }
                if (b.length() > 0) {
                    b.append(", ");
                }
                b.append(text);
            }
            return b.toString();
        }
        return "";
    }

    static String number(JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return integer(v.longValue());
        }
        if (v.isDouble() || v.isFloat()) {
            double d = v.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return "";
            }
        }
        BigDecimal d = v.decimalValue();
        if (d.scale() > MAX_FRACTION_DIGITS) {
            d = d.setScale(MAX_FRACTION_DIGITS, RoundingMode.HALF_EVEN);
        }
        d = d.stripTrailingZeros();
        if (d.scale() <= 0) {
            // Integral after all (3.0, or a big integer): no ".0", no exponent.
            String digits = d.toBigInteger().toString();
            return d.abs().compareTo(BigDecimal.valueOf(GROUPING_FROM)) >= 0 ? group(digits) : digits;
        }
        String plain = d.toPlainString();
        int dot = plain.indexOf('.');
        String whole = plain.substring(0, dot);
        boolean big = d.abs().compareTo(BigDecimal.valueOf(GROUPING_FROM)) >= 0;
        return (big ? group(whole) : whole) + plain.substring(dot);
    }

    private static String integer(long n) {
        String digits = Long.toString(n);
        return (n >= GROUPING_FROM || n <= -GROUPING_FROM) ? group(digits) : digits;
    }

    /** Inserts "," every three digits of an optionally signed digit string. */
    private static String group(String digits) {
        int start = digits.startsWith("-") ? 1 : 0;
        int len = digits.length() - start;
        StringBuilder b = new StringBuilder(digits.length() + len / 3);
        b.append(digits, 0, start);
        for (int i = 0; i < len; i++) {
            if (i > 0 && (len - i) % 3 == 0) {
                b.append(',');
            }
            b.append(digits.charAt(start + i));
        }
        return b.toString();
    }

    /**
     * {@code 2026-05-22} as "May 22, 2026"; {@code 2026-05-22T19:00} as "May 22, 2026, 7:00 PM"
     * (the wall time as written, plus "UTC" or the offset when one is given). Null when the text
     * is not such a date.
     */
    static String date(String s) {
        int n = s.length();
        if (n < 10 || n > 35 || !digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 7)
                || s.charAt(7) != '-' || !digits(s, 8, 10)) {
            return null;
        }
        int year = num(s, 0, 4);
        int month = num(s, 5, 7);
        int day = num(s, 8, 10);
        if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]
                || (month == 2 && day == 29 && !leap(year))) {
            return null;
        }
        String date = MONTHS[month - 1] + " " + day + ", " + year;
        if (n == 10) {
            return date;
        }
        char sep = s.charAt(10);
        if ((sep != 'T' && sep != ' ') || n < 16 || !digits(s, 11, 13) || s.charAt(13) != ':'
                || !digits(s, 14, 16)) {
            return null;
        }
        int hour = num(s, 11, 13);
        int minute = num(s, 14, 16);
        if (hour > 23 || minute > 59) {
            return null;
        }
        int i = 16;
        if (i < n && s.charAt(i) == ':') {
            if (i + 3 > n || !digits(s, i + 1, i + 3) || num(s, i + 1, i + 3) > 59) {
                return null;
            }
            i += 3;
            if (i < n && s.charAt(i) == '.') {
                int j = i + 1;
                while (j < n && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                if (j == i + 1) {
                    return null;
                }
                i = j;
            }
        }
        String zone = "";
        if (i < n) {
            char z = s.charAt(i);
            if (z == 'Z' && i + 1 == n) {
                zone = " UTC";
            } else if ((z == '+' || z == '-') && i + 6 == n && digits(s, i + 1, i + 3)
                    && s.charAt(i + 3) == ':' && digits(s, i + 4, i + 6)) {
                zone = " UTC" + s.substring(i);
            } else {
                return null;
            }
        }
        int h12 = hour % 12 == 0 ? 12 : hour % 12;
        String time = h12 + ":" + (minute < 10 ? "0" : "") + minute + (hour < 12 ? " AM" : " PM");
        return date + ", " + time + zone;
    }

    /** The footer date, "Feb 12, 2026". */
    static String day(java.time.LocalDate d) {
        return MONTHS[d.getMonthValue() - 1] + " " + d.getDayOfMonth() + ", " + d.getYear();
    }

    private static boolean leap(int y) {
        return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    /**
     * Only {@code http:} and {@code https:} URLs become links or images: the scheme allow-list
     * that keeps {@code javascript:} and {@code data:} out of every href and src.
     */
    static boolean isWebUrl(String s) {
        int start;
        if (s.regionMatches(true, 0, "https://", 0, 8)) {
            start = 8;
        } else if (s.regionMatches(true, 0, "http://", 0, 7)) {
            start = 7;
        } else {
            return false;
        }
        int n = s.length();
        if (n == start || n > 2048) {
            return false;
        }
        char first = s.charAt(start);
        if (first == '/' || first == '\\' || first == '.' || first == ':') {
            return false;
        }
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>'
                    || c == '\\' || c == '`' || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** A link as read: no scheme, no trailing slash, shortened when long. */
    private static String linkText(String url) {
        int start = url.charAt(4) == ':' ? 7 : 8;
        int end = url.length();
        if (end - start > 1 && url.charAt(end - 1) == '/') {
            end--;
        }
        if (end - start > MAX_LINK_TEXT) {
            return url.substring(start, start + MAX_LINK_TEXT - 1) + "…";
        }
        return url.substring(start, end);
    }

    /**
     * {@code traveling_from} and {@code travelingFrom} as "Traveling from". Words typed in
     * capitals (RSVP) stay as they are.
     */
    static String humanize(String key) {
        StringBuilder b = new StringBuilder(key.length() + 4);
        boolean space = false;
        char prev = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '_' || c == '-' || c == '.' || Character.isWhitespace(c)) {
                space = b.length() > 0;
                prev = c;
                continue;
            }
            if (Character.isUpperCase(c) && Character.isLowerCase(prev)) {
                space = b.length() > 0;
                boolean acronym = i + 1 < key.length() && Character.isUpperCase(key.charAt(i + 1));
                if (!acronym) {
                    c = Character.toLowerCase(c);
                }
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.append(b.length() == 0 ? Character.toUpperCase(c) : c);
            prev = key.charAt(i);
        }
        return b.toString();
    }

    /** Whitespace collapsed, cut at a word boundary to at most {@code max} characters. */
    static String shorten(String text, int max) {
        String s = text.strip().replaceAll("\\s+", " ");
        if (s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        return s.substring(0, cut).stripTrailing() + "…";
    }
}
