package io.labrunner.emulator.sagemaker.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ProcessingJobStatus;

/** A baseline processing job, as suggest_baseline starts it, measures the dataset it is given. */
class BaselineJobTest {
    @TempDir
    static Path dir;
    static MonitorFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new MonitorFixture(dir, Instant.parse("2026-12-07T15:30:00Z"));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /** Rows of label (0/1), age (whole, some missing), income (fractional), city (3 values). */
    record Row(int label, Integer age, double income, String city) {
        String csv() {
            return label + "," + (age == null ? "" : age) + "," + income + "," + city;
        }
    }

    static List<Row> rows(int n, long seed) {
        Random random = new Random(seed);
        String[] cities = {"Lyon", "Paris", "Nice"};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Row(random.nextInt(2), i % 10 == 3 ? null : 18 + random.nextInt(60),
                    Math.round(random.nextGaussian() * 1000 + 40_000) / 10.0, cities[random.nextInt(3)]));
        }
        return rows;
    }

    @Test
    void aCsvBaselineHasTheDatasetsCountsMeansDeviationsAndRanges() {
        List<Row> rows = rows(500, 7);
        String csv = "label,age,income,city\n" + rows.stream().map(Row::csv).collect(Collectors.joining("\n")) + "\n";
        fixture.put(MonitorFixture.BUCKET, "baseline/train.csv", csv);

        DescribeProcessingJobResponse job = fixture.suggestBaseline("baseline-csv", "s3://data/baseline/train.csv",
                "{\"csv\": {\"header\": true, \"output_columns_position\": \"START\"}}", "s3://data/baseline/out");

        assertThat(job.processingJobStatus()).as(job.failureReason()).isEqualTo(ProcessingJobStatus.COMPLETED);
        JsonNode stats = fixture.json("s3://data/baseline/out/statistics.json");
        assertThat(stats.path("dataset").path("item_count").asLong()).isEqualTo(500);
        JsonNode features = stats.path("features");
        assertThat(features.findValuesAsText("name")).containsExactly("label", "age", "income", "city");
        assertThat(features.findValuesAsText("inferred_type"))
                .containsExactly("Integral", "Integral", "Fractional", "String");

        List<Double> ages = rows.stream().filter(r -> r.age() != null).map(r -> (double) r.age()).toList();
        JsonNode age = features.get(1).path("numerical_statistics");
        assertThat(age.path("common").path("num_present").asLong()).isEqualTo(ages.size());
        assertThat(age.path("common").path("num_missing").asLong()).isEqualTo(500 - ages.size()).isEqualTo(50);
        assertNumbers(age, ages);

        List<Double> incomes = rows.stream().map(Row::income).toList();
        assertNumbers(features.get(2).path("numerical_statistics"), incomes);

        JsonNode city = features.get(3).path("string_statistics");
        assertThat(city.path("distinct_count").asInt()).isEqualTo(3);
        JsonNode buckets = city.path("distribution").path("categorical").path("buckets");
        for (JsonNode bucket : buckets) {
            long expected = rows.stream().filter(r -> r.city().equals(bucket.path("value").asText())).count();
            assertThat(bucket.path("count").asLong()).as(bucket.toString()).isEqualTo(expected);
        }
        assertThat(buckets.findValuesAsText("value")).containsExactlyInAnyOrder("Lyon", "Paris", "Nice");

        JsonNode constraints = fixture.json("s3://data/baseline/out/constraints.json");
        JsonNode byFeature = constraints.path("features");
        assertThat(byFeature.get(0).path("completeness").asDouble()).isEqualTo(1.0);
        assertThat(byFeature.get(1).path("completeness").asDouble()).isCloseTo(0.9, within(1e-12));
        assertThat(byFeature.get(1).path("num_constraints").path("is_non_negative").asBoolean()).isTrue();
        List<String> domains = new ArrayList<>();
        byFeature.get(3).path("string_constraints").path("domains").forEach(d -> domains.add(d.asText()));
        assertThat(domains).containsExactlyInAnyOrder("Lyon", "Paris", "Nice");
        JsonNode config = constraints.path("monitoring_config");
        assertThat(config.path("evaluate_constraints").asText()).isEqualTo("Enabled");
        assertThat(config.path("emit_metrics").asText()).isEqualTo("Enabled");
        assertThat(config.path("distribution_constraints").path("comparison_threshold").asDouble()).isEqualTo(0.1);
        assertThat(config.path("distribution_constraints").path("comparison_method").asText()).isEqualTo("Robust");
    }

    /** Mean, sum, population standard deviation, range, buckets and sketch against the values themselves. */
    static void assertNumbers(JsonNode stats, List<Double> values) {
        double sum = values.stream().mapToDouble(Double::doubleValue).sum();
        double mean = sum / values.size();
        double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / values.size();
        assertThat(stats.path("sum").asDouble()).isCloseTo(sum, within(1e-6 * Math.abs(sum)));
        assertThat(stats.path("mean").asDouble()).isCloseTo(mean, within(1e-9 * Math.abs(mean) + 1e-12));
        assertThat(stats.path("std_dev").asDouble()).isCloseTo(Math.sqrt(variance), within(1e-6));
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(stats.path("min").asDouble()).isEqualTo(min);
        assertThat(stats.path("max").asDouble()).isEqualTo(max);
        JsonNode kll = stats.path("distribution").path("kll");
        assertThat(kll.path("buckets")).hasSize(10);
        long counted = 0;
        for (JsonNode bucket : kll.path("buckets")) {
            double lo = bucket.path("lower_bound").asDouble();
            double hi = bucket.path("upper_bound").asDouble();
            boolean last = hi == max;
            long expected = values.stream().filter(v -> v >= lo && (last ? v <= hi : v < hi)).count();
            assertThat(bucket.path("count").asLong()).as(bucket.toString()).isEqualTo(expected);
            counted += expected;
        }
        assertThat(counted).isEqualTo(values.size());
        assertThat(kll.path("sketch").path("parameters").path("k").asDouble()).isEqualTo(2048);
        // Fewer values than k: the sketch holds every one of them at level 0.
        List<Double> held = new ArrayList<>();
        kll.path("sketch").path("data").get(0).forEach(v -> held.add(v.asDouble()));
        assertThat(held).containsExactlyInAnyOrderElementsOf(values);
    }

    @Test
    void aJsonLinesBaselineTakesItsFeatureNamesFromTheKeys() {
        fixture.put(MonitorFixture.BUCKET, "jsonl/part-1.jsonl", "{\"x\": 1, \"y\": 2.5, \"z\": \"a\"}\n"
                + "{\"x\": 3, \"y\": null, \"z\": \"b\"}\n");
        fixture.put(MonitorFixture.BUCKET, "jsonl/part-2.jsonl", "{\"x\": -5, \"y\": 0.5, \"z\": \"a\"}\n");

        DescribeProcessingJobResponse job = fixture.suggestBaseline("baseline-jsonl", "s3://data/jsonl/",
                "{\"json\": {\"lines\": true}}", "s3://data/jsonl-out/");

        assertThat(job.processingJobStatus()).as(job.failureReason()).isEqualTo(ProcessingJobStatus.COMPLETED);
        JsonNode stats = fixture.json("s3://data/jsonl-out/statistics.json");
        assertThat(stats.path("dataset").path("item_count").asLong()).isEqualTo(3);
        JsonNode x = stats.path("features").get(0);
        assertThat(x.path("name").asText()).isEqualTo("x");
        assertThat(x.path("numerical_statistics").path("sum").asDouble()).isEqualTo(-1.0);
        JsonNode y = stats.path("features").get(1);
        assertThat(y.path("inferred_type").asText()).isEqualTo("Fractional");
        assertThat(y.path("numerical_statistics").path("common").path("num_missing").asLong()).isEqualTo(1);
        JsonNode constraints = fixture.json("s3://data/jsonl-out/constraints.json");
        assertThat(constraints.path("features").get(0).path("num_constraints").path("is_non_negative").asBoolean())
                .isFalse();
    }

    @Test
    void aCsvWithoutHeaderNamesItsColumnsAsSparkDoes() {
        fixture.put(MonitorFixture.BUCKET, "nohead/train.csv", "1,2.5\n0,3.5\n");

        DescribeProcessingJobResponse job = fixture.suggestBaseline("baseline-nohead", "s3://data/nohead/train.csv",
                "{\"csv\": {\"header\": false}}", "s3://data/nohead-out");

        assertThat(job.processingJobStatus()).as(job.failureReason()).isEqualTo(ProcessingJobStatus.COMPLETED);
        JsonNode stats = fixture.json("s3://data/nohead-out/statistics.json");
        assertThat(stats.path("features").findValuesAsText("name")).containsExactly("_c0", "_c1");
    }

    @Test
    void anImageOtherThanTheAnalyzerFailsTheJobSayingWhatRunsHere() {
        fixture.sagemaker.createProcessingJob(r -> r.processingJobName("sklearn-job").roleArn(MonitorFixture.ROLE)
                .appSpecification(a -> a.imageUri(
                        "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3"))
                .processingResources(p -> p.clusterConfig(c -> c.instanceCount(1).instanceType("ml.m5.xlarge")
                        .volumeSizeInGB(20))));

        DescribeProcessingJobResponse job = fixture.awaitJob("sklearn-job");

        assertThat(job.processingJobStatus()).isEqualTo(ProcessingJobStatus.FAILED);
        assertThat(job.failureReason()).contains("sagemaker-model-monitor-analyzer").contains("sagemaker-scikit-learn");
    }

    @Test
    void aDatasetThatIsNotThereFailsTheJobWithNoData() {
        DescribeProcessingJobResponse job = fixture.suggestBaseline("baseline-missing", "s3://data/nothing-here/",
                "{\"csv\": {\"header\": true}}", "s3://data/missing-out");

        assertThat(job.processingJobStatus()).isEqualTo(ProcessingJobStatus.FAILED);
        assertThat(job.failureReason()).contains("Job inputs had no data");
    }

    @Test
    void anOutputBucketThatDoesNotExistFailsTheJobNamingIt() {
        fixture.put(MonitorFixture.BUCKET, "tiny/train.csv", "a\n1\n");

        DescribeProcessingJobResponse job = fixture.suggestBaseline("baseline-nobucket", "s3://data/tiny/train.csv",
                "{\"csv\": {\"header\": true}}", "s3://no-such-bucket/out");

        assertThat(job.processingJobStatus()).isEqualTo(ProcessingJobStatus.FAILED);
        assertThat(job.failureReason()).isEqualTo("AlgorithmError: The bucket of s3://no-such-bucket/out "
                + "does not exist");
    }

    @Test
    void describeAndListShowTheJobAsCreated() {
        fixture.put(MonitorFixture.BUCKET, "small/train.csv", "a\n1\n");
        fixture.suggestBaseline("Baseline-Listed", "s3://data/small/train.csv", "{\"csv\": {\"header\": true}}",
                "s3://data/small-out");

        var described = fixture.sagemaker.describeProcessingJob(r -> r.processingJobName("Baseline-Listed"));
        assertThat(described.processingJobArn()).isEqualTo(
                "arn:aws:sagemaker:us-east-1:000000000000:processing-job/baseline-listed");
        assertThat(described.environment()).containsEntry("dataset_source",
                "/opt/ml/processing/input/baseline_dataset_input");
        assertThat(described.processingInputs().get(0).s3Input().s3Uri()).isEqualTo("s3://data/small/train.csv");
        assertThat(described.processingEndTime()).isNotNull();
        var listed = fixture.sagemaker.listProcessingJobs(r -> r.nameContains("baseline-list"));
        assertThat(listed.processingJobSummaries()).singleElement()
                .satisfies(s -> assertThat(s.processingJobStatus()).isEqualTo(ProcessingJobStatus.COMPLETED));
    }
}
