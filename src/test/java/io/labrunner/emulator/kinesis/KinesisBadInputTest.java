package io.labrunner.emulator.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.protocol.SignedHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input an SDK would never send but a curl or a test suite written against AWS does, signed and
 * sent raw through the emulator's port: each case the "Why" lists, answered as AWS answers it.
 */
class KinesisBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/x-amz-json-1.1";
    private static Emulator emulator;
    private static SignedHttp http;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        http = new SignedHttp(emulator.getEndpoint(), "kinesis", emulator.getRegion());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static SignedHttp.Answer send(String operation, String body) {
        return send(JSON_TYPE, operation, body.getBytes(StandardCharsets.UTF_8));
    }

    private static SignedHttp.Answer send(String contentType, String operation, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("X-Amz-Target", "Kinesis_20131202." + operation);
        return http.post(headers, body);
    }

    private static JsonNode json(SignedHttp.Answer answer) throws IOException {
        return JSON.readTree(answer.body());
    }

    private static void assertSerialization(SignedHttp.Answer answer, String message) throws IOException {
        assertThat(answer.status()).isEqualTo(400);
        JsonNode body = json(answer);
        assertThat(body.path("__type").asText()).as(body.toString()).isEqualTo("SerializationException");
        assertThat(body.path("Message").asText()).isEqualTo(message);
    }

    private static String stream() {
        String name = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(send("CreateStream", "{\"StreamName\":\"" + name + "\",\"ShardCount\":1}").status()).isEqualTo(200);
        return name;
    }

    @Test
    void tagsOfTheWrongTypeAreASerializationErrorBeforeTheMissingStreamIsNoticed() throws IOException {
        assertSerialization(send("AddTagsToStream", "{\"Tags\":\"23\"}"), "Expected map or null");
    }

    @Test
    void tagsOfTheWrongTypeOnARealStreamAreRefusedAndNothingIsStored() throws IOException {
        String name = stream();

        assertSerialization(send("AddTagsToStream", "{\"StreamName\":\"" + name + "\",\"Tags\":\"23\"}"),
                "Expected map or null");
        assertSerialization(send("AddTagsToStream", "{\"StreamName\":\"" + name + "\",\"Tags\":{\"n\":5}}"),
                "NUMBER_VALUE can not be converted to a String");

        JsonNode tags = json(send("ListTagsForStream", "{\"StreamName\":\"" + name + "\"}"));
        assertThat(tags.path("Tags")).isEmpty();
    }

    @Test
    void dataThatIsNotABlobIsASerializationError() throws IOException {
        assertSerialization(send("PutRecord", "{\"StreamName\":\"s\",\"PartitionKey\":\"k\",\"Data\":true}"),
                "TRUE_VALUE can not be converted to a Blob");
    }

    @Test
    void numbersThatDoNotFitAnIntegerAreSerializationErrors() throws IOException {
        for (String count : new String[] {"2147483648", "-2147483649.5", "1e400"}) {
            assertSerialization(send("CreateStream", "{\"StreamName\":\"n\",\"ShardCount\":" + count + "}"),
                    "NUMBER_VALUE can not be converted to an Integer");
        }
        assertSerialization(send("CreateStream", "{\"StreamName\":\"n\",\"ShardCount\":\"1\"}"),
                "STRING_VALUE can not be converted to an Integer");
        assertSerialization(send("CreateStream", "{\"StreamName\":[],\"ShardCount\":1}"),
                "Start of list found where not expected");
        assertSerialization(send("CreateStream", "{\"StreamName\":{},\"ShardCount\":1}"),
                "Start of structure or map found where not expected.");
    }

    @Test
    void anEmptyStreamNameIsAValidationErrorNotAMissingStream() throws IOException {
        SignedHttp.Answer answer = send("DescribeStream", "{\"StreamName\":\"\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(json(answer).path("message").asText()).isEqualTo("2 validation errors detected: "
                + "Value '' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression "
                + "pattern: [a-zA-Z0-9_.-]+; Value '' at 'streamName' failed to satisfy constraint: Member must "
                + "have length greater than or equal to 1");
    }

    @Test
    void everyViolationIsListedInOneMessage() throws IOException {
        SignedHttp.Answer answer = send("CreateStream", "{\"StreamName\":\"\",\"ShardCount\":0}");

        assertThat(json(answer).path("__type").asText()).isEqualTo("ValidationException");
        assertThat(json(answer).path("message").asText()).isEqualTo("3 validation errors detected: "
                + "Value '' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression "
                + "pattern: [a-zA-Z0-9_.-]+; "
                + "Value '' at 'streamName' failed to satisfy constraint: Member must have length greater than or "
                + "equal to 1; "
                + "Value '0' at 'shardCount' failed to satisfy constraint: Member must have value greater than or "
                + "equal to 1");
    }

    @Test
    void nestedMembersAndListElementsAreNamedByTheirPath() throws IOException {
        SignedHttp.Answer answer = send("PutRecords",
                "{\"StreamName\":\"s\",\"Records\":[{\"PartitionKey\":\"k\",\"Data\":\"\"},{\"PartitionKey\":\"\",\"Data\":\"\"}]}");
        assertThat(json(answer).path("message").asText()).isEqualTo("1 validation error detected: Value '' at "
                + "'records.2.member.partitionKey' failed to satisfy constraint: Member must have length greater "
                + "than or equal to 1");

        SignedHttp.Answer mode = send("CreateStream",
                "{\"StreamName\":\"m\",\"StreamModeDetails\":{\"StreamMode\":\"FAST\"}}");
        assertThat(json(mode).path("message").asText()).isEqualTo("1 validation error detected: Value 'FAST' at "
                + "'streamModeDetails.streamMode' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[PROVISIONED, ON_DEMAND]");
    }

    @Test
    void anOverLongTagKeyIsAValidationErrorAndTooManyTagsAreRefusedWithAwsWording() throws IOException {
        String name = stream();
        SignedHttp.Answer longKey = send("AddTagsToStream",
                "{\"StreamName\":\"" + name + "\",\"Tags\":{\"" + "k".repeat(129) + "\":\"v\"}}");
        assertThat(json(longKey).path("message").asText()).endsWith("at 'tags' failed to satisfy constraint: Map keys "
                + "must satisfy constraint: [Member must have length less than or equal to 128, Member must have "
                + "length greater than or equal to 1]");

        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            tags.put("k" + i, "v");
        }
        SignedHttp.Answer tooMany = send(JSON_TYPE, "AddTagsToStream",
                JSON.writeValueAsBytes(Map.of("StreamName", name, "Tags", tags)));
        assertThat(json(tooMany).path("__type").asText()).isEqualTo("InvalidArgumentException");
        assertThat(json(tooMany).path("message").asText()).isEqualTo("Failed to add tags to stream " + name
                + " under account 000000000000 because a given stream cannot have more than 50 tags associated with it.");

        SignedHttp.Answer create = send(JSON_TYPE, "CreateStream",
                JSON.writeValueAsBytes(Map.of("StreamName", name + "-x", "ShardCount", 1, "Tags", tags)));
        assertThat(json(create).path("__type").asText()).isEqualTo("InvalidArgumentException");
        assertThat(send("DescribeStreamSummary", "{\"StreamName\":\"" + name + "-x\"}").status()).isEqualTo(400);
    }

    @Test
    void tagsWithCharactersKinesisRefusesAreInvalidArguments() throws IOException {
        String name = stream();

        SignedHttp.Answer semicolon = send("AddTagsToStream", "{\"StreamName\":\"" + name + "\",\"Tags\":{\"a;b\":\"1\"}}");
        SignedHttp.Answer percent = send("RemoveTagsFromStream", "{\"StreamName\":\"" + name + "\",\"TagKeys\":[\"a%b\"]}");

        assertThat(json(semicolon).path("message").asText()).isEqualTo("Some tags contain invalid characters. "
                + "Valid characters: Unicode letters, digits, white space, _ . / = + - % @.");
        assertThat(json(percent).path("message").asText()).startsWith("Failed to add tags to stream " + name
                + " under account 000000000000 because some tags contained illegal characters.");
        assertThat(send("AddTagsToStream", "{\"StreamName\":\"" + name + "\",\"Tags\":{\"lab:run-id\":\"r 1\"}}")
                .status()).isEqualTo(200);
    }

    @Test
    void anUnknownOperationIsA400UnknownOperationException() throws IOException {
        SignedHttp.Answer answer = send("ListStreamz", "{}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(json(answer).path("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("UnknownOperationException");
    }

    @Test
    void anOperationWithNoOutputAnswersAnEmptyBody() {
        SignedHttp.Answer answer = send("CreateStream", "{\"StreamName\":\"quiet\",\"ShardCount\":1}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void anEmptyBodyIsASerializationErrorInJsonWhenAskedInJsonAndInCborOtherwise() throws IOException {
        SignedHttp.Answer json = send(JSON_TYPE, "ListStreams", new byte[0]);
        assertThat(json.status()).isEqualTo(400);
        assertThat(json(json).path("__type").asText()).isEqualTo("SerializationException");

        Map<String, String> noType = new HashMap<>();
        noType.put("X-Amz-Target", "Kinesis_20131202.ListStreams");
        SignedHttp.Answer untyped = http.post(noType, new byte[0]);
        assertThat(untyped.status()).isEqualTo(400);
        assertThat(untyped.header("content-type")).isEqualTo("application/x-amz-cbor-1.1");
        assertThat(new CBORMapper().readTree(untyped.body()).path("__type").asText()).isEqualTo("SerializationException");
    }

    @Test
    void aBodyWithoutAKnownContentTypeRunsNoOperation() throws IOException {
        Map<String, String> noType = new HashMap<>();
        noType.put("X-Amz-Target", "Kinesis_20131202.ListStreams");
        SignedHttp.Answer answer = http.post(noType, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(json(answer).path("__type").asText()).isEqualTo("UnknownOperationException");
    }

    @Test
    void aBodyThatIsNotAnObjectIsASerializationError() throws IOException {
        SignedHttp.Answer scalar = send("ListStreams", "\"hello\"");
        SignedHttp.Answer broken = send("ListStreams", "{not json");

        assertThat(json(scalar).path("__type").asText()).isEqualTo("SerializationException");
        assertThat(json(broken).path("__type").asText()).isEqualTo("SerializationException");
        assertThat(broken.status()).isEqualTo(400);
    }

    @Test
    void membersTheModelDoesNotKnowAreIgnored() {
        assertThat(send("ListStreams", "{\"Limit\":5,\"Colour\":\"blue\"}").status()).isEqualTo(200);
    }

    @Test
    void aCborRequestGetsItsValidationErrorInCbor() throws IOException {
        byte[] body = new CBORMapper().writeValueAsBytes(Map.of("StreamName", ""));
        SignedHttp.Answer answer = send("application/x-amz-cbor-1.1", "DescribeStream", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("content-type")).isEqualTo("application/x-amz-cbor-1.1");
        assertThat(new CBORMapper().readTree(answer.body()).path("message").asText())
                .startsWith("2 validation errors detected: Value '' at 'streamName'");
    }
}
