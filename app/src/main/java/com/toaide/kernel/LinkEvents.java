package com.toaide.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The relationship events: rel.set, rel.remove, rel.constrain. */
final class LinkEvents {
    private LinkEvents() {}

    static List<String> set(Snapshot s, Event.SetLink e) {
        EntityEvents.live(s, e.from());
        EntityEvents.live(s, e.to());
        String type = e.linkType();
        Cardinality fixed = Cardinality.named(s.relCardinalities.get(type));
        if (fixed == null && s.relCardinalities.size() >= Limits.MAX_LINK_TYPES) {
            throw new Rejection(Code.LIMIT_EXCEEDED, "an aide uses at most " + Limits.MAX_LINK_TYPES + " relationship types");
        }
        // The first use of a type fixes its cardinality; later values are ignored.
        Cardinality cardinality = fixed != null ? fixed : e.cardinality() != null ? e.cardinality() : Cardinality.MANY_TO_MANY;
        Relationship link = new Relationship(e.from(), e.to(), type, cardinality.json);

        Set<Relationship> dropped = new LinkedHashSet<>();
        if (cardinality == Cardinality.MANY_TO_ONE || cardinality == Cardinality.ONE_TO_ONE) {
            for (Relationship old : s.links.from(e.from())) {
                if (old.type().equals(type)) {
                    dropped.add(old);
                }
            }
        }
        if (cardinality == Cardinality.ONE_TO_ONE) {
            for (Relationship old : s.links.to(e.to())) {
                if (old.type().equals(type)) {
                    dropped.add(old);
                }
            }
        }
        boolean adds = dropped.contains(link) || !s.links.contains(link);
        if (adds && s.links.size() - dropped.size() + 1 > Limits.MAX_RELATIONSHIPS) {
            throw new Rejection(Code.LIMIT_EXCEEDED, "an aide holds at most " + Limits.MAX_RELATIONSHIPS + " relationships");
        }
        List<String> warnings = checkRules(s, type, new LinkView(s.links, dropped, link));

        s.sequence++;
        s.relCardinalities.putIfAbsent(type, cardinality.json);
        for (Relationship old : dropped) {
            s.links.remove(old);
        }
        s.links.add(link);
        return warnings;
    }

    static List<String> remove(Snapshot s, Event.RemoveLinks e) {
        Set<Relationship> matching = new LinkedHashSet<>(s.links.matching(e.from(), e.to(), e.linkType()));
        List<String> warnings = new ArrayList<>();
        Set<String> types = new LinkedHashSet<>();
        matching.forEach(link -> types.add(link.type()));
        LinkView after = new LinkView(s.links, matching, null);
        for (String type : types) {
            warnings.addAll(checkRules(s, type, after));
        }

        s.sequence++;
        for (Relationship link : matching) {
            s.links.remove(link);
        }
        return warnings;
    }

    static List<String> constrain(Snapshot s, Event.ConstrainLinks e) {
        LinkRule rule = e.rule();
        MetaEvents.checkConstraintCount(s, rule.id(), s.linkRules);
        List<String> warnings = new ArrayList<>();
        String broken = LinkRuleCheck.brokenBecause(rule, LinkView.current(s.links));
        if (broken != null) {
            report(rule, broken, warnings);
        }

        s.sequence++;
        s.linkRules.put(rule.id(), rule);
        return warnings;
    }

    /** Checks every rule watching {@code type} against the links as they would be. */
    private static List<String> checkRules(Snapshot s, String type, LinkView after) {
        if (s.linkRules.isEmpty()) {
            return List.of();
        }
        List<String> warnings = new ArrayList<>();
        for (LinkRule rule : s.linkRules.values()) {
            if (rule.watches(type)) {
                String broken = LinkRuleCheck.brokenBecause(rule, after);
                if (broken != null) {
                    report(rule, broken, warnings);
                }
            }
        }
        return warnings;
    }

    private static void report(LinkRule rule, String broken, List<String> warnings) {
        if (rule.strict()) {
            throw new Rejection(Code.STRICT_CONSTRAINT_VIOLATED, rule.describe(broken));
        }
        warnings.add(rule.describe(broken));
    }
}
