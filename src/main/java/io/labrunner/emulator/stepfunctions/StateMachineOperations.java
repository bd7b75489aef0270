package io.labrunner.emulator.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.iam.IamDirectory;
import io.labrunner.emulator.stepfunctions.asl.InvalidDefinitionException;
import io.labrunner.emulator.stepfunctions.asl.StateMachine;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CreateStateMachine, DescribeStateMachine, UpdateStateMachine, ListStateMachines, DeleteStateMachine and
 * ValidateStateMachineDefinition.
 */
final class StateMachineOperations {
    private static final String SERVICE = "states.amazonaws.com";
    /** One problem of an InvalidDefinition message: {@code CODE: text at /path}. */
    private static final Pattern PROBLEM = Pattern.compile("([A-Z][A-Z_]+): (.*?)(?: at (/\\S*))?(?=, [A-Z][A-Z_]+: |$)",
            Pattern.DOTALL);

    private final String account;
    private final SfnState state;
    private final ExecutionRunner runner;
    private final IamDirectory iam;
    private final Clock clock;

    StateMachineOperations(String account, SfnState state, ExecutionRunner runner, IamDirectory iam, Clock clock) {
        this.account = account;
        this.state = state;
        this.runner = runner;
        this.iam = iam;
        this.clock = clock;
    }

    synchronized Object create(ObjectNode in, String region) {
        String name = in.path("name").asText();
        if (!SfnNames.validName(name)) {
            throw SfnErrors.invalidName(name);
        }
        String type = in.path("type").asText("STANDARD");
        String definition = in.path("definition").asText();
        parse(definition);
        String roleArn = in.path("roleArn").asText();
        requireRoleArn(roleArn);
        JsonNode logging = logging(in.get("loggingConfiguration"));
        JsonNode tracing = in.hasNonNull("tracingConfiguration") ? in.get("tracingConfiguration")
                : Json.object().put("enabled", false);
        String arn = SfnNames.machineArn(region, account, name);
        Map<String, String> tags = Tags.read(in.path("tags"));
        if (tags.size() > Tags.MAX) {
            throw SfnErrors.tooManyTags(arn);
        }
        StoredStateMachine existing = state.machine(arn).orElse(null);
        if (existing != null) {
            if ("DELETING".equals(existing.status())) {
                throw SfnErrors.deleting(arn);
            }
            // The same request again is answered as the first was (CreateStateMachine is idempotent).
            if (existing.definition().equals(definition) && existing.roleArn().equals(roleArn)
                    && existing.type().equals(type) && existing.loggingConfiguration().equals(logging)) {
                return Map.of("stateMachineArn", arn, "creationDate", existing.creationDate());
            }
            throw SfnErrors.machineExists(arn);
        }
        requireAssumable(roleArn, region);
        Instant now = clock.instant();
        StoredStateMachine machine = new StoredStateMachine(arn, name, region, type, definition, roleArn, now, null,
                null, in.path("versionDescription").asText(null), logging, tracing, tags, "ACTIVE");
        state.save(machine);
        return Map.of("stateMachineArn", arn, "creationDate", now);
    }

    Object describe(ObjectNode in, String region) {
        StoredStateMachine machine = require(in.path("stateMachineArn").asText());
        return view(machine);
    }

