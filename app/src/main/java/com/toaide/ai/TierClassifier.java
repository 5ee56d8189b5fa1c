package com.toaide.ai;

import com.toaide.kernel.Entity;
import com.toaide.kernel.Snapshot;
import java.util.List;
import java.util.Set;

/**
 * Picks the tier of a turn before calling the model (docs/ai.md, "Tiers"): an empty aide goes
 * to the deep tier (it designs the structure); so does a question with no change verb in it;
 * everything else goes to the fast tier. Words are matched whole, never as substrings
 * ("whole" is not "who", "address" is not "add").
 *
 * <p>A message is a question when it has a question mark or starts with a question word.
 */
public final class TierClassifier {
    static final Set<String> QUESTION_STARTS = Set.of(
            "who", "whom", "whose", "what", "when", "where", "which", "why", "how",
            "is", "are", "was", "were", "am", "do", "does", "did", "can", "could", "will", "would", "should",
            "has", "have", "had", "any", "anyone", "anybody", "list", "show", "tell", "summarize", "summarise");

    static final Set<String> CHANGE_VERBS = Set.of(
            "add", "adds", "added", "adding", "remove", "removed", "delete", "deleted", "drop", "dropped",
            "change", "changed", "set", "update", "updated", "move", "moved", "rename", "renamed",
            "mark", "marked", "cancel", "cancelled", "canceled", "replace", "replaced", "swap", "swapped",
            "switch", "assign", "assigned", "make", "create", "put", "schedule", "scheduled", "reschedule",
            "rescheduled", "bump", "increase", "decrease", "raise", "lower", "reorder", "sort", "invite", "invited",
            "include", "exclude", "clear", "reset", "edit", "fix", "record", "track", "split", "merge", "archive",
            "hide", "tick", "untick", "uncheck", "subbing", "sub", "subs", "subbed", "bring", "bringing");

    private TierClassifier() {}

    /** An aide with no live top-level entity counts as empty. */
    public static Tier classify(Snapshot snapshot, String message) {
        boolean empty = snapshot.roots().stream().allMatch(Entity::removed);
        return classify(empty, message);
    }

    public static Tier classify(boolean aideIsEmpty, String message) {
        if (aideIsEmpty) {
            return Tier.DEEP;
        }
        List<String> words = Words.of(message);
        boolean question = message.contains("?") || (!words.isEmpty() && QUESTION_STARTS.contains(words.get(0)));
        boolean change = words.stream().anyMatch(CHANGE_VERBS::contains);
        return question && !change ? Tier.DEEP : Tier.FAST;
    }
}
