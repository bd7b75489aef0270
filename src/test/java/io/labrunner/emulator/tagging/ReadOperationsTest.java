package io.labrunner.emulator.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.TaggableResources;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GetResources' paging and filters over a service that holds many resources, without a server. */
class ReadOperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** 22 log groups in eu-west-1 with 10 tags each, one in another region, and one untagged. */
    private static final class ManyGroups implements TaggableResources {
        @Override
        public Set<String> arnServices() {
            return Set.of("logs");
        }

        @Override
        public List<TaggedResource> taggedResources(String region) {
            List<TaggedResource> out = new ArrayList<>();
            for (int i = 0; i < 22; i++) {
                Map<String, String> tags = new LinkedHashMap<>();
                for (int t = 0; t < 10; t++) {
                    tags.put("k" + t, "v" + (i % 3));
                }
                out.add(new TaggedResource(arn("eu-west-1", "g" + (char) ('a' + i)), tags));
            }
            out.add(new TaggedResource(arn("us-east-1", "elsewhere"), Map.of("k0", "v0")));
            out.add(new TaggedResource(arn("eu-west-1", "untagged"), Map.of()));
            return out;
        }

        @Override
        public void tag(String arn, Map<String, String> tags) {
            throw new AwsException("ResourceNotFoundException", "not here", 400);
        }

        @Override
        public void untag(String arn, Collection<String> keys) {
        }

        static String arn(String region, String name) {
            return "arn:aws:logs:" + region + ":000000000000:log-group:" + name;
        }
    }

    private final ReadOperations read = new ReadOperations(new TaggedIndex(() -> List.of(new ManyGroups())), 3);

    @Test
    void tagsPerPageFillsPagesWithWholeResourcesOnly() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String token = "";
        do {
            ObjectNode in = JSON.createObjectNode().put("TagsPerPage", 100).put("PaginationToken", token);
            Map<String, Object> page = read.getResources(in, "eu-west-1");
            List<?> mappings = (List<?>) page.get("ResourceTagMappingList");
            sizes.add(mappings.size());
            mappings.forEach(m -> seen.add((String) ((Map<?, ?>) m).get("ResourceARN")));
            token = (String) page.get("PaginationToken");
        } while (!token.isEmpty());
        // As the API reference's example: 22 resources of 10 tags, 100 tags a page: 10, 10 and 2.
        assertThat(sizes).containsExactly(10, 10, 2);
        assertThat(seen).hasSize(22).doesNotHaveDuplicates().isSorted()
                .noneMatch(arn -> arn.contains("elsewhere") || arn.contains("untagged"));
    }

    @Test
    void aTokenKeepsItsPlaceWhenTheFiltersSkipResources() {
        ObjectNode first = JSON.createObjectNode().put("ResourcesPerPage", 2);
        first.putArray("TagFilters").addObject().put("Key", "k3").putArray("Values").add("v1");
        Map<String, Object> page = read.getResources(first, "eu-west-1");
        assertThat(arns(page)).containsExactly(ManyGroups.arn("eu-west-1", "gb"), ManyGroups.arn("eu-west-1", "ge"));
        ObjectNode next = first.deepCopy().put("PaginationToken", (String) page.get("PaginationToken"));
        assertThat(arns(read.getResources(next, "eu-west-1")))
                .containsExactly(ManyGroups.arn("eu-west-1", "gh"), ManyGroups.arn("eu-west-1", "gk"));
    }

    @Test
    void tagValuesComeInPagesOfTheConfiguredSize() {
        Map<String, Object> page = read.getTagValues(JSON.createObjectNode().put("Key", "k0"), "eu-west-1");
        assertThat(page.get("TagValues")).isEqualTo(List.of("v0", "v1", "v2"));
        assertThat(page.get("PaginationToken")).isEqualTo("");
        Map<String, Object> keys = read.getTagKeys(JSON.createObjectNode(), "eu-west-1");
        assertThat(keys.get("TagKeys")).isEqualTo(List.of("k0", "k1", "k2"));
        Map<String, Object> more = read.getTagKeys(JSON.createObjectNode()
                .put("PaginationToken", (String) keys.get("PaginationToken")), "eu-west-1");
        assertThat(more.get("TagKeys")).isEqualTo(List.of("k3", "k4", "k5"));
    }

    @Test
    void outOfRangePageSizesAreInvalidParameters() {
        for (ObjectNode in : List.of(JSON.createObjectNode().put("ResourcesPerPage", 0),
                JSON.createObjectNode().put("TagsPerPage", 99), JSON.createObjectNode().put("TagsPerPage", 501))) {
            assertThatThrownBy(() -> read.getResources(in, "eu-west-1")).isInstanceOf(AwsException.class)
                    .extracting(e -> ((AwsException) e).code()).isEqualTo("InvalidParameterException");
        }
    }

    @Test
    void resourceTypesAreTheArnsServiceAndFirstResourceSegment() {
        assertThat(ResourceArn.parse("arn:aws:logs:eu-west-1:000000000000:log-group:/app").orElseThrow().type())
                .isEqualTo("log-group");
        assertThat(ResourceArn.parse("arn:aws:sagemaker:eu-west-1:000000000000:training-job/x").orElseThrow()
                .ofType("sagemaker:training-job")).isTrue();
        ResourceArn bucket = ResourceArn.parse("arn:aws:s3:::my-bucket").orElseThrow();
        assertThat(bucket.ofType("s3:bucket")).isTrue();
        assertThat(bucket.visibleFrom("eu-west-1")).isTrue();
        assertThat(ResourceArn.parse("arn:aws:iam::000000000000:role/r").orElseThrow().ofType("iam:role")).isTrue();
        assertThat(ResourceArn.parse("arn:aws:kinesis:eu-west-1:000000000000:stream/s").orElseThrow()
                .ofType("kinesis:consumer")).isFalse();
        assertThat(ResourceArn.parse("not-an-arn")).isEmpty();
    }

    private static List<String> arns(Map<String, Object> page) {
        List<String> out = new ArrayList<>();
        ((List<?>) page.get("ResourceTagMappingList")).forEach(m -> out.add((String) ((Map<?, ?>) m).get("ResourceARN")));
        return out;
    }
}
