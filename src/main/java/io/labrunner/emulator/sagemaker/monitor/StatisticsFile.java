package io.labrunner.emulator.sagemaker.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * statistics.json in the schema of AWS's "Schema for Statistics (statistics.json file)": dataset.item_count and
 * per feature numerical_statistics (with the KLL sketch and 10 buckets) or string_statistics (with the
 * categorical distribution). Also read back as a baseline to compare with.
 */
final class StatisticsFile {
    static final String NAME = "statistics.json";

    private StatisticsFile() {
    }

    static ObjectNode write(DatasetProfile profile) {
        ObjectNode root = Json.object();
        root.put("version", 0.0);
        root.putObject("dataset").put("item_count", profile.itemCount());
        ArrayNode features = root.putArray("features");
        for (FeatureProfile f : profile.features()) {
            ObjectNode feature = features.addObject();
            feature.put("name", f.name());
            feature.put("inferred_type", f.inferredType());
            if (f.isNumeric()) {
                ObjectNode stats = feature.putObject("numerical_statistics");
                common(stats, f);
                FeatureProfile.NumericSummary n = f.numbers();
                stats.put("mean", n.mean());
                stats.put("sum", n.sum());
                stats.put("std_dev", n.stdDev());
                stats.put("min", n.min());
                stats.put("max", n.max());
                ObjectNode kll = stats.putObject("distribution").putObject("kll");
                ArrayNode buckets = kll.putArray("buckets");
                n.buckets().forEach(b -> buckets.addObject().put("lower_bound", b.lowerBound())
                        .put("upper_bound", b.upperBound()).put("count", (double) b.count()));
                ObjectNode sketch = kll.putObject("sketch");
                sketch.putObject("parameters").put("c", KllSketch.C).put("k", (double) KllSketch.K);
                ArrayNode data = sketch.putArray("data");
                for (double[] level : n.sketch().data()) {
                    ArrayNode items = data.addArray();
                    for (double item : level) {
                        items.add(item);
                    }
                }
            } else {
                ObjectNode stats = feature.putObject("string_statistics");
                common(stats, f);
                stats.put("distinct_count", (double) f.distinct());
                ArrayNode buckets = stats.putObject("distribution").putObject("categorical").putArray("buckets");
                if (f.categories() != null) {
                    f.categories().forEach((value, count) -> buckets.addObject().put("value", value)
                            .put("count", count));
                }
            }
        }
        return root;
    }

    private static void common(ObjectNode stats, FeatureProfile f) {
        stats.putObject("common").put("num_present", f.present()).put("num_missing", f.missing());
    }

    /** A baseline's statistics.json, as far as the drift check needs it. */
    static Map<String, BaselineFeature> read(JsonNode root) {
        Map<String, BaselineFeature> out = new LinkedHashMap<>();
        for (JsonNode feature : root.path("features")) {
            KllSketch sketch = null;
            JsonNode data = feature.path("numerical_statistics").path("distribution").path("kll").path("sketch")
                    .path("data");
            if (data.isArray()) {
                List<double[]> levels = new ArrayList<>();
                for (JsonNode level : data) {
                    double[] items = new double[level.size()];
                    for (int i = 0; i < items.length; i++) {
                        items[i] = level.get(i).asDouble();
                    }
                    levels.add(items);
                }
                sketch = KllSketch.of(levels);
            }
            Map<String, Long> categories = null;
            JsonNode buckets = feature.path("string_statistics").path("distribution").path("categorical")
                    .path("buckets");
            if (buckets.isArray()) {
                categories = new LinkedHashMap<>();
                for (JsonNode bucket : buckets) {
                    categories.put(bucket.path("value").asText(), bucket.path("count").asLong());
                }
            }
            out.put(feature.path("name").asText(), new BaselineFeature(feature.path("inferred_type").asText(), sketch,
                    categories));
        }
        return out;
    }

    /** One feature of a baseline's statistics: its sketch when numeric, its category counts when a String. */
    record BaselineFeature(String inferredType, KllSketch sketch, Map<String, Long> categories) {
    }
}
