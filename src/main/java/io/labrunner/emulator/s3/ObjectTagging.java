package io.labrunner.emulator.s3;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Object tags, which S3Proxy does not keep: Put/Get/DeleteObjectTagging on {@code ?tagging} (of a version with
 * {@code versionId}), the {@code x-amz-tagging} header of PutObject, CreateMultipartUpload and CopyObject (with
 * {@code x-amz-tagging-directive} COPY, the default, or REPLACE), and {@code x-amz-tagging-count} on GetObject and
 * HeadObject. Tags belong to one version of an object; a write's tags are checked before S3Proxy writes anything.
 */
final class ObjectTagging {
    private static final int MAX_XML_BYTES = 64 * 1024;
    private static final String NULL_VERSION = "null";
    private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([^<]+)</UploadId>");

    private final BlobStore store;
    private final ObjectTagStore tags;

    ObjectTagging(BlobStore store, ObjectTagStore tags) {
        this.store = store;
        this.tags = tags;
    }

    /** True for the object tagging operations, served by {@link #serve}. */
    static boolean isTaggingRequest(HttpServletRequest request) {
        return request.getParameter("tagging") != null;
    }

    void serve(HttpServletRequest request, String bucket, String key, InputStream body, HttpServletResponse response)
            throws IOException {
        String method = request.getMethod();
        String version = versionOf(bucket, key, request.getParameter("versionId"));
        if (!NULL_VERSION.equals(version)) {
            response.setHeader("x-amz-version-id", version);
        }
        switch (method) {
            case "GET" -> {
                byte[] xml = TagSets.xml(tags.get(bucket, key, version)).getBytes(StandardCharsets.UTF_8);
                response.setStatus(200);
                response.setContentType("application/xml");
                response.setContentLength(xml.length);
                response.getOutputStream().write(xml);
            }
            case "PUT" -> {
                byte[] xml = body.readNBytes(MAX_XML_BYTES + 1);
                if (xml.length > MAX_XML_BYTES) {
                    throw S3Errors.of(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
                }
                tags.put(bucket, key, version, TagSets.fromXml(xml, true));
                response.setStatus(200);
            }
            case "DELETE" -> {
                tags.put(bucket, key, version, Map.of());
                response.setStatus(204);
            }
            default -> throw S3Errors.of(405, "MethodNotAllowed",
                    "The specified method is not allowed against this resource.");
        }
    }

    /**
     * Prepares a request S3Proxy serves next: checks the tags a write carries (throwing before anything is
     * written), sets {@code x-amz-tagging-count} on a read of a tagged version. Returns what to do once S3Proxy has
     * answered, or null when there is nothing to do.
     */
    Write beforeS3Proxy(HttpServletRequest request, String bucket, String key, HttpServletResponse response) {
        String method = request.getMethod();
        Map<String, String[]> parameters = request.getParameterMap();
        boolean plain = parameters.keySet().stream().allMatch(ObjectTagging::signingParameter);
        // A presigned URL carries the header in its query string, as SDK presigners hoist x-amz-* headers there.
        String header = request.getHeader("x-amz-tagging") != null ? request.getHeader("x-amz-tagging")
                : request.getParameter("x-amz-tagging");
        if ("PUT".equals(method) && plain) {
            String copySource = request.getHeader("x-amz-copy-source");
            Map<String, String> written = copySource == null || replacesTags(request)
                    ? (header == null ? Map.of() : TagSets.fromHeader(header)) : null;
            String[] source = copySource == null ? null : S3AccessMapping.copySource(copySource);
            return new Write(response, status -> {
                Map<String, String> set = written != null ? written
                        : source == null ? Map.of() : sourceTags(source[0], source[1], source[2]);
                tags.put(bucket, key, writtenVersion(response, bucket, key), set);
            });
        }
        if ("POST".equals(method) && parameters.containsKey("uploads")) {
            Map<String, String> pending = header == null ? Map.of() : TagSets.fromHeader(header);
            return pending.isEmpty() ? null : new Write(response, pending, (uploadId) ->
                    tags.putUpload(bucket, uploadId, pending));
        }
        String uploadId = request.getParameter("uploadId");
        if ("POST".equals(method) && uploadId != null) {
            return new Write(response, status -> {
                tags.put(bucket, key, currentVersion(bucket, key), tags.upload(bucket, uploadId));
                tags.removeUpload(bucket, uploadId);
            });
        }
        if ("DELETE".equals(method) && uploadId != null) {
            return new Write(response, status -> tags.removeUpload(bucket, uploadId));
        }
        if ("DELETE".equals(method) && (plain || parameters.containsKey("versionId"))) {
            String versionId = request.getParameter("versionId");
            return new Write(response, status -> {
                if (versionId != null) {
                    tags.put(bucket, key, versionId, Map.of());
                } else if (!versioningEnabled(bucket)) {
                    tags.put(bucket, key, NULL_VERSION, Map.of());
                }
            });
        }
        if (("GET".equals(method) || "HEAD".equals(method)) && tags.hasTags(bucket)
                && request.getParameter("uploadId") == null && request.getParameter("acl") == null
                && request.getParameter("attributes") == null) {
            try {
                int count = tags.get(bucket, key, versionOf(bucket, key, request.getParameter("versionId"))).size();
                if (count > 0) {
                    response.setHeader("x-amz-tagging-count", Integer.toString(count));
                }
            } catch (RuntimeException e) {
                // No such object or version: S3Proxy answers that itself.
            }
        }
        return null;
    }

    /** A query parameter that names no operation: a presigned URL's signature, its hoisted headers, or x-id. */
    private static boolean signingParameter(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("x-amz-") || lower.equals("x-id") || lower.equals("awsaccesskeyid")
                || lower.equals("signature") || lower.equals("expires");
    }

    private static boolean replacesTags(HttpServletRequest request) {
        String directive = request.getHeader("x-amz-tagging-directive");
        if (directive == null || directive.equals("COPY")) {
            return false;
        }
        if (directive.equals("REPLACE")) {
            return true;
        }
        throw S3Errors.invalidArgument("Unknown tagging directive: " + directive);
    }

    private Map<String, String> sourceTags(String bucket, String key, String versionId) {
        try {
            return tags.get(bucket, key, versionOf(bucket, key, versionId));
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** The version a successful write made: its {@code x-amz-version-id}, else the current one. */
    private String writtenVersion(HttpServletResponse response, String bucket, String key) {
        String header = response.getHeader("x-amz-version-id");
        return header != null ? header : currentVersion(bucket, key);
    }

    private String currentVersion(String bucket, String key) {
        try {
            return versionOf(bucket, key, null);
        } catch (RuntimeException e) {
            return NULL_VERSION;
        }
    }

    /** The id of the version named (checked to exist), or of the current version; S3's error when there is none. */
    private String versionOf(String bucket, String key, String versionId) {
        if (versionId != null && neverVersioned(bucket)) {
            versionId = nullVersionOrInvalid(versionId);
        }
        HeadObjectResponse head = store.blobMetadata(HeadObjectRequest.builder().bucket(bucket).key(key)
                .versionId(versionId).build());
        String id = head.versionId() != null ? head.versionId() : versionId;
        return id == null ? NULL_VERSION : id;
    }

    /**
     * True when the request names the version {@code null} of a bucket never versioned: S3 reads it as the object
     * itself, where S3Proxy's store refuses any version id there, so the id is dropped before S3Proxy sees it.
     * Any other id on such a bucket is S3's InvalidArgument.
     */
    boolean namesTheOnlyVersion(HttpServletRequest request, String bucket) {
        String versionId = request.getParameter("versionId");
        return versionId != null && neverVersioned(bucket) && nullVersionOrInvalid(versionId) == null;
    }

    private static String nullVersionOrInvalid(String versionId) {
        if (!NULL_VERSION.equals(versionId)) {
            throw S3Errors.invalidArgument("Invalid version id specified");
        }
        return null;
    }

    private boolean neverVersioned(String bucket) {
        try {
            return !store.supportsVersioning() || store.getBucketVersioning(GetBucketVersioningRequest.builder()
                    .bucket(bucket).build()).status() == null;
        } catch (RuntimeException e) {
            return false; // no such bucket: S3Proxy answers that
        }
    }

    private boolean versioningEnabled(String bucket) {
        try {
            return store.supportsVersioning() && store.getBucketVersioning(GetBucketVersioningRequest.builder()
                    .bucket(bucket).build()).status() == BucketVersioningStatus.ENABLED;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A write S3Proxy serves, and what follows once it succeeded. */
    static final class Write {
        private final HttpServletResponse response;
        private final CapturingResponse captured;
        private final java.util.function.IntConsumer afterSuccess;
        private final java.util.function.Consumer<String> withUploadId;

        private Write(HttpServletResponse response, java.util.function.IntConsumer afterSuccess) {
            this.response = response;
            this.captured = null;
            this.afterSuccess = afterSuccess;
            this.withUploadId = null;
        }

        /** CreateMultipartUpload: its answer is read for the upload id the tags wait under. */
        private Write(HttpServletResponse response, Map<String, String> unused,
                      java.util.function.Consumer<String> withUploadId) {
            this.response = response;
            this.captured = new CapturingResponse(response);
            this.afterSuccess = null;
            this.withUploadId = withUploadId;
        }

        /** The response to hand S3Proxy. */
        HttpServletResponse response() {
            return captured != null ? captured : response;
        }

        /** Runs once S3Proxy has answered: only after a success. */
        void after() {
            String text = captured == null ? null : captured.text(); // flushes what S3Proxy wrote, error or not
            int status = response.getStatus();
            if (status < 200 || status >= 300) {
                return;
            }
            if (captured != null) {
                Matcher m = UPLOAD_ID.matcher(text);
                if (m.find()) {
                    withUploadId.accept(m.group(1));
                }
            } else {
                afterSuccess.accept(status);
            }
        }
    }

    /** Passes a small answer on while keeping a copy of it. */
    private static final class CapturingResponse extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private ServletOutputStream stream;

        CapturingResponse(HttpServletResponse response) {
            super(response);
        }

        private java.io.PrintWriter writer;

        String text() {
            if (writer != null) {
                writer.flush();
            }
            return copy.toString(StandardCharsets.UTF_8);
        }

        @Override
        public java.io.PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new java.io.PrintWriter(new java.io.OutputStreamWriter(getOutputStream(),
                        StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream out = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return out.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        out.setWriteListener(listener);
                    }

                    @Override
                    public void write(int b) throws IOException {
                        copy.write(b);
                        out.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        copy.write(b, off, len);
                        out.write(b, off, len);
                    }

                    @Override
                    public void flush() throws IOException {
                        out.flush();
                    }
                };
            }
            return stream;
        }
    }
}
