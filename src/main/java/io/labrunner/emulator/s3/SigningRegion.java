package io.labrunner.emulator.s3;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The region a SigV4 request was signed for: its endpoint's region, as S3 sees it. */
final class SigningRegion {
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/,\\s]+/\\d{8}/([^/,\\s]+)/");
    private static final Pattern QUERY_SCOPE = Pattern.compile("^[^/]+/\\d{8}/([^/]+)/");

    private SigningRegion() {
    }

    /** The region in the request's credential scope, or {@code fallback} when it has none (SigV2, unsigned). */
    static String of(HttpServletRequest request, String fallback) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            Matcher m = SCOPE.matcher(authorization);
            if (m.find()) {
                return m.group(1);
            }
        }
        String credential = request.getParameter("X-Amz-Credential");
        if (credential != null) {
            Matcher m = QUERY_SCOPE.matcher(credential);
            if (m.find()) {
                return m.group(1);
            }
        }
        return fallback;
    }
}
