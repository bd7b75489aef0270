package io.labrunner.emulator.sagemaker.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.core.SageMakerRuntime.InvokeEndpointRequest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sagemaker.model.CaptureMode;

/** Data capture: SageMaker's S3 layout and JSON Lines records, sampling, and nothing acknowledged lost on delete. */
class DataCaptureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HostingFixture fixture = new HostingFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private void endpoint(String name, int percent, boolean typed) {
        fixture.xgboostModel(name + "-model", 5, 1);
        fixture.s3.createBucket(r -> r.bucket("capture"));
        fixture.sagemaker.createEndpointConfig(r -> r.endpointConfigName(name + "-config")
                .productionVariants(v -> v.variantName("AllTraffic").modelName(name + "-model")
                        .instanceType("ml.m5.large").initialInstanceCount(1))
                .dataCaptureConfig(c -> {
                    c.enableCapture(true).initialSamplingPercentage(percent)
                            .destinationS3Uri("s3://capture/datacapture")
                            .captureOptions(o -> o.captureMode(CaptureMode.INPUT), o -> o.captureMode(CaptureMode.OUTPUT));
                    if (typed) {
                        c.captureContentTypeHeader(h -> h.csvContentTypes("text/csv"));
                    }
                }));
        fixture.sagemaker.createEndpoint(r -> r.endpointName(name).endpointConfigName(name + "-config"));
        fixture.waitInService(name);
    }

    private List<JsonNode> records(String prefix) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (S3Object object : objects(prefix)) {
            String body = fixture.s3.getObjectAsBytes(r -> r.bucket("capture").key(object.key())).asUtf8String();
            for (String line : body.split("\n")) {
                records.add(JSON.readTree(line));
            }
        }
        return records;
    }

    private List<S3Object> objects(String prefix) {
        return fixture.s3.listObjectsV2Paginator(r -> r.bucket("capture").prefix(prefix)).contents().stream().toList();
    }

    @Test
    void everyRequestLandsInSageMakersLayoutAndRecordFormat() throws Exception {
        endpoint("captured", 100, true);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(fixture.runtime.invokeEndpoint(InvokeEndpointRequest.csv("captured", "0." + i + ",0.5,0.5"))
                    .body().asUtf8String());
        }
        fixture.sagemaker.deleteEndpoint(r -> r.endpointName("captured"));

        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        List<S3Object> files = objects("datacapture/");
        assertThat(files).isNotEmpty().allSatisfy(o -> assertThat(o.key()).matches(
                "datacapture/captured/AllTraffic/\\d{4}/\\d{2}/\\d{2}/\\d{2}/\\d{2}-\\d{2}-\\d{3}-[0-9a-f-]{36}\\.jsonl"));
        assertThat(files.get(0).key()).contains(String.format("/%d/%02d/%02d/", now.getYear(), now.getMonthValue(),
                now.getDayOfMonth()));
        List<JsonNode> records = records("datacapture/captured/");
        assertThat(records).hasSize(5);
        JsonNode first = records.stream().filter(r -> r.at("/captureData/endpointInput/data").asText()
                .equals("0.0,0.5,0.5")).findFirst().orElseThrow();
        assertThat(first.at("/captureData/endpointInput/observedContentType").asText()).isEqualTo("text/csv");
        assertThat(first.at("/captureData/endpointInput/mode").asText()).isEqualTo("INPUT");
        assertThat(first.at("/captureData/endpointInput/encoding").asText()).isEqualTo("CSV");
        assertThat(first.at("/captureData/endpointOutput/mode").asText()).isEqualTo("OUTPUT");
        assertThat(first.at("/captureData/endpointOutput/data").asText()).isEqualTo(answers.get(0));
        assertThat(first.at("/captureData/endpointOutput/observedContentType").asText()).startsWith("text/csv");
        assertThat(first.at("/eventMetadata/eventId").asText()).matches("[0-9a-f-]{36}");
        assertThat(first.at("/eventMetadata/inferenceTime").asText())
                .matches(Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
        assertThat(first.path("eventVersion").asText()).isEqualTo("0");
    }

    @Test
    void withoutContentTypeHeadersTheDataIsBase64AndSamplingIsHonoured() throws Exception {
        endpoint("sampled", 30, false);
        for (int i = 0; i < 300; i++) {
            fixture.runtime.invokeEndpoint(InvokeEndpointRequest.csv("sampled", "0.1,0.2,0.3"));
        }
        fixture.sagemaker.deleteEndpoint(r -> r.endpointName("sampled"));
        List<JsonNode> records = records("datacapture/sampled/");
        // 30% of 300 is 90; five standard deviations is about ±40.
        assertThat(records.size()).isBetween(50, 130);
        JsonNode input = records.get(0).at("/captureData/endpointInput");
        assertThat(input.path("encoding").asText()).isEqualTo("BASE64");
        assertThat(new String(Base64.getDecoder().decode(input.path("data").asText()))).isEqualTo("0.1,0.2,0.3");
        assertThat(fixture.emulator).isNotNull();
    }

    @Test
    void deletingWithRequestsInFlightLosesNoAcknowledgedCapture() throws Exception {
        endpoint("busy", 100, true);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            results.add(callers.submit(() -> {
                int acknowledged = 0;
                while (true) {
                    try {
                        fixture.runtime.invokeEndpoint(InvokeEndpointRequest.csv("busy", "0.1,0.2,0.3"));
                        acknowledged++;
                    } catch (RuntimeException gone) {
                        return acknowledged;
                    }
                }
            }));
        }
        Thread.sleep(700);
        fixture.sagemaker.deleteEndpoint(r -> r.endpointName("busy"));
        int acknowledged = 0;
        for (Future<Integer> result : results) {
            acknowledged += result.get(30, TimeUnit.SECONDS);
        }
        callers.shutdown();
        assertThat(acknowledged).isPositive();
        assertThat(records("datacapture/busy/")).hasSize(acknowledged);
    }
}
