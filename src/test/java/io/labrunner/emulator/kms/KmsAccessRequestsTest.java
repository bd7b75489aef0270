package io.labrunner.emulator.kms;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.iam.access.AccessRequest;
import io.labrunner.emulator.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What KMS asks IAM to authorize for each kind of request: the action, the key's ARN and its key policy. */
class KmsAccessRequestsTest {
    private final KmsKeys keys = new KmsKeys("000000000000", StateStore.none(), Clock.systemUTC());
    private final KmsService service = new KmsService(keys);

    private static AwsRequest request(String operation, String body) {
        return new AwsRequest("POST", "/", Map.of(), Map.of("x-amz-target", "TrentService." + operation,
                "content-type", "application/x-amz-json-1.1"), body.getBytes(StandardCharsets.UTF_8), "kms",
                "us-east-1", "test");
    }

    @Test
    void encryptIsAuthorizedOnTheKeyWithItsPolicyAndEncryptionContext() {
        KmsKey key = keys.create("us-east-1", "", null, Map.of(), "CUSTOMER");
        keys.putAlias(new KmsAlias("alias/data", KeyIds.aliasArn("us-east-1", "000000000000", "alias/data"),
                "us-east-1", key.keyId(), keys.now(), keys.now()));
        List<AccessRequest> requests = service.accessRequests(request("Encrypt",
                "{\"KeyId\":\"alias/data\",\"Plaintext\":\"AQID\",\"EncryptionContext\":{\"team\":\"ml\"}}"));
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("kms:Encrypt");
            assertThat(r.resource()).isEqualTo(key.arn());
            assertThat(r.resourcePolicy()).isNotNull();
            assertThat(r.keys()).containsEntry("kms:EncryptionContext:team", List.of("ml"));
        });
    }

    @Test
    void decryptWithoutAKeyIdIsAuthorizedOnTheKeyTheBlobNames() {
        KmsKey key = keys.create("us-east-1", "", null, Map.of(), "CUSTOMER");
        byte[] blob = keys.encrypt(key.keyId(), new byte[] {1}, Map.of(), "us-east-1");
        List<AccessRequest> requests = service.accessRequests(request("Decrypt",
                "{\"CiphertextBlob\":\"" + Base64.getEncoder().encodeToString(blob) + "\"}"));
        assertThat(requests).extracting(AccessRequest::action, AccessRequest::resource)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("kms:Decrypt", key.arn()));
    }

    @Test
    void reEncryptIsAuthorizedFromTheSourceAndToTheDestination() {
        KmsKey source = keys.create("us-east-1", "", null, Map.of(), "CUSTOMER");
        KmsKey destination = keys.create("us-east-1", "", null, Map.of(), "CUSTOMER");
        byte[] blob = keys.encrypt(source.keyId(), new byte[] {1}, Map.of(), "us-east-1");
        List<AccessRequest> requests = service.accessRequests(request("ReEncrypt", "{\"CiphertextBlob\":\""
                + Base64.getEncoder().encodeToString(blob) + "\",\"DestinationKeyId\":\"" + destination.keyId() + "\"}"));
        assertThat(requests).extracting(AccessRequest::action, AccessRequest::resource).containsExactly(
                org.assertj.core.groups.Tuple.tuple("kms:ReEncryptFrom", source.arn()),
                org.assertj.core.groups.Tuple.tuple("kms:ReEncryptTo", destination.arn()));
    }

    @Test
    void createAliasIsAuthorizedOnTheAliasAndOnItsKey() {
        KmsKey key = keys.create("us-east-1", "", null, Map.of(), "CUSTOMER");
        List<AccessRequest> requests = service.accessRequests(request("CreateAlias",
                "{\"AliasName\":\"alias/new\",\"TargetKeyId\":\"" + key.keyId() + "\"}"));
        assertThat(requests).extracting(AccessRequest::resource)
                .containsExactly("arn:aws:kms:us-east-1:000000000000:alias/new", key.arn());
        assertThat(requests.get(0).resourcePolicy()).isNull();
        assertThat(requests.get(1).resourcePolicy()).isNotNull();
    }

    @Test
    void aRequestNamingNoKnownKeyAsksForNothingAndLeavesTheErrorToTheOperation() {
        assertThat(service.accessRequests(request("Encrypt",
                "{\"KeyId\":\"11111111-2222-3333-4444-555555555555\",\"Plaintext\":\"AQID\"}"))).isEmpty();
        assertThat(service.accessRequests(request("CreateKey", "{}"))).isEmpty();
        assertThat(service.accessRequests(request("Encrypt", "not json"))).isEmpty();
    }
}
