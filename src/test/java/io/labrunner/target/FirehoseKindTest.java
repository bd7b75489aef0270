package io.labrunner.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.labrunner.core.AwsClients;
import io.labrunner.core.AwsResourceTagger;
import io.labrunner.core.Capability;
import io.labrunner.core.Leftovers;
import io.labrunner.core.Resource;
import io.labrunner.core.ResourceKinds;
import io.labrunner.emulator.Emulator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** A run's Firehose delivery stream is tagged, listed as a leftover, found by its tag in a sweep and deleted. */
class FirehoseKindTest {
    private static final Set<Capability> CAPABILITIES = Set.of(Capability.S3, Capability.FIREHOSE_S3);
    private static Emulator emulator;
    private static AwsClients clients;

    @BeforeAll
    static void startEmulator() {
        emulator = Emulator.builder().port(0).build().start();
        clients = new AwsClients(Optional.of(emulator.getEndpoint()), Region.of(emulator.getRegion()),
                EndpointTarget.emulatorCredentials());
    }

    @AfterAll
    static void stopEmulator() {
        clients.close();
        emulator.close();
    }

    private static void createStream(String bucket, String name) {
        clients.s3().createBucket(b -> b.bucket(bucket));
        clients.firehose().createDeliveryStream(b -> b.deliveryStreamName(name).extendedS3DestinationConfiguration(d ->
                d.bucketARN("arn:aws:s3:::" + bucket).roleARN("arn:aws:iam::000000000000:role/firehose")));
    }

    @Test
    void aTaggedDeliveryStreamIsSweptAndThenNoLeftover() {
        createStream("lab-k3f9x2-landing", "lab-k3f9x2-events");
        assertThat(new Leftovers(clients, CAPABILITIES).find("k3f9x2"))
                .containsExactly("S3 bucket lab-k3f9x2-landing", "Firehose stream lab-k3f9x2-events");
        String arn = clients.firehose().describeDeliveryStream(r -> r.deliveryStreamName("lab-k3f9x2-events"))
                .deliveryStreamDescription().deliveryStreamARN();
        Instant now = Instant.now().plus(Duration.ofHours(7));
        TaggedResources tags = () -> List.of(new TaggedResources.Tagged(arn,
                Map.of("lab:run-id", "k3f9x2", "lab:expires-at", now.minus(Duration.ofHours(1)).toString())));
        Sweeper sweeper = new Sweeper(clients, CAPABILITIES, tags, Clock.fixed(now, ZoneOffset.UTC));

        List<Sweeper.Leftover> found = sweeper.find(Duration.ofHours(6));

        assertThat(found).extracting(Sweeper.Leftover::what, Sweeper.Leftover::foundBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Firehose stream lab-k3f9x2-events", "tag"),
                org.assertj.core.groups.Tuple.tuple("S3 bucket lab-k3f9x2-landing", "name"));
        assertThat(sweeper.delete(found)).isEmpty();
        assertThat(new Leftovers(clients, CAPABILITIES).find("k3f9x2")).isEmpty();
    }

    @Test
    void aDeliveryStreamsArnNamesIt() {
        assertThat(ResourceKinds.standard().fromArn("arn:aws:firehose:eu-west-1:1:deliverystream/lab-k3f9x2-events"))
                .contains(Resource.deliveryStream("lab-k3f9x2-events"));
        assertThat(ResourceKinds.standard().fromArn("arn:aws:firehose:eu-west-1:1:other/lab-k3f9x2-events")).isEmpty();
    }

    /** The emulator does not serve TagDeliveryStream: a stand-in records what the tagger sends. */
    @Test
    void theTaggerTagsADeliveryStreamWithTagDeliveryStream() throws Exception {
        List<Map<String, String>> requests = new ArrayList<>();
        List<JsonNode> bodies = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> request = new LinkedHashMap<>();
            request.put("target", String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target")));
            requests.add(request);
            bodies.add(new ObjectMapper().readTree(exchange.getRequestBody()));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (AwsClients standIn = new AwsClients(Optional.of(URI.create("http://127.0.0.1:"
                + server.getAddress().getPort())), Region.EU_WEST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))) {

            new AwsResourceTagger(standIn).tag(Resource.deliveryStream("lab-k3f9x2-events"),
                    Map.of("lab:run-id", "k3f9x2"));
        } finally {
            server.stop(0);
        }

        assertThat(requests).singleElement().satisfies(r ->
                assertThat(r.get("target")).isEqualTo("Firehose_20150804.TagDeliveryStream"));
        assertThat(bodies.get(0).path("DeliveryStreamName").asText()).isEqualTo("lab-k3f9x2-events");
        assertThat(bodies.get(0).at("/Tags/0/Key").asText()).isEqualTo("lab:run-id");
        assertThat(bodies.get(0).at("/Tags/0/Value").asText()).isEqualTo("k3f9x2");
    }
}
