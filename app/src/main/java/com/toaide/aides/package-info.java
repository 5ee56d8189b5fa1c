/**
 * Aides: the dashboard, the editor, direct edits through the kernel, undo/redo and the live
 * channel. May use the platform, the kernel, the renderer and other features' services.
 *
 * <p>AI turns apply their tool calls through {@link com.toaide.aides.EditService#applyTurnEvent};
 * the AI feature answers two small ports of this package, so it never depends back on the AI:
 * {@link com.toaide.aides.EditorChat} (the chat as the editor first draws it) and
 * {@link com.toaide.aides.TurnInterrupts} (the Stop frame of the live channel). Turn frames reach
 * the tabs of every instance through {@link com.toaide.aides.TurnFrames}.
 */
package com.toaide.aides;
