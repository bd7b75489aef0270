package io.labrunner.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes a SigV4 signature the way AWS does, so the emulator can tell a request signed with its
 * own key pair ({@code test}/{@code test}) from one whose signature was made up.
 *
 * <p>Why not the AWS SDK's {@code AwsV4HttpSigner}: it always adds {@code x-amz-content-sha256} to the
 * signed headers, so it cannot reproduce a signature over exactly the headers a client chose —
 * botocore (the AWS CLI) signs JSON and query requests without that header. This class builds the
 * canonical request from the request's own {@code SignedHeaders} only; its tests compare it with
 * the SDK's signer wherever the two sign the same headers.
 *
 * <p>Canonical URI: S3 encodes the path once; every other service encodes the already-encoded path
 * a second time and removes {@code .} and {@code ..} segments, as the SDKs do.
 */
final class SigV4Verifier {
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final HexFormat HEX = HexFormat.of();

    private SigV4Verifier() {
    }

    /**
     * The request as signed: what the canonical request is built from.
     *
     * @param method      HTTP method
     * @param rawPath     the path as sent, still percent-encoded
     * @param rawQuery    the query string as sent, or null
     * @param headers     header values by lower-case name
     * @param payloadHash hex SHA-256 of the body, or a literal such as {@code UNSIGNED-PAYLOAD}
     */
    record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            String payloadHash) {
    }

    /** The signature {@code secret} gives {@code request} under {@code scope} at {@code amzDate}. */
    static String signature(String secret, SignedRequest request, RequestCredentials.SigV4 sigV4, SigningScope scope,
            String amzDate, boolean presigned) {
        String canonical = canonicalRequest(request, sigV4.signedHeaders(), "s3".equals(scope.service()), presigned);
        String credentialScope = sigV4.scopeDate() + "/" + scope.region() + "/" + scope.service() + "/aws4_request";
        String stringToSign = RequestCredentials.ALGORITHM + "\n" + amzDate + "\n" + credentialScope + "\n"
                + sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), sigV4.scopeDate());
        key = hmac(key, scope.region());
        key = hmac(key, scope.service());
        key = hmac(key, "aws4_request");
        return HEX.formatHex(hmac(key, stringToSign));
    }

    /** True when both signatures are the same, compared in constant time. */
    static boolean sameSignature(String expected, String provided) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                provided.getBytes(StandardCharsets.US_ASCII));
    }

    static String canonicalRequest(SignedRequest request, List<String> signedHeaders, boolean s3, boolean presigned) {
        StringBuilder canonical = new StringBuilder();
        canonical.append(request.method()).append('\n');
        canonical.append(canonicalUri(request.rawPath(), s3)).append('\n');
        canonical.append(canonicalQuery(request.rawQuery(), presigned)).append('\n');
        for (String name : signedHeaders) {
            List<String> values = request.headers().getOrDefault(name, List.of());
            List<String> trimmed = new ArrayList<>();
            for (String value : values) {
                trimmed.add(value.trim().replaceAll("\\s+", " "));
            }
            canonical.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        canonical.append('\n').append(String.join(";", signedHeaders)).append('\n');
        canonical.append(request.payloadHash());
        return canonical.toString();
    }

    static String canonicalUri(String rawPath, boolean s3) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        if (s3) {
            // S3 signs the decoded key: SDK v2 sends a key's "//" as "/%2F" so that no HTTP client
            // collapses it, but signs "//" (as botocore does), and S3 reads both as the same key.
            return encode(percentDecode(path), false);
        }
        // Segment by segment, so that an encoded '/' inside a segment (%2F in an ARN) stays encoded.
        StringBuilder normalized = new StringBuilder();
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                normalized.append('/');
            }
            normalized.append(encode(percentDecode(segments[i]), true));
        }
        return encode(removeDotSegments(normalized.toString()), false);
    }

    static String canonicalQuery(String rawQuery, boolean presigned) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = encode(percentDecode(eq < 0 ? pair : pair.substring(0, eq)), true);
            String value = eq < 0 ? "" : encode(percentDecode(pair.substring(eq + 1)), true);
            if (presigned && "X-Amz-Signature".equals(name)) {
                continue;
            }
            pairs.add(new String[] {name, value});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder query = new StringBuilder();
        for (String[] pair : pairs) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(pair[0]).append('=').append(pair[1]);
        }
        return query.toString();
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** AWS's URI encoding: every byte but the unreserved characters is %XX (upper case); '/' too when asked. */
    private static String encode(String text, boolean encodeSlash) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
                out.append(c);
            } else {
                out.append('%').append(HEX.withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    /** Decodes %XX escapes only ('+' stays a plus); malformed escapes are kept as sent. */
    private static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && HexFormat.isHexDigit(text.charAt(i + 1))
                    && HexFormat.isHexDigit(text.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String removeDotSegments(String path) {
        Deque<String> segments = new ArrayDeque<>();
        String[] parts = path.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (".".equals(part)) {
                continue;
            }
            if ("..".equals(part)) {
                segments.pollLast();
                continue;
            }
            segments.addLast(part);
        }
        String normalized = "/" + String.join("/", segments);
        boolean trailing = path.endsWith("/.") || path.endsWith("/..");
        return trailing && !normalized.endsWith("/") ? normalized + "/" : normalized;
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
