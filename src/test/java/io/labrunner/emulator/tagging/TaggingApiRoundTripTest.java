package io.labrunner.emulator.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.tagging.TaggingCalls.Answer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Resource Groups Tagging API against the embedded emulator: resources tagged through Kinesis, Secrets Manager,
 * CloudWatch Logs and KMS (their own SDK v2 clients) are found by GetResources, and tags set through TagResources
 * show in each service's own tag listing.
 */
class TaggingApiRoundTripTest {
    private static Emulator emulator;
    private static TaggingCalls tagging;
    private static KinesisClient kinesis;
    private static SecretsManagerClient secrets;
    private static CloudWatchLogsClient logs;
    private static KmsClient kms;
    private static String streamArn;
    private static String secretArn;
    private static String logGroupArn;
    private static String keyArn;
    private static String untaggedGroupArn;

    @BeforeAll
    static void tagResourcesThroughTheirOwnServices() {
        // GetTagKeys and GetTagValues answer two a page here, so that paging shows with a few tags.
        emulator = Emulator.builder().port(0).service(e -> new TaggingService(e::taggableResources, 2)).build()
                .start();
        tagging = new TaggingCalls(emulator);
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey()));
        Region region = Region.of(emulator.getRegion());
        kinesis = KinesisClient.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).build();
        secrets = SecretsManagerClient.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).build();
        logs = CloudWatchLogsClient.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).build();
        kms = KmsClient.builder().endpointOverride(emulator.getEndpoint()).region(region)
                .credentialsProvider(credentials).build();

        kinesis.createStream(r -> r.streamName("clicks").shardCount(1));
        kinesis.addTagsToStream(r -> r.streamName("clicks").tags(Map.of("lab:run-id", "r1", "team", "data")));
        streamArn = kinesis.describeStreamSummary(r -> r.streamName("clicks")).streamDescriptionSummary()
                .streamARN();
        secretArn = secrets.createSecret(r -> r.name("db-password").secretString("s3cret")
                .tags(t -> t.key("lab:run-id").value("r1"))).arn();
        logs.createLogGroup(r -> r.logGroupName("/lab/app").tags(Map.of("lab:run-id", "r1", "team", "apps")));
        logGroupArn = "arn:aws:logs:" + emulator.getRegion() + ":000000000000:log-group:/lab/app";
        logs.createLogGroup(r -> r.logGroupName("/lab/untagged"));
        untaggedGroupArn = "arn:aws:logs:" + emulator.getRegion() + ":000000000000:log-group:/lab/untagged";
        keyArn = kms.createKey(r -> r.tags(t -> t.tagKey("lab:run-id").tagValue("r2"))).keyMetadata().arn();
    }

    @AfterAll
    static void stop() {
        kinesis.close();
        secrets.close();
        logs.close();
        kms.close();
        emulator.close();
    }

    @Test
    void aKeyWithValuesMatchesAnyOfThemAndFiltersTogetherMatchAll() throws Exception {
        assertThat(arns(resources("{\"TagFilters\":[{\"Key\":\"lab:run-id\",\"Values\":[\"r1\"]}]}")))
                .containsExactlyInAnyOrder(streamArn, secretArn, logGroupArn);
        assertThat(arns(resources("{\"TagFilters\":[{\"Key\":\"lab:run-id\",\"Values\":[\"r1\",\"r2\"]}]}")))
                .containsExactlyInAnyOrder(streamArn, secretArn, logGroupArn, keyArn);
        assertThat(arns(resources("{\"TagFilters\":[{\"Key\":\"lab:run-id\",\"Values\":[\"r1\"]},"
                + "{\"Key\":\"team\"}]}"))).containsExactlyInAnyOrder(streamArn, logGroupArn);
        assertThat(arns(resources("{\"TagFilters\":[{\"Key\":\"team\",\"Values\":[\"apps\"]}]}")))
                .containsExactly(logGroupArn);
    }

    @Test
    void aKeyAloneMatchesAnyValueAndUntaggedResourcesAreNotListed() throws Exception {
        assertThat(arns(resources("{\"TagFilters\":[{\"Key\":\"lab:run-id\"}]}")))
                .containsExactlyInAnyOrder(streamArn, secretArn, logGroupArn, keyArn);
        assertThat(arns(resources("{}"))).contains(streamArn, secretArn, logGroupArn, keyArn)
                .doesNotContain(untaggedGroupArn);
    }

    @Test
    void resourceTypeFiltersNameAServiceOrAServiceAndItsType() throws Exception {
        assertThat(arns(resources("{\"ResourceTypeFilters\":[\"kinesis:stream\",\"logs\"],"
                + "\"TagFilters\":[{\"Key\":\"lab:run-id\"}]}"))).containsExactlyInAnyOrder(streamArn, logGroupArn);
        assertThat(arns(resources("{\"ResourceTypeFilters\":[\"kms:key\",\"secretsmanager:secret\"]}")))
                .containsExactlyInAnyOrder(keyArn, secretArn);
        assertThat(arns(resources("{\"ResourceTypeFilters\":[\"kinesis:consumer\"]}"))).isEmpty();
    }

    @Test
    void eachResourceCarriesAllItsTags() throws Exception {
        JsonNode stream = null;
        for (JsonNode mapping : resources("{\"ResourceARNList\":[\"" + streamArn + "\"]}")) {
            stream = mapping;
        }
        assertThat(stream).isNotNull();
        assertThat(tags(stream)).isEqualTo(Map.of("lab:run-id", "r1", "team", "data"));
    }

    @Test
    void pagesOfOneResourceCoverEveryMatchOnceAndEndWithAnEmptyToken() throws Exception {
        List<String> seen = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            String body = "{\"TagFilters\":[{\"Key\":\"lab:run-id\"}],\"ResourcesPerPage\":1"
                    + (token.isEmpty() ? "" : ",\"PaginationToken\":\"" + token + "\"") + "}";
            Answer page = tagging.call("GetResources", body);
            assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
            assertThat(page.body().path("ResourceTagMappingList")).hasSizeLessThanOrEqualTo(1);
            seen.addAll(arns(page.body().path("ResourceTagMappingList")));
            token = page.body().path("PaginationToken").asText();
            pages++;
        } while (!token.isEmpty() && pages < 10);
        assertThat(seen).containsExactlyInAnyOrder(streamArn, secretArn, logGroupArn, keyArn);
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void theArnListCannotBeCombinedWithFiltersOrPaging() throws Exception {
        Answer withFilter = tagging.call("GetResources", "{\"ResourceARNList\":[\"" + streamArn + "\"],"
                + "\"TagFilters\":[{\"Key\":\"lab:run-id\"}]}");
        assertThat(withFilter.status()).isEqualTo(400);
        assertThat(withFilter.errorCode()).isEqualTo("InvalidParameterException");
        Answer withPaging = tagging.call("GetResources", "{\"ResourceARNList\":[\"" + streamArn + "\"],"
                + "\"ResourcesPerPage\":5}");
        assertThat(withPaging.errorCode()).isEqualTo("InvalidParameterException");
        Answer tooMany = tagging.call("GetResources", "{\"ResourcesPerPage\":101}");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.errorCode()).isEqualTo("InvalidParameterException");
        assertThat(tooMany.body().path("Message").asText()).contains("ResourcesPerPage");
        Answer badToken = tagging.call("GetResources", "{\"PaginationToken\":\"not-a-token\"}");
        assertThat(badToken.errorCode()).isEqualTo("InvalidParameterException");
    }

    @Test
    void tagResourcesShowsInEachServicesOwnTagsAndReportsWhatItCouldNotTag() throws Exception {
        String missingStream = streamArn.replace(":stream/clicks", ":stream/no-such-stream");
        String unserved = "arn:aws:ec2:" + emulator.getRegion() + ":000000000000:instance/i-0123456789abcdef0";
        Answer tagged = tagging.call("TagResources", "{\"ResourceARNList\":[\"" + streamArn + "\",\"" + secretArn
                + "\",\"" + logGroupArn + "\",\"" + keyArn + "\",\"" + missingStream + "\",\"" + unserved + "\"],"
                + "\"Tags\":{\"cost-center\":\"42\"}}");
        assertThat(tagged.status()).as(tagged.body().toString()).isEqualTo(200);
        JsonNode failed = tagged.body().path("FailedResourcesMap");
        assertThat(fieldNames(failed)).containsExactlyInAnyOrder(missingStream, unserved);
        assertThat(failed.path(missingStream).path("ErrorCode").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(failed.path(missingStream).path("StatusCode").asInt()).isEqualTo(400);
        assertThat(failed.path(unserved).path("ErrorCode").asText()).isEqualTo("InvalidParameterException");
        assertThat(failed.path(unserved).path("ErrorMessage").asText()).contains("ec2");

        assertThat(kinesis.listTagsForStream(r -> r.streamName("clicks")).tags())
                .anyMatch(t -> t.key().equals("cost-center") && t.value().equals("42"));
        assertThat(secrets.describeSecret(r -> r.secretId(secretArn)).tags())
                .anyMatch(t -> t.key().equals("cost-center") && t.value().equals("42"));
        assertThat(logs.listTagsForResource(r -> r.resourceArn(logGroupArn)).tags()).containsEntry("cost-center", "42");
        assertThat(kms.listResourceTags(r -> r.keyId(keyArn)).tags())
                .anyMatch(t -> t.tagKey().equals("cost-center") && t.tagValue().equals("42"));
        assertThat(arns(resources("{\"TagFilters\":[{\"Key\":\"cost-center\",\"Values\":[\"42\"]}]}")))
                .containsExactlyInAnyOrder(streamArn, secretArn, logGroupArn, keyArn);

        Answer untagged = tagging.call("UntagResources", "{\"ResourceARNList\":[\"" + streamArn + "\",\""
                + secretArn + "\",\"" + logGroupArn + "\",\"" + keyArn + "\"],\"TagKeys\":[\"cost-center\"]}");
        assertThat(untagged.status()).isEqualTo(200);
        assertThat(untagged.body().path("FailedResourcesMap").size()).isZero();
        assertThat(kinesis.listTagsForStream(r -> r.streamName("clicks")).tags())
                .noneMatch(t -> t.key().equals("cost-center"));
        assertThat(logs.listTagsForResource(r -> r.resourceArn(logGroupArn)).tags()).doesNotContainKey("cost-center");
        assertThat(arns(resources("{\"TagFilters\":[{\"Key\":\"cost-center\"}]}"))).isEmpty();
    }

    @Test
    void aServicesOwnTaggingRulesStillApply() throws Exception {
        Answer reserved = tagging.call("TagResources", "{\"ResourceARNList\":[\"" + secretArn + "\"],"
                + "\"Tags\":{\"aws:owner\":\"me\"}}");
        assertThat(reserved.status()).isEqualTo(200);
        assertThat(reserved.body().path("FailedResourcesMap").path(secretArn).path("ErrorCode").asText())
                .isEqualTo("InvalidParameterException");
        assertThat(secrets.describeSecret(r -> r.secretId(secretArn)).tags()).noneMatch(t -> t.key().equals("aws:owner"));
    }

    @Test
    void aMalformedArnRefusesTheWholeRequest() throws Exception {
        Answer answer = tagging.call("TagResources", "{\"ResourceARNList\":[\"" + streamArn + "\",\"not-an-arn\"],"
                + "\"Tags\":{\"half\":\"written\"}}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("InvalidParameterException");
        assertThat(kinesis.listTagsForStream(r -> r.streamName("clicks")).tags()).noneMatch(t -> t.key().equals("half"));
    }

    @Test
    void tagKeysAndValuesComeSortedInPages() throws Exception {
        List<String> keys = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            Answer page = tagging.call("GetTagKeys", token.isEmpty() ? "{}" : "{\"PaginationToken\":\"" + token + "\"}");
            assertThat(page.body().path("TagKeys").size()).isLessThanOrEqualTo(2);
            page.body().path("TagKeys").forEach(k -> keys.add(k.asText()));
            token = page.body().path("PaginationToken").asText();
            pages++;
        } while (!token.isEmpty() && pages < 10);
        assertThat(keys).startsWith("lab:run-id").contains("team").isSorted().doesNotHaveDuplicates();
        assertThat(pages).isGreaterThanOrEqualTo(1);

        Answer values = tagging.call("GetTagValues", "{\"Key\":\"lab:run-id\"}");
        assertThat(values.body().path("TagValues").toString()).isEqualTo("[\"r1\",\"r2\"]");
        Answer teams = tagging.call("GetTagValues", "{\"Key\":\"team\"}");
        assertThat(teams.body().path("TagValues").toString()).isEqualTo("[\"apps\",\"data\"]");
        Answer noKey = tagging.call("GetTagValues", "{}");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.errorCode()).isEqualTo("InvalidParameterException");
    }

    private static JsonNode resources(String body) throws Exception {
        Answer answer = tagging.call("GetResources", body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body().path("ResourceTagMappingList");
    }

    private static List<String> arns(JsonNode mappings) {
        List<String> out = new ArrayList<>();
        mappings.forEach(m -> out.add(m.path("ResourceARN").asText()));
        return out;
    }

    private static Map<String, String> tags(JsonNode mapping) {
        Map<String, String> out = new LinkedHashMap<>();
        mapping.path("Tags").forEach(t -> out.put(t.path("Key").asText(), t.path("Value").asText()));
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
