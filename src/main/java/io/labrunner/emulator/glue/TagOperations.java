package io.labrunner.emulator.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.TaggableResources.TaggedResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Glue's tagging operations (TagResource, UntagResource, GetTags) and the Tags member of CreateDatabase and
 * CreateCrawler, over {@link GlueTags}. A resource is named by its ARN: {@code arn:aws:glue:<region>:<account>:}
 * followed by {@code database/<name>}, {@code table/<database>/<name>} or {@code crawler/<name>}; an ARN naming
 * nothing the emulator holds is an EntityNotFoundException, as Glue answers it. The Data Catalog is one per
 * account here, so an ARN's region does not change which database or table it names.
 */
final class TagOperations {
    private final GlueCatalog catalog;
    /** A crawler's creation time by name, or null when there is no such crawler. */
    private final Function<String, Instant> crawlerCreated;
    private final java.util.function.Supplier<Map<String, Instant>> crawlers;
    private final GlueTags tags;

    TagOperations(GlueCatalog catalog, Function<String, Instant> crawlerCreated,
                  java.util.function.Supplier<Map<String, Instant>> crawlers, GlueTags tags) {
        this.catalog = catalog;
        this.crawlerCreated = crawlerCreated;
        this.crawlers = crawlers;
        this.tags = tags;
    }

    /** A resource found by its ARN: the key its tags are kept under and when it was created. */
    private record Resource(String key, Instant created) {
    }

    ObjectNode getTags(JsonNode body) {
        Resource resource = resolve(body.path("ResourceArn").asText());
        ObjectNode out = GlueJson.object();
        ObjectNode map = out.putObject("Tags");
        tags.of(resource.key(), resource.created()).forEach(map::put);
        return out;
    }

    ObjectNode tagResource(JsonNode body) {
        tag(body.path("ResourceArn").asText(), textMap(body.path("TagsToAdd")));
        return GlueJson.object();
    }

    ObjectNode untagResource(JsonNode body) {
        List<String> keys = new ArrayList<>();
        body.path("TagsToRemove").forEach(k -> keys.add(k.asText()));
        untag(body.path("ResourceArn").asText(), keys);
        return GlueJson.object();
    }

    /** Tags a database CreateDatabase has just made. */
    void taggedDatabase(JsonNode createRequest) {
        Database db = catalog.requireDatabase(createRequest.path("DatabaseInput").path("Name").asText());
        tagNew("database/" + db.name(), db.createTime(), createRequest.path("Tags"));
    }

    /** Tags a crawler CreateCrawler has just made. */
    void taggedCrawler(JsonNode createRequest) {
        String name = createRequest.path("Name").asText();
        tagNew("crawler/" + name, crawlerCreated.apply(name), createRequest.path("Tags"));
    }

    private void tagNew(String key, Instant created, JsonNode given) {
        if (created != null && given.isObject() && !given.isEmpty()) {
            tags.add(key, created, textMap(given));
        }
    }

    void tag(String arn, Map<String, String> add) {
        Resource resource = resolve(arn);
        tags.add(resource.key(), resource.created(), add);
    }

    void untag(String arn, Collection<String> keys) {
        Resource resource = resolve(arn);
        tags.remove(resource.key(), resource.created(), keys);
    }

    /** Every database, table and crawler with its ARN in {@code region} and its tags. */
    List<TaggedResource> all(String region) {
        String prefix = "arn:aws:glue:" + region + ":" + GlueCatalog.CATALOG_ID + ":";
        List<TaggedResource> out = new ArrayList<>();
        for (Database db : catalog.databases()) {
            String key = "database/" + db.name();
            out.add(new TaggedResource(prefix + key, tags.of(key, db.createTime())));
            for (Table table : catalog.tables(db.name())) {
                String tableKey = "table/" + db.name() + "/" + table.name();
                out.add(new TaggedResource(prefix + tableKey, tags.of(tableKey, table.createTime())));
            }
        }
        crawlers.get().forEach((name, created) -> out.add(new TaggedResource(prefix + "crawler/" + name,
                tags.of("crawler/" + name, created))));
        return out;
    }

    private Resource resolve(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || !parts[2].equals("glue")
                || !parts[4].equals(GlueCatalog.CATALOG_ID)) {
            throw unknown(arn);
        }
        String[] path = parts[5].split("/", -1);
        switch (path[0]) {
            case "database" -> {
                if (path.length == 2) {
                    Database db = catalog.requireDatabase(path[1]);
                    return new Resource("database/" + db.name(), db.createTime());
                }
            }
            case "table" -> {
                if (path.length == 3) {
                    Table table = catalog.requireTable(path[1], path[2]);
                    return new Resource("table/" + table.databaseName() + "/" + table.name(), table.createTime());
                }
            }
            case "crawler" -> {
                if (path.length == 2) {
                    Instant created = crawlerCreated.apply(path[1]);
                    if (created == null) {
                        throw GlueErrors.crawlerNotFound(path[1]);
                    }
                    return new Resource("crawler/" + path[1], created);
                }
            }
            default -> {
            }
        }
        throw unknown(arn);
    }

    private static io.labrunner.emulator.AwsException unknown(String arn) {
        return GlueErrors.notFound("Resource " + arn + " not found.");
    }

    private static Map<String, String> textMap(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
