package io.labrunner.emulator.sagemaker.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.S3Objects;
import io.labrunner.emulator.sagemaker.S3Uri;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A processing job's container paths mapped to S3, as SageMaker maps them: a ProcessingInput's S3Uri is
 * downloaded to its LocalPath, and what the container writes under a ProcessingOutput's LocalPath is
 * uploaded to its S3Uri. The analyzer's environment names container paths ({@code dataset_source},
 * {@code baseline_constraints}, {@code output_path}); this class finds the S3 objects behind them.
 * Downloads land in the job's work folder under names it chooses, never under names from the request.
 */
final class JobFiles {
    private final ObjectNode request;
    private final S3Objects s3;
    private final Path work;

    JobFiles(ObjectNode request, S3Objects s3, Path work) {
        this.request = request;
        this.s3 = s3;
        this.work = work;
    }

    /** The S3 location behind container path {@code local}, from the input whose LocalPath contains it. */
    private Optional<S3Uri> inputLocation(String local) {
        for (JsonNode input : request.path("ProcessingInputs")) {
            JsonNode s3Input = input.path("S3Input");
            String localPath = trimSlash(s3Input.path("LocalPath").asText());
            if (!localPath.isEmpty() && (local.equals(localPath) || local.startsWith(localPath + "/"))) {
                String rest = local.substring(localPath.length());
                // An S3Uri naming one object lands as LocalPath/<its file name>.
                return S3Uri.parse(s3Input.path("S3Uri").asText()).map(uri -> rest.isEmpty()
                        || ("/" + uri.key()).endsWith(rest) ? uri : new S3Uri(uri.bucket(), uri.child(rest.substring(1))));
            }
        }
        return Optional.empty();
    }

    /**
     * Downloads the objects behind container path {@code local} (a file or a folder) whose keys pass
     * {@code keep}, into the work folder.
     *
     * @throws AnalyzerException when no input maps the path
     */
    List<Path> download(String variable, String local, Predicate<String> keep) {
        S3Uri location = inputLocation(trimSlash(local)).orElseThrow(() -> new AnalyzerException(
                "Environment variable " + variable + " (" + local + ") is not under the LocalPath of any "
                        + "ProcessingInput"));
        requireBucket(location);
        List<Path> files = new ArrayList<>();
        try {
            Path folder = Files.createDirectories(work.resolve("input-" + variable));
            for (S3Objects.S3Object object : s3.list(location.bucket(), location.key())) {
                String key = object.key();
                boolean inside = key.equals(location.key()) || location.key().isEmpty()
                        || location.key().endsWith("/") || key.startsWith(location.key() + "/");
                if (!inside || key.endsWith("/") || !keep.test(key)) {
                    continue;
                }
                Optional<byte[]> body = s3.get(location.bucket(), key);
                if (body.isPresent()) {
                    Path file = folder.resolve("part-" + files.size() + extension(key));
                    Files.write(file, body.get());
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** One small object behind container path {@code local} (a baseline file), read into memory. */
    Optional<byte[]> read(String local) {
        return inputLocation(trimSlash(local)).filter(uri -> s3.bucketExists(uri.bucket()))
                .flatMap(uri -> s3.get(uri.bucket(), uri.key()));
    }

    /**
     * Where a file the container writes at {@code local}/{@code name} lands in S3.
     *
     * @throws AnalyzerException when no output maps the path
     */
    S3Uri output(String local, String name) {
        String path = trimSlash(local);
        for (JsonNode output : request.path("ProcessingOutputConfig").path("Outputs")) {
            JsonNode s3Output = output.path("S3Output");
            String localPath = trimSlash(s3Output.path("LocalPath").asText());
            if (!localPath.isEmpty() && (path.equals(localPath) || path.startsWith(localPath + "/"))) {
                String rest = path.substring(localPath.length());
                Optional<S3Uri> uri = S3Uri.parse(s3Output.path("S3Uri").asText());
                if (uri.isPresent()) {
                    requireBucket(uri.get());
                    String folder = rest.isEmpty() ? uri.get().key() : uri.get().child(rest.substring(1));
                    return new S3Uri(uri.get().bucket(), new S3Uri("", folder).child(name));
                }
            }
        }
        throw new AnalyzerException("Environment variable output_path (" + local + ") is not under the LocalPath of "
                + "any ProcessingOutput");
    }

    private void requireBucket(S3Uri uri) {
        if (!s3.bucketExists(uri.bucket())) {
            throw new AnalyzerException("The bucket of " + uri + " does not exist");
        }
    }

    void write(S3Uri target, byte[] body) {
        s3.put(target.bucket(), target.key(), body);
    }

    private static String extension(String key) {
        String last = key.substring(key.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        String ext = dot < 0 ? "" : last.substring(dot);
        return ext.matches("\\.[A-Za-z0-9]{1,8}") ? ext : "";
    }

    private static String trimSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
