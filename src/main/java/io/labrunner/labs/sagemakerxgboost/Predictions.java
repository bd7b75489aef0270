package io.labrunner.labs.sagemakerxgboost;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reading what Batch Transform wrote: for each input object {@code <name>} an output object
 * {@code <name>.out} under the job's S3OutputPath. With SplitType Line, AssembleWith Line and
 * Accept text/csv, XGBoost's binary:logistic answers one probability per input line, in input order.
 */
public final class Predictions {
    private Predictions() {
    }

    /** The scores in the {@code .out} object for one input object, in input order. */
    public static List<Double> read(S3Client s3, String outputPath, String inputObjectName) {
        S3Location location = S3Location.parse(outputPath);
        String key = location.keyUnder(inputObjectName + ".out");
        String text = s3.getObjectAsBytes(get -> get.bucket(location.bucket()).key(key)).asUtf8String();
        return parse(text);
    }

    /** The {@code .out} objects under the output path: one per input object. */
    public static List<String> outputKeys(S3Client s3, String outputPath) {
        S3Location location = S3Location.parse(outputPath);
        return s3.listObjectsV2Paginator(list -> list.bucket(location.bucket()).prefix(location.keyUnder("")))
                .contents().stream().map(S3Object::key).filter(k -> k.endsWith(".out")).toList();
    }

    /** One score per non-empty line; a line may hold more values (e.g. after an output join), the first is the score. */
    static List<Double> parse(String text) {
        List<Double> scores = new ArrayList<>();
        for (String line : text.split("\n")) {
            String value = line.strip();
            if (!value.isEmpty()) {
                scores.add(Double.parseDouble(value.split(",")[0].replace("[", "").strip()));
            }
        }
        return scores;
    }

    /** An {@code s3://bucket/prefix} URI taken apart. */
    public record S3Location(String bucket, String prefix) {

        public static S3Location parse(String uri) {
            if (!uri.startsWith("s3://")) {
                throw new IllegalArgumentException("Not an S3 URI: " + uri);
            }
            String rest = uri.substring(5);
            int slash = rest.indexOf('/');
            return slash < 0 ? new S3Location(rest, "") : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
        }

        /** The key of {@code name} under this prefix. */
        public String keyUnder(String name) {
            return prefix.isEmpty() ? name : prefix.endsWith("/") ? prefix + name : prefix + "/" + name;
        }
    }
}
