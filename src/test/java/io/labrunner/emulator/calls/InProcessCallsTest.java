package io.labrunner.emulator.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.calls.ServiceCalls.Principal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/** A service calling another in-process goes through the model's checks, the handler and IAM, as a client would. */
class InProcessCallsTest {
    static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).enforceIam(true).build().start();
        try (IamClient iam = IamClient.builder().endpointOverride(emulator.getEndpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        emulator.getAccessKey(), emulator.getSecretKey()))).build()) {
            String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Principal\":{\"Service\":\"states.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
            iam.createRole(r -> r.roleName("reader").assumeRolePolicyDocument(trust));
            iam.putRolePolicy(r -> r.roleName("reader").policyName("glue-read").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"glue:GetDatabase\","
                            + "\"Resource\":\"*\"}]}"));
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void theAccountCreatesAndReadsBack() {
        ServiceCalls calls = emulator.serviceCalls();
        calls.call(Principal.account(), "glue", "CreateDatabase", json("{\"DatabaseInput\":{\"Name\":\"sales\"}}"),
                "us-east-1");

        JsonNode database = calls.call(Principal.account(), "glue", "GetDatabase", json("{\"Name\":\"sales\"}"),
                "us-east-1");

        assertThat(database.path("Database").path("Name").asText()).isEqualTo("sales");
    }

    @Test
    void theServicesErrorComesBackWithItsCode() {
        assertThatThrownBy(() -> emulator.serviceCalls().call(Principal.account(), "glue", "GetDatabase",
                json("{\"Name\":\"nowhere\"}"), "us-east-1"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("EntityNotFoundException"));
    }

    @Test
    void theModelsChecksRunFirst() {
        assertThatThrownBy(() -> emulator.serviceCalls().call(Principal.account(), "sagemaker", "DescribeTrainingJob",
                json("{}"), "us-east-1"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ValidationException"));
    }

    @Test
    void aRoleMayDoOnlyWhatItsPoliciesAllow() {
        Principal reader = Principal.role("arn:aws:iam::" + Emulator.ACCOUNT_ID + ":role/reader", "run-1");

        assertThatThrownBy(() -> emulator.serviceCalls().call(reader, "glue", "CreateDatabase",
                json("{\"DatabaseInput\":{\"Name\":\"denied\"}}"), "us-east-1"))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("AccessDeniedException");
                    assertThat(e.getMessage()).contains("assumed-role/reader/run-1", "glue:CreateDatabase");
                });
    }

    @Test
    void aServiceSpeakingAnotherProtocolIsRefusedByName() {
        assertThatThrownBy(() -> emulator.serviceCalls().call(Principal.account(), "iam", "ListRoles", json("{}"),
                "us-east-1"))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.getMessage()).contains("IAM"));
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
