package io.labrunner.emulator.s3;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.w3c.dom.Element;
import software.amazon.awssdk.regions.Region;

/**
 * CreateBucket's region and tags, checked before the bucket is made. The bucket's region is its LocationConstraint;
 * sent to us-east-1, a request names none (naming one there is refused: us-east-1 as InvalidLocationConstraint,
 * another region as incompatible with the endpoint), and sent to any other region it must name that region
 * (IllegalLocationConstraintException otherwise). {@code EU}, the old name of eu-west-1, is read as eu-west-1.
 * The configuration's Tags follow the bucket tagging rules ({@link TagSets}).
 */
final class BucketCreation {
    static final String US_EAST_1 = "us-east-1";
    private static final int MAX_BODY = 64 * 1024;
    private static final Set<String> REGIONS = Region.regions().stream().map(Region::id)
            .filter(id -> id.matches("[a-z]{2}(-[a-z]+)+-\\d+")).collect(Collectors.toUnmodifiableSet());

    /**
     * What a CreateBucket asks for.
     *
     * @param region the bucket's region
     * @param tags   the bucket's tags (empty when none)
     * @param body   the request body, as read, for S3Proxy
     */
    record Request(String region, Map<String, String> tags, byte[] body) {
    }

    private BucketCreation() {
    }

    /** Reads and checks the request; throws S3's error for a configuration it refuses. */
    static Request read(HttpServletRequest request, InputStream content, String defaultRegion) throws IOException {
        byte[] body = content.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw S3Errors.malformedXml();
        }
        String endpoint = SigningRegion.of(request, defaultRegion);
        String constraint = null;
        Map<String, String> tags = Map.of();
        if (!new String(body, StandardCharsets.UTF_8).isBlank()) {
            Element root = SmallXml.parse(body);
            if (!"CreateBucketConfiguration".equals(root.getLocalName())) {
                throw S3Errors.malformedXml();
            }
            constraint = SmallXml.text(root, "LocationConstraint");
            List<Element> tagLists = SmallXml.children(root, "Tags");
            if (tagLists.size() > 1) {
                throw S3Errors.malformedXml();
            }
            if (!tagLists.isEmpty()) {
                tags = TagSets.fromTagElements(SmallXml.children(tagLists.get(0), "Tag"), false);
            }
        }
        return new Request(regionOf(constraint == null || constraint.isEmpty() ? null : constraint, endpoint), tags,
                body);
    }

    private static String regionOf(String constraint, String endpoint) {
        String region = "EU".equals(constraint) ? "eu-west-1" : constraint;
        if (region != null && (!REGIONS.contains(region) || US_EAST_1.equals(region) && US_EAST_1.equals(endpoint))) {
            throw S3Errors.of(400, "InvalidLocationConstraint", "The specified location-constraint is not valid");
        }
        if (region == null) {
            if (US_EAST_1.equals(endpoint)) {
                return US_EAST_1;
            }
            throw incompatible("unspecified");
        }
        if (!region.equals(endpoint)) {
            throw incompatible(constraint);
        }
        return region;
    }

    private static RuntimeException incompatible(String constraint) {
        return S3Errors.of(400, "IllegalLocationConstraintException", "The " + constraint
                + " location constraint is incompatible for the region specific endpoint this request was sent to.");
    }
}
