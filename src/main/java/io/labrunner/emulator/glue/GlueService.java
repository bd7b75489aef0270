package io.labrunner.emulator.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.iam.IamDirectory;
import io.labrunner.emulator.state.StateStore;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.protocol.OperationHandler;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Emulated AWS Glue (JSON 1.1, {@code X-Amz-Target: AWSGlue.<Op>}): the Data Catalog and crawlers
 * that really crawl S3 targets stored under a local blob root (bucket = folder, key = relative path).
 * The protocol core reads each request and checks it against Glue's API model (types, then every
 * constraint in one ValidationException, as Glue answers them); {@link CatalogApi} and
 * {@link CrawlerApi} hold only the behaviour and Glue's own checks.
 */
public final class GlueService implements AwsService {
    private final GlueCatalog catalog;
    private final CatalogApi catalogApi;
    private final CrawlerApi crawlerApi;
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
        this.catalog = catalog;
        this.catalogApi = new CatalogApi(catalog);
        this.crawlerApi = new CrawlerApi(catalog, blobRoot, iam, timings, state);
        this.protocol = operations();
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
        return protocol.handle(request);
    }

    /** The operations this emulator implements, by their model names. */
    java.util.Set<String> implementedOperations() {
        return protocol.operations();
    }

    private JsonProtocolService operations() {
        return JsonProtocolService.builder("glue")
                .handler("CreateDatabase", of(catalogApi::createDatabase))
                .handler("GetDatabase", of(catalogApi::getDatabase))
                .handler("GetDatabases", of(catalogApi::getDatabases))
                .handler("UpdateDatabase", of(catalogApi::updateDatabase))
                .handler("DeleteDatabase", of(catalogApi::deleteDatabase))
                .handler("CreateTable", of(catalogApi::createTable))
                .handler("GetTable", of(catalogApi::getTable))
                .handler("GetTables", of(catalogApi::getTables))
                .handler("UpdateTable", of(catalogApi::updateTable))
                .handler("DeleteTable", of(catalogApi::deleteTable))
                .handler("BatchDeleteTable", of(catalogApi::batchDeleteTable))
                .handler("CreatePartition", of(catalogApi::createPartition))
                .handler("BatchCreatePartition", of(catalogApi::batchCreatePartition))
                .handler("GetPartition", of(catalogApi::getPartition))
                .handler("GetPartitions", of(catalogApi::getPartitions))
                .handler("BatchGetPartition", of(catalogApi::batchGetPartition))
                .handler("UpdatePartition", of(catalogApi::updatePartition))
                .handler("DeletePartition", of(catalogApi::deletePartition))
                .handler("BatchDeletePartition", of(catalogApi::batchDeletePartition))
                .handler("CreateCrawler", of(crawlerApi::createCrawler))
                .handler("UpdateCrawler", of(crawlerApi::updateCrawler))
                .handler("GetCrawler", of(crawlerApi::getCrawler))
                .handler("GetCrawlers", of(crawlerApi::getCrawlers))
                .handler("ListCrawlers", of(crawlerApi::listCrawlers))
                .handler("StartCrawler", of(crawlerApi::startCrawler))
                .handler("StopCrawler", of(crawlerApi::stopCrawler))
                .handler("DeleteCrawler", of(crawlerApi::deleteCrawler))
                .handler("GetCrawlerMetrics", of(crawlerApi::getCrawlerMetrics))
                .build();
    }

    /** An operation that needs only its validated input. */
    private static OperationHandler of(Function<JsonNode, ObjectNode> operation) {
        return (input, request) -> operation.apply(input);
    }

    @Override
    public void close() {
        crawlerApi.close();
    }
}
