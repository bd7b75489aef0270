package io.labrunner.emulator.sagemaker.registry;

import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Model package groups and model packages, kept across restarts. SageMaker names are unique regardless of
 * case, so both are stored under their lower-cased names; a version sits under its group's name.
 */
final class RegistryStore {
    private final StateMap<PackageGroup> groups;
    private final StateMap<ModelPackage> packages;

    RegistryStore(StateStore state) {
        this.groups = state.map("sagemaker.model-package-groups", PackageGroup.class);
        this.packages = state.map("sagemaker.model-packages", ModelPackage.class);
    }

    Optional<PackageGroup> group(String region, String name) {
        return groups.get(key(region, name));
    }

    List<PackageGroup> groups(String region) {
        return groups.entriesWithPrefix(region + "/").values().stream().toList();
    }

    void putGroup(PackageGroup group) {
        groups.put(key(group.region(), group.name()), group);
    }

    void removeGroup(PackageGroup group) {
        groups.remove(key(group.region(), group.name()));
    }

    /** The versions of a group, oldest first. */
    List<ModelPackage> versions(String region, String group) {
        return packages.entriesWithPrefix(key(region, group) + "/").values().stream()
                .sorted(Comparator.comparing(ModelPackage::version)).toList();
    }

    List<ModelPackage> packages(String region) {
        return packages.entriesWithPrefix(region + "/").values().stream().toList();
    }

    /** A versioned package by group and version, or an unversioned one by name (version null). */
    Optional<ModelPackage> find(String region, String name, Integer version) {
        return packages.get(version == null ? key(region, name) : key(region, name) + "/" + version);
    }

    void put(ModelPackage pkg) {
        packages.put(keyOf(pkg), pkg);
    }

    void remove(ModelPackage pkg) {
        packages.remove(keyOf(pkg));
    }

    private static String keyOf(ModelPackage pkg) {
        return pkg.versioned() ? key(pkg.region(), pkg.group()) + "/" + pkg.version() : key(pkg.region(), pkg.name());
    }

    private static String key(String region, String name) {
        return region + "/" + name.toLowerCase(Locale.ROOT);
    }
}
