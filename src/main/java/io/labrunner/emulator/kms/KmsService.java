package io.labrunner.emulator.kms;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.iam.access.AccessRequest;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.protocol.OperationHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Emulated AWS KMS on the protocol core (AWS JSON 1.1, target prefix {@code TrentService}): symmetric encryption
 * keys with real AES-256-GCM, aliases, key policies, rotation, scheduled deletion and tags. Other services use the
 * same keys in-process through {@link #keyRing()}.
 */
public final class KmsService implements AwsService, io.labrunner.emulator.TaggableResources {
    /** Operations that name one key in {@code KeyId}. */
    private static final Set<String> KEY_OPERATIONS = Set.of("DescribeKey", "EnableKey", "DisableKey",
            "ScheduleKeyDeletion", "CancelKeyDeletion", "UpdateKeyDescription", "GetKeyPolicy", "PutKeyPolicy",
            "ListKeyPolicies", "EnableKeyRotation", "DisableKeyRotation", "GetKeyRotationStatus", "RotateKeyOnDemand",
            "ListKeyRotations", "TagResource", "UntagResource", "ListResourceTags", "Encrypt", "GenerateDataKey",
            "GenerateDataKeyWithoutPlaintext");

    private final KmsKeys keys;
    private final KeyOperations keyOperations;
    private final JsonProtocolService protocol;

    public KmsService(KmsKeys keys) {
        this.keys = keys;
        KeyOperations key = new KeyOperations(keys);
        this.keyOperations = key;
        AliasOperations alias = new AliasOperations(keys);
        CryptoOperations crypto = new CryptoOperations(keys);
        this.protocol = JsonProtocolService.builder("kms")
                .handler("CreateKey", inRegion(key::createKey))
                .handler("DescribeKey", inRegion(key::describeKey))
                .handler("ListKeys", inRegion(key::listKeys))
                .handler("EnableKey", inRegion(key::enableKey))
                .handler("DisableKey", inRegion(key::disableKey))
                .handler("ScheduleKeyDeletion", inRegion(key::scheduleKeyDeletion))
                .handler("CancelKeyDeletion", inRegion(key::cancelKeyDeletion))
                .handler("UpdateKeyDescription", inRegion(key::updateKeyDescription))
                .handler("GetKeyPolicy", inRegion(key::getKeyPolicy))
                .handler("PutKeyPolicy", inRegion(key::putKeyPolicy))
                .handler("ListKeyPolicies", inRegion(key::listKeyPolicies))
                .handler("EnableKeyRotation", inRegion(key::enableKeyRotation))
                .handler("DisableKeyRotation", inRegion(key::disableKeyRotation))
                .handler("GetKeyRotationStatus", inRegion(key::getKeyRotationStatus))
                .handler("RotateKeyOnDemand", inRegion(key::rotateKeyOnDemand))
                .handler("ListKeyRotations", inRegion(key::listKeyRotations))
                .handler("TagResource", inRegion(key::tagResource))
                .handler("UntagResource", inRegion(key::untagResource))
                .handler("ListResourceTags", inRegion(key::listResourceTags))
                .handler("CreateAlias", inRegion(alias::createAlias))
                .handler("UpdateAlias", inRegion(alias::updateAlias))
                .handler("DeleteAlias", inRegion(alias::deleteAlias))
                .handler("ListAliases", inRegion(alias::listAliases))
                .handler("Encrypt", inRegion(crypto::encrypt))
                .handler("Decrypt", inRegion(crypto::decrypt))
                .handler("ReEncrypt", inRegion(crypto::reEncrypt))
                .handler("GenerateDataKey", inRegion((in, region) -> crypto.generateDataKey(in, region, true)))
                .handler("GenerateDataKeyWithoutPlaintext",
                        inRegion((in, region) -> crypto.generateDataKey(in, region, false)))
                .handler("GenerateRandom", inRegion((in, region) -> crypto.generateRandom(in)))
                .build();
    }

    private static OperationHandler inRegion(BiFunction<Input, String, Object> operation) {
        return (input, request) -> operation.apply(new Input(input), request.regionOrDefault());
    }

    /** The keys, for services that encrypt with them in-process (S3, Secrets Manager). */
    public KeyRing keyRing() {
        return keys;
    }

    /** The operations this emulator implements, by their model names. */
    Set<String> implementedOperations() {
        return protocol.operations();
    }

    /** KMS keys for the Resource Groups Tagging API; aliases carry no tags. */
    @Override
    public Set<String> arnServices() {
        return Set.of("kms");
    }

    @Override
    public List<TaggedResource> taggedResources(String region) {
        return keys.list(region).stream().map(k -> new TaggedResource(k.arn(), k.tags())).toList();
    }

    /** As TagResource on the key the ARN names, with its rules (no {@code aws:} keys, no key pending deletion). */
    @Override
    public void tag(String arn, Map<String, String> tags) {
        com.fasterxml.jackson.databind.node.ObjectNode in = io.labrunner.emulator.Json.object().put("KeyId", arn);
        com.fasterxml.jackson.databind.node.ArrayNode list = in.putArray("Tags");
        tags.forEach((k, v) -> list.addObject().put("TagKey", k).put("TagValue", v));
        keyOperations.tagResource(new Input(in), regionOf(arn));
    }

    @Override
    public void untag(String arn, java.util.Collection<String> tagKeys) {
        com.fasterxml.jackson.databind.node.ObjectNode in = io.labrunner.emulator.Json.object().put("KeyId", arn);
        tagKeys.forEach(in.putArray("TagKeys")::add);
        keyOperations.untagResource(new Input(in), regionOf(arn));
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
        return "kms";
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
     * {@code kms:<Operation>} on the key the request names, with its key policy and encryption context; Decrypt
     * without a KeyId on the key its blob names; ReEncrypt as {@code kms:ReEncryptFrom} on the source key and
     * {@code kms:ReEncryptTo} on the destination; alias operations on the alias and on its key. A request naming no
     * key it can find asks for nothing here: the operation itself answers with KMS's error.
     */
    @Override
    public List<AccessRequest> accessRequests(AwsRequest request) {
        Optional<String> operation = request.operation();
        JsonNode body = body(request);
        if (operation.isEmpty() || body == null) {
            return List.of();
        }
        String op = operation.get();
        String region = request.regionOrDefault();
        Input input = new Input(body);
        List<AccessRequest> out = new ArrayList<>();
        try {
            if (KEY_OPERATIONS.contains(op) && input.text("KeyId") != null) {
                out.add(keyRequest("kms:" + op, keys.find(region, input.text("KeyId"), true),
                        input.stringMap("EncryptionContext")));
            } else if (op.equals("Decrypt")) {
                blobKey(input.text("CiphertextBlob"), input.text("KeyId"), region).ifPresent(key ->
                        out.add(keyRequest("kms:Decrypt", key, input.stringMap("EncryptionContext"))));
            } else if (op.equals("ReEncrypt")) {
                blobKey(input.text("CiphertextBlob"), input.text("SourceKeyId"), region).ifPresent(key ->
                        out.add(keyRequest("kms:ReEncryptFrom", key, input.stringMap("SourceEncryptionContext"))));
                if (input.text("DestinationKeyId") != null) {
                    out.add(keyRequest("kms:ReEncryptTo", keys.find(region, input.text("DestinationKeyId"), true),
                            input.stringMap("DestinationEncryptionContext")));
                }
            } else if (op.endsWith("Alias") && input.text("AliasName") != null) {
                String name = input.text("AliasName");
                out.add(AccessRequest.of("kms:" + op, KeyIds.aliasArn(region, keys.account(), name)));
                String target = input.text("TargetKeyId");
                Optional<KmsKey> key = target != null ? Optional.of(keys.find(region, target, false))
                        : keys.alias(region, name).map(a -> keys.find(region, a.targetKeyId(), false));
                key.ifPresent(k -> out.add(keyRequest("kms:" + op, k, Map.of())));
            }
        } catch (AwsException e) {
            return out;
        }
        return out;
    }

    private AccessRequest keyRequest(String action, KmsKey key, Map<String, String> context) {
        return KmsAccess.request(action, key.arn(), key.policy(), context, null);
    }

    /** The key the request names, else the one the blob's header names. */
    private Optional<KmsKey> blobKey(String blobBase64, String keyId, String region) {
        if (keyId != null) {
            return Optional.of(keys.find(region, keyId, true));
        }
        if (blobBase64 == null) {
            return Optional.empty();
        }
        try {
            return Ciphertexts.header(Base64.getDecoder().decode(blobBase64))
                    .map(h -> keys.find(region, h.keyId(), false));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
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
