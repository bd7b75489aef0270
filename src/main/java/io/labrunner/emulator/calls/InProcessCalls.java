package io.labrunner.emulator.calls;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.iam.access.AccessRequest;
import io.labrunner.emulator.iam.access.Denial;
import io.labrunner.emulator.iam.access.ServiceAccess;
import io.labrunner.emulator.protocol.ServiceModel;
import io.labrunner.emulator.protocol.ServiceModels;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link ServiceCalls} over the emulator's services by signing name: each call becomes the AWS JSON request a
 * client would send, authorized with {@link ServiceAccess} for the principal's role, and handled by the service.
 */
public final class InProcessCalls implements ServiceCalls {
    /** Signing names whose botocore model folder has another name. */
    private static final Map<String, String> MODEL_NAMES = Map.of("states", "stepfunctions", "monitoring", "cloudwatch");
    /** The IAM action prefix where it is not the signing name. */
    private static final Map<String, String> IAM_PREFIXES = Map.of("monitoring", "cloudwatch");
    /** Stands for the calling service's credentials; no client ever signs with it. */
    private static final String IN_PROCESS_KEY = "in-process";

    private final Function<String, Optional<AwsService>> services;
    private final ServiceAccess access;

    /**
     * @param services the emulator's services by signing name (read at each call: services start with the emulator)
     * @param access   what a role may do
     */
    public InProcessCalls(Function<String, Optional<AwsService>> services, ServiceAccess access) {
        this.services = services;
        this.access = access;
    }

    @Override
    public JsonNode call(Principal principal, String signingName, String operation, JsonNode input, String region) {
        AwsService service = services.apply(signingName).orElseThrow(() -> new AwsException("NotImplemented",
                "The embedded emulator does not serve " + signingName, 501));
        ServiceModel model = ServiceModels.get(MODEL_NAMES.getOrDefault(signingName, signingName));
        if (!model.speaks("json") || model.targetPrefix() == null) {
            throw new AwsException("NotImplemented", "The embedded emulator calls " + model.serviceId()
                    + " only from clients, not from another service: it speaks " + model.protocol(), 501);
        }
        AwsRequest request = new AwsRequest("POST", "/", Map.of(), Map.of(
                "x-amz-target", model.targetPrefix() + "." + operation,
                "content-type", "application/x-amz-json-" + (model.jsonVersion() == null ? "1.1" : model.jsonVersion())),
                bytes(input),
                signingName, region, IN_PROCESS_KEY);
        authorize(principal, service, request, signingName, operation);
        return outputOf(service.handle(request));
    }

    private void authorize(Principal principal, AwsService service, AwsRequest request, String signingName,
            String operation) {
        if (principal.roleArn() == null) {
            return;
        }
        List<AccessRequest> requests = service.accessRequests(request);
        if (requests.isEmpty()) {
            requests = List.of(AccessRequest.of(IAM_PREFIXES.getOrDefault(signingName, signingName) + ":" + operation,
                    "*"));
        }
        for (AccessRequest each : requests) {
            Optional<Denial> denial = access.check(principal.roleArn(), principal.sessionName(), each);
            if (denial.isPresent()) {
                throw new AwsException("AccessDeniedException", denial.get().message(false), 400);
            }
        }
    }

    /** The output members, or the service's error as an {@link AwsException}. */
    private static JsonNode outputOf(AwsResponse response) {
        JsonNode body = parse(response.body());
        if (response.status() < 300) {
            return body.isObject() ? body : Json.mapper().createObjectNode();
        }
        String type = response.headers().getOrDefault("x-amzn-ErrorType", body.path("__type").asText("InternalFailure"));
        type = type.isEmpty() ? body.path("__type").asText("InternalFailure") : type;
        // "com.amazonaws.glue#EntityNotFoundException" or "EntityNotFoundException:http://..." name the same code.
        String code = type.substring(type.lastIndexOf('#') + 1);
        int colon = code.indexOf(':');
        code = colon < 0 ? code : code.substring(0, colon);
        String message = body.path("message").asText(body.path("Message").asText(""));
        return fail(code, message, response.status());
    }

    private static JsonNode fail(String code, String message, int status) {
        throw new AwsException(code, message, status);
    }

    private static byte[] bytes(JsonNode input) {
        try {
            return Json.mapper().writeValueAsBytes(input == null ? Json.mapper().createObjectNode() : input);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Json.mapper().createObjectNode();
        }
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }
}
