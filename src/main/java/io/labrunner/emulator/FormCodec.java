package io.labrunner.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes URL query strings and {@code application/x-www-form-urlencoded} bodies, the way the
 * query protocol (STS, IAM) sends {@code Action=...&Version=...}.
 */
public final class FormCodec {
    private FormCodec() {
    }

    /** Parses {@code a=1&b=2&a=3} into ordered, multi-valued fields; {@code null} or blank gives an empty map. */
    public static Map<String, List<String>> parse(String encoded) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        addTo(fields, encoded);
        return fields;
    }

    /** Adds the fields of {@code encoded} to {@code fields}, keeping earlier values first. */
    public static void addTo(Map<String, List<String>> fields, String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeForm(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeForm(pair.substring(eq + 1));
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    /** Decodes a form field, where {@code +} means a space. Malformed escapes are kept as sent. */
    public static String decodeForm(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /** Decodes a URL path, where {@code +} is a literal plus (unlike in forms). */
    public static String decodePath(String rawPath) {
        return rawPath == null ? "/" : decodeForm(rawPath.replace("+", "%2B"));
    }
}
