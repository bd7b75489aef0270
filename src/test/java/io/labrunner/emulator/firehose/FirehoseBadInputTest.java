package io.labrunner.emulator.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input meets AWS's order of checks on Firehose: types first (SerializationException), then every
 * model constraint in one ValidationException, and only then the service's own checks and lookups; a
 * refused request stores nothing. Firehose quotes the offending value in each violation, as the core
 * does ({@code Value 'NotLambda' at 'extendedS3DestinationConfiguration.processingConfiguration.processors.1.member.type'},
 * recorded in hashicorp/terraform-provider-aws#9017).
 */
class FirehoseBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DESTINATION = "'ExtendedS3DestinationConfiguration':{"
            + "'RoleARN':'arn:aws:iam::000000000000:role/f','BucketARN':'arn:aws:s3:::lake'";

    private final FirehoseService service = new FirehoseService(FirehoseSettings.manual(new ManualClock()),
            new FirehoseRequestLimitsTest.RefusingStore(), null);

    /** Status, error type header and body of one answer. */
    private record Answer(int status, String errorType, JsonNode body) {
        String message() {
            return body.has("message") ? body.path("message").asText() : body.path("Message").asText(null);
        }
    }

    @AfterEach
    void close() {
        service.close();
    }

    private Answer call(String target, String json) {
        AwsResponse response = service.handle(new AwsRequest("POST", "/", Map.of(),
                Map.of("x-amz-target", target, "content-type", "application/x-amz-json-1.1"),
                json.replace('\'', '"').getBytes(StandardCharsets.UTF_8), "firehose", "us-east-1", "test"));
        try {
            JsonNode body = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Answer(response.status(), response.headers().get("x-amzn-ErrorType"), body);
        } catch (IOException e) {
            throw new AssertionError("the answer is not JSON", e);
        }
    }

    private Answer firehose(String operation, String json) {
        return call("Firehose_20150804." + operation, json);
    }

    private int streamCount() {
        return firehose("ListDeliveryStreams", "{}").body().path("DeliveryStreamNames").size();
    }

    @Test
    void everyConstraintACreateRequestBreaksIsListedInOneValidationExceptionAndNoStreamIsCreated() {
        Answer answer = firehose("CreateDeliveryStream", "{'DeliveryStreamName':''," + DESTINATION
                + ",'BufferingHints':{'SizeInMBs':0},'CompressionFormat':'RAR'}}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("ValidationException");
        assertThat(answer.message()).startsWith("4 validation errors detected: ")
                .contains("Value '' at 'deliveryStreamName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1")
                .contains("Value '0' at 'extendedS3DestinationConfiguration.bufferingHints.sizeInMBs' failed to "
                        + "satisfy constraint: Member must have value greater than or equal to 1")
                .contains("Value 'RAR' at 'extendedS3DestinationConfiguration.compressionFormat' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [UNCOMPRESSED, GZIP, ZIP, Snappy, HADOOP_SNAPPY]");
        assertThat(streamCount()).isZero();
    }

    @Test
    void anEmptyStreamNameIsAValidationErrorNotAMissingStream() {
        Answer answer = firehose("DescribeDeliveryStream", "{'DeliveryStreamName':''}");

        assertThat(answer.errorType()).isEqualTo("ValidationException");
        assertThat(answer.message()).contains("at 'deliveryStreamName'");
    }

    @Test
    void aValueOfTheWrongTypeIsASerializationErrorBeforeAnyConstraintIsLookedAt() {
        Answer answer = firehose("PutRecordBatch", "{'DeliveryStreamName':'','Records':'x'}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("SerializationException");
        assertThat(answer.message()).isEqualTo("Expected list or null");
    }

    @Test
    void aRecordWithoutDataIsNamedByItsPlaceInTheBatch() {
        firehose("CreateDeliveryStream", "{'DeliveryStreamName':'s'," + DESTINATION + "}}");

        Answer answer = firehose("PutRecordBatch", "{'DeliveryStreamName':'s','Records':[{'Data':'eA=='},{}]}");

        assertThat(answer.errorType()).isEqualTo("ValidationException");
        assertThat(answer.message()).isEqualTo("1 validation error detected: Value null at 'records.2.member.data' "
                + "failed to satisfy constraint: Member must not be null");
    }

    @Test
    void anEmptyBodyIsASerializationErrorAndListsNothing() {
        Answer answer = firehose("ListDeliveryStreams", "");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("SerializationException");
    }

    @Test
    void anOperationFirehoseDoesNotHaveIsUnknownAndOneItHasButTheEmulatorLacksIsNotImplemented() {
        Answer unknown = firehose("LaunchRockets", "{}");
        Answer lacking = firehose("StartDeliveryStreamEncryption", "{'DeliveryStreamName':'s'}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorType()).isEqualTo("UnknownOperationException");
        assertThat(lacking.status()).isEqualTo(501);
        assertThat(lacking.errorType()).isEqualTo("NotImplemented");
        assertThat(lacking.message()).contains("StartDeliveryStreamEncryption");
    }
}
