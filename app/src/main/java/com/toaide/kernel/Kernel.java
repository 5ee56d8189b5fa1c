package com.toaide.kernel;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The one function through which every change to an aide goes (docs/kernel.md):
 * {@code apply(snapshot, event) -> result}.
 *
 * <p>It changes the snapshot in place, at the cost of the change rather than the size of the
 * aide. Every check runs before the first write, so a rejected event leaves the snapshot
 * exactly as it was. It never throws, reads no clock and draws no random numbers.
 */
public final class Kernel {
    private Kernel() {}

    /** Parses and applies one event given as JSON. */
    public static Result apply(Snapshot snapshot, JsonNode event) {
        return apply(snapshot, Event.fromJson(event), null);
    }

    /** Parses and applies one event given as JSON, with the time of its envelope (see below). */
    public static Result apply(Snapshot snapshot, JsonNode event, String envelopeTs) {
        return apply(snapshot, Event.fromJson(event), envelopeTs);
    }

    public static Result apply(Snapshot snapshot, Event event) {
        return apply(snapshot, event, null);
    }

    /**
     * Applies one event.
     *
     * @param envelopeTs the time of the event's log envelope; {@code meta.annotate} records it
     *     when the event carries no {@code ts} of its own. May be null.
     */
    public static Result apply(Snapshot snapshot, Event event, String envelopeTs) {
        try {
            if (event instanceof Event.Signal signal) {
                return Result.signal(signal.payload().deepCopy());
            }
            if (event instanceof Event.Invalid invalid) {
                return Result.rejected(invalid.code(), invalid.detail());
            }
            return Result.accepted(change(snapshot, event, envelopeTs));
        } catch (Rejection rejection) {
            return Result.rejected(rejection.code, rejection.getMessage());
        }
    }

    /** Returns the warnings of non-strict constraints; throws {@link Rejection} before any write. */
    private static List<String> change(Snapshot snapshot, Event event, String envelopeTs) {
        if (event instanceof Event.CreateEntity create) {
            return EntityEvents.create(snapshot, create);
        } else if (event instanceof Event.UpdateEntity update) {
            EntityEvents.update(snapshot, update);
        } else if (event instanceof Event.RemoveEntity remove) {
            EntityEvents.remove(snapshot, remove);
        } else if (event instanceof Event.MoveEntity move) {
            return EntityEvents.move(snapshot, move);
        } else if (event instanceof Event.ReorderChildren reorder) {
            EntityEvents.reorder(snapshot, reorder);
        } else if (event instanceof Event.SetLink set) {
            return LinkEvents.set(snapshot, set);
        } else if (event instanceof Event.RemoveLinks remove) {
            return LinkEvents.remove(snapshot, remove);
        } else if (event instanceof Event.ConstrainLinks constrain) {
            return LinkEvents.constrain(snapshot, constrain);
        } else if (event instanceof Event.SetGlobalStyle style) {
            MetaEvents.styleGlobal(snapshot, style);
        } else if (event instanceof Event.StyleEntity style) {
            MetaEvents.styleEntity(snapshot, style);
        } else if (event instanceof Event.SetMeta meta) {
            MetaEvents.set(snapshot, meta);
        } else if (event instanceof Event.Annotate annotate) {
            MetaEvents.annotate(snapshot, annotate, envelopeTs);
        } else if (event instanceof Event.ConstrainChildren constrain) {
            return MetaEvents.constrain(snapshot, constrain);
        } else {
            throw new Rejection(Code.UNKNOWN_PRIMITIVE, "no event type " + event.type());
        }
        return List.of();
    }
}
