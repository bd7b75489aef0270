package io.labrunner.emulator.sagemaker;

import java.util.Optional;

/** An {@code s3://bucket/key} URI as SageMaker takes it for channels, artifacts and output paths. */
public record S3Uri(String bucket, String key) {

    /** The URI's bucket and key (the key may be empty), or empty when it is not an s3:// URI with a bucket. */
    public static Optional<S3Uri> parse(String uri) {
        if (uri == null || !uri.startsWith("s3://")) {
            return Optional.empty();
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        return bucket.isEmpty() ? Optional.empty() : Optional.of(new S3Uri(bucket, key));
    }

    /** The key under this URI's key as a folder: {@code s3://b/out} and {@code name} give {@code out/name}. */
    public String child(String name) {
        return key.isEmpty() ? name : key.endsWith("/") ? key + name : key + "/" + name;
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
