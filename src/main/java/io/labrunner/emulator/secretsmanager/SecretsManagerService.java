package io.labrunner.emulator.secretsmanager;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.iam.access.AccessRequest;
import io.labrunner.emulator.iam.policy.MalformedPolicyException;
import io.labrunner.emulator.iam.policy.PolicyDocument;
import io.labrunner.emulator.iam.policy.PolicyKind;
import io.labrunner.emulator.iam.policy.SourcedPolicy;
import io.labrunner.emulator.kms.KeyRing;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.protocol.OperationHandler;
import io.labrunner.emulator.state.StateStore;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Emulated AWS Secrets Manager on the protocol core (AWS JSON 1.1, target prefix {@code secretsmanager}): secrets
 * with versions and staging labels, deletion with a recovery window, tags and resource policies. Values are
 * encrypted with the emulator's KMS ({@link KeyRing}), under the secret's key or the AWS managed
 * {@code aws/secretsmanager}, and are never stored in plaintext.
 *
 * <p>Not here: rotation (RotateSecret runs a Lambda function, and the emulator has no Lambda) and replication.
 */
public final class SecretsManagerService implements AwsService, io.labrunner.emulator.TaggableResources {
    /** Operations whose request takes no secret: IAM authorizes them on {@code *}. */
    private static final Set<String> ACCOUNT_OPERATIONS = Set.of("CreateSecret", "ListSecrets", "GetRandomPassword");

    private final SecretStore store;
    private final SecretOperations secretOperations;
    private final JsonProtocolService protocol;

    public SecretsManagerService(String account, KeyRing keyRing, StateStore state, Clock clock) {
        this.store = new SecretStore(account, state, clock);
        SecretValues values = new SecretValues(keyRing);
        SecretOperations secrets = new SecretOperations(store, values);
        this.secretOperations = secrets;
        ValueOperations versions = new ValueOperations(store, values);
        this.protocol = JsonProtocolService.builder("secretsmanager")
                .handler("CreateSecret", inRegion(secrets::createSecret))
                .handler("DescribeSecret", inRegion(secrets::describeSecret))
                .handler("ListSecrets", inRegion(secrets::listSecrets))
                .handler("UpdateSecret", inRegion(secrets::updateSecret))
                .handler("DeleteSecret", inRegion(secrets::deleteSecret))
                .handler("RestoreSecret", inRegion(secrets::restoreSecret))
                .handler("TagResource", inRegion(secrets::tagResource))
                .handler("UntagResource", inRegion(secrets::untagResource))
                .handler("PutResourcePolicy", inRegion(secrets::putResourcePolicy))
                .handler("GetResourcePolicy", inRegion(secrets::getResourcePolicy))
                .handler("DeleteResourcePolicy", inRegion(secrets::deleteResourcePolicy))
                .handler("GetSecretValue", inRegion(versions::getSecretValue))
                .handler("PutSecretValue", inRegion(versions::putSecretValue))
                .handler("UpdateSecretVersionStage", inRegion(versions::updateSecretVersionStage))
                .handler("ListSecretVersionIds", inRegion(versions::listSecretVersionIds))
                .handler("GetRandomPassword", (input, request) -> RandomPasswords.generate(new Input(input)))
                .handler("RotateSecret", (input, request) -> {
                    throw new io.labrunner.emulator.AwsException("NotImplemented", "The embedded emulator does not"
                            + " rotate secrets: RotateSecret runs a Lambda rotation function, and the emulator has no"
                            + " Lambda. Rotate by hand with PutSecretValue and UpdateSecretVersionStage, or run this"
                            + " against --target localstack or a real account.", 501);
                })
                .build();
    }

    private static OperationHandler inRegion(BiFunction<Input, String, Object> operation) {
        return (input, request) -> operation.apply(new Input(input), request.regionOrDefault());
    }

    /** The operations this emulator implements, by their model names. */
    Set<String> implementedOperations() {
        return protocol.operations();
    }

    /** Secrets for the Resource Groups Tagging API, over their own tags. */
    @Override
    public Set<String> arnServices() {
        return Set.of("secretsmanager");
    }

    @Override
    public List<TaggedResource> taggedResources(String region) {
        return store.list(region).stream().map(s -> new TaggedResource(s.arn(), s.tags())).toList();
    }

    /** As TagResource on the secret the ARN names, with its rules (no {@code aws:} keys, no deleted secret). */
    @Override
    public void tag(String arn, Map<String, String> tags) {
        com.fasterxml.jackson.databind.node.ObjectNode in = Json.object().put("SecretId", arn);
        com.fasterxml.jackson.databind.node.ArrayNode list = in.putArray("Tags");
        tags.forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
        secretOperations.tagResource(new Input(in), regionOf(arn));
    }

    @Override
    public void untag(String arn, java.util.Collection<String> keys) {
        com.fasterxml.jackson.databind.node.ObjectNode in = Json.object().put("SecretId", arn);
        keys.forEach(in.putArray("TagKeys")::add);
        secretOperations.untagResource(new Input(in), regionOf(arn));
    }

    private static String regionOf(String arn) {
        return software.amazon.awssdk.arns.Arn.tryFromString(arn).flatMap(a -> a.region()).orElse("");
    }

    @Override
    public boolean keepsResourcePolicies() {
        return true;
    }

    @Override
    public String signingName() {
        return "secretsmanager";
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return protocol.handle(request);
    }

    /**
     * {@code secretsmanager:<Operation>} on the secret's ARN, with its resource policy and its tags as
     * {@code aws:ResourceTag/<key>}; operations that name no secret ask for nothing here ({@code *}), and so does a
     * request naming a secret that is not there, which the operation answers with its error.
     */
    @Override
    public List<AccessRequest> accessRequests(AwsRequest request) {
        Optional<String> operation = request.operation();
        JsonNode body = body(request);
        if (operation.isEmpty() || body == null || ACCOUNT_OPERATIONS.contains(operation.get())
                || !body.path("SecretId").isTextual()) {
            return List.of();
        }
        Optional<Secret> secret = store.find(request.regionOrDefault(), body.path("SecretId").asText());
        if (secret.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> keys = new LinkedHashMap<>();
        secret.get().tags().forEach((k, v) -> keys.put("aws:ResourceTag/" + k, List.of(v)));
        return List.of(new AccessRequest("secretsmanager:" + operation.get(), secret.get().arn(), keys,
                policy(secret.get())));
    }

    private static SourcedPolicy policy(Secret secret) {
        if (secret.resourcePolicy() == null) {
            return null;
        }
        try {
            return new SourcedPolicy(secret.arn(), "resource",
                    PolicyDocument.parse(secret.resourcePolicy(), PolicyKind.RESOURCE));
        } catch (MalformedPolicyException e) {
            return null;
        }
    }

    private static JsonNode body(AwsRequest request) {
        try {
            JsonNode node = request.body().length == 0 ? null : Json.mapper().readTree(request.body());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
