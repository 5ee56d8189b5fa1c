package com.toaide.kernel;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the {@code rel.constrain} rules mean (documented in docs/kernel.md). Links counted
 * are those of the rule's {@code rel_type}, or of every type when it has none.
 * <ul>
 *   <li>{@code exclude_pair} [a, b]: a and b must not be linked to each other nor to a common
 *       target (two guests kept apart: not at the same table).
 *   <li>{@code require_pair} [a, b]: once both are linked somewhere, they must share a target
 *       or be linked to each other.
 *   <li>{@code max_links} / {@code min_links}: each listed entity (every linked entity when
 *       none are listed, for max) has at most / at least {@code value} links, counting both ends.
 * </ul>
 */
final class LinkRuleCheck {
    private LinkRuleCheck() {}

    /** Why the rule is broken in {@code view}, or null when it holds. */
    static String brokenBecause(LinkRule rule, LinkView view) {
        String type = rule.relType();
        if (!enforceable(rule)) {
            return null;
        }
        switch (rule.rule()) {
            case LinkRule.EXCLUDE_PAIR: {
                String a = rule.entities().get(0);
                String b = rule.entities().get(1);
                Set<String> ta = view.targets(a, type);
                Set<String> tb = view.targets(b, type);
                if (ta.contains(b) || tb.contains(a) || !Collections.disjoint(ta, tb)) {
                    return a + " and " + b + " must be kept apart";
                }
                return null;
            }
            case LinkRule.REQUIRE_PAIR: {
                String a = rule.entities().get(0);
                String b = rule.entities().get(1);
                Set<String> ta = view.targets(a, type);
                Set<String> tb = view.targets(b, type);
                boolean together = ta.contains(b) || tb.contains(a) || !Collections.disjoint(ta, tb);
                if (!ta.isEmpty() && !tb.isEmpty() && !together) {
                    return a + " and " + b + " must be together";
                }
                return null;
            }
            case LinkRule.MAX_LINKS: {
                long max = rule.value().asLong();
                for (String id : subjects(rule, view)) {
                    if (view.degree(id, type) > max) {
                        return id + " has more than " + max + " links";
                    }
                }
                return null;
            }
            case LinkRule.MIN_LINKS: {
                long min = rule.value().asLong();
                for (String id : rule.entities()) {
                    if (view.degree(id, type) < min) {
                        return id + " has fewer than " + min + " links";
                    }
                }
                return null;
            }
            default:
                return null;
        }
    }

    /** Rules read from an odd stored snapshot may lack their entities or value: nothing to enforce. */
    private static boolean enforceable(LinkRule rule) {
        if (rule.rule() == null) {
            return false;
        }
        if (rule.rule().equals(LinkRule.EXCLUDE_PAIR) || rule.rule().equals(LinkRule.REQUIRE_PAIR)) {
            return rule.entities().size() >= 2;
        }
        return rule.value() != null && rule.value().isNumber();
    }

    private static Set<String> subjects(LinkRule rule, LinkView view) {
        if (!rule.entities().isEmpty()) {
            return new LinkedHashSet<>(rule.entities());
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Relationship link : view.all()) {
            if (rule.relType() == null || rule.relType().equals(link.type())) {
                ids.add(link.from());
                ids.add(link.to());
            }
        }
        return ids;
    }
}
