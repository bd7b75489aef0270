package io.labrunner.emulator.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol core for REST-JSON services (Bedrock's control plane and runtime): routes a request by HTTP
 * method and the model's {@code requestUri} templates, gathers its input from URI labels, query string,
 * headers and the JSON body (or a {@code payload} member), checks it against the model in AWS's order, runs
 * the handler and writes the output where the model places it. One service may answer for several models
 * that share a signing name, as {@code bedrock} and {@code bedrock-runtime} do.
 *
 * <p>Order of checks:
 * <ol>
 * <li>no operation of the models at this method and path: 404 UnknownOperationException, the answer of
 *     AWS's service framework when no operation claims a request (smithy-lang/smithy#1368, from AWS);</li>
 * <li>an operation this emulator does not implement: 501 NotImplemented, naming it;</li>
 * <li>a body that is not JSON, or members of the wrong JSON type: SerializationException;</li>
 * <li>a query or header value not of its member's type, and the model's constraints on every member, URI
 *     labels included ({@code Value 'x' at 'modelId' failed to satisfy constraint: ...}): one
 *     ValidationException;</li>
 * <li>the handler. It returns the output members (maps, JSON trees), which the core writes with the
 *     operation's {@code responseCode}; or, for what the model cannot describe (event streams, answers whose
 *     headers depend on the model invoked), a complete {@link AwsResponse}, passed through as it is.</li>
 * </ol>
 * Errors, the handler's included, are written by {@link ErrorResponses#restJson}, their text in the member
 * the model's error shape names.
 */
public final class RestJsonProtocolService {
    private static final Logger LOG = LoggerFactory.getLogger(RestJsonProtocolService.class);

    private final Map<String, ServiceModel> models;
    /** One per model, built once: each holds Jackson mappers, which are costly to make per request. */
    private final Map<String, RestOutputWriter> writers = new LinkedHashMap<>();
    private final Map<String, OperationHandler> handlers;
    private final RestRouter router;
    private final Quoting quoting;

    private RestJsonProtocolService(Builder builder) {
        this.models = new LinkedHashMap<>();
        List<RestRoute> routes = new ArrayList<>();
        for (String name : builder.modelNames) {
            ServiceModel model = ServiceModels.get(name);
            if (!"rest-json".equals(model.protocol())) {
                throw new IllegalArgumentException(name + " speaks " + model.protocol() + ", not REST-JSON");
            }
            models.put(name, model);
            writers.put(name, new RestOutputWriter(model));
            model.operations().values().stream().filter(op -> op.http() != null)
                    .forEach(op -> routes.add(RestRoute.of(name, op)));
        }
        for (String operation : builder.handlers.keySet()) {
            if (models.values().stream().noneMatch(m -> m.operation(operation).isPresent())) {
                throw new IllegalArgumentException(String.join(", ", builder.modelNames) + " have no operation " + operation);
            }
        }
        this.handlers = Map.copyOf(builder.handlers);
        this.router = new RestRouter(routes);
        this.quoting = builder.quoting;
    }

    /** Starts a service on the models named (botocore's folder names, e.g. {@code bedrock}, {@code bedrock-runtime}). */
    public static Builder builder(String... modelNames) {
        return new Builder(List.of(modelNames));
    }

    /** The operations this service implements. */
    public Set<String> operations() {
        return handlers.keySet();
    }

    /**
     * The operation a request is for and its URI labels (e.g. {@code modelId}), as the router finds it; empty
     * when no operation of the models claims the request.
     */
    public Optional<Map.Entry<String, Map<String, String>>> operationOf(AwsRequest request) {
        return router.route(request.method(), request.path(), request.query())
                .map(m -> Map.entry(m.route().operation().name(), m.labels()));
    }

    /** Answers one request; every error comes back as an AWS-shaped response, never as an exception. */
    public AwsResponse handle(AwsRequest request) {
        Optional<RestRouter.Match> match = router.route(request.method(), request.path(), request.query());
        ServiceModel model = match.map(m -> models.get(m.route().service())).orElse(null);
        String operationName = match.map(m -> m.route().operation().name()).orElse("?");
        try {
            RestRouter.Match found = match.orElseThrow(() -> unknownRoute(request));
            Operation operation = found.route().operation();
            OperationHandler handler = handlers.get(operation.name());
            if (handler == null) {
                throw AwsException.notImplemented(model.serviceId(), operation.name());
            }
            ObjectNode input = input(model, operation, request, found.labels());
            Object output = handler.handle(input, request);
            if (output instanceof AwsResponse complete) {
                return complete;
            }
            return writers.get(found.route().service()).write(operation, output);
        } catch (AwsException e) {
            return ErrorResponses.restJson(e, ErrorResponses.messageMember(model == null ? null : model.shapes().get(e.code())));
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", model == null ? "REST-JSON" : model.serviceId(), operationName, e);
            return ErrorResponses.restJson(ProtocolErrors.internalFailure(), "message");
        }
    }

    /** The request's input, type-checked and validated against the operation's input shape. */
    private ObjectNode input(ServiceModel model, Operation operation, AwsRequest request, Map<String, String> labels) {
        if (operation.input() == null) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        Shape shape = model.shape(operation.input());
        ObjectNode raw = new RestInputReader(model).read(request, shape, labels);
        ObjectNode input = new InputDecoder(model, WireFormat.JSON).decode(raw, shape);
        List<String> violations = ConstraintValidator.violations(model, input, shape, quoting);
        if (!violations.isEmpty()) {
            throw ProtocolErrors.validation(violations);
        }
        return input;
    }

    private static AwsException unknownRoute(AwsRequest request) {
        return ProtocolErrors.unknownRoute(request.method() + " " + request.path());
    }

    /** Wires a service: its models and its handlers. */
    public static final class Builder {
        private final List<String> modelNames;
        private final Map<String, OperationHandler> handlers = new LinkedHashMap<>();
        private Quoting quoting = Quoting.SCALARS;

        private Builder(List<String> modelNames) {
            this.modelNames = modelNames;
        }

        /** The behaviour of {@code operation}, which must be one of the models'. */
        public Builder handler(String operation, OperationHandler handler) {
            handlers.put(operation, handler);
            return this;
        }

        /** Which values validation messages quote back; by default scalars only, as Bedrock does. */
        public Builder quoting(Quoting quoting) {
            this.quoting = quoting;
            return this;
        }

        public RestJsonProtocolService build() {
            return new RestJsonProtocolService(this);
        }
    }
}
