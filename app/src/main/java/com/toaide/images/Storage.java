package com.toaide.images;

/** Sizes of stored files as people read them: "3.4 MB", "100 MB", "5 GB". */
public final class Storage {
    private Storage() {}

    public static String describe(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        if (mb >= 1024) {
            double gb = mb / 1024;
            return (gb == Math.rint(gb) ? String.valueOf((long) gb) : String.format(java.util.Locale.ROOT, "%.1f", gb)) + " GB";
        }
        if (mb >= 10 || mb == Math.rint(mb)) {
            return Math.round(mb) + " MB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", mb);
    }
}
