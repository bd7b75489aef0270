package io.labrunner.emulator.s3;

import com.google.common.base.Throwables;
import io.labrunner.emulator.FormCodec;
import io.labrunner.emulator.iam.access.Caller;
import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.gaul.s3proxy.S3ErrorCode;
import org.gaul.s3proxy.S3ProxyException;
import org.gaul.s3proxy.S3ProxyHandler;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.S3Exceptions;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * S3, served in-process by S3Proxy's request handler over a folder: buckets are folders, objects
 * are files. Streams bodies both ways (no buffering), and maps failures to S3 XML errors the way
 * S3Proxy's own Jetty servlet does, so the SDK raises NoSuchBucketException, NoSuchKeyException...
 *
 * <p>Authentication is off ({@link AuthenticationType#NONE}): the front door has already checked the
 * credentials (a SigV4 signature made with the emulator's own key is verified there, including presigned
 * URLs; aws-chunked chunk signatures are not), and S3Proxy still decodes aws-chunked bodies with their
 * trailing checksums in this mode.
 */
public final class S3Frontend extends S3ProxyHandler {
    private static final Logger LOG = LoggerFactory.getLogger(S3Frontend.class);
    private static final long MAX_SINGLE_PART = 5L * 1024 * 1024 * 1024;
    private static final long MAX_NON_CHUNKED = 128L * 1024 * 1024;
    private static final int MAX_CHUNK = 16 * 1024 * 1024;
    private static final int MAX_TIME_SKEW_SECONDS = 15 * 60;
    /** Headers S3 sends on some errors, e.g. the ETag of a 304, that S3Proxy carries on its exceptions. */
    private static final List<String> ERROR_HEADERS = List.of("ETag", "x-amz-delete-marker", "x-amz-version-id", "Allow");

    private final BlobStore store;
    /** The data folder's absolute path, kept out of every error message. */
    private final String hostFolder;

    private S3Frontend(BlobStore blobStore, Path root) {
        // ignoreUnknownHeaders: like S3, answer requests carrying x-amz- headers S3Proxy does not know.
        super(blobStore, AuthenticationType.NONE, null, null, null, MAX_SINGLE_PART, MAX_NON_CHUNKED,
                MAX_CHUNK, true, null, null, MAX_TIME_SKEW_SECONDS);
        this.store = blobStore;
        Path parent = root.toAbsolutePath().getParent();
        this.hostFolder = (parent == null ? root.toAbsolutePath() : parent).toString();
    }

    /** True when the bucket exists; for in-process writers such as Firehose. */
    public boolean bucketExists(String bucket) {
        return store.containerExists(bucket);
    }

    /** Writes an object in-process, through the same blob store (and metadata) as an S3 PutObject. */
    public void putObject(String bucket, String key, byte[] body) {
        objects().put(bucket, key, body);
    }

    /** This S3's objects, in-process, through the same blob store as its requests. */
    public io.labrunner.emulator.S3Objects objects() {
        return new BlobStoreObjects(store);
    }

    /**
     * S3 over {@code root}, which must exist; data persists there between runs. Keys that cannot be plain
     * files there are kept in the sibling folder {@code <root>-escaped}, out of sight of Athena and crawlers.
     */
    public static S3Frontend onDirectory(Path root) {
        return onDirectory(root, StateStore.none());
    }

    /**
     * S3 over {@code root}, as {@link #onDirectory(Path)}, with its writes in flight journaled in {@code state}
     * so that an upload cut short by a killed emulator is removed at the next start (see {@link UploadJournal}).
     */
    public static S3Frontend onDirectory(Path root, StateStore state) {
        Path escapedRoot = root.resolveSibling(root.getFileName() + "-escaped");
        try {
            Files.createDirectories(escapedRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the folder for keys the S3 folder cannot hold", e);
        }
        return new S3Frontend(new EscapingBlobStore(
                journaled(root, state.map("s3.writes-in-flight", String.class)), new FolderLayout(root),
                journaled(escapedRoot, state.map("s3.escaped-writes-in-flight", String.class)), escapedRoot), root);
    }

    /** A filesystem store over {@code folder} whose unfinished writes are journaled and never listed. */
    private static BlobStore journaled(Path folder, StateMap<String> inFlight) {
        return new CompletedObjectsOnly(new UploadJournal(new FilesystemNio2BlobStore(folder.toString()),
                folder.toAbsolutePath(), inFlight));
    }

    /**
     * Serves one S3 request signed by {@code caller}; never throws for S3-level failures, which become S3 XML
     * errors.
     */
    public void serve(HttpServletRequest servletRequest, HttpServletResponse response, Caller caller)
            throws IOException {
        HttpServletRequest request = new QueryOnlyRequest(servletRequest);
        try (InputStream body = servletRequest.getInputStream()) {
            rejectInvalidNewBucketName(request);
            doHandle(request, request, response, body, new RequestContext());
        } catch (AwsServiceException e) {
            sendAwsError(request, response, e);
        } catch (IllegalArgumentException e) {
            sendAwsError(request, response, new S3ProxyException(S3ErrorCode.INVALID_ARGUMENT, messageOf(e)));
        } catch (IllegalStateException e) {
            S3ErrorCode code = e.getMessage() != null && e.getMessage().startsWith("PreconditionFailed")
                    ? S3ErrorCode.PRECONDITION_FAILED : S3ErrorCode.INVALID_REQUEST;
            sendAwsError(request, response, new S3ProxyException(code, messageOf(e)));
        } catch (UnsupportedOperationException e) {
            sendAwsError(request, response, new S3ProxyException(S3ErrorCode.NOT_IMPLEMENTED, messageOf(e)));
        } catch (IOException | RuntimeException e) {
            AwsServiceException cause = firstAwsCause(e);
            if (cause != null) {
                sendAwsError(request, response, cause);
            } else if (Throwables.getCausalChain(e).stream().anyMatch(TimeoutException.class::isInstance)) {
                sendAwsError(request, response, new S3ProxyException(S3ErrorCode.REQUEST_TIMEOUT));
            } else if (e instanceof IOException io) {
                throw io; // the client went away mid-transfer: nothing to answer
            } else {
                LOG.warn("S3 {} {} failed", request.getMethod(), request.getRequestURI(), e);
                sendAwsError(request, response, new S3ProxyException(S3ErrorCode.INTERNAL_ERROR));
            }
        }
    }

    private static void rejectInvalidNewBucketName(HttpServletRequest request) {
        if (!"PUT".equals(request.getMethod()) || !request.getParameterMap().isEmpty()) {
            return;
        }
        String[] path = request.getRequestURI().split("/", 3);
        boolean bucketOnly = path.length == 2 || (path.length == 3 && path[2].isEmpty());
        if (bucketOnly && !BucketNames.isValid(FormCodec.decodePath(path[1]))) {
            throw new S3ProxyException(S3ErrorCode.INVALID_BUCKET_NAME);
        }
    }

    /** The mapping S3Proxy's own servlet applies to exceptions from its handler and blobstores. */
    private void sendAwsError(HttpServletRequest request, HttpServletResponse response, AwsServiceException e)
            throws IOException {
        SdkHttpResponse carried = S3Exceptions.httpResponse(e);
        if (carried != null) {
            for (String header : ERROR_HEADERS) {
                carried.firstMatchingHeader(header).ifPresent(value -> response.setHeader(header, value));
            }
        }
        String code = S3Exceptions.errorCode(e);
        if (code != null) {
            String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
            sendSimpleErrorResponse(request, response, code, e.statusCode(), message == null ? "" : message, Map.of());
            return;
        }
        switch (e.statusCode()) {
            case 412 -> {
                if (isConditionalReadNotModified(request)) {
                    response.setStatus(304);
                } else {
                    sendCode(request, response, S3ErrorCode.PRECONDITION_FAILED);
                }
            }
            case 416 -> sendCode(request, response, S3ErrorCode.INVALID_RANGE);
            case 405 -> sendCode(request, response, S3ErrorCode.METHOD_NOT_ALLOWED);
            case 400, 422 -> sendCode(request, response, S3ErrorCode.BAD_DIGEST);
            case 403 -> sendCode(request, response, S3ErrorCode.ACCESS_DENIED);
            default -> response.setStatus(e.statusCode());
        }
    }

    private void sendCode(HttpServletRequest request, HttpServletResponse response, S3ErrorCode code)
            throws IOException {
        sendAwsError(request, response, new S3ProxyException(code));
    }

    private static boolean isConditionalReadNotModified(HttpServletRequest request) {
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method))
                && request.getHeader("If-Match") == null
                && request.getHeader("If-Unmodified-Since") == null
                && (request.getHeader("If-None-Match") != null || request.getHeader("If-Modified-Since") != null);
    }

    private static AwsServiceException firstAwsCause(Throwable e) {
        return Throwables.getCausalChain(e).stream()
                .filter(AwsServiceException.class::isInstance)
                .map(AwsServiceException.class::cast)
                .findFirst().orElse(null);
    }

    /** The exception's message for the client, unless it names a host path (S3Proxy's traversal check does). */
    private String messageOf(RuntimeException e) {
        String message = e.getMessage();
        if (message == null) {
            return "The request could not be served.";
        }
        if (message.startsWith("Path traversal") || message.contains(hostFolder)) {
            return "The request names a bucket or key outside the emulator's S3 folder.";
        }
        return message;
    }
}
