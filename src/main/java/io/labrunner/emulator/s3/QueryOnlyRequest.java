package io.labrunner.emulator.s3;

import io.labrunner.emulator.FormCodec;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves request parameters from the URL query only. S3 never sends parameters in the body, and
 * letting the servlet container parse a form-typed PUT body as parameters would consume the
 * object's bytes before S3Proxy streams them.
 */
final class QueryOnlyRequest extends HttpServletRequestWrapper {
    private final Map<String, String[]> parameters = new LinkedHashMap<>();

    QueryOnlyRequest(HttpServletRequest request) {
        super(request);
        for (Map.Entry<String, List<String>> field : FormCodec.parse(request.getQueryString()).entrySet()) {
            parameters.put(field.getKey(), field.getValue().toArray(new String[0]));
        }
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
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
        String[] values = parameters.get(name);
        return values == null ? null : values.clone();
    }
}
