package io.labrunner.emulator.iam;

import io.labrunner.emulator.AwsRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a query-protocol request: the URL query merged with the form body, with helpers
 * for the {@code Name.member.N} lists the query protocol uses.
 */
final class FormParams {
    private final Map<String, String> values = new HashMap<>();

    FormParams(AwsRequest request) {
        request.query().forEach((k, v) -> {
            if (!v.isEmpty()) {
                values.put(k, v.get(0));
            }
        });
        String contentType = request.header("content-type").orElse("");
        if (request.body() != null && request.body().length > 0
                && (contentType.isEmpty() || contentType.startsWith("application/x-www-form-urlencoded"))) {
            for (String pair : request.bodyAsString().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.putIfAbsent(k, v);
            }
        }
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String require(String name, String memberName) {
        String v = values.get(name);
        if (v == null) {
            throw IamErrors.missing(memberName);
        }
        return v;
    }

    /** {@code Prefix.member.N.Key / .Value} pairs, in N order. */
    Map<String, String> keyValues(String prefix) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 1; values.containsKey(prefix + ".member." + i + ".Key"); i++) {
            map.put(values.get(prefix + ".member." + i + ".Key"),
                    values.getOrDefault(prefix + ".member." + i + ".Value", ""));
        }
        return map;
    }

    /** {@code Prefix.member.N} scalars, in N order. */
    List<String> members(String prefix) {
        List<String> list = new ArrayList<>();
        for (int i = 1; values.containsKey(prefix + ".member." + i); i++) {
            list.add(values.get(prefix + ".member." + i));
        }
        return list;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
