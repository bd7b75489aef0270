package io.labrunner.emulator.s3;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A request with some headers replaced, added or (mapped to null) removed: how S3 applies a bucket's default
 * encryption to a write.
 */
final class HeaderOverridingRequest extends HttpServletRequestWrapper {
    private final Map<String, String> overrides = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    HeaderOverridingRequest(HttpServletRequest request, Map<String, String> overrides) {
        super(request);
        this.overrides.putAll(overrides);
    }

    @Override
    public String getHeader(String name) {
        return overrides.containsKey(name) ? overrides.get(name) : super.getHeader(name);
    }

    @Override
    public long getDateHeader(String name) {
        if (overrides.containsKey(name) && overrides.get(name) == null) {
            return -1;
        }
        return super.getDateHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if (!overrides.containsKey(name)) {
            return super.getHeaders(name);
        }
        String value = overrides.get(name);
        return Collections.enumeration(value == null ? java.util.List.of() : java.util.List.of(value));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements(); ) {
            String name = e.nextElement();
            if (!overrides.containsKey(name)) {
                names.add(name);
            }
        }
        overrides.forEach((n, value) -> {
            if (value != null) {
                names.add(n.toLowerCase(Locale.ROOT));
            }
        });
        return Collections.enumeration(names);
    }
}
