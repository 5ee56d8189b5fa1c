/**
 * The kernel: the entity tree of an aide and the one function that changes it
 * ({@link com.toaide.kernel.Kernel#apply}), plus the event log with undo, redo and replay
 * ({@link com.toaide.kernel.History}, {@link com.toaide.kernel.LogEntry}) and the jar's
 * {@code replay} command ({@link com.toaide.kernel.ReplayCommand}). Design notes in
 * docs/kernel.md.
 *
 * <p>Owns: {@link com.toaide.kernel.Snapshot} and its JSON form, the typed
 * {@link com.toaide.kernel.Event}s, every rejection {@link com.toaide.kernel.Code}, the
 * {@link com.toaide.kernel.Limits}, relationship and child constraints.
 *
 * <p>Pure: no I/O (the replay command only reads and writes the streams it is given), no
 * clock, no randomness; times, batch ids and actors come in as arguments. Imports only the
 * JDK and Jackson's JSON tree ({@code tools.jackson.databind.JsonNode} and friends); no
 * feature package and no framework.
 */
package com.toaide.kernel;
