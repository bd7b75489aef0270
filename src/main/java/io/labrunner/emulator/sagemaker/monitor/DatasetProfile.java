package io.labrunner.emulator.sagemaker.monitor;

import java.util.List;
import java.util.Optional;

/** A dataset as the analyzer measured it: how many records, and each feature in column order. */
record DatasetProfile(long itemCount, List<FeatureProfile> features) {

    Optional<FeatureProfile> feature(String name) {
        return features.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
