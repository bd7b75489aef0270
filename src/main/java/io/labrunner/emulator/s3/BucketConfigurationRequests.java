package io.labrunner.emulator.s3;

import io.labrunner.emulator.iam.access.Caller;
import io.labrunner.emulator.iam.access.Denial;
import io.labrunner.emulator.iam.policy.PolicyDocument;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.gaul.s3proxy.S3ErrorCode;
import org.gaul.s3proxy.S3ProxyException;
import org.w3c.dom.Element;

/**
 * The bucket sub-resources S3Proxy does not serve, answered before it sees them so that none is taken for a
 * CreateBucket or another operation: {@code ?policy} (Put/Get/DeleteBucketPolicy), {@code ?policyStatus},
 * {@code ?publicAccessBlock} (Put/Get/DeletePublicAccessBlock) and {@code ?encryption}
 * (Put/Get/DeleteBucketEncryption) and {@code ?notification} (Put/GetBucketNotificationConfiguration), kept in
 * {@link BucketSettingsStore}.
 */
final class BucketConfigurationRequests {
    /** The sub-resources served here. */
    static final Set<String> SUBRESOURCES = Set.of("policy", "policyStatus", "publicAccessBlock", "encryption",
            "notification");
    /** What a NotificationConfiguration may hold (PutBucketNotificationConfiguration in the S3 API reference). */
    private static final Set<String> NOTIFICATION_KINDS = Set.of("TopicConfiguration", "QueueConfiguration",
            "CloudFunctionConfiguration", "EventBridgeConfiguration");
    /** S3's limit on a bucket policy's size. */
    private static final int MAX_POLICY_BYTES = 20 * 1024;
    private static final int MAX_XML_BYTES = 64 * 1024;
    private static final Set<String> ALGORITHMS = Set.of("AES256", "aws:kms", "aws:kms:dsse");

    private final BucketSettingsStore settings;
    private final Predicate<String> bucketExists;

    BucketConfigurationRequests(BucketSettingsStore settings, Predicate<String> bucketExists) {
        this.settings = settings;
        this.bucketExists = bucketExists;
    }

    void serve(String method, String subresource, String bucket, InputStream body, Caller caller,
               HttpServletResponse response) throws IOException {
        if (!bucketExists.test(bucket)) {
            throw new S3ProxyException(S3ErrorCode.NO_SUCH_BUCKET);
        }
        switch (subresource + " " + method) {
            case "policy GET" -> getPolicy(bucket, response);
            case "policy PUT" -> putPolicy(bucket, read(body, MAX_POLICY_BYTES), caller, response);
            case "policy DELETE" -> {
                settings.update(bucket, s -> s.withPolicy(null));
                response.setStatus(204);
            }
            case "policyStatus GET" -> policyStatus(bucket, response);
            case "publicAccessBlock GET" -> getPublicAccessBlock(bucket, response);
            case "publicAccessBlock PUT" -> putPublicAccessBlock(bucket, read(body, MAX_XML_BYTES), response);
            case "publicAccessBlock DELETE" -> {
                settings.update(bucket, s -> s.withPublicAccessBlock(null));
                response.setStatus(204);
            }
            case "encryption GET" -> getEncryption(bucket, response);
            case "encryption PUT" -> putEncryption(bucket, read(body, MAX_XML_BYTES), response);
            case "encryption DELETE" -> {
                settings.update(bucket, s -> s.withEncryption(null));
                response.setStatus(204);
            }
            case "notification GET" -> getNotification(bucket, response);
            case "notification PUT" -> putNotification(bucket, read(body, MAX_XML_BYTES), response);
            default -> throw new S3ProxyException(S3ErrorCode.METHOD_NOT_ALLOWED);
        }
    }

    private void getPolicy(String bucket, HttpServletResponse response) throws IOException {
        String policy = settings.get(bucket).policy();
        if (policy == null) {
            throw noSuchBucketPolicy();
        }
        write(response, "application/json", policy);
    }

