package io.labrunner.emulator.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.FormCodec;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol core for AWS query-protocol services (IAM, STS): {@code Action}, {@code Version} and the
 * operation's parameters come as form fields, in a {@code application/x-www-form-urlencoded} POST body or
 * the URL's query string (fields of the query string win over the body's); the answer is XML. A service
 * supplies only its model's name and one handler per operation.
 *
 * <p>Order of checks:
 * <ol>
 * <li>no {@code Action}: 400 MissingAction; an {@code Action} the model lacks, or a {@code Version} other
 *     than the model's: 400 InvalidAction ({@code Could not find operation X for version V}) — the query
 *     APIs' common errors (https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html). A request
 *     without {@code Version} is read as the model's version;</li>
 * <li>an operation of the model this emulator does not implement: the same 400 InvalidAction, its message
 *     saying that the emulator lacks it. Query clients know no NotImplemented code, and code written for AWS
 *     handles InvalidAction as the service's answer to an action it does not serve;</li>
 * <li>field values that cannot be their member's type: 400 InvalidParameterValue ({@link FormDecoder});</li>
 * <li>constraints: one 400 ValidationError listing every violation in AWS's words
 *     ({@code 1 validation error detected: Value 'x' at 'roleName' failed to satisfy constraint: ...}, as
 *     IAM and STS answer it: serverless/examples#405, legion-platform/legion#530);</li>
 * <li>the handler: its own checks and resource lookups.</li>
 * </ol>
 * The answer is {@code <XResponse xmlns=..><XResult>..</XResult><ResponseMetadata><RequestId>..}, the result
 * element named by the model's {@code resultWrapper} and left out for an operation without output; errors
 * are rendered by {@link QueryErrors}. The request id is also sent as {@code x-amzn-RequestId}.
 */
public final class QueryProtocolService {
    private static final Logger LOG = LoggerFactory.getLogger(QueryProtocolService.class);
    private static final String REQUEST_ID_HEADER = "x-amzn-RequestId";

    private final ServiceModel model;
    private final Map<String, OperationHandler> handlers;
    private final XmlOutputEncoder encoder;

    private QueryProtocolService(Builder builder) {
        this.model = ServiceModels.get(builder.modelName);
        if (!model.speaks("query")) {
            throw new IllegalArgumentException(builder.modelName + " speaks " + model.protocol() + ", not query");
        }
        for (String operation : builder.handlers.keySet()) {
            if (model.operation(operation).isEmpty()) {
                throw new IllegalArgumentException(builder.modelName + " has no operation " + operation);
            }
        }
        this.handlers = Map.copyOf(builder.handlers);
        this.encoder = new XmlOutputEncoder(model);
    }

    /** Starts a service on the model {@code modelName} (botocore's folder name, e.g. {@code iam}). */
    public static Builder builder(String modelName) {
        return new Builder(modelName);
    }

    /** The model this service answers from. */
    public ServiceModel model() {
        return model;
    }

    /** The operations this service implements. */
    public Set<String> operations() {
        return handlers.keySet();
    }

    /** Answers one request; every error comes back as an AWS-shaped response, never as an exception. */
    public AwsResponse handle(AwsRequest request) {
        String requestId = UUID.randomUUID().toString();
        Map<String, String> fields = fields(request);
        String action = fields.get("Action");
        try {
            Operation operation = operation(action, fields.get("Version"));
            OperationHandler handler = handlers.get(operation.name());
            if (handler == null) {
                throw new AwsException("InvalidAction", "Could not find operation " + operation.name() + " for version "
                        + model.apiVersion() + ": the embedded emulator does not implement " + model.serviceId() + " "
                        + operation.name() + " yet; run this against --target localstack or a real account.", 400);
            }
            Object output = handler.handle(input(operation, fields), request);
            return success(operation, output, requestId);
        } catch (AwsException e) {
            return error(e, requestId);
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed (request {})", model.serviceId(), action, requestId, e);
            return error(ProtocolErrors.internalFailure(), requestId);
        }
    }

    private Operation operation(String action, String version) {
        if (action == null || action.isEmpty()) {
            throw new AwsException("MissingAction", "The request must contain the parameter Action", 400);
        }
        String asked = version == null ? model.apiVersion() : version;
        return model.operation(action).filter(op -> asked.equals(model.apiVersion())).orElseThrow(() ->
                new AwsException("InvalidAction", "Could not find operation " + action + " for version " + asked, 400));
    }

    private ObjectNode input(Operation operation, Map<String, String> fields) {
        if (operation.input() == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        Shape shape = model.shape(operation.input());
        ObjectNode input = new FormDecoder(model, fields).decode(shape);
        List<String> violations = ConstraintValidator.violations(model, input, shape);
        if (!violations.isEmpty()) {
            throw new AwsException("ValidationError", ProtocolErrors.validationMessage(violations), 400);
        }
        return input;
    }

    private AwsResponse success(Operation operation, Object output, String requestId) {
        XmlWriter xml = XmlWriter.document().start(operation.name() + "Response", model.xmlNamespace());
        if (operation.output() != null) {
            String wrapper = operation.resultWrapper() != null ? operation.resultWrapper() : operation.name() + "Result";
            xml.start(wrapper);
            if (output != null) {
                encoder.members(xml, output, model.shape(operation.output()));
            }
            xml.end();
        }
        xml.start("ResponseMetadata").element("RequestId", requestId).end();
        return new AwsResponse(200, QueryErrors.CONTENT_TYPE, Map.of(REQUEST_ID_HEADER, requestId),
                xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    private AwsResponse error(AwsException error, String requestId) {
        return new AwsResponse(error.status(), QueryErrors.CONTENT_TYPE, Map.of(REQUEST_ID_HEADER, requestId),
                QueryErrors.document(error, model.xmlNamespace(), requestId));
    }

    /**
     * Every field of the request, the first value of each name: the URL query's first, then a form body's
     * (the front door may already have merged the body into the query; taking the first value makes that
     * harmless). A body is read as a form when its Content-Type says so or says nothing.
     */
    private static Map<String, String> fields(AwsRequest request) {
        Map<String, String> fields = new HashMap<>();
        request.query().forEach((name, values) -> {
            if (!values.isEmpty()) {
                fields.put(name, values.get(0));
            }
        });
        String contentType = request.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (request.body() != null && request.body().length > 0
                && (contentType.isEmpty() || contentType.startsWith("application/x-www-form-urlencoded"))) {
            Map<String, List<String>> body = new LinkedHashMap<>();
            FormCodec.addTo(body, new String(request.body(), StandardCharsets.UTF_8));
            body.forEach((name, values) -> fields.putIfAbsent(name, values.get(0)));
        }
        return fields;
    }

    /** Wires a service: its model and its handlers. */
    public static final class Builder {
        private final String modelName;
        private final Map<String, OperationHandler> handlers = new HashMap<>();

        private Builder(String modelName) {
            this.modelName = modelName;
        }

        /** The behaviour of {@code operation}, which must be one of the model's. */
        public Builder handler(String operation, OperationHandler handler) {
            handlers.put(operation, handler);
            return this;
        }

        public QueryProtocolService build() {
            return new QueryProtocolService(this);
        }
    }
}
