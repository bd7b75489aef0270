package io.labrunner.emulator.glue;

import io.labrunner.emulator.iam.IamDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The work of one crawl: check the role, scan the S3 targets, write tables and partitions. */
final class CrawlRun {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlRun.class);
    /** What Glue says when it cannot assume the crawler's role (at CreateCrawler and during a crawl). */
    static final String ROLE_ERROR = "Service is unable to assume provided role. Please verify role's TrustPolicy";

    /** The outcome: counts of tables written, or the error that failed the crawl. */
    record Result(int tablesCreated, int tablesUpdated, String error) {
    }

    private final GlueCatalog catalog;
    private final Path blobRoot;
    private final BlobFolders folders;
    private final IamDirectory iam;

    CrawlRun(GlueCatalog catalog, Path blobRoot, IamDirectory iam) {
        this.catalog = catalog;
        this.blobRoot = blobRoot;
        this.folders = new BlobFolders(blobRoot);
        this.iam = iam;
    }

    Result crawl(String crawlerName, String role, String database, String tablePrefix,
                 List<Crawler.S3Target> targets, boolean updateTables, boolean combineCompatible) {
        if (!iam.trustsService(role, "glue.amazonaws.com")) {
            return new Result(0, 0, ROLE_ERROR);
        }
        if (catalog.database(database).isEmpty()) {
            // A crawler creates its target database when it is missing.
            catalog.createDatabase(new Database(database, null, null, Map.of(), null, null));
        }
        int created = 0;
        int updated = 0;
        try (SchemaInference inference = new SchemaInference(blobRoot)) {
            DatasetScanner scanner = new DatasetScanner(inference, combineCompatible);
            for (Crawler.S3Target target : targets) {
                S3Location location = S3Location.parse(target.path());
                Optional<Path> root = folders.folder(location);
                if (root.isEmpty()) {
                    continue; // no object can be stored under this location: the crawl finds nothing there
                }
                for (Dataset dataset : scanner.scan(root.get(), location.uri(), target.exclusions())) {
                    String name = CrawledTables.tableName(tablePrefix, dataset.folderName());
                    Optional<Table> existing = catalog.table(database, name);
                    if (existing.isEmpty()) {
                        Table table = catalog.createTable(database, CrawledTables.table(name, dataset, crawlerName));
                        addPartitions(database, table, dataset, crawlerName);
                        created++;
                    } else if (write(database, existing.get(), dataset, crawlerName, updateTables)) {
                        updated++;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // The cause's message can name host files: it goes to the log, not to the crawl's LastCrawl.
            LOG.warn("Crawler {} failed", crawlerName, e);
            return new Result(created, updated, "Internal Service Exception");
        }
        return new Result(created, updated, null);
    }

    /** Recrawl of a known table; true when the table or its partitions changed. */
    private boolean write(String database, Table existing, Dataset dataset, String crawlerName, boolean updateTables) {
        Table table = existing;
        boolean changed = false;
        if (updateTables) {
            Table merged = CrawledTables.merge(existing, dataset, crawlerName);
            changed = !merged.storageDescriptor().columns().equals(existing.storageDescriptor().columns());
            table = catalog.updateTable(database, merged);
        }
        return addPartitions(database, table, dataset, crawlerName) > 0 || changed;
    }

    private int addPartitions(String database, Table table, Dataset dataset, String crawlerName) {
        int keys = table.partitionKeys() == null ? 0 : table.partitionKeys().size();
        int added = 0;
        for (var entry : dataset.partitions().entrySet()) {
            if (entry.getKey().size() != keys) {
                continue;
            }
            boolean known = catalog.partitions(database, table.name()).stream()
                    .anyMatch(p -> p.values().equals(entry.getKey()));
            if (!known) {
                catalog.createPartition(database, table.name(),
                        CrawledTables.partition(entry.getKey(), entry.getValue(), table, crawlerName));
                added++;
            }
        }
        return added;
    }
}
