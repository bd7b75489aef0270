package io.labrunner.emulator.s3;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request without its {@code versionId} parameter: the version {@code null} of a bucket never versioned. */
final class WithoutVersionId extends HttpServletRequestWrapper {
    private static final String VERSION_ID = "versionId";
    private final Map<String, String[]> parameters;

    WithoutVersionId(HttpServletRequest request) {
        super(request);
        parameters = new LinkedHashMap<>(request.getParameterMap());
        parameters.remove(VERSION_ID);
    }

    @Override
    public String getParameter(String name) {
        return VERSION_ID.equals(name) ? null : super.getParameter(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return Collections.unmodifiableMap(parameters);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        return VERSION_ID.equals(name) ? null : super.getParameterValues(name);
    }
}
