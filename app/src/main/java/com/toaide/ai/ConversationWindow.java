package com.toaide.ai;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages a turn sends: the last {@value #STORED} stored
 * messages, starting on a user message, then the new message exactly as typed. Stored
 * messages with blank text are left out (the API refuses empty content).
 *
 * <p>The window has a budget like the page view: the oldest messages go first when the
 * stored ones pass {@value #BUDGET_CHARS} characters (a few long pasted messages), so the
 * request stays bounded and the page view, which is the truth, is never crowded out by
 * history. The prompt tells the model that the view wins over an older message.
 */
public final class ConversationWindow {
    public static final int STORED = 9;
    /** About 6,000 tokens of history. */
    static final int BUDGET_CHARS = 24_000;

    private ConversationWindow() {}

    /** @param stored the aide's conversation, oldest first */
    public static List<Message> pick(List<Message> stored, String newMessage) {
        List<Message> usable = stored.stream().filter(m -> m.text() != null && !m.text().isBlank()).toList();
        int start = Math.max(0, usable.size() - STORED);
        int chars = usable.subList(start, usable.size()).stream().mapToInt(m -> m.text().length()).sum();
        while (start < usable.size() && (usable.get(start).role() != Message.Role.USER || chars > BUDGET_CHARS)) {
            chars -= usable.get(start).text().length();
            start++;
        }
        List<Message> window = new ArrayList<>(usable.subList(start, usable.size()));
        window.add(Message.user(newMessage));
        return List.copyOf(window);
    }
}
