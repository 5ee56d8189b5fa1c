/**
 * Aides: the dashboard, the editor, direct edits through the kernel, undo/redo and the live
 * channel. May use the platform, the kernel, the renderer and other features' services.
 */
package com.toaide.aides;
