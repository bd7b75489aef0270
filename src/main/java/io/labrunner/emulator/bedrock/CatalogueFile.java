package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.bedrock.FoundationModel.Dialect;
import io.labrunner.emulator.bedrock.FoundationModel.Lifecycle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code foundation-models.json}, the catalogue the emulator serves: models as ListFoundationModels
 * describes them, the geographies of their cross-Region inference profiles, and the ids that reached their end of life.
 */
final class CatalogueFile {
    static final String RESOURCE = "foundation-models.json";

    private CatalogueFile() {
    }

    /** The catalogue as shipped. */
    static FoundationModels load() {
        try (InputStream in = CatalogueFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return parse(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FoundationModels parse(JsonNode root) {
        List<FoundationModel> models = new ArrayList<>();
        for (JsonNode m : root.path("models")) {
            Dialect dialect = Dialect.valueOf(m.path("dialect").asText());
            models.add(new FoundationModel(
                    m.path("id").asText(), m.path("name").asText(), m.path("provider").asText(), dialect.kind(),
                    strings(m.path("input")), strings(m.path("output")), m.path("streaming").asBoolean(),
                    strings(m.path("customizations")), dialect, strings(m.path("inferenceTypes")),
                    new Lifecycle(m.path("status").asText(), date(m, "launched"), date(m, "legacy"), date(m, "endOfLife")),
                    m.path("maxOutputTokens").asInt(0), strings(m.path("profiles"))));
        }
        Map<String, Geography> geographies = new LinkedHashMap<>();
        root.path("geographies").fields().forEachRemaining(e -> geographies.put(e.getKey(),
                new Geography(e.getKey(), e.getValue().path("label").asText(), strings(e.getValue().path("regions")))));
        Set<String> endOfLife = new TreeSet<>(strings(root.path("endOfLife")));
        return new FoundationModels(models, geographies, endOfLife);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static LocalDate date(JsonNode node, String field) {
        return node.hasNonNull(field) ? LocalDate.parse(node.get(field).asText()) : null;
    }

    /**
     * Where a system-defined cross-Region inference profile routes requests.
     *
     * @param prefix  the profile id's prefix: {@code us}, {@code eu}, {@code apac}, {@code global}
     * @param label   how the profile's name starts, e.g. {@code US}
     * @param regions the regions it routes to; empty for the global profiles, which route to any commercial region
     */
    record Geography(String prefix, String label, List<String> regions) {
        Geography {
            regions = List.copyOf(regions);
        }

        /** Whether a caller in {@code region} may use this geography's profiles: global ones everywhere, the others at home. */
        boolean servesCallerIn(String region) {
            return regions.isEmpty() || regions.contains(region) || region.startsWith(homePrefix());
        }

        private String homePrefix() {
            return switch (prefix) {
                case "apac" -> "ap-";
                default -> prefix + "-";
            };
        }
    }
}
