package io.labrunner.emulator.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.TaggableResources;
import io.labrunner.emulator.iam.IamDirectory;
import io.labrunner.emulator.iam.access.ServiceAccess;
import io.labrunner.emulator.state.StateStore;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.protocol.OperationHandler;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Emulated AWS Glue (JSON 1.1, {@code X-Amz-Target: AWSGlue.<Op>}): the Data Catalog and crawlers
 * that really crawl S3 targets stored under a local blob root (bucket = folder, key = relative path).
 * The protocol core reads each request and checks it against Glue's API model (types, then every
 * constraint in one ValidationException, as Glue answers them); {@link CatalogOperations} and
 * {@link CrawlerOperations} hold only the behaviour and Glue's own checks. The catalog's state is
 * {@link GlueCatalog} (written through by {@link CatalogStore}), the crawlers' {@link CrawlerStore}.
 */
public final class GlueService implements AwsService, TaggableResources {
    private final GlueCatalog catalog;
    private final CatalogOperations catalogOperations;
    private final CrawlerOperations crawlerOperations;
    private final TagOperations tagOperations;
    private final JsonProtocolService protocol;

    /** A Glue with an empty catalog and default crawl timings. */
    public GlueService(Path blobRoot, IamDirectory iam) {
        this(new GlueCatalog(), blobRoot, iam, CrawlerTimings.DEFAULT);
    }

    /**
     * A Glue over a given catalog (shared with the Athena engine).
     *
     * @param blobRoot folder whose subfolders are the S3 buckets crawlers read
     * @param iam      the account's roles, to check a crawler's role the way Glue does
     * @param timings  how long crawls take around their real work
     */
    public GlueService(GlueCatalog catalog, Path blobRoot, IamDirectory iam, CrawlerTimings timings) {
        this(catalog, blobRoot, iam, timings, StateStore.none());
    }

    /**
     * A Glue whose crawlers are kept in {@code state} (the catalog keeps itself: see
     * {@link GlueCatalog#GlueCatalog(StateStore)}).
     */
    public GlueService(GlueCatalog catalog, Path blobRoot, IamDirectory iam, CrawlerTimings timings,
                       StateStore state) {
        this(catalog, blobRoot, iam, timings, state, ServiceAccess.unrestricted());
    }

    /**
     * A Glue whose crawlers read S3 with their role's permissions as {@code access} decides them: with IAM
     * enforced, a crawler whose role may not list or read its data source fails as on AWS.
     */
    public GlueService(GlueCatalog catalog, Path blobRoot, IamDirectory iam, CrawlerTimings timings,
                       StateStore state, ServiceAccess access) {
        this.catalog = catalog;
        this.catalogOperations = new CatalogOperations(catalog);
        this.crawlerOperations = new CrawlerOperations(catalog, blobRoot, iam, access, timings, state);
        this.tagOperations = new TagOperations(catalog, crawlerOperations::creationTime,
                crawlerOperations::creationTimes, new GlueTags(state));
        this.protocol = operations();
    }

    /** The catalog this service reads and writes. */
    public GlueCatalog catalog() {
        return catalog;
    }

    /** The catalog, database, table or crawler ARNs a request acts on ({@link GlueAccess}). */
    @Override
    public List<io.labrunner.emulator.iam.access.AccessRequest> accessRequests(AwsRequest request) {
        return GlueAccess.of(request);
    }

    @Override
    public String signingName() {
        return "glue";
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return protocol.handle(request);
    }

    /** The operations this emulator implements, by their model names. */
    Set<String> implementedOperations() {
        return protocol.operations();
    }

    private JsonProtocolService operations() {
        return JsonProtocolService.builder("glue")
                .handler("CreateDatabase", (input, request) -> {
                    ObjectNode out = catalogOperations.createDatabase(input);
                    tagOperations.taggedDatabase(input);
                    return out;
                })
                .handler("GetDatabase", of(catalogOperations::getDatabase))
                .handler("GetDatabases", of(catalogOperations::getDatabases))
                .handler("UpdateDatabase", of(catalogOperations::updateDatabase))
                .handler("DeleteDatabase", of(catalogOperations::deleteDatabase))
                .handler("CreateTable", of(catalogOperations::createTable))
                .handler("GetTable", of(catalogOperations::getTable))
                .handler("GetTables", of(catalogOperations::getTables))
                .handler("UpdateTable", of(catalogOperations::updateTable))
                .handler("DeleteTable", of(catalogOperations::deleteTable))
                .handler("GetTableVersions", of(catalogOperations::getTableVersions))
                .handler("GetTableVersion", of(catalogOperations::getTableVersion))
                .handler("DeleteTableVersion", of(catalogOperations::deleteTableVersion))
                .handler("BatchDeleteTableVersion", of(catalogOperations::batchDeleteTableVersion))
                .handler("CreateUserDefinedFunction", of(catalogOperations::createUserDefinedFunction))
                .handler("GetUserDefinedFunction", of(catalogOperations::getUserDefinedFunction))
                .handler("GetUserDefinedFunctions", of(catalogOperations::getUserDefinedFunctions))
                .handler("UpdateUserDefinedFunction", of(catalogOperations::updateUserDefinedFunction))
                .handler("DeleteUserDefinedFunction", of(catalogOperations::deleteUserDefinedFunction))
                .handler("BatchDeleteTable", of(catalogOperations::batchDeleteTable))
                .handler("CreatePartition", of(catalogOperations::createPartition))
                .handler("BatchCreatePartition", of(catalogOperations::batchCreatePartition))
                .handler("GetPartition", of(catalogOperations::getPartition))
                .handler("GetPartitions", of(catalogOperations::getPartitions))
                .handler("BatchGetPartition", of(catalogOperations::batchGetPartition))
                .handler("UpdatePartition", of(catalogOperations::updatePartition))
                .handler("DeletePartition", of(catalogOperations::deletePartition))
                .handler("BatchDeletePartition", of(catalogOperations::batchDeletePartition))
                .handler("CreateCrawler", (input, request) -> {
                    ObjectNode out = crawlerOperations.createCrawler(input);
                    tagOperations.taggedCrawler(input);
                    return out;
                })
                .handler("UpdateCrawler", of(crawlerOperations::updateCrawler))
                .handler("GetCrawler", of(crawlerOperations::getCrawler))
                .handler("GetCrawlers", of(crawlerOperations::getCrawlers))
                .handler("ListCrawlers", of(crawlerOperations::listCrawlers))
                .handler("StartCrawler", of(crawlerOperations::startCrawler))
                .handler("StopCrawler", of(crawlerOperations::stopCrawler))
                .handler("DeleteCrawler", of(crawlerOperations::deleteCrawler))
                .handler("GetCrawlerMetrics", of(crawlerOperations::getCrawlerMetrics))
                .handler("TagResource", of(tagOperations::tagResource))
                .handler("UntagResource", of(tagOperations::untagResource))
                .handler("GetTags", of(tagOperations::getTags))
                .build();
    }

    /** An operation that needs only its validated input. */
    private static OperationHandler of(Function<JsonNode, ObjectNode> operation) {
        return (input, request) -> operation.apply(input);
    }

    @Override
    public Set<String> arnServices() {
        return Set.of("glue");
    }

    @Override
    public List<TaggedResource> taggedResources(String region) {
        return tagOperations.all(region);
    }

    @Override
    public void tag(String arn, Map<String, String> tags) {
        tagOperations.tag(arn, tags);
    }

    @Override
    public void untag(String arn, Collection<String> keys) {
        tagOperations.untag(arn, keys);
    }

    @Override
    public void close() {
        crawlerOperations.close();
    }
}
