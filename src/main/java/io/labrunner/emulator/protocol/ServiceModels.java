package io.labrunner.emulator.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The AWS API models on the classpath ({@code aws-models/<service>/service-2.json.gz}, copied from
 * botocore by {@code scripts/update-aws-models.sh}), each loaded the first time a service asks for it.
 */
public final class ServiceModels {
    private static final Map<String, ServiceModel> LOADED = new ConcurrentHashMap<>();

    private ServiceModels() {
    }

    /**
     * The model of {@code service}, by botocore's folder name (e.g. {@code kinesis}, {@code bedrock-runtime}).
     *
     * @throws IllegalArgumentException when no model for it is shipped
     */
    public static ServiceModel get(String service) {
        return LOADED.computeIfAbsent(service, ServiceModels::load);
    }

    private static ServiceModel load(String service) {
        String resource = "/aws-models/" + service + "/service-2.json.gz";
        try (InputStream raw = ServiceModels.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalArgumentException("No AWS API model is shipped for " + service);
            }
            try (InputStream json = new GZIPInputStream(raw, 64 * 1024)) {
                return ModelParser.parse(json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the AWS API model of " + service, e);
        }
    }
}
