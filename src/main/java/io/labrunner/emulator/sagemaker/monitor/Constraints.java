package io.labrunner.emulator.sagemaker.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * constraints.json in the schema of AWS's "Schema for Constraints (constraints.json file)": suggested from a
 * baseline's profile, and read back to evaluate captured data against.
 *
 * @param features in column order
 */
record Constraints(List<FeatureConstraint> features, MonitoringConfig config) {
    static final String NAME = "constraints.json";
    /**
     * A String feature gets a domain when it has at most this many distinct values: Deequ's suggestion rule for
     * categorical ranges works on its low-cardinality histogram, kept up to 120 distinct values.
     */
    static final int MAX_DOMAIN = 120;

    /**
     * @param completeness the fraction of present values the baseline saw
     * @param nonNegative  for numeric features, whether the baseline's minimum was 0 or more; else null
     * @param domains      for low-cardinality String features, the values the baseline saw; else null
     */
    record FeatureConstraint(String name, String inferredType, double completeness, Boolean nonNegative,
            List<String> domains) {
    }

    /** monitoring_config, with the defaults the analyzer suggests. */
    record MonitoringConfig(boolean evaluate, boolean emitMetrics, double datatypeThreshold, double domainThreshold,
            boolean compare, double comparisonThreshold, String comparisonMethod, double categoricalThreshold) {
        static final MonitoringConfig DEFAULT = new MonitoringConfig(true, true, 1.0, 1.0, true, 0.1, "Robust", 0.1);
    }

    static Constraints suggest(DatasetProfile profile) {
        List<FeatureConstraint> features = new ArrayList<>();
        for (FeatureProfile f : profile.features()) {
            double completeness = profile.itemCount() == 0 ? 0 : (double) f.present() / profile.itemCount();
            Boolean nonNegative = f.isNumeric() ? f.numbers().min() >= 0 : null;
            List<String> domains = f.categories() != null && f.distinct() <= MAX_DOMAIN
                    ? List.copyOf(f.categories().keySet()) : null;
            features.add(new FeatureConstraint(f.name(), f.inferredType(), completeness, nonNegative, domains));
        }
        return new Constraints(features, MonitoringConfig.DEFAULT);
    }

    ObjectNode toJson() {
        ObjectNode root = Json.object();
        root.put("version", 0.0);
        ArrayNode list = root.putArray("features");
        for (FeatureConstraint f : features) {
            ObjectNode feature = list.addObject();
            feature.put("name", f.name());
            feature.put("inferred_type", f.inferredType());
            feature.put("completeness", f.completeness());
            if (f.nonNegative() != null) {
                feature.putObject("num_constraints").put("is_non_negative", f.nonNegative());
            }
            if (f.domains() != null) {
                ArrayNode domains = feature.putObject("string_constraints").putArray("domains");
                f.domains().forEach(domains::add);
            }
        }
        ObjectNode config = root.putObject("monitoring_config");
        config.put("evaluate_constraints", enabled(this.config.evaluate()));
        config.put("emit_metrics", enabled(this.config.emitMetrics()));
        config.put("datatype_check_threshold", this.config.datatypeThreshold());
        config.put("domain_content_threshold", this.config.domainThreshold());
        ObjectNode distribution = config.putObject("distribution_constraints");
        distribution.put("perform_comparison", enabled(this.config.compare()));
        distribution.put("comparison_threshold", this.config.comparisonThreshold());
        distribution.put("comparison_method", this.config.comparisonMethod());
        distribution.put("categorical_comparison_threshold", this.config.categoricalThreshold());
        distribution.put("categorical_drift_method", "LInfinity");
        return root;
    }

    /** A constraints.json as a learner may have edited it; members left out take the analyzer's defaults. */
    static Constraints read(JsonNode root) {
        List<FeatureConstraint> features = new ArrayList<>();
        for (JsonNode f : root.path("features")) {
            List<String> domains = null;
            JsonNode list = f.path("string_constraints").path("domains");
            if (list.isArray()) {
                domains = new ArrayList<>();
                for (JsonNode value : list) {
                    domains.add(value.asText());
                }
            }
            JsonNode nonNegative = f.path("num_constraints").path("is_non_negative");
            features.add(new FeatureConstraint(f.path("name").asText(), f.path("inferred_type").asText("Unknown"),
                    f.path("completeness").asDouble(0), nonNegative.isBoolean() ? nonNegative.asBoolean() : null,
                    domains));
        }
        JsonNode c = root.path("monitoring_config");
        JsonNode d = c.path("distribution_constraints");
        MonitoringConfig defaults = MonitoringConfig.DEFAULT;
        double threshold = d.path("comparison_threshold").asDouble(defaults.comparisonThreshold());
        MonitoringConfig config = new MonitoringConfig(
                !"Disabled".equals(c.path("evaluate_constraints").asText("Enabled")),
                !"Disabled".equals(c.path("emit_metrics").asText("Enabled")),
                c.path("datatype_check_threshold").asDouble(defaults.datatypeThreshold()),
                c.path("domain_content_threshold").asDouble(defaults.domainThreshold()),
                !"Disabled".equals(d.path("perform_comparison").asText("Enabled")),
                threshold,
                d.path("comparison_method").asText(defaults.comparisonMethod()),
                d.path("categorical_comparison_threshold").asDouble(threshold));
        return new Constraints(features, config);
    }

    private static String enabled(boolean on) {
        return on ? "Enabled" : "Disabled";
    }
}
