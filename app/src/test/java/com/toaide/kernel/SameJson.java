package com.toaide.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** Compares JSON as values (key order and int/long/double spelling do not matter) and names the first difference. */
final class SameJson {
    private SameJson() {}

    static void assertSameJson(JsonNode actual, JsonNode expected) {
        String difference = firstDifference("$", actual, expected);
        assertThat(difference).as("first difference between actual and expected JSON").isNull();
    }

    static boolean same(JsonNode a, JsonNode b) {
        return firstDifference("$", a, b) == null;
    }

    static String firstDifference(String path, JsonNode actual, JsonNode expected) {
        if (actual == null || expected == null) {
            return actual == expected ? null : path + ": " + actual + " vs expected " + expected;
        }
        if (actual.isNumber() && expected.isNumber()) {
            return actual.decimalValue().compareTo(expected.decimalValue()) == 0
                    ? null : path + ": " + actual + " vs expected " + expected;
        }
        if (actual.isObject() && expected.isObject()) {
            TreeSet<String> keys = new TreeSet<>(actual.propertyNames());
            keys.addAll(expected.propertyNames());
            for (String key : keys) {
                String d = firstDifference(path + "." + key, actual.get(key), expected.get(key));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (actual.isArray() && expected.isArray()) {
            if (actual.size() != expected.size()) {
                return path + ": " + actual + " vs expected " + expected;
            }
            for (int i = 0; i < actual.size(); i++) {
                String d = firstDifference(path + "[" + i + "]", actual.get(i), expected.get(i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return actual.equals(expected) ? null : path + ": " + actual + " vs expected " + expected;
    }
}
