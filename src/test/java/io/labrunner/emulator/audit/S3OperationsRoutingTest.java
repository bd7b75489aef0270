package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operation in S3's API model ({@code s3-operations.json}, from botocore), sent as its HTTP binding says: one
 * the emulator serves ({@code served-operations.json}) is not refused as unimplemented; one it does not serve answers
 * S3's {@code NotImplemented} (501) naming that operation, and leaves the bucket and its object as they were, never
 * answered as CreateBucket, PutObject or DeleteBucket.
 */
class S3OperationsRoutingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "routing-walk";
    private static final String KEY = "kept/object.txt";
    private static final String CONTENT = "left as it was";
    private static Emulator emulator;
    private static SignedHttp http;

    /** One operation of the model, as sent on the wire. */
    record ModelOperation(String name, String method, String requestUri, List<String> requiredQuery,
            List<String> requiredHeaders) {
        /** Operations that go out as the same request, e.g. GetBucketNotification and its Configuration successor. */
        String wire() {
            return method + " " + requestUri + " " + requiredQuery + " " + requiredHeaders;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.builder().port(0).build().start();
        http = new SignedHttp(Duration.ofSeconds(30));
        assertThat(send("PUT", "/" + BUCKET, Map.of(), new byte[0]).statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/" + BUCKET + "/" + KEY, Map.of(), CONTENT.getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @TestFactory
    Stream<DynamicTest> noOperationOfTheS3ModelIsAnsweredAsAnotherOne() throws IOException {
        List<ModelOperation> model = model();
        Set<String> served = served();
        assertThat(model).extracting(ModelOperation::name).containsAll(served);
        Set<String> servedWires = model.stream().filter(o -> served.contains(o.name())).map(ModelOperation::wire)
                .collect(Collectors.toSet());
        return model.stream().map(op -> dynamicTest(op.name() + " is answered as itself", () -> {
            boolean isServed = servedWires.contains(op.wire());
            HttpResponse<byte[]> response = sendOperation(op, isServed);
            String body = new String(response.body(), StandardCharsets.UTF_8);
            if (isServed) {
                assertThat(body).as("%s %s", op.name(), body).doesNotContain("<Code>NotImplemented</Code>");
            } else {
                Set<String> sameWire = model.stream().filter(o -> o.wire().equals(op.wire()))
                        .map(ModelOperation::name).collect(Collectors.toCollection(TreeSet::new));
                assertThat(response.statusCode()).as("%s: %s", op.name(), body).isEqualTo(501);
                assertThat(body).as(op.name()).contains("<Code>NotImplemented</Code>")
                        .contains("A header you provided implies functionality that is not implemented.");
                assertThat(sameWire).as("the operation named in %s", body)
                        .anyMatch(name -> body.contains("S3 operation " + name + ";"));
            }
            assertThat(objectContent()).as("the object after %s", op.name()).isEqualTo("200 " + CONTENT);
        }));
    }

    @Test
    void unservedSubresourcesOfABucketThatDoesNotExistAreStillNotImplemented() throws Exception {
        HttpResponse<byte[]> abac = send("PUT", "/no-such-routing-bucket?abac", Map.of(), "<AbacStatus/>".getBytes());
        assertThat(abac.statusCode()).isEqualTo(501);
        assertThat(new String(abac.body(), StandardCharsets.UTF_8)).contains("PutBucketAbac");
        assertThat(send("HEAD", "/no-such-routing-bucket", Map.of(), new byte[0]).statusCode()).isEqualTo(404);
    }

    @Test
    void aSubresourceWithAMethodS3HasNoOperationForIsNotAllowedAndDeletesNothing() throws Exception {
        HttpResponse<byte[]> deleteAcl = send("DELETE", "/" + BUCKET + "?acl", Map.of(), new byte[0]);
        assertThat(deleteAcl.statusCode()).isEqualTo(405);
        assertThat(new String(deleteAcl.body(), StandardCharsets.UTF_8)).contains("<Code>MethodNotAllowed</Code>");
        assertThat(send("HEAD", "/" + BUCKET, Map.of(), new byte[0]).statusCode()).isEqualTo(200);
    }

    @Test
    void boto3GetsNotImplementedForUnservedOperationsAndTheBucketStays(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.boto3Missing();
        assumeTrue(missing == null, missing);
        Path script = home.resolve("s3_not_implemented_by_boto3.py");
        try (InputStream in = getClass().getResourceAsStream("s3_not_implemented_by_boto3.py")) {
            Files.copy(in, script);
        }
        ExternalClients.Result ran = clients.run(List.of(ExternalClients.PYTHON, script.toString(),
                emulator.getEndpoint().toString(), BUCKET, KEY));
        assertThat(ran.exitCode()).as(ran.stderr()).isZero();
        JsonNode seen = JSON.readTree(ran.stdout());
        for (String operation : List.of("PutBucketIntelligentTieringConfiguration", "PutBucketAbac",
                "CreateSession", "UpdateBucketMetadataJournalTableConfiguration", "PutObjectRetention")) {
            assertThat(seen.at("/" + operation + "/code").asText()).as(operation).isEqualTo("NotImplemented");
            assertThat(seen.at("/" + operation + "/status").asInt()).as(operation).isEqualTo(501);
            assertThat(seen.at("/" + operation + "/message").asText()).as(operation).contains(operation);
        }
        assertThat(seen.path("content").asText()).isEqualTo(CONTENT);
    }

    @Test
    void theAwsCliGetsNotImplementedForAnUnservedBucketConfiguration(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.awsCliMissing();
        assumeTrue(missing == null, () -> "AWS CLI check skipped: " + missing);
        ExternalClients.Result ran = clients.aws(emulator.getEndpoint().toString(), "s3api",
                "put-bucket-accelerate-configuration", "--bucket", BUCKET, "--accelerate-configuration",
                "Status=Enabled");
        assertThat(ran.exitCode()).isNotZero();
        assertThat(ran.stderr()).contains("NotImplemented").contains("PutBucketAccelerateConfiguration");
    }

    private static HttpResponse<byte[]> sendOperation(ModelOperation op, boolean served) throws Exception {
        // Served operations act on another key, so that DeleteObject and PutObject leave the kept object alone.
        String key = served ? "served/object.txt" : KEY;
        String uri = op.requestUri().replace("{Bucket}", BUCKET).replace("{Key+}", key);
        StringBuilder query = new StringBuilder();
        int mark = uri.indexOf('?');
        if (mark >= 0) {
            query.append(uri.substring(mark + 1));
            uri = uri.substring(0, mark);
        }
        for (String name : op.requiredQuery()) {
            query.append(query.length() == 0 ? "" : "&").append(name).append("=1");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : op.requiredHeaders()) {
            headers.put(name, name.endsWith("-source") ? "/" + BUCKET + "/" + KEY : "walk");
        }
        String pathAndQuery = query.length() == 0 ? uri : uri + "?" + query;
        byte[] body = "PUT".equals(op.method()) || "POST".equals(op.method())
                ? "<Walk/>".getBytes(StandardCharsets.UTF_8) : new byte[0];
        return send(op.method(), pathAndQuery, headers, body);
    }

    private static HttpResponse<byte[]> send(String method, String pathAndQuery, Map<String, String> headers,
            byte[] body) throws IOException, InterruptedException {
        return http.send(method, URI.create(emulator.getEndpoint() + pathAndQuery), headers, body, "s3");
    }

    private static String objectContent() throws Exception {
        HttpResponse<byte[]> get = send("GET", "/" + BUCKET + "/" + KEY, Map.of(), new byte[0]);
        return get.statusCode() + " " + new String(get.body(), StandardCharsets.UTF_8);
    }

    private static List<ModelOperation> model() throws IOException {
        JsonNode root;
        try (InputStream in = S3OperationsRoutingTest.class.getResourceAsStream("s3-operations.json")) {
            root = JSON.readTree(in);
        }
        List<ModelOperation> operations = new ArrayList<>();
        root.path("operations").fields().forEachRemaining(e -> {
            List<String> query = texts(e.getValue().path("requiredQuery"));
            if (e.getKey().equals("ListDirectoryBuckets")) {
                // ListBuckets' request, sent to the S3 Express endpoint; only its own parameter tells it apart here.
                query = List.of("max-directory-buckets");
            }
            operations.add(new ModelOperation(e.getKey(), e.getValue().path("method").asText(),
                    e.getValue().path("requestUri").asText(), query, texts(e.getValue().path("requiredHeaders"))));
        });
        return operations;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static Set<String> served() throws IOException {
        return ServedOperations.load().stream().filter(o -> o.service().equals("s3"))
                .map(ServedOperations.Operation::name).collect(Collectors.toSet());
    }
}
