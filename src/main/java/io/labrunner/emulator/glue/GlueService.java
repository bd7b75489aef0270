package io.labrunner.emulator.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.iam.IamDirectory;
import io.labrunner.emulator.state.StateStore;
import java.nio.file.Path;

/**
 * Emulated AWS Glue (JSON 1.1, {@code X-Amz-Target: AWSGlue.<Op>}): the Data Catalog and crawlers
 * that really crawl S3 targets stored under a local blob root (bucket = folder, key = relative path).
 */
public final class GlueService implements AwsService {
    private final GlueCatalog catalog;
    private final CatalogApi catalogApi;
    private final CrawlerApi crawlerApi;

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
        this.catalog = catalog;
        this.catalogApi = new CatalogApi(catalog);
        this.crawlerApi = new CrawlerApi(catalog, blobRoot, iam, timings, state);
    }

    /** The catalog this service reads and writes. */
    public GlueCatalog catalog() {
        return catalog;
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
        String operation = request.operation().orElseThrow(() ->
                new AwsException("UnknownOperationException", "Missing X-Amz-Target", 400));
        JsonNode body = GlueJson.requestBody(request.body());
        return GlueJson.response(dispatch(operation, body));
    }

    private ObjectNode dispatch(String operation, JsonNode body) {
        switch (operation) {
            case "CreateDatabase": return catalogApi.createDatabase(body);
            case "GetDatabase": return catalogApi.getDatabase(body);
            case "GetDatabases": return catalogApi.getDatabases(body);
            case "UpdateDatabase": return catalogApi.updateDatabase(body);
            case "DeleteDatabase": return catalogApi.deleteDatabase(body);
            case "CreateTable": return catalogApi.createTable(body);
            case "GetTable": return catalogApi.getTable(body);
            case "GetTables": return catalogApi.getTables(body);
            case "UpdateTable": return catalogApi.updateTable(body);
            case "DeleteTable": return catalogApi.deleteTable(body);
            case "BatchDeleteTable": return catalogApi.batchDeleteTable(body);
            case "CreatePartition": return catalogApi.createPartition(body);
            case "BatchCreatePartition": return catalogApi.batchCreatePartition(body);
            case "GetPartition": return catalogApi.getPartition(body);
            case "GetPartitions": return catalogApi.getPartitions(body);
            case "BatchGetPartition": return catalogApi.batchGetPartition(body);
            case "UpdatePartition": return catalogApi.updatePartition(body);
            case "DeletePartition": return catalogApi.deletePartition(body);
            case "BatchDeletePartition": return catalogApi.batchDeletePartition(body);
            case "CreateCrawler": return crawlerApi.createCrawler(body);
            case "UpdateCrawler": return crawlerApi.updateCrawler(body);
            case "GetCrawler": return crawlerApi.getCrawler(body);
            case "GetCrawlers": return crawlerApi.getCrawlers(body);
            case "ListCrawlers": return crawlerApi.listCrawlers(body);
            case "StartCrawler": return crawlerApi.startCrawler(body);
            case "StopCrawler": return crawlerApi.stopCrawler(body);
            case "DeleteCrawler": return crawlerApi.deleteCrawler(body);
            case "GetCrawlerMetrics": return crawlerApi.getCrawlerMetrics(body);
            default: throw AwsException.notImplemented("Glue", operation);
        }
    }

    @Override
    public void close() {
        crawlerApi.close();
    }
}
