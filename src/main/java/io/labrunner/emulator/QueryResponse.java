package io.labrunner.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Builds a query-protocol success response: {@code <ActionResponse><ActionResult>..</ActionResult>
 * <ResponseMetadata><RequestId>..</RequestId></ResponseMetadata></ActionResponse>}.
 */
public final class QueryResponse {
    private QueryResponse() {
    }

    /**
     * @param action the operation name, e.g. {@code GetCallerIdentity}
     * @param xmlns  the service's namespace, e.g. {@code https://sts.amazonaws.com/doc/2011-06-15/}
     * @param result writes the children of {@code <ActionResult>}
     */
    public static AwsResponse of(String action, String xmlns, Consumer<XmlWriter> result) {
        String requestId = UUID.randomUUID().toString();
        XmlWriter xml = XmlWriter.document().start(action + "Response", xmlns).start(action + "Result");
        result.accept(xml);
        xml.end().start("ResponseMetadata").element("RequestId", requestId).end();
        return new AwsResponse(200, "text/xml", Map.of(FrontDoor.REQUEST_ID_HEADER, requestId),
                xml.toString().getBytes(StandardCharsets.UTF_8));
    }
}
