package io.labrunner.emulator.protocol;

import io.labrunner.emulator.AwsException;
import java.nio.charset.StandardCharsets;

/**
 * The one renderer of errors for the query protocol (IAM, STS), for the protocol core and the front
 * door alike: {@code <ErrorResponse xmlns=..><Error><Type>Sender|Receiver</Type><Code/><Message/></Error>
 * <RequestId/></ErrorResponse>} with the error's status, as IAM answers (e.g. a ValidationError recorded
 * in legion-platform/legion#530). SDKs take the exception class from {@code Code}; {@code Type} is
 * {@code Sender} for the caller's faults (4xx) and {@code Receiver} for the service's.
 */
public final class QueryErrors {
    /** The Content-Type IAM and STS answer with. */
    public static final String CONTENT_TYPE = "text/xml";

    private QueryErrors() {
    }

    /**
     * The error document.
     *
     * @param xmlns the service's namespace, or null when the service is not known yet (the front door's
     *              refusals)
     */
    public static byte[] document(AwsException error, String xmlns, String requestId) {
        return XmlWriter.document()
                .start("ErrorResponse", xmlns)
                .start("Error")
                .element("Type", error.senderFault() ? "Sender" : "Receiver")
                .element("Code", error.code())
                .element("Message", error.getMessage() == null ? "" : error.getMessage())
                .end()
                .element("RequestId", requestId)
                .toString().getBytes(StandardCharsets.UTF_8);
    }
}
