package io.labrunner.emulator.iam;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.FormCodec;
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

    /**
     * An integer parameter within the model's range, or empty when absent.
     *
     * @throws io.labrunner.emulator.AwsException InvalidParameterValue when it is not an integer,
     *         ValidationError when it is outside {@code [min, max]}
     */
    Optional<Integer> integer(String name, String memberName, int min, int max) {
        String text = values.get(name);
        if (text == null) {
            return Optional.empty();
        }
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw IamErrors.invalidParameterValue("Value '" + text + "' for parameter " + name
                    + " is not a valid integer.");
        }
        if (value < min) {
            throw IamErrors.validation(IamErrors.constraint(text, memberName,
                    "Member must have value greater than or equal to " + min));
        }
        if (value > max) {
            throw IamErrors.validation(IamErrors.constraint(text, memberName,
                    "Member must have value less than or equal to " + max));
        }
        return Optional.of((int) value);
    }

    /** Lenient like the front door: a malformed escape is kept as sent rather than failing the request. */
    private static String decode(String s) {
        return FormCodec.decodeForm(s);
    }
}
