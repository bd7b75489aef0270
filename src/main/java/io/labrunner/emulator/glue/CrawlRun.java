package io.labrunner.emulator.glue;

import io.labrunner.emulator.iam.IamDirectory;
import io.labrunner.emulator.iam.Role;
import io.labrunner.emulator.iam.access.Denial;
import io.labrunner.emulator.iam.access.ServiceAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The work of one crawl: check the role, scan the S3 targets, write tables and partitions. */
final class CrawlRun {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlRun.class);
    /** What Glue says when it cannot assume the crawler's role (at CreateCrawler and during a crawl). */
    static final String ROLE_ERROR = "Service is unable to assume provided role. Please verify role's TrustPolicy";
    /** The session a crawler's role is assumed under, as CloudTrail shows it on AWS. */
    static final String SESSION = "AWS-Crawler";

    /** The outcome: counts of tables written, or the error that failed the crawl. */
    record Result(int tablesCreated, int tablesUpdated, String error) {
    }

    private final GlueCatalog catalog;
    private final Path blobRoot;
    private final BlobFolders folders;
    private final IamDirectory iam;
    private final ServiceAccess access;

    CrawlRun(GlueCatalog catalog, Path blobRoot, IamDirectory iam, ServiceAccess access) {
        this.catalog = catalog;
        this.blobRoot = blobRoot;
        this.folders = new BlobFolders(blobRoot);
        this.iam = iam;
        this.access = access;
    }

    Result crawl(String crawlerName, String role, String database, String tablePrefix,
                 List<Crawler.S3Target> targets, boolean updateTables, boolean combineCompatible) {
        if (!iam.trustsService(role, "glue.amazonaws.com")) {
            return new Result(0, 0, ROLE_ERROR);
        }
        // A crawler's Role may be a name or an ARN; IAM decides by the ARN.
        String roleArn = iam.role(role).map(Role::arn).orElse(role);
        // The crawler lists each include path before it creates anything, so a role that may not list fails clean.
        for (Crawler.S3Target target : targets) {
            S3Location location = S3Location.parse(target.path());
            Optional<Denial> listing = access.s3List(roleArn, SESSION, location.bucket(),
                    location.key().isEmpty() ? "" : location.key() + "/");
            if (listing.isPresent()) {
                LOG.info("Crawler {} may not list {}: {}", crawlerName, location.uri(), listing.get().message(true));
                return new Result(0, 0, accessDenied());
            }
        }
        AtomicInteger unreadable = new AtomicInteger();
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
                Path folder = root.get();
                List<Dataset> datasets = scanner.scan(folder, location.uri(), target.exclusions(),
                        file -> readable(crawlerName, roleArn, location, folder, file, unreadable));
                for (Dataset dataset : datasets) {
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
        if (unreadable.get() > 0 && created == 0 && updated == 0) {
            // Every object it found was refused: the crawl has nothing to show for it.
            return new Result(0, 0, accessDenied());
        }
        return new Result(created, updated, null);
    }

    /** Whether the crawler's role may get the object stored as {@code file}; a refusal is counted and logged. */
    private boolean readable(String crawlerName, String roleArn, S3Location location, Path folder, Path file,
            AtomicInteger unreadable) {
        String relative = folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        String key = location.key().isEmpty() ? relative : location.key() + "/" + relative;
        Optional<Denial> denial = access.s3Object(roleArn, SESSION, "s3:GetObject", location.bucket(), key);
        if (denial.isPresent()) {
            unreadable.incrementAndGet();
            // The crawler's own log line on AWS (aws-samples/aws-glue-samples#2).
            LOG.info("Crawler {}: Error {} retrieving file at s3://{}/{}. Tables created did not infer schemas from "
                    + "this file. ({})", crawlerName, accessDenied(), location.bucket(), key, denial.get().message(true));
            return false;
        }
        return true;
    }

    /**
     * S3's refusal as the crawler reports it, in the AWS SDK for Java's words ({@code Access Denied (Service: Amazon
     * S3; Status Code: 403; Error Code: AccessDenied; Request ID: ...)}, as in the crawler's log on AWS).
     */
    private static String accessDenied() {
        String requestId = Long.toHexString(ThreadLocalRandom.current().nextLong()).toUpperCase(Locale.ROOT);
        return "Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: "
                + requestId + ")";
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
