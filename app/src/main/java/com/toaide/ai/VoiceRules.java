package com.toaide.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The voice rules (docs/ai.md, "Voice, enforced"), enforced on what the model said before anyone sees it
 * ({@link #enforce}: emojis and exclamation marks are rewritten, a cheering opener is cut,
 * a sentence in the first person or cheering is dropped, a long line is shortened; what is
 * left either follows every rule or the line is dropped), and the neutral line written when
 * a turn changed things but said nothing.
 */
public final class VoiceRules {
    /** "Under about 100 characters". */
    public static final int MAX_LENGTH = 100;

    static final Set<String> FIRST_PERSON = Set.of(
            "i", "me", "my", "mine", "myself", "we", "our", "ours", "ourselves");
    static final Set<String> ENCOURAGEMENT = Set.of(
            "great", "awesome", "amazing", "fantastic", "wonderful", "perfect", "nice", "congrats",
            "congratulations", "yay", "hooray", "excellent", "brilliant", "enjoy");

    private static final Pattern LOWER_US = Pattern.compile("\\b[Uu]s\\b");
    /** "Great, ", "Perfect. ", "Awesome - ": an opener that only cheers, cut from the front of a sentence. */
    private static final Pattern CHEERING_OPENER = Pattern.compile(
            "^(?i:" + String.join("|", ENCOURAGEMENT) + ")\\b\\s*(?:[,.:;-]+\\s*|$)");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?])\\s+");

    public enum Violation { EMPTY, TOO_LONG, FIRST_PERSON, EXCLAMATION, EMOJI, ENCOURAGEMENT }

    private VoiceRules() {}

    /** Every rule the line breaks; empty when it follows them all. */
    public static List<Violation> check(String line) {
        List<Violation> broken = new ArrayList<>();
        if (line == null || line.isBlank()) {
            broken.add(Violation.EMPTY);
            return broken;
        }
        if (line.codePointCount(0, line.length()) > MAX_LENGTH) {
            broken.add(Violation.TOO_LONG);
        }
        List<String> words = Words.of(line);
        // "I'm" and "I've" split into "i" and "m"; "US" in capitals is a country, not "us".
        if (words.stream().anyMatch(FIRST_PERSON::contains) || LOWER_US.matcher(line).find()) {
            broken.add(Violation.FIRST_PERSON);
        }
        if (line.indexOf('!') >= 0) {
            broken.add(Violation.EXCLAMATION);
        }
        if (line.codePoints().anyMatch(VoiceRules::isEmoji)) {
            broken.add(Violation.EMOJI);
        }
        if (words.stream().anyMatch(ENCOURAGEMENT::contains)) {
            broken.add(Violation.ENCOURAGEMENT);
        }
        return broken;
    }

    /**
     * The line as it may be shown and stored: rewritten to follow the rules, or empty when
     * nothing of it can be kept (a line that only speaks in the first person or only cheers).
     */
    public static Optional<String> enforce(String line) {
        if (line == null) {
            return Optional.empty();
        }
        StringBuilder plain = new StringBuilder();
        line.codePoints().filter(c -> !isEmoji(c)).forEach(plain::appendCodePoint);
        String text = plain.toString().replaceAll("!+", ".").replaceAll("([.?])\\.+", "$1").replaceAll("\\s+", " ").strip();
        List<String> kept = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text)) {
            String rest = CHEERING_OPENER.matcher(sentence).replaceFirst("");
            if (rest.isBlank() || rest.matches("[.?,;:\\s-]+")) {
                continue;
            }
            if (!rest.equals(sentence)) {
                rest = rest.substring(0, 1).toUpperCase(Locale.ROOT) + rest.substring(1);
            }
            List<Violation> broken = check(rest);
            if (!broken.contains(Violation.FIRST_PERSON) && !broken.contains(Violation.ENCOURAGEMENT)) {
                kept.add(rest);
            }
        }
        String result = shorten(String.join(" ", kept));
        return result.isBlank() || !check(result).isEmpty() ? Optional.empty() : Optional.of(result);
    }

    /** Whole sentences that fit, or the words that fit and an ellipsis. */
    private static String shorten(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_LENGTH) {
            return text;
        }
        int sentenceEnd = Math.max(text.lastIndexOf(". ", MAX_LENGTH - 1), text.lastIndexOf("? ", MAX_LENGTH - 1));
        if (sentenceEnd > 0) {
            return text.substring(0, sentenceEnd + 1);
        }
        int space = text.lastIndexOf(' ', MAX_LENGTH - 2);
        return (space > 0 ? text.substring(0, space) : text.substring(0, MAX_LENGTH - 1)).stripTrailing() + "…";
    }

    /** The line written when changes were applied and the model gave no voice: "3 changes.". */
    public static String fallback(int changesApplied) {
        return changesApplied == 1 ? "1 change." : changesApplied + " changes.";
    }

    static boolean isEmoji(int codePoint) {
        return (codePoint >= 0x1F000 && codePoint <= 0x1FAFF)
                || (codePoint >= 0x2600 && codePoint <= 0x27BF)
                || codePoint == 0xFE0F
                || codePoint == 0x200D
                || (codePoint >= 0x2B00 && codePoint <= 0x2BFF);
    }
}
