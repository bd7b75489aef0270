package io.labrunner.emulator;

import io.labrunner.emulator.iam.AccessKey;
import io.labrunner.emulator.iam.UserStore;
import io.labrunner.emulator.state.StateStore;
import io.labrunner.emulator.sts.IssuedSession;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a request's credentials are good enough to serve it.
 *
 * <p>The emulator knows one key pair ({@code test}/{@code test}, see {@link Emulator#getAccessKey()}):
 * a SigV4 signature made with that access key is recomputed and must match, so a request signed with a
 * wrong secret fails as it would on AWS. Any other access key cannot be checked (the emulator does not
 * know the learner's secret), so its signature only needs AWS's structure — which
 * {@link RequestCredentials} has already required. SigV2 is S3's (and the query protocol's) older
 * signature: S3 SigV2 made with the known key is recomputed too; JSON and REST-JSON services refuse it,
 * as AWS does; the query protocol's SigV2 is accepted on its structure. Presigned URLs must not have
 * expired. Temporary credentials STS issued are verified like the emulator's own key, with their secret, and
 * must also carry their session token and be used before they expire. An IAM user's access keys made with
 * CreateAccessKey are verified with their secret too; an inactive one is refused as an invalid token.
 */
final class Authenticator {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Map<String, String> secrets;
    private final Clock clock;
    private final Function<String, Optional<IssuedSession>> sessions;
    private final UserStore userKeys;

    /** @param secrets the secret key of every access key whose signatures are verified */
    Authenticator(Map<String, String> secrets, Clock clock) {
        this(secrets, clock, key -> Optional.empty());
    }

    /**
     * @param userKeys the IAM users' access keys: their signatures are verified with their secret, an inactive one
     *                 is refused as AWS refuses it, and each accepted request is noted as the key's last use
     */
    Authenticator(Map<String, String> secrets, Clock clock, Function<String, Optional<IssuedSession>> sessions,
            UserStore userKeys) {
        this.secrets = Map.copyOf(secrets);
        this.clock = clock;
        this.sessions = sessions;
        this.userKeys = userKeys;
    }

    /**
     * @param secrets  the secret key of every long-term access key whose signatures are verified
     * @param sessions the temporary credentials STS issued, by access key: their signatures are verified with
     *                 their secret, and they must carry their session token and not have expired
     */
    Authenticator(Map<String, String> secrets, Clock clock, Function<String, Optional<IssuedSession>> sessions) {
        this(secrets, clock, sessions, new UserStore(StateStore.none(), clock));
    }

    /**
     * The error to answer, or empty when the request may be served.
     *
     * @param body the request body when it has been read (every service but S3); null for S3, whose
     *             payload hash comes from {@code x-amz-content-sha256}
     */
    Optional<AwsException> check(HttpServletRequest request, RequestCredentials credentials, Protocol protocol,
            byte[] body) {
        switch (credentials.kind()) {
            case NONE:
                return Optional.of(AccessErrors.missingCredentials(protocol));
            case MALFORMED:
                return Optional.of(AccessErrors.malformed(protocol, credentials.problem(), credentials.inQuery()));
            default:
                break;
        }
        Optional<AccessKey> userKey = userKeys.accessKey(credentials.scope().accessKeyId());
        if (userKey.isPresent() && !userKey.get().active()) {
            return Optional.of(AccessErrors.inactiveKey(protocol));
        }
        Optional<IssuedSession> session = sessions.apply(credentials.scope().accessKeyId());
        if (session.isPresent()) {
            Optional<AwsException> refused = checkSession(request, session.get(), protocol);
            if (refused.isPresent()) {
                return refused;
            }
        }
        Optional<AwsException> refused = credentials.kind() == RequestCredentials.Kind.SIGV2
                ? checkSigV2(request, credentials, protocol) : checkSigV4(request, credentials, protocol, body);
        if (refused.isEmpty() && userKey.isPresent()) {
            SigningScope scope = credentials.scope();
            userKeys.recordUse(userKey.get().accessKeyId(), scope.service() == null ? "s3" : scope.service(),
                    scope.region());
        }
        return refused;
    }

    /**
     * Temporary credentials: the request must carry the session's token (header {@code X-Amz-Security-Token},
     * or the query parameter of a presigned URL) and the session must not have expired.
     */
    private Optional<AwsException> checkSession(HttpServletRequest request, IssuedSession session,
            Protocol protocol) {
        String token = request.getHeader("X-Amz-Security-Token");
        if (token == null) {
            Map<String, List<String>> query = FormCodec.parse(request.getQueryString());
            List<String> values = query.getOrDefault("X-Amz-Security-Token", query.get("x-amz-security-token"));
            token = values == null || values.isEmpty() ? null : values.get(0);
        }
        if (token == null) {
            return Optional.of(AccessErrors.missingSessionToken(protocol));
        }
        if (!java.security.MessageDigest.isEqual(token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                session.sessionToken().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return Optional.of(AccessErrors.invalidSessionToken(protocol));
        }
        if (session.expiredAt(clock.instant())) {
            return Optional.of(AccessErrors.expiredToken(protocol));
        }
        return Optional.empty();
    }

    /** {@code text} with the request's session token, which is a credential, left out. */
    private static String withoutToken(HttpServletRequest request, String text) {
        String token = request.getHeader("X-Amz-Security-Token");
        if (token == null) {
            Map<String, List<String>> query = FormCodec.parse(request.getQueryString());
            List<String> values = query.getOrDefault("X-Amz-Security-Token", query.get("x-amz-security-token"));
            token = values == null || values.isEmpty() ? null : values.get(0);
        }
        if (token == null || token.isEmpty()) {
            return text;
        }
        return text.replace(token, "<session token>")
                .replace(java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8), "<session token>")
                .replace(token.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D"), "<session token>");
    }

    /** The secret that signed requests with this access key, or null when the emulator cannot know it. */
    private String secretOf(String accessKeyId) {
        String secret = secrets.get(accessKeyId);
        if (secret != null) {
            return secret;
        }
        Optional<AccessKey> userKey = userKeys.accessKey(accessKeyId);
        return userKey.isPresent() ? userKey.get().secretAccessKey()
                : sessions.apply(accessKeyId).map(IssuedSession::secretAccessKey).orElse(null);
    }

    private Optional<AwsException> checkSigV2(HttpServletRequest request, RequestCredentials credentials,
            Protocol protocol) {
        boolean inQuery = credentials.inQuery();
        if (protocol == Protocol.JSON || protocol == Protocol.REST_JSON) {
            // These services take SigV4 only; AWS reads a SigV2 header as an incomplete SigV4 one.
            return Optional.of(AccessErrors.malformed(protocol, "Authorization header requires 'Credential' parameter."
                    + " Authorization header requires 'Signature' parameter. Authorization header requires"
                    + " 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date'"
                    + " or a 'Date' header.", inQuery));
        }
        if (protocol != Protocol.REST_XML) {
            return Optional.empty();
        }
        Map<String, List<String>> query = FormCodec.parse(request.getQueryString());
        String signature;
        if (inQuery) {
            List<String> expires = query.get("Expires");
            if (expires == null || expires.isEmpty() || !expires.get(0).matches("\\d{1,12}")) {
                return Optional.of(AccessErrors.malformed(protocol,
                        "Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters", true));
            }
            if (clock.instant().getEpochSecond() > Long.parseLong(expires.get(0))) {
                return Optional.of(AccessErrors.expired(protocol));
            }
            signature = query.get("Signature").get(0);
        } else {
            String authorization = request.getHeader("Authorization").trim();
            signature = authorization.substring(authorization.indexOf(':') + 1);
        }
        String secret = secretOf(credentials.scope().accessKeyId());
        if (secret == null) {
            return Optional.empty();
        }
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(java.util.Locale.ROOT), Collections.list(request.getHeaders(name)));
        }
        // SigV2 signs the bucket of a virtual-hosted request as part of the path (its CanonicalizedResource).
        SigV2Verifier.SignedRequest signed = new SigV2Verifier.SignedRequest(request.getMethod(),
                io.labrunner.emulator.s3.VirtualHostedStyle.pathStyleUri(request), query, headers);
        if (!SigV2Verifier.matches(secret, signed, signature)) {
            LOG.debug("SigV2 mismatch; the string to sign was:\n{}", withoutToken(request,
                    SigV2Verifier.stringToSign(signed)));
            return Optional.of(AccessErrors.signatureMismatch(protocol));
        }
        return Optional.empty();
    }

    private Optional<AwsException> checkSigV4(HttpServletRequest request, RequestCredentials credentials,
            Protocol protocol, byte[] body) {
        RequestCredentials.SigV4 sigV4 = credentials.sigV4();
        boolean presigned = credentials.inQuery();
        String amzDate = presigned ? sigV4.amzDate() : headerDate(request);
        if (amzDate == null) {
            return Optional.of(AccessErrors.malformed(protocol,
                    "The X-Amz-Date or Date header is not a valid date.", false));
        }
        if (presigned && sigV4.expiresSeconds() >= 0) {
            Instant signedAt = Instant.from(AMZ_DATE.parse(amzDate));
            if (clock.instant().isAfter(signedAt.plusSeconds(sigV4.expiresSeconds()))) {
                return Optional.of(AccessErrors.expired(protocol));
            }
        }
        String secret = secretOf(credentials.scope().accessKeyId());
        if (secret == null) {
            return Optional.empty();
        }
        String payloadHash;
        if (presigned) {
            // Read from the query alone: getParameter would consume a form-encoded body.
            List<String> query = FormCodec.parse(request.getQueryString()).get("X-Amz-Content-Sha256");
            payloadHash = query != null && !query.isEmpty() ? query.get(0) : SigV4Verifier.UNSIGNED_PAYLOAD;
        } else {
            payloadHash = request.getHeader("x-amz-content-sha256");
            if (payloadHash == null && body == null) {
                return Optional.of(new AwsException("InvalidRequest",
                        "Missing required header for this request: x-amz-content-sha256", 400));
            }
            String bodyHash = body == null ? null : SigV4Verifier.sha256Hex(body);
            if (payloadHash == null) {
                payloadHash = bodyHash;
            } else if (bodyHash != null && SHA256_HEX.matcher(payloadHash).matches() && !payloadHash.equals(bodyHash)) {
                return Optional.of(AccessErrors.payloadHashMismatch(protocol));
            }
        }
        SigV4Verifier.SignedRequest signed = new SigV4Verifier.SignedRequest(request.getMethod(),
                request.getRequestURI(), request.getQueryString(), signedHeaders(request, sigV4.signedHeaders()),
                payloadHash);
        String expected = SigV4Verifier.signature(secret, signed, sigV4, credentials.scope(), amzDate, presigned);
        if (!SigV4Verifier.sameSignature(expected, sigV4.signature())) {
            LOG.debug("Signature mismatch; the canonical request was:\n{}", withoutToken(request,
                    SigV4Verifier.canonicalRequest(signed, sigV4.signedHeaders(),
                            "s3".equals(credentials.scope().service()), presigned)));
            return Optional.of(AccessErrors.signatureMismatch(protocol));
        }
        return Optional.empty();
    }

    private static Map<String, List<String>> signedHeaders(HttpServletRequest request, List<String> names) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : names) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    /** The request's signing time in SigV4's format, from X-Amz-Date or else Date; null when unreadable. */
    static String headerDate(HttpServletRequest request) {
        String amzDate = request.getHeader("X-Amz-Date");
        if (amzDate != null) {
            return amzDate.matches("\\d{8}T\\d{6}Z") ? amzDate : null;
        }
        String date = request.getHeader("Date");
        if (date == null) {
            return null;
        }
        try {
            return AMZ_DATE.format(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
