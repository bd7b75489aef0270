package io.labrunner.emulator;

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
 */
final class FrontDoor extends HttpServlet {
    static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);
    private static final long serialVersionUID = 1L;

    /** Signing names for requests whose credentials carry no SigV4 scope (SigV2). */
    private static final Map<String, String> TARGET_PREFIXES = Map.of(
            "AWSGlue", "glue",
            "AmazonAthena", "athena",
            "Kinesis_20131202", "kinesis",
            "Firehose_20150804", "firehose",
            "AWSSecurityTokenServiceV20110615", "sts");

    private final transient Supplier<S3Frontend> s3;
    private final transient Map<String, AwsService> services;
    private final String defaultRegion;

    /**
     * @param s3 supplies the S3 handler, which may still be warming up when the port opens
     */
    FrontDoor(Supplier<S3Frontend> s3, Map<String, AwsService> services, String defaultRegion) {
        this.s3 = s3;
        this.services = Map.copyOf(services);
        this.defaultRegion = defaultRegion;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String requestId = UUID.randomUUID().toString();
        response.setHeader(REQUEST_ID_HEADER, requestId);
        Map<String, List<String>> query = FormCodec.parse(request.getQueryString());
        String path = FormCodec.decodePath(request.getRequestURI());

        Optional<SigningScope> scope = SigningScope.of(request.getHeader("Authorization"), query);
        if (scope.isEmpty()) {
            missingCredentials(request, response, path, requestId);
            return;
        }
        String signingName = signingName(request, scope.get(), path);
        if ("s3".equals(signingName)) {
            s3.get().serve(request, response);
            return;
        }

        AwsRequest awsRequest = read(request, query, path, scope.get(), signingName);
        AwsService service = services.get(signingName);
        if (service == null) {
            String operation = awsRequest.operation().orElse(request.getMethod() + " " + path);
            ErrorRenderer.render(request, response, ErrorRenderer.guessProtocol(request, path),
                    AwsException.notImplemented(signingName, operation), requestId);
            return;
        }
        try {
            write(response, service.handle(awsRequest));
        } catch (AwsException e) {
            ErrorRenderer.render(request, response, service.protocol(), e, requestId);
        } catch (RuntimeException e) {
            LOG.warn("{} failed on {}", signingName, awsRequest.operation().orElse(path), e);
            ErrorRenderer.render(request, response, service.protocol(),
                    new AwsException("InternalFailure", "The emulator failed on "
                            + awsRequest.operation().orElse(path) + "; its log has the details.", 500), requestId);
        }
    }

    private static void missingCredentials(HttpServletRequest request, HttpServletResponse response,
            String path, String requestId) throws IOException {
        Protocol protocol = ErrorRenderer.guessProtocol(request, path);
        AwsException error = switch (protocol) {
            // S3 treats an unsigned request as anonymous, and anonymous access is denied.
            case REST_XML -> new AwsException("AccessDenied", "Access Denied", 403);
            case QUERY -> new AwsException("MissingAuthenticationToken",
                    "Request is missing Authentication Token", 403);
            case JSON, REST_JSON -> new AwsException("MissingAuthenticationTokenException",
                    "Missing Authentication Token", 403);
        };
        ErrorRenderer.render(request, response, protocol, error, requestId);
    }

    private static String signingName(HttpServletRequest request, SigningScope scope, String path) {
        if (scope.service() != null) {
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

    private AwsRequest read(HttpServletRequest request, Map<String, List<String>> query, String path,
            SigningScope scope, String signingName) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            FormCodec.addTo(query, new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), String.join(",", Collections.list(request.getHeaders(name))));
        }
        String region = scope.region() != null ? scope.region() : defaultRegion;
        return new AwsRequest(request.getMethod(), path, query, Map.copyOf(headers), body,
                signingName, region, scope.accessKeyId());
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
