package io.labrunner.emulator.iam.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.labrunner.emulator.AwsRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What services use to say what IAM authorizes for a request ({@code AwsService.accessRequests}): reading
 * the names a JSON request carries and building resource ARNs. Reading is lenient: a body the service will
 * refuse anyway reads as empty, so that authorization never answers for the service's own validation.
 */
public final class AccessRequests {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AccessRequests() {
    }

    /** The JSON body as a tree; a missing node when it is empty or not JSON. */
    public static JsonNode jsonBody(AwsRequest request) {
        if (request.body() == null || request.body().length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = MAPPER.readTree(request.body());
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** The text at {@code path} (member names, nested), or {@code fallback} when absent or not text. */
    public static String text(JsonNode node, String fallback, String... path) {
        JsonNode at = node;
        for (String name : path) {
            at = at.path(name);
        }
        return at.isTextual() && !at.asText().isEmpty() ? at.asText() : fallback;
    }

    /** {@code arn:aws:<service>:<region>:<account>:<resource>}. */
    public static String arn(String service, AwsRequest request, String account, String resource) {
        return "arn:aws:" + service + ":" + request.regionOrDefault() + ":" + account + ":" + resource;
    }

    /** {@code action} on each of {@code resources}: every one must be allowed. */
    public static List<AccessRequest> on(String action, String... resources) {
        List<AccessRequest> out = new ArrayList<>();
        for (String resource : resources) {
            out.add(AccessRequest.of(action, resource));
        }
        return out;
    }

    /**
     * {@code iam:PassRole} on the role a request hands to a service ({@code glue.amazonaws.com}...), with the
     * {@code iam:PassedToService} key; a bare role name is read as a role of {@code account}.
     */
    public static AccessRequest passRole(String roleArnOrName, String account, String servicePrincipal) {
        String arn = roleArnOrName.startsWith("arn:") ? roleArnOrName : "arn:aws:iam::" + account + ":role/"
                + roleArnOrName;
        return new AccessRequest("iam:PassRole", arn, Map.of("iam:PassedToService", List.of(servicePrincipal)), null);
    }
}
