package com.toaide.ai.eval;

import com.toaide.ai.Tier;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * One check of a scenario: {@code count} (how many live entities match, after a turn: an item
 * created, updated in place rather than duplicated, a status or a date set, no more structure
 * than asked for), {@code voice} (a turn's voice lines name what answers the question), or
 * {@code tier} (the turn ran on the tier it should).
 */
record Check(String label, String kind, int turn, JsonNode match, int min, int max, Tier tier,
             List<String> mentionsAll, List<String> mentionsAny) {

    /** What a check found: passed, or failed with what was seen; skipped when it cannot apply to the run. */
    record Verdict(Check check, Status status, String detail) {}

    enum Status { PASS, FAIL, SKIP }

    static Check count(String label, int after, JsonNode match, int min, int max) {
        return new Check(label, "count", after, match, min, max, null, List.of(), List.of());
    }

    static Check voice(String label, int turn, List<String> all, List<String> any) {
        return new Check(label, "voice", turn, null, 0, 0, null, all, any);
    }

    static Check tier(String label, int turn, Tier tier) {
        return new Check(label, "tier", turn, null, 0, 0, tier, List.of(), List.of());
    }

    Verdict judge(EvalRunner.Played played) {
        EvalRunner.PlayedTurn turn = played.turns().get(this.turn - 1);
        return switch (kind) {
            case "count" -> {
                var found = Match.all(turn.page(), match).stream().map(entity -> entity.id()).toList();
                boolean ok = found.size() >= min && found.size() <= max;
                yield new Verdict(this, ok ? Status.PASS : Status.FAIL, "found " + found.size()
                        + (found.isEmpty() ? "" : " " + clip(found.toString())) + ", want " + range() + " after turn " + this.turn);
            }
            case "voice" -> {
                String said = String.join(" ", turn.voices());
                boolean ok = mentionsAll.stream().allMatch(word -> Match.occurs(said, word))
                        && (mentionsAny.isEmpty() || mentionsAny.stream().anyMatch(word -> Match.occurs(said, word)));
                yield new Verdict(this, ok ? Status.PASS : Status.FAIL, "turn " + this.turn + " said \"" + clip(said) + "\"");
            }
            default -> played.tierForced()
                    ? new Verdict(this, Status.SKIP, "every turn ran on " + lower(turn.tier()) + " (--tier)")
                    : new Verdict(this, turn.tier() == tier ? Status.PASS : Status.FAIL,
                            "turn " + this.turn + " ran on " + lower(turn.tier()) + (turn.escalated() ? " after an escalation" : ""));
        };
    }

    private String range() {
        return max == Integer.MAX_VALUE ? "at least " + min : min == max ? String.valueOf(min) : min + " to " + max;
    }

    private static String lower(Tier tier) {
        return tier.name().toLowerCase(Locale.ROOT);
    }

    private static String clip(String text) {
        return text.length() <= 120 ? text : text.substring(0, 119) + "…";
    }
}
