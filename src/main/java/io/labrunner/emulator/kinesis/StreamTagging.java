package io.labrunner.emulator.kinesis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.TaggableResources;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.arns.Arn;

/**
 * Data streams for the Resource Groups Tagging API, over the streams' own tags: tagging goes through
 * AddTagsToStream's and RemoveTagsFromStream's own rules, in the region the ARN names.
 */
final class StreamTagging implements TaggableResources {
    private final Function<String, Streams> regions;
    private final KinesisStore store;

    StreamTagging(Function<String, Streams> regions, KinesisStore store) {
        this.regions = regions;
        this.store = store;
    }

    @Override
    public Set<String> arnServices() {
        return Set.of("kinesis");
    }

    @Override
    public List<TaggedResource> taggedResources(String region) {
        Streams streams = regions.apply(region);
        synchronized (streams) {
            return streams.list().stream().map(s -> new TaggedResource(s.arn(), s.tags())).toList();
        }
    }

    @Override
    public void tag(String arn, Map<String, String> tags) {
        ObjectNode in = Json.mapper().createObjectNode().put("StreamARN", arn);
        tags.forEach(in.putObject("Tags")::put);
        inRegionOf(arn, streams -> StreamOperations.addTags(new Input(in), streams));
    }

    @Override
    public void untag(String arn, Collection<String> keys) {
        ObjectNode in = Json.mapper().createObjectNode().put("StreamARN", arn);
        keys.forEach(in.putArray("TagKeys")::add);
        inRegionOf(arn, streams -> StreamOperations.removeTags(new Input(in), streams));
    }

    private void inRegionOf(String arn, java.util.function.Consumer<Streams> change) {
        Streams streams = regions.apply(Arn.fromString(arn).region().orElse(""));
        synchronized (streams) {
            try {
                change.accept(streams);
            } finally {
                store.save(streams);
            }
        }
    }
}
