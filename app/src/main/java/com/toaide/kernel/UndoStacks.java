package com.toaide.kernel;

import com.toaide.kernel.Checkpoint.Applied;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The undo bookkeeping of one aide's log: which batches are done (a stack: undo takes the top),
 * which are undone (redo puts back the top), which ids were used recently (a new batch may not
 * reuse one) and which batch the last entry extended. {@link History} keeps the snapshot and the
 * entries; this only reads entries' batch, kind and seq. Not thread-safe, like its History.
 */
final class UndoStacks {
    private final ArrayList<Applied> done = new ArrayList<>();
    private final ArrayList<String> undone = new ArrayList<>();
    private final LinkedHashSet<String> recent = new LinkedHashSet<>();
    private String openBatch;
    private String lastBatch;

    UndoStacks(Checkpoint checkpoint) {
        done.addAll(checkpoint.done());
        undone.addAll(checkpoint.undone());
        recent.addAll(checkpoint.recent());
        openBatch = checkpoint.openBatch();
        lastBatch = checkpoint.lastBatch();
    }

    /**
     * Takes an entry into account. Returns the seq from which a done batch that fell off the
     * bottom of the stack ({@link History#UNDO_DEPTH}) was applied, or -1 when none did.
     */
    long record(LogEntry entry) {
        lastBatch = entry.batch();
        recent.remove(entry.batch());
        recent.add(entry.batch());
        if (recent.size() > History.RECENT_BATCHES) {
            recent.remove(recent.iterator().next());
        }
        if (entry.isMarker()) {
            openBatch = null;
            String target = entry.target();
            if (entry.isUndo() && !done.isEmpty() && top().batch().equals(target)) {
                done.remove(done.size() - 1);
                push(undone, target);
            } else if (entry.isRedo() && !undone.isEmpty() && redoable().equals(target)) {
                undone.remove(undone.size() - 1);
                return push(new Applied(target, entry.seq()));
            }
            return -1;
        }
        openBatch = entry.batch();
        if (entry.mutates() && (done.isEmpty() || !top().batch().equals(entry.batch()))) {
            undone.clear();
            return push(new Applied(entry.batch(), entry.seq()));
        }
        return -1;
    }

    /** @throws IllegalArgumentException when {@code batchId} is empty or was used and cannot be extended */
    void checkNew(String batchId, boolean mayExtend) {
        if (batchId == null || batchId.isEmpty()) {
            throw new IllegalArgumentException("a batch needs an id");
        }
        if (recent.contains(batchId) && !(mayExtend && batchId.equals(openBatch))) {
            throw new IllegalArgumentException("batch " + batchId + " is already in the log");
        }
    }

    /** The most recent done batch; null when there is none. */
    Applied top() {
        return done.isEmpty() ? null : done.get(done.size() - 1);
    }

    /** The most recently undone batch; null when there is none. */
    String redoable() {
        return undone.isEmpty() ? null : undone.get(undone.size() - 1);
    }

    /** The seq the top done batch was applied from; 0 when none is done. */
    long topFrom() {
        return done.isEmpty() ? 0 : top().from();
    }

    /** The done batches, oldest first. */
    List<Applied> done() {
        return done;
    }

    String openBatch() {
        return openBatch;
    }

    String lastBatch() {
        return lastBatch;
    }

    int recentCount() {
        return recent.size();
    }

    boolean recentBatchStartsWith(String prefix) {
        return recent.stream().anyMatch(batch -> batch.startsWith(prefix));
    }

    Checkpoint checkpoint(long seq, Snapshot snapshot) {
        return new Checkpoint(seq, snapshot, done, undone, List.copyOf(recent), openBatch, lastBatch);
    }

    private long push(Applied applied) {
        done.add(applied);
        return done.size() > History.UNDO_DEPTH ? done.remove(0).from() : -1;
    }

    private static void push(ArrayList<String> stack, String batch) {
        stack.add(batch);
        if (stack.size() > History.UNDO_DEPTH) {
            stack.remove(0);
        }
    }
}
