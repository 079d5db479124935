// SPDX-License-Identifier: Apache-2.0
package com.selfcare.abitest;

import com.selfcare.sdk.Json;
import java.util.List;
import java.util.Map;

/** Reading the SDK's JSON answers by dotted path ("items.0.id"), with the SDK's own Json reader. */
final class Answers {
    private Answers() {}

    /** The value at {@code path} in the parsed document, or null when absent. */
    static Object at(Object root, String path) {
        Object node = root;
        for (String part : path.split("\\.")) {
            if (node instanceof Map) {
                node = ((Map<?, ?>) node).get(part);
            } else if (node instanceof List) {
                List<?> list = (List<?>) node;
                int i = Integer.parseInt(part);
                node = i < list.size() ? list.get(i) : null;
            } else {
                return null;
            }
        }
        return node;
    }

    /** Parses {@code json} and returns the value at {@code path}. */
    static Object at(String json, String path) {
        return at(Json.parse(json), path);
    }

    /** The string at {@code path}, or "" when absent or not a string. */
    static String text(Object root, String path) {
        Object v = at(root, path);
        return v instanceof String ? (String) v : "";
    }

    static String text(String json, String path) {
        return text(Json.parse(json), path);
    }

    /** The size of the array at {@code path}, or -1 when it is not an array. */
    static int size(Object root, String path) {
        Object v = at(root, path);
        return v instanceof List ? ((List<?>) v).size() : -1;
    }

    /** A JSON object from alternating names and values (strings are quoted, numbers kept). */
    static String object(Object... namesAndValues) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (i > 0) out.append(',');
            out.append(Json.quote((String) namesAndValues[i])).append(':');
            Object v = namesAndValues[i + 1];
            out.append(v instanceof String ? Json.quote((String) v) : String.valueOf(v));
        }
        return out.append('}').toString();
    }
}