    private void putPolicy(String bucket, byte[] body, Caller caller, HttpServletResponse response) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        PolicyDocument policy = BucketPolicyValidator.validate(text, bucket);
        PublicAccessBlock block = settings.get(bucket).publicAccessBlock();
        if (block != null && block.blockPublicPolicy() && PublicPolicy.isPublic(policy)) {
            throw S3Errors.accessDenied(new Denial(caller.arn(), "s3:PutBucketPolicy", "arn:aws:s3:::" + bucket,
                    "because public policies are blocked by the BlockPublicPolicy block public access setting.")
                    .message(true));
        }
        settings.update(bucket, s -> s.withPolicy(text));
        response.setStatus(204);
    }

    private void policyStatus(String bucket, HttpServletResponse response) throws IOException {
        if (settings.get(bucket).policy() == null) {
            throw noSuchBucketPolicy();
        }
        boolean isPublic = settings.of(bucket).map(p -> PublicPolicy.isPublic(p.document())).orElse(false);
        write(response, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PolicyStatus xmlns=\""
                + SmallXml.NAMESPACE + "\"><IsPublic>" + isPublic + "</IsPublic></PolicyStatus>");
    }

    private void getPublicAccessBlock(String bucket, HttpServletResponse response) throws IOException {
        PublicAccessBlock block = settings.get(bucket).publicAccessBlock();
        if (block == null) {
            throw S3Errors.of(404, "NoSuchPublicAccessBlockConfiguration",
                    "The public access block configuration was not found");
        }
        write(response, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<PublicAccessBlockConfiguration xmlns=\"" + SmallXml.NAMESPACE + "\">"
                + "<BlockPublicAcls>" + block.blockPublicAcls() + "</BlockPublicAcls>"
                + "<IgnorePublicAcls>" + block.ignorePublicAcls() + "</IgnorePublicAcls>"
                + "<BlockPublicPolicy>" + block.blockPublicPolicy() + "</BlockPublicPolicy>"
                + "<RestrictPublicBuckets>" + block.restrictPublicBuckets() + "</RestrictPublicBuckets>"
                + "</PublicAccessBlockConfiguration>");
    }

    private void putPublicAccessBlock(String bucket, byte[] body, HttpServletResponse response) {
        Element root = SmallXml.parse(body);
        if (!"PublicAccessBlockConfiguration".equals(root.getLocalName())) {
            throw S3Errors.malformedXml();
        }
        PublicAccessBlock block = new PublicAccessBlock(SmallXml.flag(root, "BlockPublicAcls"),
                SmallXml.flag(root, "IgnorePublicAcls"), SmallXml.flag(root, "BlockPublicPolicy"),
                SmallXml.flag(root, "RestrictPublicBuckets"));
        settings.update(bucket, s -> s.withPublicAccessBlock(block));
        response.setStatus(200);
    }

    private void getEncryption(String bucket, HttpServletResponse response) throws IOException {
        BucketEncryption rule = settings.get(bucket).effectiveEncryption();
        String key = rule.kmsMasterKeyId() == null ? ""
                : "<KMSMasterKeyID>" + SmallXml.escape(rule.kmsMasterKeyId()) + "</KMSMasterKeyID>";
        write(response, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ServerSideEncryptionConfiguration xmlns=\"" + SmallXml.NAMESPACE + "\"><Rule>"
                + "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>" + rule.algorithm() + "</SSEAlgorithm>" + key
                + "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>" + rule.bucketKeyEnabled()
                + "</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>");
    }

    /** As S3 (and moto, recorded against it): one Rule, a known algorithm, a key only under aws:kms. */
    private void putEncryption(String bucket, byte[] body, HttpServletResponse response) {
        Element root = SmallXml.parse(body);
        List<Element> rules = SmallXml.children(root, "Rule");
        if (!"ServerSideEncryptionConfiguration".equals(root.getLocalName()) || rules.size() != 1) {
            throw S3Errors.malformedXml();
        }
        Element rule = rules.get(0);
        List<Element> byDefault = SmallXml.children(rule, "ApplyServerSideEncryptionByDefault");
        if (byDefault.size() != 1) {
            throw S3Errors.malformedXml();
        }
        String algorithm = SmallXml.text(byDefault.get(0), "SSEAlgorithm");
        if (algorithm == null || !ALGORITHMS.contains(algorithm)) {
            throw S3Errors.malformedXml();
        }
        String key = SmallXml.text(byDefault.get(0), "KMSMasterKeyID");
        if (key != null && key.isEmpty()) {
            key = null;
        }
        if (key != null && !algorithm.startsWith("aws:kms")) {
            throw S3Errors.invalidArgument(
                    "a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse");
        }
        BucketEncryption encryption = new BucketEncryption(algorithm, key, SmallXml.flag(rule, "BucketKeyEnabled"));
        settings.update(bucket, s -> s.withEncryption(encryption));
        response.setStatus(200);
    }

    private void getNotification(String bucket, HttpServletResponse response) throws IOException {
        BucketNotification notification = settings.get(bucket).notification();
        write(response, "application/xml", notification != null ? notification.xml()
                : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NotificationConfiguration xmlns=\""
                        + SmallXml.NAMESPACE + "\"/>");
    }

    /**
     * Keeps the configuration as put; an {@code <EventBridgeConfiguration/>} in it sends the bucket's object changes
     * to EventBridge. Lambda, SQS and SNS destinations are kept but not checked or delivered to (the emulator serves
     * none of them), where S3 would test each destination first.
     */
    private void putNotification(String bucket, byte[] body, HttpServletResponse response) {
        Element root = SmallXml.parse(body);
        if (!"NotificationConfiguration".equals(root.getLocalName())) {
            throw S3Errors.malformedXml();
        }
        boolean eventBridge = false;
        for (org.w3c.dom.Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                if (!NOTIFICATION_KINDS.contains(element.getLocalName())) {
                    throw S3Errors.malformedXml();
                }
                if ("EventBridgeConfiguration".equals(element.getLocalName())) {
                    eventBridge = true;
                } else if (SmallXml.children(element, "Event").isEmpty()) {
                    throw S3Errors.malformedXml();
                }
            }
        }
        String xml = new String(body, StandardCharsets.UTF_8).strip();
        boolean empty = !eventBridge && root.getElementsByTagNameNS("*", "Event").getLength() == 0;
        BucketNotification notification = empty ? null : new BucketNotification(xml, eventBridge);
        settings.update(bucket, s -> s.withNotification(notification));
        response.setStatus(200);
    }

    private static RuntimeException noSuchBucketPolicy() {
        return S3Errors.of(404, "NoSuchBucketPolicy", "The bucket policy does not exist");
    }

    private static byte[] read(InputStream body, int limit) throws IOException {
        byte[] bytes = body.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw S3Errors.of(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
        }
        return bytes;
    }

    private static void write(HttpServletResponse response, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
