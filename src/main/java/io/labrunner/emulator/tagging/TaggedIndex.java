package io.labrunner.emulator.tagging;

import io.labrunner.emulator.TaggableResources;
import io.labrunner.emulator.TaggableResources.TaggedResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Every service's tagged resources as the Tagging API sees them from one region: those of the region and the
 * global ones, sorted by ARN. Resources without tags are left out: the index holds only what was tagged.
 */
final class TaggedIndex {
    private final Supplier<List<TaggableResources>> services;

    TaggedIndex(Supplier<List<TaggableResources>> services) {
        this.services = services;
    }

    /** The tagged resources visible from {@code region}, by ARN. */
    TreeMap<String, Tagged> visibleFrom(String region) {
        TreeMap<String, Tagged> out = new TreeMap<>();
        for (TaggableResources service : services.get()) {
            for (TaggedResource resource : service.taggedResources(region)) {
                if (resource.tags().isEmpty()) {
                    continue;
                }
                ResourceArn.parse(resource.arn()).filter(arn -> arn.visibleFrom(region))
                        .ifPresent(arn -> out.putIfAbsent(arn.arn(), new Tagged(arn, resource.tags())));
            }
        }
        return out;
    }

    /** The service that holds resources of {@code arnService}, if any does. */
    Optional<TaggableResources> serving(String arnService) {
        return services.get().stream().filter(s -> s.arnServices().contains(arnService)).findFirst();
    }

    /** One tagged resource: its ARN's parts and its tags. */
    record Tagged(ResourceArn arn, Map<String, String> tags) {
    }
}
