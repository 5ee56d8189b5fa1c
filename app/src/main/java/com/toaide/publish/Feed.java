package com.toaide.publish;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The page's Atom change feed (docs/publishing.md): one entry per published version, with its notes. */
final class Feed {
    private Feed() {}

    /** {@code versions} newest first; {@code pageUrl} is the canonical page URL. */
    static String atom(String title, String pageUrl, List<PublishedVersion> versions) {
        var out = new StringBuilder(512 + versions.size() * 256);
        Instant updated = versions.isEmpty() ? Instant.EPOCH : versions.get(0).createdAt();
        out.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("  <title>").append(escape(title)).append("</title>\n")
                .append("  <id>").append(escape(pageUrl)).append("</id>\n")
                .append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(pageUrl)).append("\"/>\n")
                .append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(escape(pageUrl + "/feed.xml")).append("\"/>\n")
                .append("  <updated>").append(time(updated)).append("</updated>\n")
                .append("  <author><name>AIde</name></author>\n");
        for (var version : versions) {
            String url = pageUrl + "/v/" + version.version();
            String notes = version.notes().isBlank() ? "Updated." : version.notes();
            out.append("  <entry>\n")
                    .append("    <title>").append(escape(firstLine(notes))).append("</title>\n")
                    .append("    <id>").append(escape(url)).append("</id>\n")
                    .append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(url)).append("\"/>\n")
                    .append("    <updated>").append(time(version.createdAt())).append("</updated>\n")
                    .append("    <content type=\"text\">").append(escape(notes)).append("</content>\n")
                    .append("  </entry>\n");
        }
        return out.append("</feed>\n").toString();
    }

    private static String firstLine(String notes) {
        int end = notes.indexOf('\n');
        String line = end < 0 ? notes : notes.substring(0, end);
        return line.length() <= 120 ? line : line.substring(0, 119) + "…";
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Escapes for XML text and attributes, and drops characters XML 1.0 cannot carry at all. */
    static String escape(String text) {
        var out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
