package io.labrunner.emulator.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.DaemonThreads;
import io.labrunner.emulator.iam.IamDirectory;
import io.labrunner.emulator.iam.access.ServiceAccess;
import io.labrunner.emulator.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The crawler operations of the Glue API. A started crawler goes RUNNING → STOPPING → READY on a
 * background thread; the crawl itself reads the blob root folder (bucket = folder) through DuckDB.
 */
final class CrawlerOperations implements AutoCloseable {
    private final CrawlerStore crawlers;
    private final GlueCatalog catalog;
    private final Path blobRoot;
    private final IamDirectory iam;
    private final ServiceAccess access;
    private final CrawlerTimings timings;
    private final ExecutorService workers = Executors.newCachedThreadPool(DaemonThreads.named("glue-crawler"));

    CrawlerOperations(GlueCatalog catalog, Path blobRoot, IamDirectory iam, ServiceAccess access,
                      CrawlerTimings timings, StateStore state) {
        this.catalog = catalog;
        this.blobRoot = blobRoot;
        this.iam = iam;
        this.access = access;
        this.timings = timings;
        this.crawlers = new CrawlerStore(state);
    }

    synchronized ObjectNode createCrawler(JsonNode body) {
        String name = body.path("Name").asText();
        if (crawlers.contains(name)) {
            throw GlueErrors.alreadyExists(IamDirectory.ACCOUNT_ID + ":" + name + " already exists");
        }
        Crawler crawler = new Crawler(name, Instant.now());
        apply(crawler, body, true);
        crawlers.add(crawler);
        return GlueJson.object();
    }

    synchronized ObjectNode updateCrawler(JsonNode body) {
        Crawler crawler = require(body.path("Name").asText());
        synchronized (crawler) {
            if (!crawler.state.equals("READY")) {
                throw new AwsException("CrawlerRunningException", "Crawler with name " + crawler.name
                        + " has already started", 400);
            }
            apply(crawler, body, false);
            crawler.version++;
            crawlers.save(crawler);
        }
        return GlueJson.object();
    }

    /** Validates and copies the definition fields; Glue checks the role and buckets up front. */
    private void apply(Crawler crawler, JsonNode body, boolean creating) {
        String role = creating ? body.path("Role").asText() : body.path("Role").asText(crawler.role);
        JsonNode targetsNode = body.get("Targets");
        List<Crawler.S3Target> targets = crawler.targets;
        if (targetsNode != null || creating) {
            targets = new ArrayList<>();
            for (JsonNode t : targetsNode == null ? GlueJson.object() : targetsNode.path("S3Targets")) {
                List<String> exclusions = new ArrayList<>();
                t.path("Exclusions").forEach(e -> exclusions.add(e.asText()));
                String path = t.path("Path").asText();
                S3Location location = S3Location.parse(path);
                if (new BlobFolders(blobRoot).bucket(location.bucket()).isEmpty()) {
                    // https://github.com/hashicorp/terraform-provider-aws/pull/30370 shows Glue's wording.
                    throw GlueErrors.invalidInput("S3 bucket " + location.bucket() + " does not exist.");
                }
                targets.add(new Crawler.S3Target(path, exclusions));
            }
            if (targets.isEmpty()) {
                throw GlueErrors.invalidInput("Crawler must have at least one target. The embedded emulator "
                        + "crawls S3 targets only.");
            }
        }
        // CreateCrawler fails with this message for a missing role as for an untrusting one
        // (hashicorp/terraform-provider-aws#30371; apache/airflow#13072 notes the missing-role case).
        if (!iam.trustsService(role, "glue.amazonaws.com")) {
            throw GlueErrors.invalidInput(CrawlRun.ROLE_ERROR);
        }
        crawler.role = role;
        crawler.targets = List.copyOf(targets);
        if (creating || body.has("DatabaseName")) {
            crawler.databaseName = GlueCatalog.canonical(body.path("DatabaseName").asText(null));
        }
        if (creating || body.has("Description")) {
            crawler.description = body.path("Description").asText(null);
        }
        if (creating || body.has("TablePrefix")) {
            crawler.tablePrefix = body.path("TablePrefix").asText(null);
        }
        if (creating || body.has("Configuration")) {
            String configuration = body.path("Configuration").asText(null);
            if (configuration != null) {
                try {
                    GlueJson.MAPPER.readTree(configuration);
                } catch (java.io.IOException e) {
                    throw GlueErrors.invalidInput("Crawler configuration not valid: it must be JSON.");
                }
            }
            crawler.configuration = configuration;
        }
        if (creating || body.has("SchemaChangePolicy")) {
            ObjectNode policy = GlueJson.object()
                    .put("UpdateBehavior", body.path("SchemaChangePolicy").path("UpdateBehavior").asText("UPDATE_IN_DATABASE"))
                    .put("DeleteBehavior", body.path("SchemaChangePolicy").path("DeleteBehavior").asText("DEPRECATE_IN_DATABASE"));
            crawler.schemaChangePolicy = policy;
        }
        if (creating || body.has("RecrawlPolicy")) {
            crawler.recrawlPolicy = GlueJson.object().put("RecrawlBehavior",
                    body.path("RecrawlPolicy").path("RecrawlBehavior").asText("CRAWL_EVERYTHING"));
        }
        // Optional in the model, but a crawler needs somewhere to write its tables.
        if (crawler.databaseName == null) {
            throw GlueErrors.invalidInput("DatabaseName is required.");
        }
        crawler.lastUpdated = Instant.now();
    }

    ObjectNode getCrawler(JsonNode body) {
        ObjectNode out = GlueJson.object();
        out.set("Crawler", require(body.path("Name").asText()).toJson());
        return out;
    }

