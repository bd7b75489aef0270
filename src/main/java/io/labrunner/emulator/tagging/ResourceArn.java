package io.labrunner.emulator.tagging;

import java.util.Optional;
import software.amazon.awssdk.arns.Arn;

/**
 * The parts of a resource's ARN the Tagging API filters on: its service, its region (empty for global resources
 * such as IAM roles and S3 buckets) and its resource type, the resource part's first segment before {@code /} or
 * {@code :} ({@code stream} in {@code stream/clicks}, {@code log-group} in {@code log-group:app}).
 */
record ResourceArn(String arn, String service, String region, String type) {

    /** The parts of {@code arn}, or empty when it is not an ARN at all. */
    static Optional<ResourceArn> parse(String arn) {
        Optional<Arn> parsed = Arn.tryFromString(arn);
        if (parsed.isEmpty() || parsed.get().service().isEmpty() || parsed.get().resourceAsString().isEmpty()) {
            return Optional.empty();
        }
        Arn a = parsed.get();
        return Optional.of(new ResourceArn(arn, a.service(), a.region().orElse(""), typeOf(a)));
    }

    private static String typeOf(Arn arn) {
        String resource = arn.resourceAsString();
        int end = 0;
        while (end < resource.length() && resource.charAt(end) != '/' && resource.charAt(end) != ':') {
            end++;
        }
        // An S3 bucket's ARN is its bare name; AWS calls the type "bucket" (s3:bucket).
        if (end == resource.length() && "s3".equals(arn.service())) {
            return "bucket";
        }
        return resource.substring(0, end);
    }

    /** Whether the resource lives in {@code requestRegion}, or in no region (a global resource). */
    boolean visibleFrom(String requestRegion) {
        return region.isEmpty() || region.equals(requestRegion);
    }

    /** Whether a ResourceTypeFilters entry ({@code service} or {@code service:type}) names this resource. */
    boolean ofType(String filter) {
        int colon = filter.indexOf(':');
        if (colon < 0) {
            return service.equals(filter);
        }
        return service.equals(filter.substring(0, colon)) && type.equals(filter.substring(colon + 1));
    }
}
