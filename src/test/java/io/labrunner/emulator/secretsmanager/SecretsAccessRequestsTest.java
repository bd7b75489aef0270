package io.labrunner.emulator.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.kms.KmsKeys;
import io.labrunner.emulator.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Secrets Manager asks IAM to authorize: the action on the secret's ARN, with its resource policy and tags. */
class SecretsAccessRequestsTest {
    private final SecretsManagerService service = new SecretsManagerService("000000000000",
            new KmsKeys("000000000000", StateStore.none(), Clock.systemUTC()), StateStore.none(), Clock.systemUTC());

    private static AwsRequest request(String operation, String body) {
        return new AwsRequest("POST", "/", Map.of(), Map.of("x-amz-target", "secretsmanager." + operation,
                "content-type", "application/x-amz-json-1.1"), body.getBytes(StandardCharsets.UTF_8),
                "secretsmanager", "us-east-1", "test");
    }

    private String call(String operation, String body) {
        AwsResponse response = service.handle(request(operation, body));
        assertThat(response.status()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void readingASecretIsAuthorizedOnItsArnWithItsPolicyAndTags() {
        call("CreateSecret", "{\"Name\":\"db\",\"SecretString\":\"pw\",\"Tags\":[{\"Key\":\"team\",\"Value\":\"ml\"}]}");
        call("PutResourcePolicy", "{\"SecretId\":\"db\",\"ResourcePolicy\":\"{\\\"Version\\\":\\\"2012-10-17\\\","
                + "\\\"Statement\\\":[{\\\"Effect\\\":\\\"Deny\\\",\\\"Principal\\\":\\\"*\\\",\\\"Action\\\":"
                + "\\\"secretsmanager:GetSecretValue\\\",\\\"Resource\\\":\\\"*\\\"}]}\"}");
        var requests = service.accessRequests(request("GetSecretValue", "{\"SecretId\":\"db\"}"));
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("secretsmanager:GetSecretValue");
            assertThat(r.resource()).matches("arn:aws:secretsmanager:us-east-1:000000000000:secret:db-\\w{6}");
            assertThat(r.resourcePolicy()).isNotNull();
            assertThat(r.keys()).containsEntry("aws:ResourceTag/team", List.of("ml"));
        });
    }

    @Test
    void creatingAndListingAskForTheActionOnEverything() {
        assertThat(service.accessRequests(request("CreateSecret", "{\"Name\":\"x\"}"))).isEmpty();
        assertThat(service.accessRequests(request("ListSecrets", "{}"))).isEmpty();
        assertThat(service.accessRequests(request("GetSecretValue", "{\"SecretId\":\"missing\"}"))).isEmpty();
    }
}
