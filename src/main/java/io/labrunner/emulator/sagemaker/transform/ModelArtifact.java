package io.labrunner.emulator.sagemaker.transform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A {@code model.tar.gz} unpacked in memory, as SageMaker unpacks it into {@code /opt/ml/model}: its
 * regular files by their path inside the archive. Nothing touches the disk, so entry names such as
 * {@code ../x} reach no file.
 */
final class ModelArtifact {
    private ModelArtifact() {
    }

    /**
     * The archive's files.
     *
     * @throws IOException when the bytes are not a gzip-compressed tar archive
     */
    static Map<String, byte[]> unpack(byte[] modelTarGz) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new ByteArrayInputStream(modelTarGz)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isFile()) {
                    String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                    files.put(name, tar.readAllBytes());
                }
            }
        }
        return files;
    }
}
