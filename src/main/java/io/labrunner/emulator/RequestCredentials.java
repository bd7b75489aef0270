package io.labrunner.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The credentials a request carries, read from its {@code Authorization} header or, for presigned
 * URLs, its query string, and whether they have the structure AWS requires. Reading them has no
 * side effects and needs no secret; {@link SigV4Verifier} checks a signature.
 *
 * @param kind      how the request is signed
 * @param scope     who signed it for which service and region; null when {@link Kind#NONE}, and
 *                  possibly partial (null region or service) when {@link Kind#MALFORMED}
 * @param sigV4     the SigV4 signature parts; null unless {@link Kind#SIGV4}
 * @param inQuery   true when the credentials came in the query string (a presigned URL)
 * @param problem   what is wrong with the structure, for {@link Kind#MALFORMED}; else null
 */
record RequestCredentials(Kind kind, SigningScope scope, SigV4 sigV4, boolean inQuery, String problem) {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SCOPE_DATE = Pattern.compile("\\d{8}");

    /** How a request is signed. */
    enum Kind {
        /** No credentials at all: anonymous. */
        NONE,
        /** Credentials are present but not in the shape AWS requires. */
        MALFORMED,
        /** SigV2 ({@code AWS key:signature} or {@code AWSAccessKeyId=}): accepted on its structure alone. */
        SIGV2,
        /** A well-formed SigV4 signature. */
        SIGV4
    }

    /**
     * The parts of a SigV4 signature.
     *
     * @param scopeDate     the credential scope's date, {@code yyyyMMdd}
     * @param signedHeaders lower-case header names, in the order signed
     * @param signature     64 lower-case hex digits
     * @param amzDate       the query's {@code X-Amz-Date} for presigned URLs; null for header signatures,
     *                      whose date is in the {@code X-Amz-Date} or {@code Date} header
     * @param expiresSeconds the presigned URL's {@code X-Amz-Expires}, or -1
     */
    record SigV4(String scopeDate, List<String> signedHeaders, String signature, String amzDate, long expiresSeconds) {
    }

    /**
     * Reads the credentials of a request.
     *
     * @param authorization the {@code Authorization} header, or null
     * @param query         the decoded query parameters
     * @param hasDate       whether the request has an {@code X-Amz-Date} or {@code Date} header
     */
    static RequestCredentials of(String authorization, Map<String, List<String>> query, boolean hasDate) {
        if (authorization != null && !authorization.isBlank()) {
            return fromHeader(authorization.trim(), hasDate);
        }
        if (query.containsKey("X-Amz-Credential") || query.containsKey("X-Amz-Algorithm")
                || query.containsKey("X-Amz-Signature")) {
            return fromQuery(query);
        }
        String v2Key = first(query, "AWSAccessKeyId");
        if (v2Key != null) {
            return nonBlank(v2Key) && nonBlank(first(query, "Signature"))
                    ? new RequestCredentials(Kind.SIGV2, new SigningScope(v2Key, null, null), null, true, null)
                    : malformed(null, true, "Query-string authentication requires the AWSAccessKeyId and Signature parameters.");
        }
        return new RequestCredentials(Kind.NONE, null, null, false, null);
    }

    /** True when the request carries credentials of any shape. */
    boolean present() {
        return kind != Kind.NONE;
    }

    private static RequestCredentials fromHeader(String authorization, boolean hasDate) {
        if (authorization.startsWith("AWS ")) { // SigV2: "AWS AKID:signature"
            String rest = authorization.substring(4).trim();
            int colon = rest.indexOf(':');
            if (colon <= 0 || colon == rest.length() - 1) {
                return malformed(null, false, "A SigV2 Authorization header must be 'AWS AccessKeyId:Signature'.");
            }
            return new RequestCredentials(Kind.SIGV2, new SigningScope(rest.substring(0, colon), null, null),
                    null, false, null);
        }
        int space = authorization.indexOf(' ');
        String algorithm = space < 0 ? authorization : authorization.substring(0, space);
        Map<String, String> parts = new java.util.HashMap<>();
        if (space > 0) {
            for (String part : authorization.substring(space + 1).split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
                }
            }
        }
        List<String> problems = new ArrayList<>();
        if (!ALGORITHM.equals(algorithm)) {
            problems.add("Unsupported signing algorithm '" + algorithm + "'; only " + ALGORITHM + " is accepted.");
        }
        String credential = parts.get("Credential");
        String signedHeaders = parts.get("SignedHeaders");
        String signature = parts.get("Signature");
        requirePart(problems, credential, "Credential");
        requirePart(problems, signature, "Signature");
        requirePart(problems, signedHeaders, "SignedHeaders");
        if (!hasDate) {
            problems.add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        return sigV4(credential, signedHeaders, signature, null, -1, false, problems, "Authorization header");
    }

    private static RequestCredentials fromQuery(Map<String, List<String>> query) {
        List<String> problems = new ArrayList<>();
        String algorithm = first(query, "X-Amz-Algorithm");
        if (!ALGORITHM.equals(algorithm)) {
            problems.add("X-Amz-Algorithm only supports \"" + ALGORITHM + "\".");
        }
        String credential = first(query, "X-Amz-Credential");
        String signedHeaders = first(query, "X-Amz-SignedHeaders");
        String signature = first(query, "X-Amz-Signature");
        String date = first(query, "X-Amz-Date");
        requireParam(problems, credential, "X-Amz-Credential");
        requireParam(problems, signedHeaders, "X-Amz-SignedHeaders");
        requireParam(problems, signature, "X-Amz-Signature");
        requireParam(problems, date, "X-Amz-Date");
        long expires = -1;
        String expiresText = first(query, "X-Amz-Expires");
        if (expiresText != null) {
            try {
                expires = Long.parseLong(expiresText);
            } catch (NumberFormatException e) {
                expires = -2;
            }
            if (expires < 0 || expires > 604_800) { // a presigned URL lives at most seven days
                problems.add("X-Amz-Expires must be a number of seconds from 1 to 604800.");
            }
        }
        if (date != null && !date.matches("\\d{8}T\\d{6}Z")) {
            problems.add("X-Amz-Date must be in the ISO8601 basic format yyyyMMdd'T'HHmmss'Z'.");
        }
        return sigV4(credential, signedHeaders, signature, date, expires, true, problems, "query string");
    }

    private static RequestCredentials sigV4(String credential, String signedHeaders, String signature, String amzDate,
            long expires, boolean inQuery, List<String> problems, String where) {
        SigningScope scope = null;
        String scopeDate = null;
        if (credential != null) {
            String[] scopeParts = credential.split("/", -1);
            if (scopeParts.length == 5 && nonBlank(scopeParts[0]) && SCOPE_DATE.matcher(scopeParts[1]).matches()
                    && nonBlank(scopeParts[2]) && nonBlank(scopeParts[3]) && "aws4_request".equals(scopeParts[4])) {
                scope = new SigningScope(scopeParts[0], scopeParts[2], scopeParts[3]);
                scopeDate = scopeParts[1];
            } else {
                problems.add("Credential must have the form AccessKeyId/yyyyMMdd/region/service/aws4_request.");
                // Still route the error to the named service's protocol when the scope names one.
                if (scopeParts.length >= 4 && nonBlank(scopeParts[0])) {
                    scope = new SigningScope(scopeParts[0], null, scopeParts[3]);
                }
            }
        }
        List<String> headers = List.of();
        if (signedHeaders != null) {
            headers = List.of(signedHeaders.split(";", -1));
            if (!headers.contains("host")) {
                problems.add("SignedHeaders must include 'host'.");
            }
            if (!signedHeaders.equals(signedHeaders.toLowerCase(Locale.ROOT)) || headers.contains("")) {
                problems.add("SignedHeaders must be lower-case header names separated by ';'.");
            }
        }
        if (signature != null && !SIGNATURE.matcher(signature).matches()) {
            problems.add("Signature must be 64 lower-case hexadecimal digits.");
        }
        if (!problems.isEmpty()) {
            return malformed(scope, inQuery, String.join(" ", problems) + " (in the " + where + ")");
        }
        return new RequestCredentials(Kind.SIGV4, scope,
                new SigV4(scopeDate, headers, signature, amzDate, expires), inQuery, null);
    }

    private static RequestCredentials malformed(SigningScope scope, boolean inQuery, String problem) {
        return new RequestCredentials(Kind.MALFORMED, scope, null, inQuery, problem);
    }

    private static void requirePart(List<String> problems, String value, String name) {
        if (!nonBlank(value)) {
            problems.add("Authorization header requires '" + name + "' parameter.");
        }
    }

    private static void requireParam(List<String> problems, String value, String name) {
        if (!nonBlank(value)) {
            problems.add("Query-string authentication requires the " + name + " parameter.");
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static boolean nonBlank(String text) {
        return text != null && !text.isBlank();
    }
}
