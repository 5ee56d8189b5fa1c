package com.toaide.render;

import java.util.concurrent.ConcurrentHashMap;
import java.time.LocalDate;

/** How dates read on the page ("May 22, 2026, 7:00 PM"), parsed by hand: locale-free and no exceptions on the hot path. */
final class Dates {
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    private static final int[] DAYS_IN_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    /**
     * Formatted dates by their ISO text, shared by every render: pages repeat a few dates, and
     * formatting one costs several times a lookup. Text that is not a date maps to "". Emptied
     * when it reaches {@link #CACHED} entries, so it stays small whatever pages come by.
     */
    private static final ConcurrentHashMap<String, String> FORMATTED = new ConcurrentHashMap<>();
    private static final int CACHED = 4_096;

    private Dates() {}

    /** As {@link #date}, from the shared cache; text not shaped like a date is not looked up. */
    static String cached(String s) {
        if (s.length() < 10 || s.length() > 35 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        String d = FORMATTED.get(s);
        if (d == null) {
            d = date(s);
            if (FORMATTED.size() >= CACHED) {
                FORMATTED.clear();
            }
            FORMATTED.put(s, d == null ? "" : d);
        }
        return d == null || d.isEmpty() ? null : d;
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
    static String day(LocalDate d) {
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
}
