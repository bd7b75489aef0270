package io.labrunner.emulator.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One crawler: its definition (as the API gave it) and its run state. Guarded by its own monitor. */
final class Crawler {
    /** One S3 include path with its exclusion globs. */
    record S3Target(String path, List<String> exclusions) {
    }

    /** What the last finished crawl reported. */
    record LastCrawl(String status, String errorMessage, String messagePrefix, Instant startTime) {
    }

    final String name;
    final Instant creationTime;
    String role;
    String databaseName;
    String description;
    String tablePrefix;
    List<S3Target> targets;
    JsonNode schemaChangePolicy;
    JsonNode recrawlPolicy;
    String configuration;
    Instant lastUpdated;
    int version = 1;

    String state = "READY";
    Instant runStart;
    volatile boolean cancelRequested;
    LastCrawl lastCrawl;
    int tablesCreated;
    int tablesUpdated;
    int tablesDeleted;
    double lastRuntimeSeconds;
    final List<Double> runtimes = new ArrayList<>();

    Crawler(String name, Instant creationTime) {
        this.name = name;
        this.creationTime = creationTime;
    }

    /** A crawler as the state store keeps it: its definition, run state and metrics. */
    record Stored(String name, Instant creationTime, String role, String databaseName, String description,
                  String tablePrefix, List<S3Target> targets, JsonNode schemaChangePolicy, JsonNode recrawlPolicy,
                  String configuration, Instant lastUpdated, int version, String state, Instant runStart,
                  boolean cancelRequested, LastCrawl lastCrawl, int tablesCreated, int tablesUpdated,
                  int tablesDeleted, double lastRuntimeSeconds, List<Double> runtimes) {
    }

    synchronized Stored stored() {
        return new Stored(name, creationTime, role, databaseName, description, tablePrefix, targets,
                schemaChangePolicy, recrawlPolicy, configuration, lastUpdated, version, state, runStart,
                cancelRequested, lastCrawl, tablesCreated, tablesUpdated, tablesDeleted, lastRuntimeSeconds,
                List.copyOf(runtimes));
    }

    /**
     * A crawler loaded from the state store. One that was crawling when the emulator stopped cannot
     * resume its crawl: it comes back READY, its last crawl CANCELLED if a stop had been asked for and
     * FAILED otherwise, so a client polling for READY is not left waiting.
     */
    static Crawler restored(Stored s) {
        Crawler c = new Crawler(s.name(), s.creationTime());
        c.role = s.role();
        c.databaseName = s.databaseName();
        c.description = s.description();
        c.tablePrefix = s.tablePrefix();
        c.targets = s.targets() == null ? List.of() : List.copyOf(s.targets());
        c.schemaChangePolicy = s.schemaChangePolicy();
        c.recrawlPolicy = s.recrawlPolicy();
        c.configuration = s.configuration();
        c.lastUpdated = s.lastUpdated();
        c.version = s.version();
        c.lastCrawl = s.lastCrawl();
        c.tablesCreated = s.tablesCreated();
        c.tablesUpdated = s.tablesUpdated();
        c.tablesDeleted = s.tablesDeleted();
        c.lastRuntimeSeconds = s.lastRuntimeSeconds();
        if (s.runtimes() != null) {
            c.runtimes.addAll(s.runtimes());
        }
        if (!"READY".equals(s.state())) {
            c.lastCrawl = s.cancelRequested()
                    ? new LastCrawl("CANCELLED", null, java.util.UUID.randomUUID().toString(), s.runStart())
                    : new LastCrawl("FAILED", "Internal Service Exception: the crawl was interrupted when the "
                            + "emulator stopped", java.util.UUID.randomUUID().toString(), s.runStart());
        }
        return c;
    }

    /** Whether the crawler should rewrite the schema of tables that already exist. */
    boolean updatesTables() {
        return !"LOG".equals(schemaChangePolicy.path("UpdateBehavior").asText("UPDATE_IN_DATABASE"));
    }

    /** Whether the crawler's Configuration asks for one table per include path (CombineCompatibleSchemas). */
    boolean combinesCompatibleSchemas() {
        if (configuration == null) {
            return false;
        }
        JsonNode config = GlueJson.parse(configuration.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "CombineCompatibleSchemas".equals(config.path("Grouping").path("TableGroupingPolicy").asText());
    }

    synchronized ObjectNode toJson() {
        ObjectNode c = GlueJson.object();
        c.put("Name", name);
        c.put("Role", role);
        ObjectNode t = c.putObject("Targets");
        var s3 = t.putArray("S3Targets");
        for (S3Target target : targets) {
            ObjectNode o = s3.addObject().put("Path", target.path());
            var ex = o.putArray("Exclusions");
            target.exclusions().forEach(ex::add);
        }
        for (String kind : List.of("JdbcTargets", "MongoDBTargets", "DynamoDBTargets", "CatalogTargets",
                "DeltaTargets", "IcebergTargets", "HudiTargets")) {
            t.putArray(kind);
        }
        c.put("DatabaseName", databaseName);
        if (description != null) {
            c.put("Description", description);
        }
        c.putArray("Classifiers");
        c.set("RecrawlPolicy", recrawlPolicy);
        c.set("SchemaChangePolicy", schemaChangePolicy);
        c.putObject("LineageConfiguration").put("CrawlerLineageSettings", "DISABLE");
        c.put("State", state);
        if (tablePrefix != null) {
            c.put("TablePrefix", tablePrefix);
        }
        if (runStart != null && !state.equals("READY")) {
            c.put("CrawlElapsedTime", Duration.between(runStart, Instant.now()).toMillis());
        } else {
            c.put("CrawlElapsedTime", 0);
        }
        c.set("CreationTime", GlueJson.tree(creationTime));
        c.set("LastUpdated", GlueJson.tree(lastUpdated));
        if (lastCrawl != null) {
            ObjectNode l = c.putObject("LastCrawl").put("Status", lastCrawl.status());
            if (lastCrawl.errorMessage() != null) {
                l.put("ErrorMessage", lastCrawl.errorMessage());
            }
            l.put("LogGroup", "/aws-glue/crawlers").put("LogStream", name)
                    .put("MessagePrefix", lastCrawl.messagePrefix());
            l.set("StartTime", GlueJson.tree(lastCrawl.startTime()));
        }
        c.put("Version", version);
        if (configuration != null) {
            c.put("Configuration", configuration);
        }
        c.putObject("LakeFormationConfiguration").put("UseLakeFormationCredentials", false).put("AccountId", "");
        return c;
    }

    synchronized ObjectNode metricsJson() {
        ObjectNode m = GlueJson.object().put("CrawlerName", name);
        double elapsed = state.equals("READY") || runStart == null ? 0
                : Duration.between(runStart, Instant.now()).toMillis() / 1000.0;
        double median = median();
        m.put("TimeLeftSeconds", state.equals("RUNNING") ? Math.max(0, median - elapsed) : 0);
        m.put("StillEstimating", state.equals("RUNNING") && runtimes.isEmpty());
        m.put("LastRuntimeSeconds", lastRuntimeSeconds);
        m.put("MedianRuntimeSeconds", median);
        m.put("TablesCreated", tablesCreated);
        m.put("TablesUpdated", tablesUpdated);
        m.put("TablesDeleted", tablesDeleted);
        return m;
    }

    private double median() {
        if (runtimes.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(runtimes);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
