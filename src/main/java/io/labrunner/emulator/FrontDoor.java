package io.labrunner.emulator;

import io.labrunner.emulator.iam.access.Callers;
import io.labrunner.emulator.s3.S3Frontend;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's only servlet: one port for every service. Picks the service by the SigV4 signing
 * name, falling back to the {@code X-Amz-Target} prefix and then the path; streams S3 straight
 * through to S3Proxy and hands every other service a fully read {@link AwsRequest}.
 *
 * <p>Before any service sees a request, in this order: {@link AccessGuard} refuses what is not an AWS
 * client on this machine (a foreign Host, a web page's Origin or shapes); {@link Authenticator} refuses
 * missing, malformed or (for the emulator's own key) wrongly signed credentials; bodies of services other
 * than S3 are capped; with IAM enforcement on, {@link RequestAuthorizer} refuses what the caller's policies do not
 * allow. Every refusal is a 4xx in the protocol of the service the request is for.
 */
final class FrontDoor extends HttpServlet {
    static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    /** The largest body a JSON or query service takes: Kinesis PutRecords (5 MiB of data, base64 in JSON) fits. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** Bedrock runtime takes documents and images inline, up to about 25 MB of request. */
    static final int MAX_BEDROCK_BODY_BYTES = 32 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);
    private static final long serialVersionUID = 1L;

    /** Signing names for requests whose credentials carry no SigV4 scope (SigV2). */
    private static final Map<String, String> TARGET_PREFIXES = Map.of(
            "AWSGlue", "glue",
            "AmazonAthena", "athena",
            "Kinesis_20131202", "kinesis",
            "Firehose_20150804", "firehose",
            "AWSSecurityTokenServiceV20110615", "sts",
            "TrentService", "kms");

    private final transient Supplier<S3Frontend> s3;
    private final transient Map<String, AwsService> services;
    private final String defaultRegion;
    private final transient AccessGuard guard;
    private final transient Authenticator authenticator;
    private final transient Callers callers;
    private final transient RequestAuthorizer authorizer;
    private final EmulatorHealth health;

    /**
     * @param s3         supplies the S3 handler, which may still be warming up when the port opens
     * @param authorizer decides what a caller may do with every service but S3
     */
    FrontDoor(Supplier<S3Frontend> s3, Map<String, AwsService> services, String defaultRegion, AccessGuard guard,
            Authenticator authenticator, Callers callers, RequestAuthorizer authorizer, EmulatorHealth health) {
        this.s3 = s3;
        this.health = health;
        this.callers = callers;
        this.authorizer = authorizer;
        this.services = Map.copyOf(services);
        this.defaultRegion = defaultRegion;
        this.guard = guard;
        this.authenticator = authenticator;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String requestId = UUID.randomUUID().toString();
        response.setHeader(REQUEST_ID_HEADER, requestId);
        try {
            serve(request, response, requestId);
        } catch (IOException e) {
            // The client went away mid-request or mid-response: nothing left to answer, nothing to debug.
            LOG.info("Client closed the connection during {} {} ({})", request.getMethod(), request.getRequestURI(),
                    e.getMessage() == null ? "connection closed" : e.getMessage());
        } catch (RuntimeException e) {
            // A bug, not the caller's fault: the stack trace once in the log, a 500 without class names on the wire.
            LOG.warn("The emulator failed on {} {} (request {})", request.getMethod(), request.getRequestURI(),
                    requestId, e);
            if (!response.isCommitted()) {
                response.resetBuffer();
                ErrorRenderer.render(request, response, ErrorRenderer.guessProtocol(request,
                        FormCodec.decodePath(request.getRequestURI())), AccessErrors.internal(), requestId);
            }
        }
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, String requestId) throws IOException {
        Map<String, List<String>> query = FormCodec.parse(request.getQueryString());
        String path = FormCodec.decodePath(request.getRequestURI());
        boolean hasDate = request.getHeader("X-Amz-Date") != null || request.getHeader("Date") != null;
        RequestCredentials credentials = RequestCredentials.of(request.getHeader("Authorization"), query, hasDate);
        String signingName = signingName(request, credentials.scope(), path);
        // Without credentials, "s3" is only the fallback guess: let the request's shape say.
        Protocol protocol = credentials.present() || !"s3".equals(signingName)
                ? protocolOf(request, signingName, path) : ErrorRenderer.guessProtocol(request, path);
        boolean isS3 = "s3".equals(signingName) && protocol == Protocol.REST_XML;

        // A web page's request to a bucket with a CORS configuration: the bucket's rules decide, as on S3, not --cors.
        boolean bucketCors = request.getHeader("Origin") != null && "s3".equals(signingName)
                && s3.get().bucketDecidesCors(request);
        if (bucketCors && guard.hostRefusal(request).isEmpty() && AccessGuard.isPreflight(request)) {
            s3.get().answerPreflight(request, response);
            return;
        }
        if (!bucketCors && guard.fromAllowedOrigin(request)) {
            guard.allowOrigin(response);
            if (AccessGuard.isPreflight(request)) {
                guard.answerPreflight(request, response);
                return;
            }
        }
        Optional<String> refusal = bucketCors ? guard.hostRefusal(request)
                : guard.refusal(request, isS3, protocol, credentials);
        if (refusal.isPresent()) {
            refuse(request, response, protocol, AccessErrors.refused(protocol, refusal.get()), requestId);
            return;
        }
        if (EmulatorHealth.PATH.equals(path) && "GET".equals(request.getMethod())) {
            response.setStatus(200);
            response.setContentType("application/json");
            response.getOutputStream().write(health.toJson());
            return;
        }
        if (isS3) {
            Optional<AwsException> denied = authenticator.check(request, credentials, protocol, null);
            if (denied.isPresent()) {
                refuse(request, response, protocol, denied.get(), requestId);
                return;
            }
            s3.get().serve(request, response, callers.of(credentials.scope() == null ? ""
                    : credentials.scope().accessKeyId()));
            return;
        }
        if (!credentials.present()) {
            refuse(request, response, protocol, AccessErrors.missingCredentials(protocol), requestId);
            return;
        }
        int limit = "bedrock".equals(signingName) ? MAX_BEDROCK_BODY_BYTES : MAX_BODY_BYTES;
        byte[] body;
        try {
            body = readBody(request, limit);
        } catch (IOException e) {
            if (!isTimeout(e)) {
                throw e;
            }
            // The body stopped arriving: Jetty's idle timeout ended the wait. Say so, and drop the connection.
            response.setHeader("Connection", "close");
            refuse(request, response, protocol, AccessErrors.bodyTimeout(protocol), requestId);
            return;
        }
        if (body == null) {
            response.setHeader("Connection", "close"); // the rest of the body is not worth reading
            refuse(request, response, protocol, AccessErrors.tooLarge(protocol, limit), requestId);
            return;
        }
        Optional<AwsException> denied = authenticator.check(request, credentials, protocol, body);
        if (denied.isPresent()) {
            refuse(request, response, protocol, denied.get(), requestId);
            return;
        }
        AwsRequest awsRequest = awsRequest(request, query, path, credentials.scope(), signingName, body);
        AwsService service = services.get(signingName);
        if (service == null) {
            String operation = awsRequest.operation().orElse(request.getMethod() + " " + path);
            ErrorRenderer.render(request, response, protocol, AwsException.notImplemented(signingName, operation),
                    requestId);
            return;
        }
        // Authorized before the service acts: nothing a denied request asked for is done.
        Optional<io.labrunner.emulator.iam.access.Denial> denial;
        try {
            denial = authorizer.check(service, awsRequest, callers.of(awsRequest.accessKeyId()));
        } catch (AwsException e) {
            ErrorRenderer.render(request, response, service.protocol(), e, requestId);
            return;
        }
        if (denial.isPresent()) {
            refuse(request, response, protocol, AccessErrors.accessDenied(protocol, denial.get().message(false)),
                    requestId);
            return;
        }
        try {
            write(response, service.handle(awsRequest));
        } catch (AwsException e) {
            ErrorRenderer.render(request, response, service.protocol(), e, requestId);
        } catch (RuntimeException e) {
            LOG.warn("{} failed on {} (request {})", signingName, awsRequest.operation().orElse(path), requestId, e);
            ErrorRenderer.render(request, response, service.protocol(), AccessErrors.internal(), requestId);
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Protocol protocol,
            AwsException error, String requestId) throws IOException {
        LOG.debug("Refused {} {}: {} {}", request.getMethod(), request.getRequestURI(), error.code(), error.getMessage());
        ErrorRenderer.render(request, response, protocol, error, requestId);
    }

    /** The protocol of the service a request is for, guessed from its shape when no service serves it. */
    private Protocol protocolOf(HttpServletRequest request, String signingName, String path) {
        if ("s3".equals(signingName)) {
            return Protocol.REST_XML;
        }
        AwsService service = services.get(signingName);
        Protocol guessed = ErrorRenderer.guessProtocol(request, path);
        if (service == null) {
            return guessed;
        }
        // A query service that also serves JSON and CBOR (CloudWatch) answers in what the request speaks.
        return service.protocol() == Protocol.QUERY && guessed == Protocol.JSON ? Protocol.JSON : service.protocol();
    }

    /** Whether a timeout is among the exception's causes or the exceptions suppressed along the way. */
    static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isTimeout(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The whole body, or null when it is longer than {@code limit}. */
    private static byte[] readBody(HttpServletRequest request, int limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            return null;
        }
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        return body.length > limit ? null : body;
    }

    private static String signingName(HttpServletRequest request, SigningScope scope, String path) {
        if (scope != null && scope.service() != null) {
            return scope.service().toLowerCase(Locale.ROOT);
        }
        String target = request.getHeader("X-Amz-Target");
        if (target != null) {
            int dot = target.indexOf('.');
            String prefix = dot < 0 ? target : target.substring(0, dot);
            return TARGET_PREFIXES.getOrDefault(prefix, prefix.toLowerCase(Locale.ROOT));
        }
        return path.startsWith("/model/") ? "bedrock" : "s3";
    }

    private AwsRequest awsRequest(HttpServletRequest request, Map<String, List<String>> query, String path,
            SigningScope scope, String signingName, byte[] body) {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            FormCodec.addTo(query, new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), String.join(",", Collections.list(request.getHeaders(name))));
        }
        String region = scope != null && scope.region() != null ? scope.region() : defaultRegion;
        String accessKey = scope != null ? scope.accessKeyId() : "";
        return new AwsRequest(request.getMethod(), path, query, Map.copyOf(headers), body,
                signingName, region, accessKey);
    }

    private static void write(HttpServletResponse response, AwsResponse answer) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        answer.headers().forEach(response::setHeader);
        byte[] body = answer.body() == null ? new byte[0] : answer.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