    ObjectNode getCrawlers(JsonNode body) {
        ObjectNode out = GlueJson.object();
        List<ObjectNode> all = snapshot().stream().map(Crawler::toJson).toList();
        Paging.page(body, all, out, "Crawlers", 100);
        return out;
    }

    ObjectNode listCrawlers(JsonNode body) {
        ObjectNode out = GlueJson.object();
        List<String> names = snapshot().stream().map(c -> c.name).toList();
        Paging.page(body, names, out, "CrawlerNames", 100);
        return out;
    }

    ObjectNode getCrawlerMetrics(JsonNode body) {
        List<String> wanted = new ArrayList<>();
        body.path("CrawlerNameList").forEach(n -> wanted.add(n.asText()));
        List<ObjectNode> metrics = snapshot().stream()
                .filter(c -> wanted.isEmpty() || wanted.contains(c.name)).map(Crawler::metricsJson).toList();
        ObjectNode out = GlueJson.object();
        Paging.page(body, metrics, out, "CrawlerMetricsList", 100);
        return out;
    }

    synchronized ObjectNode deleteCrawler(JsonNode body) {
        Crawler crawler = require(body.path("Name").asText());
        synchronized (crawler) {
            if (!crawler.state.equals("READY")) {
                throw new AwsException("CrawlerRunningException",
                        "Crawler with name " + crawler.name + " has already started", 400);
            }
            crawlers.remove(crawler.name);
        }
        return GlueJson.object();
    }

    ObjectNode startCrawler(JsonNode body) {
        Crawler crawler = require(body.path("Name").asText());
        synchronized (crawler) {
            if (!crawler.state.equals("READY")) {
                throw new AwsException("CrawlerRunningException",
                        "Crawler with name " + crawler.name + " has already started", 400);
            }
            crawler.state = "RUNNING";
            crawler.runStart = Instant.now();
            crawler.cancelRequested = false;
            crawlers.save(crawler);
        }
        workers.submit(() -> run(crawler));
        return GlueJson.object();
    }

    ObjectNode stopCrawler(JsonNode body) {
        Crawler crawler = require(body.path("Name").asText());
        synchronized (crawler) {
            if (crawler.state.equals("STOPPING")) {
                throw new AwsException("CrawlerStoppingException",
                        "Crawler with name " + crawler.name + " is stopping", 400);
            }
            if (!crawler.state.equals("RUNNING")) {
                throw new AwsException("CrawlerNotRunningException",
                        "Crawler with name " + crawler.name + " isn't running.", 400);
            }
            crawler.cancelRequested = true;
            crawler.state = "STOPPING";
            crawlers.save(crawler);
        }
        return GlueJson.object();
    }

    private void run(Crawler crawler) {
        String role;
        String database;
        String prefix;
        List<Crawler.S3Target> targets;
        boolean update;
        boolean combine;
        synchronized (crawler) {
            combine = crawler.combinesCompatibleSchemas();
            role = crawler.role;
            database = crawler.databaseName;
            prefix = crawler.tablePrefix;
            targets = crawler.targets;
            update = crawler.updatesTables();
        }
        pauseUnlessCancelled(crawler, timings.running());
        if (Thread.currentThread().isInterrupted()) {
            // The service is closing: the crawl is left to its stored state, which a restart reports as failed.
            return;
        }
        CrawlRun.Result result = crawler.cancelRequested ? null
                : new CrawlRun(catalog, blobRoot, iam, access).crawl(crawler.name, role, database, prefix, targets, update, combine);
        synchronized (crawler) {
            crawler.state = "STOPPING";
            crawlers.save(crawler);
        }
        pause(timings.stopping());
        synchronized (crawler) {
            String status = result == null || crawler.cancelRequested ? "CANCELLED" : result.error() == null ? "SUCCEEDED" : "FAILED";
            crawler.lastCrawl = new Crawler.LastCrawl(status, result == null ? null : result.error(),
                    UUID.randomUUID().toString(), crawler.runStart);
            double seconds = Duration.between(crawler.runStart, Instant.now()).toMillis() / 1000.0;
            crawler.lastRuntimeSeconds = seconds;
            crawler.runtimes.add(seconds);
            if (result != null) {
                crawler.tablesCreated = result.tablesCreated();
                crawler.tablesUpdated = result.tablesUpdated();
                crawler.tablesDeleted = 0;
            }
            crawler.state = "READY";
            crawlers.save(crawler);
        }
    }

    /** Waits out the startup time, cut short when StopCrawler asks the crawler to stop. */
    private static void pauseUnlessCancelled(Crawler crawler, Duration duration) {
        Instant end = Instant.now().plus(duration);
        while (!crawler.cancelRequested && !Thread.currentThread().isInterrupted() && Instant.now().isBefore(end)) {
            pause(Duration.ofMillis(Math.min(10, Math.max(1, Duration.between(Instant.now(), end).toMillis()))));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Crawler> snapshot() {
        return crawlers.all();
    }

    /** When the crawler of that name was created, or null when there is none. */
    Instant creationTime(String name) {
        Crawler crawler = crawlers.get(name);
        return crawler == null ? null : crawler.creationTime;
    }

    /** Every crawler's creation time, by name. */
    java.util.Map<String, Instant> creationTimes() {
        java.util.Map<String, Instant> out = new java.util.TreeMap<>();
        crawlers.all().forEach(c -> out.put(c.name, c.creationTime));
        return out;
    }

    private Crawler require(String name) {
        Crawler crawler = crawlers.get(name);
        if (crawler == null) {
            throw GlueErrors.crawlerNotFound(name);
        }
        return crawler;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
