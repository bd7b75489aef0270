package io.labrunner.emulator.sagemaker.transform;

import java.util.Optional;

/** An {@code s3://bucket/key} location, as SageMaker's S3Uri and S3OutputPath members give it. */
record S3Uri(String bucket, String key) {

    /** The location {@code text} names, or empty when it is not an {@code s3://} URI with a bucket. */
    static Optional<S3Uri> parse(String text) {
        if (text == null || !text.startsWith("s3://")) {
            return Optional.empty();
        }
        String rest = text.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        return bucket.isEmpty() ? Optional.empty() : Optional.of(new S3Uri(bucket, key));
    }

    /** The key of {@code name} inside this location taken as a folder: {@code out/} + {@code a.csv.out}. */
    String child(String name) {
        if (key.isEmpty()) {
            return name;
        }
        return key.endsWith("/") ? key + name : key + "/" + name;
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
