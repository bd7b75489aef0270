package io.labrunner.emulator.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.tagging.TaggedIndex.Tagged;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * GetResources, GetTagKeys and GetTagValues over the tagged resources of every service. The last page carries an
 * empty PaginationToken, as AWS answers.
 */
final class ReadOperations {
    /** GetResources' page when ResourcesPerPage is not given. */
    static final int DEFAULT_RESOURCES_PER_PAGE = 50;

    private final TaggedIndex index;
    private final int valuesPerPage;

    /** @param valuesPerPage how many keys GetTagKeys, and values GetTagValues, answer per page */
    ReadOperations(TaggedIndex index, int valuesPerPage) {
        this.index = index;
        this.valuesPerPage = valuesPerPage;
    }

    Map<String, Object> getResources(ObjectNode in, String region) {
        boolean byArn = in.has("ResourceARNList");
        if (byArn && (in.has("TagFilters") || in.has("ResourceTypeFilters"))) {
            throw TaggingErrors.invalidParameter("ResourceARNList cannot be combined with TagFilters or"
                    + " ResourceTypeFilters.");
        }
        if (byArn && (in.has("ResourcesPerPage") || in.has("TagsPerPage") || in.has("PaginationToken"))) {
            throw TaggingErrors.invalidParameter("ResourceARNList cannot be combined with ResourcesPerPage,"
                    + " TagsPerPage or PaginationToken.");
        }
        int resourcesPerPage = in.path("ResourcesPerPage").asInt(DEFAULT_RESOURCES_PER_PAGE);
        if (resourcesPerPage < 1 || resourcesPerPage > 100) {
            throw TaggingErrors.invalidParameter("ResourcesPerPage must be between 1 and 100; it was "
                    + resourcesPerPage + ".");
        }
        Integer tagsPerPage = in.has("TagsPerPage") ? in.get("TagsPerPage").asInt() : null;
        if (tagsPerPage != null && (tagsPerPage < 100 || tagsPerPage > 500)) {
            throw TaggingErrors.invalidParameter("TagsPerPage must be between 100 and 500; it was " + tagsPerPage
                    + ".");
        }
        if (in.path("ExcludeCompliantResources").asBoolean(false)
                && !in.path("IncludeComplianceDetails").asBoolean(false)) {
            throw TaggingErrors.invalidParameter("ExcludeCompliantResources can be true only when"
                    + " IncludeComplianceDetails is true.");
        }
        TreeMap<String, Tagged> visible = index.visibleFrom(region);
        if (byArn) {
            List<Map<String, Object>> listed = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            in.get("ResourceARNList").forEach(arn -> {
                Tagged tagged = visible.get(arn.asText());
                if (tagged != null && seen.add(arn.asText())) {
                    listed.add(mapping(tagged));
                }
            });
            return Map.of("ResourceTagMappingList", listed, "PaginationToken", "");
        }
        List<TagFilter> tagFilters = tagFilters(in.path("TagFilters"));
        List<String> typeFilters = new ArrayList<>();
        in.path("ResourceTypeFilters").forEach(type -> typeFilters.add(type.asText()));
        String after = PageToken.lastItem(in.path("PaginationToken").asText(null));
        NavigableMap<String, Tagged> rest = after == null ? visible : visible.tailMap(after, false);
        List<Map<String, Object>> page = new ArrayList<>();
        int tags = 0;
        String last = null;
        boolean more = false;
        for (Tagged tagged : rest.values()) {
            if (!typeFilters.isEmpty() && typeFilters.stream().noneMatch(tagged.arn()::ofType)
                    || !tagFilters.stream().allMatch(f -> f.matches(tagged.tags()))) {
                continue;
            }
            // A resource without tags counts as one (TagsPerPage's documentation); a page never splits a resource.
            int weight = Math.max(1, tagged.tags().size());
            if (page.size() == resourcesPerPage || tagsPerPage != null && tags + weight > tagsPerPage) {
                more = true;
                break;
            }
            page.add(mapping(tagged));
            tags += weight;
            last = tagged.arn().arn();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("PaginationToken", more ? PageToken.after(last) : "");
        out.put("ResourceTagMappingList", page);
        return out;
    }

    Map<String, Object> getTagKeys(ObjectNode in, String region) {
        NavigableSet<String> keys = new TreeSet<>();
        index.visibleFrom(region).values().forEach(tagged -> keys.addAll(tagged.tags().keySet()));
        return page(keys, in, "TagKeys");
    }

    Map<String, Object> getTagValues(ObjectNode in, String region) {
        String key = in.path("Key").asText();
        NavigableSet<String> values = new TreeSet<>();
        index.visibleFrom(region).values().forEach(tagged -> {
            String value = tagged.tags().get(key);
            if (value != null) {
                values.add(value);
            }
        });
        return page(values, in, "TagValues");
    }

    private Map<String, Object> page(NavigableSet<String> all, ObjectNode in, String member) {
        String after = PageToken.lastItem(in.path("PaginationToken").asText(null));
        List<String> page = new ArrayList<>();
        boolean more = false;
        for (String item : after == null ? all : all.tailSet(after, false)) {
            if (page.size() == valuesPerPage) {
                more = true;
                break;
            }
            page.add(item);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("PaginationToken", more ? PageToken.after(page.get(page.size() - 1)) : "");
        out.put(member, page);
        return out;
    }

    private static Map<String, Object> mapping(Tagged tagged) {
        List<Map<String, String>> tags = new ArrayList<>();
        tagged.tags().forEach((k, v) -> tags.add(Map.of("Key", k, "Value", v)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ResourceARN", tagged.arn().arn());
        out.put("Tags", tags);
        return out;
    }

    private static List<TagFilter> tagFilters(JsonNode list) {
        List<TagFilter> out = new ArrayList<>();
        for (JsonNode filter : list) {
            if (!filter.hasNonNull("Key")) {
                throw TaggingErrors.invalidParameter("Each TagFilter must contain a Key.");
            }
            Set<String> values = new HashSet<>();
            filter.path("Values").forEach(v -> values.add(v.asText()));
            out.add(new TagFilter(filter.get("Key").asText(), values));
        }
        return out;
    }

    /** A key, and the values any of which it must have; no values: the key with any value. */
    private record TagFilter(String key, Set<String> values) {
        boolean matches(Map<String, String> tags) {
            String value = tags.get(key);
            return value != null && (values.isEmpty() || values.contains(value));
        }
    }
}
