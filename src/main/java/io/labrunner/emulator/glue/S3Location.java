package io.labrunner.emulator.glue;

/** An {@code s3://bucket/key} path split into bucket and key (key without leading or trailing slash). */
record S3Location(String bucket, String key) {

    static S3Location parse(String uri) {
        if (uri == null || !uri.startsWith("s3://") || uri.length() <= 5) {
            throw GlueErrors.invalidInput("Invalid S3 path: " + uri);
        }
        String rest = uri.substring(5);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/+$", "");
        if (bucket.isEmpty()) {
            throw GlueErrors.invalidInput("Invalid S3 path: " + uri);
        }
        return new S3Location(bucket, key);
    }

    /** {@code s3://bucket/key/} with a trailing slash, as Glue writes locations. */
    String uri() {
        return "s3://" + bucket + "/" + (key.isEmpty() ? "" : key + "/");
    }
}
