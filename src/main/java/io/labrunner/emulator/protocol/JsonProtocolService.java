package io.labrunner.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol core for AWS JSON 1.0 / 1.1 services (and CBOR, for Kinesis): routes a request to
 * its operation, checks it against the service's API model in AWS's order, runs the handler and
 * encodes the answer. A service supplies only its model's name and one handler per operation.
 *
 * <p>Order of checks, as AWS makes them (kinesalite's connection tests, recorded against Kinesis):
 * <ol>
 * <li>an empty body: SerializationException for a known operation, else UnknownOperationException
 *     (in JSON when the Content-Type says JSON, else in CBOR);</li>
 * <li>a body in no encoding the service reads (Content-Type missing or foreign): 404 UnknownOperationException;</li>
 * <li>a body that does not parse, or is not an object: SerializationException;</li>
 * <li>an {@code X-Amz-Target} naming no operation of the model: UnknownOperationException;</li>
 * <li>an operation of the model this emulator does not implement: 501 NotImplemented, naming it;</li>
 * <li>JSON types against the input shape: SerializationException;</li>
 * <li>constraints: one ValidationException listing every violation;</li>
 * <li>the handler: its own checks and resource lookups.</li>
 * </ol>
 * Operations without an output shape answer 200 with an empty body.
 */
public final class JsonProtocolService {
    private static final Logger LOG = LoggerFactory.getLogger(JsonProtocolService.class);
    private static final byte[] EMPTY = new byte[0];
    private static final String SMITHY_PROTOCOL_HEADER = "smithy-protocol";
    private static final String RPC_V2_CBOR = "rpc-v2-cbor";
    private static final String QUERY_ERROR_HEADER = "x-amzn-query-error";

    private final ServiceModel model;
    private final Map<String, OperationHandler> handlers;
    private final boolean cbor;
    private final boolean rpcV2Cbor;
    private final OutputEncoder encoder;
    private final boolean quotesValues;
    private final Function<String, AwsException> validationError;

    private JsonProtocolService(Builder builder) {
        this.model = ServiceModels.get(builder.modelName);
        if (!model.speaks("json") || builder.rpcV2Cbor && !model.speaks("smithy-rpc-v2-cbor")) {
            throw new IllegalArgumentException(builder.modelName + " speaks " + model.protocol() + ", not AWS JSON");
        }
        for (String operation : builder.handlers.keySet()) {
            if (model.operation(operation).isEmpty()) {
                throw new IllegalArgumentException(builder.modelName + " has no operation " + operation);
            }
        }
        this.handlers = Map.copyOf(builder.handlers);
        this.cbor = builder.cbor;
        this.rpcV2Cbor = builder.rpcV2Cbor;
        this.encoder = new OutputEncoder(builder.modules);
        this.quotesValues = builder.quotesValues;
        this.validationError = builder.validationError;
    }

    /** Starts a service on the model {@code modelName} (botocore's folder name, e.g. {@code kinesis}). */
    public static Builder builder(String modelName) {
        return new Builder(modelName);
    }

    /** The model this service answers from. */
    public ServiceModel model() {
        return model;
    }

    /** The operations this service implements. */
    public java.util.Set<String> operations() {
        return handlers.keySet();
    }

    /** Answers one request; every error comes back as an AWS-shaped response, never as an exception. */
    public AwsResponse handle(AwsRequest request) {
        if (rpcV2Cbor && isRpcV2(request)) {
            return handleRpcV2(request);
        }
        Optional<WireFormat> declared = WireFormat.of(request.header("content-type").orElse(null));
        WireFormat format = declared.filter(f -> f == WireFormat.JSON || cbor).orElse(null);
        Optional<Operation> operation = operation(request);
        try {
            if (request.body().length == 0) {
                // AWS answers in JSON only when asked in JSON; anything else gets CBOR (kinesalite, recorded).
                format = format == WireFormat.JSON || !cbor ? WireFormat.JSON : WireFormat.CBOR;
                throw operation.isPresent() ? ProtocolErrors.serialization(null) : ProtocolErrors.unknownOperation();
            }
            if (format == null) {
                format = WireFormat.JSON;
                throw ProtocolErrors.unroutable();
            }
            JsonNode body = format.read(request.body()).orElseThrow(() -> ProtocolErrors.serialization(null));
            Operation op = operation.orElseThrow(ProtocolErrors::unknownOperation);
            return run(op, body, format, request);
        } catch (AwsException e) {
            return error(e, format);
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", model.serviceId(), operation.map(Operation::name).orElse("?"), e);
            return error(ProtocolErrors.internalFailure(), format);
        }
    }

    /**
     * Smithy RPC v2 CBOR (https://smithy.io/2.0/additional-specs/protocols/smithy-rpc-v2.html):
     * {@code POST /service/<service>/operation/<Operation>} with header {@code smithy-protocol: rpc-v2-cbor} and a
     * CBOR body ({@code application/cbor}), which may be empty for an operation without input; the answer carries
     * the same header, and an error is a CBOR map of {@code __type} and the error's members. The checks after
     * routing are the JSON protocol's.
     */
    private AwsResponse handleRpcV2(AwsRequest request) {
        WireFormat format = WireFormat.RPC_V2_CBOR;
        Optional<Operation> operation = rpcV2Operation(request.path());
        AwsResponse response;
        try {
            Operation op = operation.orElseThrow(ProtocolErrors::unroutable);
            JsonNode body = request.body().length == 0 ? JsonNodeFactory.instance.objectNode()
                    : format.read(request.body()).orElseThrow(() -> ProtocolErrors.serialization(null));
            response = run(op, body, format, request);
        } catch (AwsException e) {
            response = error(e, format);
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", model.serviceId(), operation.map(Operation::name).orElse("?"), e);
            response = error(ProtocolErrors.internalFailure(), format);
        }
        Map<String, String> headers = new HashMap<>(response.headers());
        headers.put(SMITHY_PROTOCOL_HEADER, RPC_V2_CBOR);
        return new AwsResponse(response.status(), response.contentType(), headers, response.body());
    }

    /** Whether a request is Smithy RPC v2 CBOR: its path, or its {@code smithy-protocol} header, says so. */
    private static boolean isRpcV2(AwsRequest request) {
        return request.path().startsWith("/service/")
                || RPC_V2_CBOR.equalsIgnoreCase(request.header(SMITHY_PROTOCOL_HEADER).orElse(""));
    }

    /** The operation {@code /service/<targetPrefix>/operation/<Operation>} names. */
    private Optional<Operation> rpcV2Operation(String path) {
        String prefix = "/service/" + model.targetPrefix() + "/operation/";
        if (path == null || !path.startsWith(prefix)) {
            return Optional.empty();
        }
        return model.operation(path.substring(prefix.length()));
    }

    /** Runs a routed operation on its body: type checks, constraints, the handler, and the answer. */
    private AwsResponse run(Operation op, JsonNode body, WireFormat format, AwsRequest request) {
        OperationHandler handler = handlers.get(op.name());
        if (handler == null) {
            throw AwsException.notImplemented(model.serviceId(), op.name());
        }
        ObjectNode input = input(body, op, format);
        Object output = handler.handle(input, request);
        byte[] encoded = op.output() == null || output == null ? EMPTY : encoder.encode(output, format);
        return new AwsResponse(200, format.contentType(model.jsonVersion()), Map.of(), encoded);
    }

    /**
     * An error in {@code format}. A service that left the query protocol (the model's {@code awsQueryCompatible})
     * names its error shape in {@code __type} and keeps the query code in header {@code x-amzn-query-error}
     * ({@code InvalidParameterValue;Sender}), from which SDKs take the code their query clients saw.
     */
    private AwsResponse error(AwsException e, WireFormat format) {
        if (!model.queryCompatible()) {
            return ErrorResponses.render(e, format, model.jsonVersion(), messageMember(e.code()));
        }
        String shape = model.errorShape(e.code());
        AwsException renamed = e instanceof ErrorWithMembers withMembers
                ? new ErrorWithMembers(shape, e.getMessage(), e.status(), withMembers.members())
                : new AwsException(shape, e.getMessage(), e.status());
        AwsResponse response = ErrorResponses.render(renamed, format, model.jsonVersion(), messageMember(shape));
        Map<String, String> headers = new HashMap<>(response.headers());
        headers.put(QUERY_ERROR_HEADER, e.code() + ";" + (e.senderFault() ? "Sender" : "Receiver"));
        return new AwsResponse(response.status(), response.contentType(), headers, response.body());
    }

    /**
     * The member an error's text goes in: as the model's error shape spells it ({@code Message} for
     * Athena and Glue, {@code message} for Kinesis), {@code message} for errors the model does not declare.
     */
    private String messageMember(String code) {
        return ErrorResponses.messageMember(model.shapes().get(code));
    }

    /** The body type-checked and validated against the operation's input shape. */
    private ObjectNode input(JsonNode body, Operation op, WireFormat format) {
        if (op.input() == null) {
            if (!body.isObject()) {
                throw ProtocolErrors.serialization(null);
            }
            return JsonNodeFactory.instance.objectNode();
        }
        Shape shape = model.shape(op.input());
        ObjectNode input = new InputDecoder(model, format).decode(body, shape);
        List<String> violations = ConstraintValidator.violations(model, input, shape, quotesValues);
        if (!violations.isEmpty()) {
            throw validationError.apply(ProtocolErrors.validationMessage(violations));
        }
        return input;
    }

    /** The operation {@code X-Amz-Target} names, when it carries this service's prefix. */
    private Optional<Operation> operation(AwsRequest request) {
        String target = request.header("x-amz-target").orElse("");
        int dot = target.indexOf('.');
        if (dot < 0 || !target.substring(0, dot).equals(model.targetPrefix())) {
            return Optional.empty();
        }
        return model.operation(target.substring(dot + 1));
    }

    /** Wires a service: its model, its handlers, and serializers for its own output types. */
    public static final class Builder {
        private final String modelName;
        private final Map<String, OperationHandler> handlers = new HashMap<>();
        private final List<Module> modules = new ArrayList<>();
        private boolean cbor;
        private boolean rpcV2Cbor;
        private boolean quotesValues = true;
        private Function<String, AwsException> validationError = message ->
                new AwsException("ValidationException", message, 400);

        private Builder(String modelName) {
            this.modelName = modelName;
        }

        /** The behaviour of {@code operation}, which must be one of the model's. */
        public Builder handler(String operation, OperationHandler handler) {
            handlers.put(operation, handler);
            return this;
        }

        /** Serializers for types the handlers return (e.g. a record written field by field). */
        public Builder outputModule(Module module) {
            modules.add(module);
            return this;
        }

        /**
         * Also serve Smithy RPC v2 CBOR, which the model must list among its protocols (CloudWatch, whose SDK v2
         * client speaks it).
         */
        public Builder rpcV2Cbor(boolean enabled) {
            this.rpcV2Cbor = enabled;
            return this;
        }

        /** Also read and answer {@code application/x-amz-cbor-1.1}, as Kinesis does. */
        public Builder cbor(boolean enabled) {
            this.cbor = enabled;
            return this;
        }

        /**
         * The error a request breaking the model's constraints gets, given AWS's message
         * ({@code 1 validation error detected: ...}); by default a 400 ValidationException. Athena, for one,
         * answers InvalidRequestException.
         */
        public Builder validationError(Function<String, AwsException> error) {
            this.validationError = error;
            return this;
        }

        /**
         * Whether validation messages quote the offending value ({@code Value '' at 'streamName'}, the
         * default) or leave it out ({@code Value at 'maxResults'}, as Athena does).
         */
        public Builder quotesValues(boolean quotes) {
            this.quotesValues = quotes;
            return this;
        }

        public JsonProtocolService build() {
            return new JsonProtocolService(this);
        }
    }
}
