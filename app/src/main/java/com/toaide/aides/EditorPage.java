package com.toaide.aides;

import com.toaide.platform.web.Frame;
import gg.jte.Content;

/**
 * The editor: the live page beside the chat.
 *
 * @param page         the renderer's editor markup (escaped by the renderer; see {@link RenderedHtml})
 * @param empty        the aide has nothing yet: show "What are you running?"
 * @param aiConfigured false shows how to configure the AI instead of the chat box
 */
public record EditorPage(Frame frame, AideSummary aide, Content page, String pageCssUrl, long version,
                         boolean empty, boolean aiConfigured) {}
