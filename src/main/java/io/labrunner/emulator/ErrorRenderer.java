package io.labrunner.emulator;

import io.labrunner.emulator.protocol.ErrorResponses;
import io.labrunner.emulator.protocol.QueryErrors;
import io.labrunner.emulator.protocol.WireFormat;
import io.labrunner.emulator.protocol.XmlWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes the errors raised outside a service's protocol core (missing credentials, a bad signature, a
 * service the emulator does not serve, a service not yet on the core) in the error shape of the caller's
 * protocol, so that the SDK raises the exception class it would raise against AWS:
 * <ul>
 * <li>JSON 1.0/1.1 (and CBOR, when the request was CBOR) and REST-JSON: by the core's one JSON renderer,
 *     {@link ErrorResponses}.</li>
 * <li>Query: {@code <ErrorResponse><Error><Type>Sender|Receiver</Type><Code/><Message/></Error><RequestId/></ErrorResponse>},
 *     by the protocol core's {@link QueryErrors}, as the query services themselves answer.</li>
 * <li>REST-XML (S3): {@code <Error><Code/><Message/><RequestId/></Error>}, no body for HEAD.</li>
 * </ul>
 * S3's own errors are written by S3Proxy in the same REST-XML shape.
 */
final class ErrorRenderer {
    private static final String CBOR = "application/x-amz-cbor-1.1";
    private static final String SMITHY_PROTOCOL = "smithy-protocol";

    private ErrorRenderer() {
    }

    static void render(HttpServletRequest request, HttpServletResponse response, Protocol protocol,
            AwsException error, String requestId) throws IOException {
        response.setStatus(error.status());
        response.setHeader(FrontDoor.REQUEST_ID_HEADER, requestId);
        String message = error.getMessage() == null ? "" : error.getMessage();
        switch (protocol) {
            case JSON -> {
                WireFormat format = isRpcV2Cbor(request) ? WireFormat.RPC_V2_CBOR
                        : isCbor(request) ? WireFormat.CBOR : WireFormat.JSON;
                if (format == WireFormat.RPC_V2_CBOR) {
                    response.setHeader(SMITHY_PROTOCOL, "rpc-v2-cbor");
                }
                write(response, ErrorResponses.render(error, format, jsonVersion(request)));
            }
            case REST_JSON -> write(response, ErrorResponses.restJson(error, "message"));
            case QUERY -> write(response, QueryErrors.CONTENT_TYPE, QueryErrors.document(error, null, requestId));
            case REST_XML -> {
                byte[] body = XmlWriter.document()
                        .start("Error")
                        .element("Code", error.code())
                        .element("Message", message)
                        .element("RequestId", requestId)
                        .toString().getBytes(StandardCharsets.UTF_8);
                if ("HEAD".equals(request.getMethod())) {
                    response.setContentType("application/xml");
                } else {
                    write(response, "application/xml", body);
                }
            }
        }
    }

    /**
     * The protocol a request seems to speak, for errors raised before a service is known
     * (no credentials, a service the emulator does not serve).
     */
    static Protocol guessProtocol(HttpServletRequest request, String decodedPath) {
        String contentType = contentType(request);
        if (request.getHeader("X-Amz-Target") != null || contentType.startsWith("application/x-amz-json")
                || contentType.startsWith("application/x-amz-cbor") || isRpcV2Cbor(request)) {
            return Protocol.JSON;
        }
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            return Protocol.QUERY;
        }
        if (contentType.startsWith("application/json") || decodedPath.startsWith("/model/")) {
            return Protocol.REST_JSON;
        }
        return Protocol.REST_XML;
    }

    /** Smithy RPC v2 CBOR (CloudWatch's SDK v2 client): its header, or its Content-Type, says so. */
    private static boolean isRpcV2Cbor(HttpServletRequest request) {
        return request.getHeader(SMITHY_PROTOCOL) != null || contentType(request).startsWith("application/cbor");
    }

    private static boolean isCbor(HttpServletRequest request) {
        return contentType(request).startsWith(CBOR);
    }

    private static String jsonVersion(HttpServletRequest request) {
        return contentType(request).startsWith("application/x-amz-json-1.0") ? "1.0" : "1.1";
    }

    private static String contentType(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    }

    private static void write(HttpServletResponse response, AwsResponse answer) throws IOException {
        answer.headers().forEach(response::setHeader);
        write(response, answer.contentType(), answer.body());
    }

    private static void write(HttpServletResponse response, String contentType, byte[] body) throws IOException {
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
