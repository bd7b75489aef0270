package io.labrunner.emulator.sagemaker.training;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.S3Objects;
import io.labrunner.emulator.sagemaker.RoleS3Objects.S3AccessDenied;
import io.labrunner.emulator.sagemaker.S3Uri;
import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.algorithms.ChannelData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Fetches a job's channels from S3 into its work folder, as SageMaker copies them to
 * {@code /opt/ml/input/data/<channel>} in File mode: every object under an S3Prefix, or every entry of a
 * ManifestFile. Local file names come from a counter and a cleaned copy of the key's last part, never from
 * the key as a path.
 */
final class ChannelFetcher {
    private final S3Objects s3;

    ChannelFetcher(S3Objects s3) {
        this.s3 = s3;
    }

    /** The channels of {@code inputDataConfig}, by name, fetched under {@code workDir}. */
    Map<String, ChannelData> fetch(JsonNode inputDataConfig, Path workDir, BooleanSupplier stop)
            throws AlgorithmException {
        Map<String, ChannelData> channels = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode channel : inputDataConfig) {
            if (stop.getAsBoolean()) {
                throw AlgorithmException.stopped();
            }
            String name = channel.path("ChannelName").asText();
            JsonNode source = channel.path("DataSource").path("S3DataSource");
            if (source.isMissingNode()) {
                throw AlgorithmException.clientError("Channel '" + name + "' has no S3DataSource; the embedded "
                        + "emulator reads channels from S3 only.");
            }
            S3Uri uri = S3Uri.parse(source.path("S3Uri").asText()).orElseThrow(() -> AlgorithmException.clientError(
                    "Channel '" + name + "' has an S3Uri that is not an s3:// URI."));
            List<S3Uri> objects = switch (source.path("S3DataType").asText()) {
                case "S3Prefix" -> prefixObjects(uri);
                case "ManifestFile" -> manifestObjects(uri);
                default -> throw AlgorithmException.clientError("S3DataType '" + source.path("S3DataType").asText()
                        + "' of channel '" + name + "' is not supported by the embedded emulator; use S3Prefix or "
                        + "ManifestFile.");
            };
            Path folder = workDir.resolve("channel-" + index++);
            String contentType = channel.hasNonNull("ContentType") ? channel.get("ContentType").asText() : null;
            channels.put(name, new ChannelData(name, contentType, download(objects, folder)));
        }
        return channels;
    }

    /**
     * A channel the execution role may not read, as SageMaker fails the job: {@code ClientError: Data download
     * failed:Unable to download object s3://... (AccessDenied: Access Denied)} (quoted in
     * aws/amazon-sagemaker-examples#4384). SageMaker lists a prefix before it downloads; a refused listing is
     * reported the same way, naming the prefix.
     */
    static AlgorithmException downloadDenied(S3AccessDenied e, boolean listing) {
        return AlgorithmException.clientError("Data download failed:Unable to " + (listing ? "list objects under "
                : "download object ") + e.uri() + " (AccessDenied: Access Denied)");
    }

    /** Every object under the prefix but folder markers, in key order. */
    private List<S3Uri> prefixObjects(S3Uri prefix) throws AlgorithmException {
        List<S3Uri> objects = new ArrayList<>();
        if (s3.bucketExists(prefix.bucket())) {
            List<S3Objects.S3Object> listed;
            try {
                listed = s3.list(prefix.bucket(), prefix.key());
            } catch (S3AccessDenied e) {
                throw downloadDenied(e, true);
            }
            for (S3Objects.S3Object object : listed) {
                if (!object.key().endsWith("/")) {
                    objects.add(new S3Uri(prefix.bucket(), object.key()));
                }
            }
        }
        if (objects.isEmpty()) {
            throw AlgorithmException.clientError(TrainingValidation.noObjectsFound(prefix.toString()));
        }
        return objects;
    }

    /**
     * A manifest's entries: a JSON array whose first element is {@code {"prefix": "s3://bucket/path/"}} and
     * whose other elements are keys relative to that prefix (SageMaker's ManifestFile format).
     */
    private List<S3Uri> manifestObjects(S3Uri manifest) throws AlgorithmException {
        byte[] body;
        try {
            body = s3.get(manifest.bucket(), manifest.key()).orElseThrow(() -> AlgorithmException.clientError(
                    "Could not download the manifest file " + manifest + ": the object does not exist."));
        } catch (S3AccessDenied e) {
            throw downloadDenied(e, false);
        }
        JsonNode entries;
        try {
            entries = Json.mapper().readTree(body);
        } catch (IOException e) {
            entries = null;
        }
        if (entries == null || !entries.isArray() || entries.isEmpty() || !entries.get(0).path("prefix").isTextual()) {
            throw AlgorithmException.clientError("The manifest file " + manifest + " is not a JSON array starting "
                    + "with {\"prefix\": \"s3://bucket/path/\"}.");
        }
        S3Uri prefix = S3Uri.parse(entries.get(0).get("prefix").asText()).orElseThrow(() ->
                AlgorithmException.clientError("The prefix of the manifest file " + manifest + " is not an s3:// URI."));
        List<S3Uri> objects = new ArrayList<>();
        for (int i = 1; i < entries.size(); i++) {
            if (!entries.get(i).isTextual()) {
                throw AlgorithmException.clientError("Entry " + i + " of the manifest file " + manifest
                        + " is not a string.");
            }
            objects.add(new S3Uri(prefix.bucket(), prefix.key() + entries.get(i).asText()));
        }
        if (objects.isEmpty()) {
            throw AlgorithmException.clientError("The manifest file " + manifest + " lists no objects.");
        }
        return objects;
    }

    private List<Path> download(List<S3Uri> objects, Path folder) throws AlgorithmException {
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            int n = 0;
            for (S3Uri object : objects) {
                byte[] body = s3.get(object.bucket(), object.key()).orElseThrow(() -> AlgorithmException.clientError(
                        "Could not download " + object + ": the object does not exist."));
                Path file = folder.resolve(String.format("%05d-%s", n++, localName(object.key())));
                Files.write(file, body);
                files.add(file);
            }
        } catch (S3AccessDenied e) {
            throw downloadDenied(e, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a channel's files to the job's work folder", e);
        }
        return files;
    }

    /** The key's last part with only safe characters, keeping its extension for readers that look at it. */
    static String localName(String key) {
        String last = key.substring(key.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        if (last.length() > 100) {
            last = last.substring(last.length() - 100);
        }
        return last.isEmpty() || last.chars().allMatch(c -> c == '.') ? "object" : last;
    }
}
