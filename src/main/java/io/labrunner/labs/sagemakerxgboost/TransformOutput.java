package io.labrunner.labs.sagemakerxgboost;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What a check reads of a Batch Transform job's result, with its own code rather than the
 * solution's: the object {@code <input>.out} under the job's S3OutputPath, one score a line.
 *
 * @param scores  the first number of every non-empty line, in input order; empty when {@code problem} is set
 * @param problem why there are no scores (no object, a line that is not a number), or empty
 */
public record TransformOutput(List<Double> scores, Optional<String> problem) {

    /** Reads {@code <inputName>.out} under {@code outputPath} (an {@code s3://bucket/prefix} URI). */
    public static TransformOutput read(S3Client s3, String outputPath, String inputName) {
        String rest = outputPath.substring("s3://".length());
        String bucket = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        String prefix = rest.contains("/") ? rest.substring(rest.indexOf('/') + 1) : "";
        String key = (prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/") + inputName + ".out";
        String text;
        try {
            text = s3.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asUtf8String();
        } catch (NoSuchKeyException e) {
            List<String> found = s3.listObjectsV2(list -> list.bucket(bucket).prefix(prefix)).contents().stream()
                    .map(S3Object::key).toList();
            return problem("no " + key + " in " + bucket + "; under " + prefix + " there is " + found);
        }
        List<Double> scores = new ArrayList<>();
        int lineNumber = 0;
        for (String line : text.split("\n")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String first = line.split(",")[0].replace("[", "").strip();
            try {
                scores.add(Double.valueOf(first));
            } catch (NumberFormatException e) {
                return problem("line " + lineNumber + " of " + key + " is not a score: " + line.strip());
            }
        }
        return new TransformOutput(List.copyOf(scores), Optional.empty());
    }

    private static TransformOutput problem(String why) {
        return new TransformOutput(List.of(), Optional.of(why));
    }
}
