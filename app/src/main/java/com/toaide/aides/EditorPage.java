package com.toaide.aides;

import com.toaide.platform.web.Layout;
import gg.jte.Content;

/**
 * The editor: the live page beside the chat.
 *
 * @param page         the renderer's editor markup (escaped by the renderer; see {@link RenderedHtml})
 * @param empty        the aide has nothing yet: show "What are you running?"
 * @param aiConfigured false shows how to configure the AI instead of the chat box
 * @param chat         the conversation so far, the turns left this week, whether a turn runs
 */
public record EditorPage(Layout layout, AideSummary aide, Content page, String pageCssUrl, long version,
                         boolean empty, boolean aiConfigured, EditorChat.State chat) {
    /** "12 turns left this week", or null when there is no weekly limit. */
    public String turnsLeft() {
        Integer left = chat.turnsLeft();
        return left == null ? null : left == 1 ? "1 turn left this week" : left + " turns left this week";
    }
}
