package com.toaide.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The voice rules of ai.md, checked on what the model said so the orchestrator can log
 * violations (the line is still shown: the rules are the prompt's job), and the neutral line
 * written when a turn changed things but said nothing.
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
