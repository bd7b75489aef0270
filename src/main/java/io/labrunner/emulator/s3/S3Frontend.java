package io.labrunner.emulator.s3;

import io.labrunner.emulator.iam.access.BucketPolicies;
import com.google.common.base.Throwables;
import io.labrunner.emulator.FormCodec;
import io.labrunner.emulator.iam.access.Caller;
import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

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
    /** DeleteObjects names at most 1,000 keys of at most 1,024 bytes each. */
    private static final int MAX_DELETE_BODY = 2 * 1024 * 1024;
    /** Headers S3 sends on some errors, e.g. the ETag of a 304, that S3Proxy carries on its exceptions. */
    private static final List<String> ERROR_HEADERS = List.of("ETag", "x-amz-delete-marker", "x-amz-version-id", "Allow");

    private final BlobStore store;
    private final UploadEncryptions uploads;
    private final BucketSettingsStore settings;
    private final S3Authorizer authorizer;
    private final ObjectEncryption encryption;
    private final BucketConfigurationRequests configurations;
    private final ObjectEventReporter objectEvents;
    /** The data folder's absolute path, kept out of every error message. */
    private final String hostFolder;
    // Bucket region, tags and CORS rules, object tags: kept beside S3Proxy, which has none of them.
    private final String region;
    private final BucketAttributesStore attributes;
    private final BucketDetailsRequests details;
    private final ObjectTagStore objectTags;
    private final ObjectTagging objectTagging;
    private final BucketCors cors;

    private S3Frontend(UploadEncryptions blobStore, Path root, StateStore state, S3Security security,
            io.labrunner.emulator.ObjectEvents events) {
        // ignoreUnknownHeaders: like S3, answer requests carrying x-amz- headers S3Proxy does not know.
        super(blobStore, AuthenticationType.NONE, null, null, null, MAX_SINGLE_PART, MAX_NON_CHUNKED,
                MAX_CHUNK, true, null, null, MAX_TIME_SKEW_SECONDS);
        this.store = blobStore;
        this.uploads = blobStore;
        Path parent = root.toAbsolutePath().getParent();
        this.hostFolder = (parent == null ? root.toAbsolutePath() : parent).toString();
        this.settings = new BucketSettingsStore(state.map("s3.bucket-settings", BucketSettings.class));
        this.authorizer = new S3Authorizer(security.accessControl(), settings, security.region());
        this.encryption = new ObjectEncryption(security.keyRing(), authorizer, security.region());
        this.configurations = new BucketConfigurationRequests(settings, blobStore::containerExists);
        this.objectEvents = new ObjectEventReporter(events, security.region(), blobStore::blobMetadataIfPresent);
        this.region = security.region();
        this.attributes = new BucketAttributesStore(state.map("s3.bucket-attributes", BucketAttributes.class), region);
        this.details = new BucketDetailsRequests(attributes, blobStore::containerExists);
        this.objectTags = new ObjectTagStore(state.map("s3.object-tags", ObjectTagStore.Tags.class));
        this.objectTagging = new ObjectTagging(blobStore, objectTags);
        this.cors = new BucketCors(attributes);
    }

    /** The buckets as the Resource Groups Tagging API sees them, over the tags of Put/GetBucketTagging. */
    public io.labrunner.emulator.TaggableResources bucketTags() {
        return new S3BucketTags(attributes,
                () -> store.list().buckets().stream().map(software.amazon.awssdk.services.s3.model.Bucket::name)
                        .toList(), store::containerExists);
    }

    /**
     * True when {@code request} comes from a web page ({@code Origin}) to a bucket with a CORS configuration: the
     * bucket's rules then decide, as on S3, whatever origin the emulator itself allows.
     */
    public boolean bucketDecidesCors(HttpServletRequest request) {
        return cors.decides(new QueryOnlyRequest(request));
    }

    /** Answers a CORS preflight ({@code OPTIONS}, unsigned as browsers send it) by the bucket's CORS rules. */
    public void answerPreflight(HttpServletRequest servletRequest, HttpServletResponse response) throws IOException {
        HttpServletRequest request = new QueryOnlyRequest(servletRequest);
        try {
            cors.preflight(request, response);
        } catch (AwsServiceException e) {
            sendAwsError(request, response, e);
        }
    }

    /** Each bucket's policy, for services that act as a role on S3 in-process. */
    public BucketPolicies bucketPolicies() {
        return settings;
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
        return onDirectory(root, state, S3Security.bucketPoliciesOnly());
    }

    /**
     * S3 over {@code root}, as {@link #onDirectory(Path, StateStore)}, with each bucket's policy, Block Public
     * Access and default encryption kept in {@code state}, and every request authorized by {@code security}.
     */
    public static S3Frontend onDirectory(Path root, StateStore state, S3Security security) {
        return onDirectory(root, state, security, io.labrunner.emulator.ObjectEvents.NONE);
    }

    /**
     * S3 over {@code root}, as {@link #onDirectory(Path, StateStore, S3Security)}, reporting the object changes of
     * buckets with EventBridge notifications on to {@code events}.
     */
    public static S3Frontend onDirectory(Path root, StateStore state, S3Security security,
            io.labrunner.emulator.ObjectEvents events) {
        Path escapedRoot = root.resolveSibling(root.getFileName() + "-escaped");
        try {
            Files.createDirectories(escapedRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the folder for keys the S3 folder cannot hold", e);
        }
        UploadEncryptions uploads = new UploadEncryptions(new EscapingBlobStore(
                journaled(root, state.map("s3.writes-in-flight", String.class)), new FolderLayout(root),
                journaled(escapedRoot, state.map("s3.escaped-writes-in-flight", String.class)), escapedRoot),
                state.map("s3.upload-encryption", UploadEncryptions.Encryption.class));
        return new S3Frontend(uploads, root, state, security, events);
    }

    /** A filesystem store over {@code folder} whose unfinished writes are journaled and never listed. */
    private static BlobStore journaled(Path folder, StateMap<String> inFlight) {
        return new CompletedObjectsOnly(new UploadJournal(new SseRecordingBlobStore(folder),
                folder.toAbsolutePath(), inFlight));
    }

    /**
     * Serves one S3 request signed by {@code caller}; never throws for S3-level failures, which become S3 XML
     * errors.
     */
    public void serve(HttpServletRequest servletRequest, HttpServletResponse response, Caller caller)
            throws IOException {
        HttpServletRequest request = new QueryOnlyRequest(VirtualHostedStyle.pathStyle(servletRequest));
        try (InputStream body = servletRequest.getInputStream()) {
            cors.onRequest(request, response);
            rejectInvalidNewBucketName(request);
            request = RequestHeaderFixes.apply(request);
            secured(request, response, body, caller);
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

    /**
     * Authorizes the request (bucket policy, identity policies when enforcing, Block Public Access), serves
     * the bucket sub-resources S3Proxy does not know, settles a write's encryption, and only then lets S3Proxy
     * serve it: nothing a denied request tried is written.
     */
    private void secured(HttpServletRequest request, HttpServletResponse response, InputStream body, Caller caller)
            throws IOException {
        String[] bucketAndKey = S3AccessMapping.bucketAndKey(request);
        String bucket = bucketAndKey[0];
        String key = bucketAndKey[1];
        String method = request.getMethod();
        refuseUnserved(request, bucket, key);
        InputStream content = body;
        List<S3Access> accesses = S3AccessMapping.of(request);
        byte[] delete = null;
        if (bucket != null && key == null && "POST".equals(method) && request.getParameter("delete") != null) {
            delete = body.readNBytes(MAX_DELETE_BODY);
            accesses = DeleteObjectsAccess.of(bucket, delete);
            content = new ByteArrayInputStream(delete);
        }
        authorizer.authorize(caller, request, accesses);
        ObjectEncryption.refuseCustomerKeysWithoutTls(request);
        if (bucket == null) {
            if ("GET".equals(method)) {
                listBuckets(request, response, content);
            } else {
                doHandle(request, request, response, content, new RequestContext());
            }
            return;
        }
        BucketSettings bucketSettings = settings.get(bucket);
        PublicAcls.refuseIfBlocked(request, bucketSettings.publicAccessBlock());
        String subresource = key == null ? S3AccessMapping.bucketSubresource(request) : null;
        if (subresource != null && BucketConfigurationRequests.SUBRESOURCES.contains(subresource)) {
            configurations.serve(method, subresource, bucket, content, caller, response);
            return;
        }
        if (subresource != null && BucketDetailsRequests.SUBRESOURCES.contains(subresource)) {
            details.serve(method, subresource, bucket, content, response);
            return;
        }
        if (key != null && ObjectTagging.isTaggingRequest(request)) {
            objectTagging.serve(request, bucket, key, content, response);
            return;
        }
        HttpServletRequest forS3Proxy = request;
        if (key != null && createsObject(request)) {
            forS3Proxy = new HeaderOverridingRequest(request,
                    encryption.forWrite(request, bucketSettings, caller, bucket, key));
        }
        if (key != null && objectTagging.namesTheOnlyVersion(request, bucket)) {
            forS3Proxy = new WithoutVersionId(forS3Proxy);
        }
        if (key != null && caller.hasIdentityPolicies() && authorizer.enforcing()) {
            authorizeReadKeys(request, caller, bucket, key);
        }
        if (key != null && "POST".equals(method) && request.getParameter("uploadId") != null) {
            uploads.report(request.getParameter("uploadId"), response);
        }
        boolean bucketOnly = key == null && request.getParameterMap().isEmpty();
        BucketCreation.Request creation = null;
        if (bucketOnly && "PUT".equals(method)) {
            creation = BucketCreation.read(request, content, region);
            content = new ByteArrayInputStream(creation.body());
            if (isRecreatedInUsEast1(bucket, creation)) {
                response.setHeader("Location", "/" + bucket);
                response.setStatus(200);
                return;
            }
        }
        if (bucketOnly && "HEAD".equals(method) && store.containerExists(bucket)) {
            response.setHeader("x-amz-bucket-region", attributes.get(bucket).region());
        }
        boolean creates = key == null && "PUT".equals(method) && request.getParameterMap().isEmpty()
                && !store.containerExists(bucket);
        ObjectTagging.Write tagged = key == null ? null : objectTagging.beforeS3Proxy(request, bucket, key, response);
        doHandle(forS3Proxy, forS3Proxy, tagged == null ? response : tagged.response(), content,
                new RequestContext());
        if (tagged != null) {
            tagged.after();
        }
        if (settings.get(bucket).sendsToEventBridge()) {
            objectEvents.afterRequest(request, response, caller, bucket, key, delete);
        }
        if (creates && response.getStatus() == 200) {
            settings.created(bucket);
            attributes.created(bucket, creation.region(), creation.tags());
        } else if (key == null && "DELETE".equals(method) && request.getParameterMap().isEmpty()
                && response.getStatus() == 204) {
            settings.deleted(bucket);
            attributes.deleted(bucket);
            objectTags.deleted(bucket);
        }
    }

    /** Answers NotImplemented, naming it, for an operation in S3's API model that S3Proxy would serve as another. */
    private static void refuseUnserved(HttpServletRequest request, String bucket, String key) {
        String method = request.getMethod();
        java.util.Set<String> parameters = request.getParameterMap().keySet();
        if (request.getHeader("x-amz-request-route") != null && "POST".equals(method)) {
            throw S3Subresources.notImplemented("WriteGetObjectResponse");
        }
        if (bucket == null) {
            // ListDirectoryBuckets is ListBuckets' request on the S3 Express endpoint; its own parameter tells it apart.
            if ("GET".equals(method) && parameters.contains("max-directory-buckets")) {
                throw S3Subresources.notImplemented("ListDirectoryBuckets");
            }
            return;
        }
        S3Subresources.refuseUnserved(key == null ? S3Subresources.Level.BUCKET : S3Subresources.Level.OBJECT, method,
                parameters);
    }

    /**
     * ListBuckets, with each bucket's BucketRegion and BucketArn as S3 lists them today; S3Proxy writes only Name and
     * CreationDate.
     */
    private void listBuckets(HttpServletRequest request, HttpServletResponse response, InputStream content)
            throws IOException {
        BufferedResponse buffered = new BufferedResponse(response);
        doHandle(request, request, buffered, content, new RequestContext());
        String xml = buffered.text();
        if (buffered.getStatus() == 200) {
            xml = java.util.regex.Pattern.compile("<Name>([^<]*)</Name>(\\s*<CreationDate>[^<]*</CreationDate>)")
                    .matcher(xml).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group()
                            + "<BucketRegion>" + region + "</BucketRegion><BucketArn>arn:aws:s3:::"
                            + m.group(1) + "</BucketArn>"));
        }
        buffered.send(xml);
    }

    /** CreateBucket of a bucket the caller has in us-east-1, sent there: S3 answers 200 and changes nothing. */
    private boolean isRecreatedInUsEast1(String bucket, BucketCreation.Request creation) {
        return BucketCreation.US_EAST_1.equals(creation.region()) && store.containerExists(bucket)
                && BucketCreation.US_EAST_1.equals(attributes.get(bucket).region());
    }

    /** PutObject, CopyObject and CreateMultipartUpload: the writes that settle an object's encryption. */
    private static boolean createsObject(HttpServletRequest request) {
        Map<String, String[]> parameters = request.getParameterMap();
        return switch (request.getMethod()) {
            case "PUT" -> parameters.isEmpty() || (parameters.size() == 1 && parameters.containsKey("x-id"));
            case "POST" -> parameters.containsKey("uploads");
            default -> false;
        };
    }

    /** S3 decrypts for a GetObject, and for a copy's source: a role needs kms:Decrypt on an SSE-KMS key. */
    private void authorizeReadKeys(HttpServletRequest request, Caller caller, String bucket, String key) {
        String copySource = request.getHeader("x-amz-copy-source");
        if ("PUT".equals(request.getMethod()) && copySource != null) {
            String[] source = S3AccessMapping.copySource(copySource);
            if (source != null) {
                encryption.forRead(caller, kmsKeyOf(source[0], source[1]), source[0], source[1]);
            }
        } else if ("GET".equals(request.getMethod()) && request.getParameter("uploadId") == null
                && request.getParameter("acl") == null && request.getParameter("tagging") == null
                && request.getParameter("attributes") == null) {
            encryption.forRead(caller, kmsKeyOf(bucket, key), bucket, key);
        }
    }

    /** The KMS key an object is stored under, or null (no such object: S3Proxy answers that). */
    private String kmsKeyOf(String bucket, String key) {
        try {
            HeadObjectResponse head = store.blobMetadataIfPresent(bucket, key);
            return head == null ? null : head.ssekmsKeyId();
        } catch (RuntimeException e) {
            return null;
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
