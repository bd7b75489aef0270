package io.labrunner.emulator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the emulator for AWS clients on this machine: a web page the learner visits must not be
 * able to drive it, neither by a cross-site request nor through DNS rebinding.
 *
 * <ul>
 * <li>The {@code Host} header must name loopback ({@code 127.0.0.1}, {@code localhost},
 *     {@code *.localhost}, {@code [::1]}) or the host the emulator was explicitly bound to: a
 *     rebound name (evil.example → 127.0.0.1) is refused.</li>
 * <li>A request carrying {@code Origin} comes from a web page; it is refused unless it is the one
 *     origin allowed with {@code --cors}. AWS SDKs and the AWS CLI never send {@code Origin}.</li>
 * <li>Shapes only a browser sends without a preflight are refused, unless from the allowed origin:
 *     credentials in the query string for anything but S3 (presigned URLs are an S3 feature here),
 *     and a JSON-protocol request posted with one of the content types a page may send without a
 *     preflight ({@code text/plain}, form or multipart). A request with no content type is left to
 *     the protocol, which answers it as AWS does.</li>
 * </ul>
 */
final class AccessGuard {
    /** The content types a browser sends cross-site without a preflight (the Fetch standard's CORS-safelisted ones). */
    private static final Set<String> BROWSER_CONTENT_TYPES = Set.of(
            "text/plain", "application/x-www-form-urlencoded", "multipart/form-data");
    private static final String EXPOSED_HEADERS = "x-amzn-RequestId, x-amzn-ErrorType, x-amz-request-id, x-amz-id-2,"
            + " ETag, x-amz-version-id, x-amz-delete-marker, Content-Length, Content-Type";

    private final String boundHost;
    private final String corsOrigin;

    /**
     * @param boundHost  the address the emulator was bound to; allowed as a Host besides loopback
     * @param corsOrigin the one web origin allowed (e.g. {@code http://localhost:3000}), or null for none
     */
    AccessGuard(String boundHost, String corsOrigin) {
        String bound = stripBrackets(boundHost.toLowerCase(Locale.ROOT));
        // A wildcard bind is no name a client addresses; browsers even route 0.0.0.0 to this machine.
        this.boundHost = bound.equals("0.0.0.0") || bound.equals("::") ? "localhost" : bound;
        this.corsOrigin = corsOrigin;
    }

    /** True for a CORS preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}). */
    static boolean isPreflight(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
    }

    /** True when the request comes from the origin {@code --cors} allows. */
    boolean fromAllowedOrigin(HttpServletRequest request) {
        return corsOrigin != null && corsOrigin.equals(request.getHeader("Origin"));
    }

    /** Answers a preflight from the allowed origin; the caller refuses any other. */
    void answerPreflight(HttpServletRequest request, HttpServletResponse response) {
        allowOrigin(response);
        response.setHeader("Access-Control-Allow-Methods", "GET, PUT, POST, DELETE, HEAD");
        String requested = request.getHeader("Access-Control-Request-Headers");
        if (requested != null) {
            response.setHeader("Access-Control-Allow-Headers", requested);
        }
        response.setHeader("Access-Control-Max-Age", "600");
        response.setStatus(200);
        response.setContentLength(0);
    }

    /** Adds the headers that let the allowed origin read a response. */
    void allowOrigin(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", corsOrigin);
        response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        response.setHeader("Vary", "Origin");
    }

    /**
     * Why the request is refused, or empty when it may be served.
     *
     * @param s3          whether the request is for S3
     * @param protocol    the protocol of the service it is for
     * @param credentials its credentials
     */
    Optional<String> refusal(HttpServletRequest request, boolean s3, Protocol protocol, RequestCredentials credentials) {
        Optional<String> foreignHost = hostRefusal(request);
        if (foreignHost.isPresent()) {
            return foreignHost;
        }
        String origin = request.getHeader("Origin");
        if (origin == null || !origin.equals(corsOrigin)) {
            if (origin != null) {
                return Optional.of("The emulator does not answer web pages; a request from origin '" + origin
                        + "' is refused. Start it with --cors ORIGIN to allow one origin.");
            }
            if (credentials.inQuery() && !s3) {
                return Optional.of("Credentials in the query string are accepted only on S3 presigned URLs;"
                        + " sign the request with an Authorization header.");
            }
            if (protocol == Protocol.JSON && browserContentType(request.getContentType())) {
                return Optional.of("A JSON-protocol request with Content-Type text/plain, a form or multipart comes from a"
                        + " web page; AWS SDKs send application/x-amz-json-1.0, application/x-amz-json-1.1 or"
                        + " application/x-amz-cbor-1.1.");
            }
        }
        return Optional.empty();
    }

    /**
     * Why a request addressed to another host is refused, or empty: the one check that also applies to a web page's
     * request to an S3 bucket whose own CORS rules decide which origins may use it.
     */
    Optional<String> hostRefusal(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host != null && !allowedHost(host)) {
            return Optional.of("The emulator only answers requests addressed to this machine (127.0.0.1, localhost"
                    + " or [::1]); this one was addressed to '" + host + "'.");
        }
        return Optional.empty();
    }

    boolean allowedHost(String hostHeader) {
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                return false;
            }
            host = host.substring(1, close);
        } else {
            int colon = host.indexOf(':');
            if (colon >= 0) {
                host = host.substring(0, colon);
            }
        }
        return host.equals("localhost") || host.endsWith(".localhost") || host.equals("::1")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") || host.equals(boundHost);
    }

    private static boolean browserContentType(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mime = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return BROWSER_CONTENT_TYPES.contains(mime);
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
