package com.toaide.ai;

/**
 * How the fast tier hands a turn to the deep one. The convention, stated in fast.md and in
 * the {@code voice} tool's description: the model sends a single {@code voice} call whose
 * text starts with {@code escalate:} (any case) followed by the reason, and no change.
 * {@link ToolMapping} turns that voice into the kernel's {@code escalate} signal, so it is
 * never shown as a voice line.
 *
 * <p>The rule: a turn that ran on the fast tier, signalled an escalation and applied no
 * change is run again on the deep tier (with the same message and the same snapshot).
 * When changes were applied they stay, and the turn is not run again (that would apply them
 * twice); the escalation is only logged. A deep turn is never run again.
 */
public final class Escalation {
    public static final String PREFIX = "escalate:";

    private Escalation() {}

    /** Whether a voice text is the escalate convention. */
    public static boolean isEscalation(String voiceText) {
        return voiceText != null && voiceText.stripLeading().regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** The reason after the prefix, trimmed. */
    static String reason(String voiceText) {
        return voiceText.stripLeading().substring(PREFIX.length()).strip();
    }

    /**
     * @param ranOn the tier the turn ran on
     * @param escalated whether an {@code escalate} signal came from the model
     * @param changesApplied events the kernel accepted in the turn, signals not counted
     */
    public static boolean rerunOnDeep(Tier ranOn, boolean escalated, int changesApplied) {
        return ranOn == Tier.FAST && escalated && changesApplied == 0;
    }
}
