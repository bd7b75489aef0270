/**
 * The emulator's protocol core: requests read, checked and answered from AWS's own API models, so
 * every service refuses bad input the way AWS does, and a handler holds only behaviour.
 *
 * <h2>Models</h2>
 * botocore's {@code service-2.json} files (Apache-2.0) ship in {@code src/main/resources/aws-models/<service>/}
 * with their licence and a NOTICE naming the botocore version; {@code scripts/update-aws-models.sh}
 * refreshes them from an installed botocore. {@link io.labrunner.emulator.protocol.ServiceModels} loads a
 * service's model the first time it is asked for ({@link io.labrunner.emulator.protocol.ModelParser}:
 * shapes with {@code required}, {@code min}/{@code max}, {@code pattern}, {@code enum}; operations with
 * their input, output and errors).
 *
 * <h2>A request's way through the core (AWS JSON 1.0 / 1.1, and CBOR for Kinesis)</h2>
 * {@link io.labrunner.emulator.protocol.JsonProtocolService} routes by {@code X-Amz-Target}
 * ({@code <targetPrefix>.<Operation>}); then, in AWS's order:
 * <ol>
 * <li>{@link io.labrunner.emulator.protocol.WireFormat}: the Content-Type picks JSON or CBOR; an empty or
 *     unparseable body is a SerializationException, a body in no known encoding a 404
 *     UnknownOperationException, an operation the model lacks a 400 UnknownOperationException;</li>
 * <li>{@link io.labrunner.emulator.protocol.InputDecoder}: JSON types against the input shape
 *     (SerializationException in AWS's words, before any constraint), unknown members dropped, blobs
 *     decoded, timestamps as epoch milliseconds, numbers that do not fit refused;</li>
 * <li>{@link io.labrunner.emulator.protocol.ConstraintValidator}: required, enum, pattern, length and range
 *     constraints, every violation listed in one ValidationException
 *     ({@code 2 validation errors detected: Value '' at 'streamName' failed to satisfy constraint: ...});</li>
 * <li>the service's {@link io.labrunner.emulator.protocol.OperationHandler}: its own checks, lookups and
 *     behaviour; it returns the output members (maps, JSON trees, {@link java.time.Instant}s, or types a
 *     service registers a Jackson module for), or nothing;</li>
 * <li>the output is encoded in the request's format; an operation whose model declares no output answers an
 *     empty body. Every error, the handler's {@link io.labrunner.emulator.AwsException}s included, is
 *     rendered by {@link io.labrunner.emulator.protocol.ErrorResponses}: {@code __type} and {@code message}
 *     ({@code Message} for SerializationException, as AWS spells it), header {@code x-amzn-ErrorType}, in
 *     JSON or CBOR as asked.</li>
 * </ol>
 *
 * <h2>Moving a service onto the core</h2>
 * A JSON-protocol service names its model and maps each operation it implements to a handler; its
 * {@link io.labrunner.emulator.AwsService#handle} then only delegates:
 * <pre>{@code
 * private final JsonProtocolService protocol = JsonProtocolService.builder("firehose")
 *         .handler("CreateDeliveryStream", (input, request) -> streams.create(input))
 *         .handler("PutRecord", (input, request) -> streams.put(input))
 *         .build();
 *
 * public AwsResponse handle(AwsRequest request) {
 *     return protocol.handle(request);
 * }
 * }</pre>
 * The handler receives input that already satisfies the model, so it checks only what the model cannot
 * say (resource state, cross-member rules, limits AWS enforces in code). An operation of the model with no
 * handler answers 501 NotImplemented naming it. Kinesis ({@code io.labrunner.emulator.kinesis.KinesisService})
 * is the first service on the core; {@code .cbor(true)} adds CBOR and {@code .outputModule(...)} a
 * serializer for its records.
 *
 * <p>Where a service answers bad input in its own way, the builder says so rather than the handlers:
 * Athena ({@code io.labrunner.emulator.athena.AthenaService}) reports constraint violations as an
 * InvalidRequestException ({@code .validationError(...)}) and quotes no value back
 * ({@code .quotesValues(false)}: {@code Value at 'maxResults' failed to satisfy constraint: ...}). An error's
 * text goes in the member its model's error shape names ({@code Message} for Athena and Glue,
 * {@code message} for Kinesis); an {@link io.labrunner.emulator.protocol.ErrorWithMembers} adds members such as
 * Athena's {@code AthenaErrorCode}.
 *
 * <h2>The query protocol (IAM, STS)</h2>
 * {@link io.labrunner.emulator.protocol.QueryProtocolService} takes {@code Action}, {@code Version} and the
 * operation's members as form fields (a form POST body or the URL's query string). A missing {@code Action} is a
 * MissingAction, one the model lacks (or a foreign {@code Version}) an InvalidAction;
 * {@link io.labrunner.emulator.protocol.FormDecoder} reads the fields into the same tree a JSON body becomes
 * ({@code Tags.member.1.Key}, {@code Map.entry.1.key}, {@code Outer.Inner}), a value of the wrong type being an
 * InvalidParameterValue; the same {@link io.labrunner.emulator.protocol.ConstraintValidator} then lists every
 * violation in one ValidationError. {@link io.labrunner.emulator.protocol.XmlOutputEncoder} writes the handler's
 * output in the output shape's order inside {@code <XResponse><XResult>} (the model's {@code resultWrapper}), and
 * {@link io.labrunner.emulator.protocol.QueryErrors} every error, the front door's refusals of query requests
 * included, as {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>}. IAM
 * ({@code io.labrunner.emulator.iam.IamService}) wires its handlers like a JSON service:
 * <pre>{@code
 * QueryProtocolService.builder("iam")
 *         .handler("GetRole", (input, request) -> Map.of("Role", role(input.get("RoleName").textValue())))
 *         .build();
 * }</pre>
 *
 * <h2>REST-JSON (Bedrock)</h2>
 * {@link io.labrunner.emulator.protocol.RestJsonProtocolService} serves one or more REST-JSON models behind one
 * signing name ({@code bedrock} and {@code bedrock-runtime}):
 * <ol>
 * <li>route by HTTP method and each operation's {@code requestUri} template ({@code {label}}, greedy
 *     {@code {label+}}, literal query parts), the most specific template first; the emulator sees paths decoded,
 *     so a label holding an encoded {@code /} (a model ARN) is matched by a second, lax pass. No operation at
 *     that method and path: 404 UnknownOperationException;</li>
 * <li>gather the input: URI labels, {@code querystring} and {@code header} members (converted to their types),
 *     the JSON body, or the whole body as the {@code payload} member;</li>
 * <li>type-check and validate as for AWS JSON, with Bedrock's quoting ({@link io.labrunner.emulator.protocol.Quoting#SCALARS}):
 *     label members are named like any other ({@code Value 'x' at 'modelId' failed to satisfy constraint: ...});</li>
 * <li>the handler returns output members, written with the operation's {@code responseCode}, header members as
 *     headers and a {@code payload} member as the body; or a complete response (event streams) passed through;</li>
 * <li>errors: {@link io.labrunner.emulator.protocol.ErrorResponses#restJson}, header {@code x-amzn-ErrorType} and
 *     body {@code {"message": ...}}.</li>
 * </ol>
 * {@link io.labrunner.emulator.protocol.ErrorResponses} is the emulator's one JSON error renderer: the front door's
 * own errors (missing credentials, bad signatures) for JSON and REST-JSON callers go through it too.
 *
 * <h2>Smithy RPC v2 CBOR and services that left the query protocol (CloudWatch)</h2>
 * {@code JsonProtocolService.builder("cloudwatch").rpcV2Cbor(true)} also serves
 * {@code POST /service/<targetPrefix>/operation/<Operation>} with header {@code smithy-protocol: rpc-v2-cbor} and a
 * CBOR body ({@link io.labrunner.emulator.protocol.WireFormat#RPC_V2_CBOR}: timestamps are tag 1 over epoch seconds),
 * answering with the same header; after routing, the checks are the JSON protocol's. A model with the
 * {@code awsQueryCompatible} trait names the error shape in {@code __type} and sends the query code in header
 * {@code x-amzn-query-error} ({@code InvalidParameterValue;Sender}); handlers throw the query code, so the same
 * handlers also serve the query protocol through {@link io.labrunner.emulator.protocol.QueryProtocolService}.
 *
 * <p>Not yet here: REST-XML (S3 stays on S3Proxy). The model and the validator are protocol-neutral; it would
 * need its own reader (XML into the same tree) and renderer.
 */
package io.labrunner.emulator.protocol;
