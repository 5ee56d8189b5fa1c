package com.toaide.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import tools.jackson.databind.JsonNode;

/** How numbers read on the page: no exponent, at most six fraction digits, "," grouping from 10,000. Locale-free. */
final class Numbers {
    /** Fraction digits kept for non-integral numbers: 0.1 + 0.2 shows as 0.3. */
    private static final int MAX_FRACTION_DIGITS = 6;
    /** Integers from here on get thousands separators; below it years like 2026 stay as typed. */
    private static final long GROUPING_FROM = 10_000;
    /** The text of 0 to 1023, made once: most numbers on a page (points, counts, ranks) are small. */
    private static final String[] SMALL = new String[1024];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = Integer.toString(i);
        }
    }

    private Numbers() {}

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
        if (n >= 0 && n < SMALL.length) {
            return SMALL[(int) n];
        }
        String digits = Long.toString(n);
        return (n >= GROUPING_FROM || n <= -GROUPING_FROM) ? group(digits) : digits;
    }

    /** Inserts "," every three digits of an optionally signed digit string. */
    static String group(String digits) {
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
}
