package io.labrunner.emulator.tagging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.TaggableResources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TagResources and UntagResources: each ARN is handed to the service that holds it, through that service's own
 * tagging rules. A resource that cannot be changed does not fail the request: it goes into FailedResourcesMap with
 * the holding service's error code, HTTP status and message, as AWS reports it, and the other resources are
 * changed all the same.
 */
final class WriteOperations {
    private static final Logger LOG = LoggerFactory.getLogger(WriteOperations.class);

    private final TaggedIndex index;

    WriteOperations(TaggedIndex index) {
        this.index = index;
    }

    Map<String, Object> tagResources(ObjectNode in, String region) {
        Map<String, String> tags = new LinkedHashMap<>();
        in.path("Tags").fields().forEachRemaining(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
        return Map.of("FailedResourcesMap", each(in, region, (service, arn) -> service.tag(arn, tags)));
    }

    Map<String, Object> untagResources(ObjectNode in, String region) {
        List<String> keys = new ArrayList<>();
        in.path("TagKeys").forEach(key -> keys.add(key.asText()));
        return Map.of("FailedResourcesMap", each(in, region, (service, arn) -> service.untag(arn, keys)));
    }

    /** Applies {@code change} to every ARN of the request; answers the failures by ARN. */
    private Map<String, Map<String, Object>> each(ObjectNode in, String region,
                                                   BiConsumer<TaggableResources, String> change) {
        Set<ResourceArn> arns = new LinkedHashSet<>();
        // Every ARN is checked before anything changes: a malformed one refuses the whole request.
        in.path("ResourceARNList").forEach(arn -> arns.add(ResourceArn.parse(arn.asText()).orElseThrow(
                () -> TaggingErrors.invalidParameter(arn.asText() + " is not a valid AmazonResourceName (ARN)."))));
        Map<String, Map<String, Object>> failed = new LinkedHashMap<>();
        for (ResourceArn arn : arns) {
            if (!arn.visibleFrom(region)) {
                failed.put(arn.arn(), failure(TaggingErrors.invalidParameter("The resource is in region "
                        + arn.region() + ", not in " + region + ", the region of this request.")));
                continue;
            }
            Optional<TaggableResources> service = index.serving(arn.service());
            if (service.isEmpty()) {
                failed.put(arn.arn(), failure(TaggingErrors.invalidParameter("Resources of service '"
                        + arn.service() + "' cannot be tagged through the Resource Groups Tagging API here.")));
                continue;
            }
            try {
                change.accept(service.get(), arn.arn());
            } catch (AwsException e) {
                failed.put(arn.arn(), failure(e));
            } catch (RuntimeException e) {
                LOG.warn("Tagging {} failed", arn.arn(), e);
                failed.put(arn.arn(), failure(new AwsException("InternalServiceException",
                        "The service holding the resource failed; retry, then check with GetResources.", 500)));
            }
        }
        return failed;
    }

    private static Map<String, Object> failure(AwsException e) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("StatusCode", e.status());
        info.put("ErrorCode", e.code());
        info.put("ErrorMessage", e.getMessage());
        return info;
    }
}
