package io.labrunner.emulator.sagemaker.hosting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** The model file inside a {@code model.tar.gz} the fixture uploaded, read back for in-process comparisons. */
final class HostingFixtureFiles {
    private static final java.util.Map<String, byte[]> UPLOADED = new java.util.concurrent.ConcurrentHashMap<>();

    private HostingFixtureFiles() {
    }

    static void remember(String url, byte[] archive) {
        UPLOADED.put(url, archive);
    }

    /** The {@code xgboost-model} file of the archive uploaded at {@code url}. */
    static byte[] read(String url) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                new ByteArrayInputStream(UPLOADED.get(url))))) {
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().equals("xgboost-model")) {
                    return tar.readAllBytes();
                }
            }
        }
        throw new IOException("no xgboost-model in " + url);
    }
}
