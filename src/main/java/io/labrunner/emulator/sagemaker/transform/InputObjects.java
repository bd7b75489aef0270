package io.labrunner.emulator.sagemaker.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.S3Objects;
import io.labrunner.emulator.sagemaker.S3Uri;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The objects a transform job's data source names: every object under an S3Prefix, or the entries of a
 * ManifestFile ({@code [{"prefix": "s3://bucket/folder/"}, "a.csv", "b/c.csv"]}). An object's output is
 * named after its path below the prefix's folder (the prefix up to its last slash), so
 * {@code s3://b/in/} with {@code in/x/a.csv} gives {@code x/a.csv.out}.
 */
final class InputObjects {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InputObjects() {
    }

    /**
     * The objects to transform, in key order (manifest order for a manifest).
     *
     * @throws IllegalArgumentException with the job's failure reason when there are none or the manifest is unreadable
     */
    static List<InputObject> list(S3Objects s3, String dataType, String uriText, String role) {
        S3Uri uri = S3Uri.parse(uriText).orElseThrow(() -> noObjects(uriText, "", role));
        if ("ManifestFile".equals(dataType)) {
            return manifest(s3, uri);
        }
        if (!"S3Prefix".equals(dataType)) {
            throw new IllegalArgumentException("ClientError: S3DataType " + dataType
                    + " is not supported by the embedded emulator's Batch Transform; use S3Prefix or ManifestFile.");
        }
        if (!s3.bucketExists(uri.bucket())) {
            throw noObjects(uriText, uri.bucket(), role);
        }
        String folder = uri.key().substring(0, uri.key().lastIndexOf('/') + 1);
        List<InputObject> objects = new ArrayList<>();
        for (S3Objects.S3Object object : s3.list(uri.bucket(), uri.key())) {
            if (!object.key().endsWith("/")) {
                objects.add(new InputObject(uri.bucket(), object.key(), object.key().substring(folder.length())));
            }
        }
        if (objects.isEmpty()) {
            throw noObjects(uriText, uri.bucket(), role);
        }
        return objects;
    }

    private static List<InputObject> manifest(S3Objects s3, S3Uri uri) {
        Optional<byte[]> body = s3.bucketExists(uri.bucket()) ? s3.get(uri.bucket(), uri.key()) : Optional.empty();
        if (body.isEmpty()) {
            throw new IllegalArgumentException("ClientError: Could not download manifest file " + uri + ".");
        }
        JsonNode entries;
        try {
            entries = JSON.readTree(body.get());
        } catch (IOException e) {
            throw invalidManifest(uri);
        }
        if (entries == null || !entries.isArray() || entries.isEmpty() || !entries.get(0).path("prefix").isTextual()) {
            throw invalidManifest(uri);
        }
        S3Uri prefix = S3Uri.parse(entries.get(0).get("prefix").asText()).orElseThrow(() -> invalidManifest(uri));
        List<InputObject> objects = new ArrayList<>();
        for (int i = 1; i < entries.size(); i++) {
            if (!entries.get(i).isTextual()) {
                throw invalidManifest(uri);
            }
            String relative = entries.get(i).asText();
            objects.add(new InputObject(prefix.bucket(), prefix.key() + relative, relative));
        }
        return objects;
    }

    private static IllegalArgumentException invalidManifest(S3Uri uri) {
        return new IllegalArgumentException("ClientError: Manifest file " + uri + " is not valid: it must be a JSON "
                + "array whose first element is {\"prefix\": \"s3://bucket/prefix/\"} followed by object keys "
                + "relative to that prefix.");
    }

    /** AWS's wording when a data source names nothing (as for a training channel). */
    private static IllegalArgumentException noObjects(String uri, String bucket, String role) {
        return new IllegalArgumentException("ClientError: No S3 objects found under S3 URL \"" + uri
                + "\" given in input data source. Please ensure that the bucket exists in the selected region ("
                + "bucket \"" + bucket + "\"), that objects exist under that S3 prefix"
                + (role == null ? "." : ", and that the role \"" + role + "\" has \"s3:ListBucket\" permissions on"
                + " bucket \"" + bucket + "\"."));
    }
}
