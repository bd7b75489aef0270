package io.labrunner.emulator.cloudwatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One metric: namespace, name and dimensions. CloudWatch treats each combination of dimensions as its own
 * metric, whatever order the caller listed them in, so the dimensions are kept sorted by name.
 */
record MetricId(String namespace, String name, Map<String, String> dimensions) {
    MetricId {
        dimensions = java.util.Collections.unmodifiableMap(new TreeMap<>(dimensions));
    }

    /** A key for the state store: parts joined by a control character no name holds. */
    String key() {
        StringBuilder key = new StringBuilder(namespace).append('\u001f').append(name);
        dimensions.forEach((n, v) -> key.append('\u001f').append(n).append('=').append(v));
        return key.toString();
    }

    /** The dimensions as the API lists them: {@code [{Name, Value}]}. */
    List<Map<String, String>> dimensionList() {
        List<Map<String, String>> out = new ArrayList<>();
        dimensions.forEach((n, v) -> {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("Name", n);
            d.put("Value", v);
            out.add(d);
        });
        return out;
    }

    /** The metric as the API's {@code Metric} structure. */
    Map<String, Object> toMetric() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Namespace", namespace);
        m.put("MetricName", name);
        m.put("Dimensions", dimensionList());
        return m;
    }
}
