package com.toaide.ai;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages a turn sends (ai.md, "The request"): the last {@value #STORED} stored
 * messages, starting on a user message, then the new message exactly as typed. Stored
 * messages with blank text are left out (the API refuses empty content).
 */
public final class ConversationWindow {
    public static final int STORED = 9;

    private ConversationWindow() {}

    /** @param stored the aide's conversation, oldest first */
    public static List<Message> pick(List<Message> stored, String newMessage) {
        List<Message> usable = stored.stream().filter(m -> m.text() != null && !m.text().isBlank()).toList();
        int start = Math.max(0, usable.size() - STORED);
        while (start < usable.size() && usable.get(start).role() != Message.Role.USER) {
            start++;
        }
        List<Message> window = new ArrayList<>(usable.subList(start, usable.size()));
        window.add(Message.user(newMessage));
        return List.copyOf(window);
    }
}
