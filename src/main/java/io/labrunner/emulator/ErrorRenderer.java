package io.labrunner.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.labrunner.emulator.protocol.QueryErrors;
import io.labrunner.emulator.protocol.XmlWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The one place an {@link AwsException} becomes bytes, in the error shape of the caller's protocol,
 * so that the SDK raises the exception class it would raise against AWS:
 * <ul>
 * <li>JSON 1.1 (and CBOR, when the request was CBOR): body {@code {"__type":code,"message":..}} and
 *     header {@code x-amzn-ErrorType} — the SDK reads the code from either.</li>
 * <li>REST-JSON: body {@code {"message":..}} and header {@code x-amzn-ErrorType}.</li>
 * <li>Query: {@code <ErrorResponse><Error><Type>Sender|Receiver</Type><Code/><Message/></Error><RequestId/></ErrorResponse>},
 *     by the protocol core's {@link QueryErrors}, as the query services themselves answer.</li>
 * <li>REST-XML (S3): {@code <Error><Code/><Message/><RequestId/></Error>}, no body for HEAD.</li>
 * </ul>
 * S3's own errors are written by S3Proxy in the same REST-XML shape.
 */
final class ErrorRenderer {
    static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";
    private static final String CBOR = "application/x-amz-cbor-1.1";
    private static final ObjectMapper CBOR_MAPPER = new ObjectMapper(new CBORFactory());

    private ErrorRenderer() {
    }

    static void render(HttpServletRequest request, HttpServletResponse response, Protocol protocol,
            AwsException error, String requestId) throws IOException {
        response.setStatus(error.status());
        response.setHeader(FrontDoor.REQUEST_ID_HEADER, requestId);
        String message = error.getMessage() == null ? "" : error.getMessage();
        switch (protocol) {
            case JSON -> {
                response.setHeader(ERROR_TYPE_HEADER, error.code());
                ObjectNode body = Json.object().put("__type", error.code()).put("message", message);
                if (isCbor(request)) {
                    write(response, CBOR, CBOR_MAPPER.writeValueAsBytes(body));
                } else {
                    write(response, jsonContentType(request), Json.mapper().writeValueAsBytes(body));
                }
            }
            case REST_JSON -> {
                response.setHeader(ERROR_TYPE_HEADER, error.code());
                write(response, "application/json",
                        Json.mapper().writeValueAsBytes(Json.object().put("message", message)));
            }
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
                || contentType.startsWith("application/x-amz-cbor")) {
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

    private static boolean isCbor(HttpServletRequest request) {
        return contentType(request).startsWith(CBOR);
    }

    private static String jsonContentType(HttpServletRequest request) {
        String contentType = contentType(request);
        return contentType.startsWith("application/x-amz-json-1.0") ? "application/x-amz-json-1.0"
                : "application/x-amz-json-1.1";
    }

    private static String contentType(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    }

    private static void write(HttpServletResponse response, String contentType, byte[] body) throws IOException {
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
