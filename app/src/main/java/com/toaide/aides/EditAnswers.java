package com.toaide.aides;

import com.toaide.kernel.Code;
import com.toaide.kernel.Json;
import com.toaide.kernel.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answers to an aide's latest direct edits that carried a client batch id, newest last, so
 * a batch retried after its answer was lost (the connection dropped, the tab reloaded) gets
 * the first answer again instead of being applied twice. Kept with the aide's history in
 * memory and stored on the aide's row by the edit's own statement ({@code aides.edit_answers}).
 *
 * <p>Bounded, since the whole list is rewritten with every edit that carries an id: the
 * browser's outbox sends one batch at a time and retries only that one, so each open tab needs
 * just its latest answer; {@value #KEEP} cover many tabs editing one page at once.
 */
final class EditAnswers {
    static final int KEEP = 64;
    static final EditAnswers NONE = new EditAnswers(List.of());

    /** One answer: which events were refused and why, and the version after the batch. */
    private record Answer(String batch, int count, List<Refused> refused, long version) {}

    private record Refused(int index, String reason) {}

    private final List<Answer> answers;

    private EditAnswers(List<Answer> answers) {
        this.answers = answers;
    }

    /** The answer first given to {@code batch}, as the edit's outcome. */
    Optional<EditService.Outcome> find(String batch) {
        for (int i = answers.size() - 1; i >= 0; i--) {
            Answer a = answers.get(i);
            if (a.batch().equals(batch)) {
                var results = new ArrayList<Result>(a.count());
                for (int j = 0; j < a.count(); j++) {
                    results.add(new Result(true, null, null, null, List.of()));
                }
                for (Refused r : a.refused()) {
                    results.set(r.index(), new Result(false, code(r.reason()), r.reason(), null, List.of()));
                }
                return Optional.of(new EditService.Outcome(results, a.version()));
            }
        }
        return Optional.empty();
    }

    /** These answers and {@code outcome} as the newest, the oldest dropped past the bound. */
    EditAnswers with(String batch, EditService.Outcome outcome) {
        var refused = new ArrayList<Refused>();
        List<Result> results = outcome.results();
        for (int i = 0; i < results.size(); i++) {
            if (!results.get(i).accepted()) {
                refused.add(new Refused(i, results.get(i).reason()));
            }
        }
        var next = new ArrayList<Answer>(Math.min(answers.size() + 1, KEEP));
        next.addAll(answers.subList(Math.max(0, answers.size() + 1 - KEEP), answers.size()));
        next.add(new Answer(batch, results.size(), List.copyOf(refused), outcome.version()));
        return new EditAnswers(List.copyOf(next));
    }

    String toJson() {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Answer a : answers) {
            ObjectNode o = out.addObject();
            o.put("batch", a.batch()).put("count", a.count()).put("version", a.version());
            ArrayNode refused = o.putArray("refused");
            for (Refused r : a.refused()) {
                refused.addObject().put("index", r.index()).put("reason", r.reason());
            }
        }
        return out.toString();
    }

    /** The stored column; anything unreadable counts as no answers (a retry is then applied again). */
    static EditAnswers parse(String json) {
        if (json == null || json.isEmpty()) {
            return NONE;
        }
        final JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            return NONE;
        }
        var answers = new ArrayList<Answer>();
        for (JsonNode a : root) {
            var refused = new ArrayList<Refused>();
            for (JsonNode r : a.path("refused")) {
                refused.add(new Refused(r.path("index").asInt(), r.path("reason").asString()));
            }
            answers.add(new Answer(a.path("batch").asString(), a.path("count").asInt(), List.copyOf(refused), a.path("version").asLong()));
        }
        return new EditAnswers(List.copyOf(answers));
    }

    private static Code code(String reason) {
        String name = reason == null ? "" : reason.split(":", 2)[0];
        for (Code c : Code.values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return Code.INVALID_FIELD;
    }
}
