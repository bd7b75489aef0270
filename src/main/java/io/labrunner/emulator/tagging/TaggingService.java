package io.labrunner.emulator.tagging;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.TaggableResources;
import io.labrunner.emulator.protocol.JsonProtocolService;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Emulated Resource Groups Tagging API (signing name {@code tagging}, AWS JSON 1.1, target prefix
 * {@code ResourceGroupsTaggingAPI_20170126}): GetResources, GetTagKeys and GetTagValues read, and TagResources and
 * UntagResources change, the tags every other service keeps on its own resources ({@link TaggableResources}), so
 * a resource tagged through either API shows the same tags in both.
 *
 * <p>Not here: tag policies and compliance reports (GetComplianceSummary, StartReportCreation,
 * DescribeReportCreation, ListRequiredTags); IncludeComplianceDetails is accepted and ignored.
 */
public final class TaggingService implements AwsService {
    /** GetTagKeys and GetTagValues answer this many items a page. */
    public static final int DEFAULT_VALUES_PER_PAGE = 500;

    private final JsonProtocolService protocol;

    /** A service over the taggable resources {@code services} supplies, asked afresh on every request. */
    public TaggingService(Supplier<List<TaggableResources>> services) {
        this(services, DEFAULT_VALUES_PER_PAGE);
    }

    /** As {@link #TaggingService(Supplier)}, with GetTagKeys and GetTagValues pages of {@code valuesPerPage}. */
    public TaggingService(Supplier<List<TaggableResources>> services, int valuesPerPage) {
        TaggedIndex index = new TaggedIndex(services);
        ReadOperations read = new ReadOperations(index, valuesPerPage);
        WriteOperations write = new WriteOperations(index);
        // The API answers a missing or out-of-range member with InvalidParameterException (its Common Errors).
        this.protocol = JsonProtocolService.builder("resourcegroupstaggingapi")
                .validationError(TaggingErrors::invalidParameter)
                .handler("GetResources", (in, request) -> read.getResources(in, request.regionOrDefault()))
                .handler("GetTagKeys", (in, request) -> read.getTagKeys(in, request.regionOrDefault()))
                .handler("GetTagValues", (in, request) -> read.getTagValues(in, request.regionOrDefault()))
                .handler("TagResources", (in, request) -> write.tagResources(in, request.regionOrDefault()))
                .handler("UntagResources", (in, request) -> write.untagResources(in, request.regionOrDefault()))
                .build();
    }

    /** The operations this emulator implements, by their model names. */
    Set<String> implementedOperations() {
        return protocol.operations();
    }

    @Override
    public String signingName() {
        return "tagging";
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return protocol.handle(request);
    }
}