    static Map<String, Object> view(StoredStateMachine machine) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stateMachineArn", machine.arn());
        out.put("name", machine.name());
        out.put("status", machine.status());
        out.put("definition", machine.definition());
        out.put("roleArn", machine.roleArn());
        out.put("type", machine.type());
        out.put("creationDate", machine.creationDate());
        out.put("loggingConfiguration", machine.loggingConfiguration());
        out.put("tracingConfiguration", machine.tracingConfiguration());
        if (machine.revisionId() != null) {
            out.put("revisionId", machine.revisionId());
        }
        if (machine.description() != null) {
            out.put("description", machine.description());
        }
        return out;
    }

    synchronized Object update(ObjectNode in, String region) {
        String arn = in.path("stateMachineArn").asText();
        StoredStateMachine machine = require(arn);
        if (!in.hasNonNull("definition") && !in.hasNonNull("roleArn") && !in.hasNonNull("loggingConfiguration")
                && !in.hasNonNull("tracingConfiguration")) {
            throw SfnErrors.missingParameter("Either the definition, the role ARN, the LoggingConfiguration, or the"
                    + " TracingConfiguration must be specified");
        }
        if ("DELETING".equals(machine.status())) {
            throw SfnErrors.deleting(arn);
        }
        String definition = in.path("definition").asText(machine.definition());
        parse(definition);
        String roleArn = in.path("roleArn").asText(machine.roleArn());
        requireRoleArn(roleArn);
        JsonNode logging = in.hasNonNull("loggingConfiguration") ? logging(in.get("loggingConfiguration"))
                : machine.loggingConfiguration();
        JsonNode tracing = in.hasNonNull("tracingConfiguration") ? in.get("tracingConfiguration")
                : machine.tracingConfiguration();
        if (!roleArn.equals(machine.roleArn())) {
            requireAssumable(roleArn, region);
        }
        Instant now = clock.instant();
        String revision = UUID.randomUUID().toString();
        state.save(new StoredStateMachine(arn, machine.name(), machine.region(), machine.type(), definition, roleArn,
                machine.creationDate(), now, revision, machine.description(), logging, tracing, machine.tags(),
                machine.status()));
        return Map.of("updateDate", now, "revisionId", revision);
    }

    Object list(ObjectNode in, String region) {
        return Paging.page(state.machines(region), in.hasNonNull("maxResults") ? in.get("maxResults").asInt() : null,
                in.path("nextToken").asText(null), "stateMachines", m -> Map.of("stateMachineArn", m.arn(),
                        "name", m.name(), "type", m.type(), "creationDate", m.creationDate()));
    }

    /**
     * Marks the machine DELETING; it goes once no execution of it runs (AWS: "the state machine's status is set to
     * DELETING" and it is deleted after its executions end). Deleting one that does not exist succeeds.
     */
    synchronized Object delete(ObjectNode in, String region) {
        String arn = in.path("stateMachineArn").asText();
        SfnNames.requireArn(arn, "stateMachine");
        state.machine(arn).ifPresent(machine -> {
            state.save(machine.withStatus("DELETING"));
            runner.finishDeleting(arn);
        });
        return Map.of();
    }

    /** The definition's problems as diagnostics, instead of an InvalidDefinition error. */
    Object validate(ObjectNode in, String region) {
        String definition = in.path("definition").asText();
        try {
            StateMachine.parse(definition);
            return Map.of("result", "OK", "diagnostics", List.of());
        } catch (InvalidDefinitionException e) {
            return Map.of("result", "FAIL", "diagnostics", diagnostics(e.getMessage()));
        }
    }

    /** {@code Invalid State Machine Definition: 'CODE: text at /path, CODE: text'} → one diagnostic per problem. */
    static List<Map<String, String>> diagnostics(String message) {
        String body = message;
        int quote = body.indexOf('\'');
        if (quote >= 0 && body.endsWith("'")) {
            body = body.substring(quote + 1, body.length() - 1);
        }
        List<Map<String, String>> out = new ArrayList<>();
        Matcher matcher = PROBLEM.matcher(body);
        while (matcher.find()) {
            Map<String, String> one = new LinkedHashMap<>();
            one.put("severity", "ERROR");
            one.put("code", matcher.group(1));
            one.put("message", matcher.group(2) + (matcher.group(3) == null ? "" : " at " + matcher.group(3)));
            if (matcher.group(3) != null) {
                one.put("location", matcher.group(3));
            }
            out.add(one);
        }
        if (out.isEmpty()) {
            out.add(Map.of("severity", "ERROR", "code", "SCHEMA_VALIDATION_FAILED", "message", body));
        }
        return out;
    }

    StoredStateMachine require(String arn) {
        SfnNames.requireArn(arn, "stateMachine");
        return state.machine(arn).orElseThrow(() -> SfnErrors.machineDoesNotExist(arn));
    }

    private static void parse(String definition) {
        try {
            StateMachine.parse(definition);
        } catch (InvalidDefinitionException e) {
            throw SfnErrors.invalidDefinition(e.getMessage());
        }
    }

    private static void requireRoleArn(String roleArn) {
        String[] parts = roleArn.split(":", -1);
        if (!roleArn.startsWith("arn:") || parts.length < 6) {
            throw SfnErrors.invalidArn("Invalid ARN prefix: " + roleArn);
        }
    }

    /** The role must exist and trust Step Functions (globally or in this region), as CreateStateMachine checks. */
    private void requireAssumable(String roleArn, String region) {
        if (!iam.trustsService(roleArn, SERVICE) && !iam.trustsService(roleArn, "states." + region + ".amazonaws.com")) {
            throw SfnErrors.roleNotAssumable();
        }
    }

    /** Level OFF by default; any other level needs exactly one log group destination. */
    private static JsonNode logging(JsonNode given) {
        ObjectNode out = Json.object();
        String level = given == null ? "OFF" : given.path("level").asText("OFF");
        out.put("level", level);
        out.put("includeExecutionData", given != null && given.path("includeExecutionData").asBoolean(false));
        JsonNode destinations = given == null ? null : given.get("destinations");
        int count = destinations == null ? 0 : destinations.size();
        if (!"OFF".equals(level) && count != 1) {
            throw SfnErrors.invalidLogging("Must specify exactly one Log Destination.");
        }
        if (count > 1) {
            throw SfnErrors.invalidLogging("Must specify exactly one Log Destination.");
        }
        if (count > 0) {
            out.set("destinations", destinations);
        }
        return out;
    }
}
