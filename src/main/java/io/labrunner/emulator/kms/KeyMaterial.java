package io.labrunner.emulator.kms;

import java.util.ArrayList;
import java.util.List;

/**
 * A key's AES-256 material, every version it has had: version {@code n} is {@code versions.get(n)}. Rotation adds
 * a version and keeps the old ones, so blobs made before a rotation still decrypt, as on AWS. Stored only in the
 * emulator's state store, never logged, never in a response.
 */
record KeyMaterial(List<byte[]> versions) {
    KeyMaterial {
        versions = List.copyOf(versions);
    }

    int currentVersion() {
        return versions.size() - 1;
    }

    byte[] current() {
        return versions.get(currentVersion());
    }

    KeyMaterial rotated(byte[] fresh) {
        List<byte[]> all = new ArrayList<>(versions);
        all.add(fresh);
        return new KeyMaterial(all);
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + versions.size() + " versions]";
    }
}
