package com.toaide.aides;

import com.toaide.kernel.History;
import com.toaide.kernel.LogEntry;
import com.toaide.platform.db.Database;
import com.toaide.platform.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reading an aide's past: the History panel's batches, the note a publish carries, and the
 * page as it was at any entry. Nothing here changes an aide; changes go through
 * {@link EditService}, which also names the current page these reads describe things by.
 */
public final class EditHistory {
    /**
     * One batch in the History panel: its last seq (the point to preview), its first (the next
     * page of History starts before it), who made it, when, and what it changed.
     */
    public record HistoryBatch(long seq, long from, String who, String ts, String note) {}

    /** Log rows read for one page of History: a page shows the batches they hold, newest first. */
    private static final int HISTORY_ROWS = 400;
    /** Batches a version's note names at most; older ones fall under the cap anyway. */
    private static final int NOTE_BATCHES = 12;

    private final Database db;
    private final EditService edits;

    public EditHistory(Database db, EditService edits) {
        this.db = db;
        this.edits = edits;
    }

    /** The batches at or before {@code upto}, newest first, at most {@code limit}, named as the current page shows things. */
    public List<HistoryBatch> history(UUID userId, UUID aideId, long upto, int limit) {
        var rows = db.asUser(userId, handle -> handle.attach(AideDao.class).latestEvents(aideId, upto, HISTORY_ROWS));
        // The notes name things as the page shows them now, so they are written against its snapshot.
        return edits.read(userId, aideId, (snapshot, version) -> {
            var batches = new ArrayList<HistoryBatch>();
            int end = 0;
            while (end < rows.size() && batches.size() < limit) {
                int start = end;
                while (end < rows.size() && rows.get(end).batch().equals(rows.get(start).batch())) {
                    end++;
                }
                if (end == rows.size() && rows.size() == HISTORY_ROWS && !batches.isEmpty()) {
                    // The window may have cut this batch: the next page shows it whole.
                    break;
                }
                var entries = new ArrayList<LogEntry>();
                for (int i = end - 1; i >= start; i--) {
                    entries.add(rows.get(i).toEntry());
                }
                String note = ChangeNotes.of(entries, snapshot);
                if (!note.isEmpty()) {
                    var last = rows.get(start);
                    batches.add(new HistoryBatch(last.seq(), rows.get(end - 1).seq(), who(last), StoredEvent.format(last.ts()), note));
                }
            }
            return batches;
        });
    }

    /**
     * The note of a publish: the change notes of the batches after entry {@code after} up to
     * entry {@code upto}, most recent first, combined and capped ({@link ChangeNotes#combine}).
     * Empty when they changed nothing.
     */
    public String notesBetween(UUID userId, UUID aideId, long after, long upto) {
        var recent = history(userId, aideId, upto, NOTE_BATCHES);
        var notes = new ArrayList<String>();
        for (int i = recent.size() - 1; i >= 0; i--) {
            if (recent.get(i).seq() > after) {
                notes.add(recent.get(i).note());
            }
        }
        return ChangeNotes.combine(notes);
    }

    /** The aide as it was right after entry {@code seq}, for {@code reader}: replayed from the nearest checkpoint. */
    public <T> T at(UUID userId, UUID aideId, long seq, EditService.Reader<T> reader) {
        return db.asUser(userId, handle -> {
            long version = new EditDao(handle).position(aideId).orElseThrow(Failure.NotFound::new);
            if (seq < 0 || seq > version) {
                throw new Failure.NotFound("This page has no such point in its history.");
            }
            return reader.read(History.at(new DatabaseLog(handle, aideId), seq).snapshot(), seq);
        });
    }

    private static String who(StoredEvent row) {
        if (row.batch().startsWith(EditService.RESTORE_BATCH)) {
            return "Restore";
        }
        return switch (row.source()) {
            case "ai" -> "AI";
            case "undo" -> "Undo";
            case "import" -> "Import";
            default -> "You";
        };
    }
}
