package io.labrunner.emulator.s3;

import io.labrunner.emulator.ObjectEvents;
import io.labrunner.emulator.iam.access.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import org.w3c.dom.Element;

/**
 * Tells {@link ObjectEvents} of the object changes S3 announces to EventBridge, for buckets whose notification
 * configuration holds {@code <EventBridgeConfiguration/>}: after a successful PutObject, CopyObject or
 * CompleteMultipartUpload ("Object Created", with the object's size and ETag as stored), and DeleteObject or
 * DeleteObjects ("Object Deleted"), in the shape of "EventBridge event message structure" (S3 user guide).
 */
final class ObjectEventReporter {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final ObjectEvents events;
    private final String region;
    private final BiFunction<String, String, HeadObjectResponse> head;
    /** Grows with every event, so a later change of a key has a greater sequencer, as S3 promises. */
    private final AtomicLong sequencer = new AtomicLong(System.currentTimeMillis() << 16);

    ObjectEventReporter(ObjectEvents events, String region, BiFunction<String, String, HeadObjectResponse> head) {
        this.events = events;
        this.region = region;
        this.head = head;
    }

    /** Reports what a request that S3 answered successfully changed; {@code deleteBody} is DeleteObjects' XML. */
    void afterRequest(HttpServletRequest request, HttpServletResponse response, Caller caller, String bucket,
            String key, byte[] deleteBody) {
        int status = response.getStatus();
        if (events == ObjectEvents.NONE || status < 200 || status >= 300) {
            return;
        }
        String method = request.getMethod();
        Map<String, String[]> parameters = request.getParameterMap();
        if (key != null && "PUT".equals(method) && (parameters.isEmpty()
                || (parameters.size() == 1 && parameters.containsKey("x-id")))) {
            created(request, response, caller, bucket, key,
                    request.getHeader("x-amz-copy-source") != null ? "CopyObject" : "PutObject");
        } else if (key != null && "POST".equals(method) && parameters.containsKey("uploadId")) {
            created(request, response, caller, bucket, key, "CompleteMultipartUpload");
        } else if (key != null && "DELETE".equals(method) && !parameters.containsKey("uploadId")
                && !parameters.containsKey("tagging")) {
            deleted(request, response, caller, bucket, key, "DeleteObject");
        } else if (key == null && "POST".equals(method) && parameters.containsKey("delete") && deleteBody != null) {
            for (Element object : SmallXml.children(SmallXml.parse(deleteBody), "Object")) {
                deleted(request, response, caller, bucket, SmallXml.text(object, "Key"), "DeleteObjects");
            }
        }
    }

    private void created(HttpServletRequest request, HttpServletResponse response, Caller caller, String bucket,
            String key, String reason) {
        HeadObjectResponse object;
        try {
            object = head.apply(bucket, key);
        } catch (RuntimeException e) {
            object = null;
        }
        if (object == null) {
            return;
        }
        String etag = object.eTag() == null ? null : object.eTag().replace("\"", "");
        events.put(new ObjectEvents.ObjectEvent(region, "Object Created", bucket, key, object.contentLength(), etag,
                null, nextSequencer(), requestId(response), requester(caller), request.getRemoteAddr(), reason, null,
                Instant.now()));
    }

    private void deleted(HttpServletRequest request, HttpServletResponse response, Caller caller, String bucket,
            String key, String reason) {
        events.put(new ObjectEvents.ObjectEvent(region, "Object Deleted", bucket, key, null, null, null,
                nextSequencer(), requestId(response), requester(caller), request.getRemoteAddr(), reason,
                "Permanently Deleted", Instant.now()));
    }

    private String nextSequencer() {
        return HexFormat.of().withUpperCase().toHexDigits(sequencer.incrementAndGet());
    }

    private static String requestId(HttpServletResponse response) {
        String id = response.getHeader("x-amz-request-id");
        if (id != null && !id.isEmpty()) {
            return id;
        }
        StringBuilder made = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            made.append(CHARACTERS.charAt(RANDOM.nextInt(CHARACTERS.length())));
        }
        return made.toString();
    }

    /** The requesting account, as S3 names it in the event: the account id of the caller's ARN. */
    private static String requester(Caller caller) {
        String[] parts = caller.arn() == null ? new String[0] : caller.arn().split(":");
        return parts.length > 4 ? parts[4] : caller.arn();
    }
}
