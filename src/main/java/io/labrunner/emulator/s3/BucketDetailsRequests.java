package io.labrunner.emulator.s3;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.gaul.s3proxy.S3ErrorCode;
import org.gaul.s3proxy.S3ProxyException;

/**
 * The bucket sub-resources kept in {@link BucketAttributesStore}, answered before S3Proxy sees them:
 * {@code ?tagging} (Put/Get/DeleteBucketTagging), {@code ?cors} (Put/Get/DeleteBucketCors) and {@code ?location}
 * (GetBucketLocation, which S3Proxy answers with no region).
 */
final class BucketDetailsRequests {
    /** The sub-resources served here. */
    static final Set<String> SUBRESOURCES = Set.of("tagging", "cors", "location");
    private static final int MAX_XML_BYTES = 64 * 1024;

    private final BucketAttributesStore attributes;
    private final Predicate<String> bucketExists;

    BucketDetailsRequests(BucketAttributesStore attributes, Predicate<String> bucketExists) {
        this.attributes = attributes;
        this.bucketExists = bucketExists;
    }

    void serve(String method, String subresource, String bucket, InputStream body, HttpServletResponse response)
            throws IOException {
        if (!bucketExists.test(bucket)) {
            throw new S3ProxyException(S3ErrorCode.NO_SUCH_BUCKET);
        }
        switch (subresource + " " + method) {
            case "tagging GET" -> {
                Map<String, String> tags = attributes.get(bucket).tags();
                if (tags.isEmpty()) {
                    throw S3Errors.of(404, "NoSuchTagSet", "The TagSet does not exist");
                }
                write(response, TagSets.xml(tags));
            }
            case "tagging PUT" -> {
                Map<String, String> tags = TagSets.fromXml(read(body), false);
                attributes.update(bucket, a -> a.withTags(tags));
                response.setStatus(204);
            }
            case "tagging DELETE" -> {
                attributes.update(bucket, a -> a.withTags(Map.of()));
                response.setStatus(204);
            }
            case "cors GET" -> {
                var rules = attributes.get(bucket).cors();
                if (rules == null) {
                    throw S3Errors.of(404, "NoSuchCORSConfiguration", "The CORS configuration does not exist");
                }
                write(response, CorsConfigurations.xml(rules));
            }
            case "cors PUT" -> {
                var rules = CorsConfigurations.fromXml(read(body));
                attributes.update(bucket, a -> a.withCors(rules));
                response.setStatus(200);
            }
            case "cors DELETE" -> {
                attributes.update(bucket, a -> a.withCors(null));
                response.setStatus(204);
            }
            case "location GET" -> {
                String region = attributes.get(bucket).region();
                // us-east-1 is the one region S3 answers as an empty LocationConstraint.
                String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LocationConstraint xmlns=\""
                        + SmallXml.NAMESPACE + "\"" + (BucketCreation.US_EAST_1.equals(region) ? "/>"
                        : ">" + SmallXml.escape(region) + "</LocationConstraint>");
                write(response, xml);
            }
            default -> throw new S3ProxyException(S3ErrorCode.METHOD_NOT_ALLOWED);
        }
    }

    private static byte[] read(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_XML_BYTES + 1);
        if (bytes.length > MAX_XML_BYTES) {
            throw S3Errors.of(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
        }
        return bytes;
    }

    private static void write(HttpServletResponse response, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("application/xml");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
