package io.labrunner.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3 addressed virtual-hosted style, as the SDK v2 addresses it by default ({@code forcePathStyle(false)}): the bucket
 * in the Host ({@code <bucket>.localhost:<port>}, or {@code <bucket>.s3.<region>.localhost}), the key in the path.
 * {@code *.localhost} is loopback (RFC 6761), but not every resolver knows it, so the client resolves it itself.
 */
class EmulatorS3VirtualHostedTest {
    private static Emulator emulator;
    private static ApacheHttpClient.Builder http;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        http = ApacheHttpClient.builder().dnsResolver(host -> host.endsWith(".localhost") || host.equals("localhost")
                ? new InetAddress[] {InetAddress.getLoopbackAddress()} : InetAddress.getAllByName(host));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static URI endpoint(String host) {
        return URI.create("http://" + host + ":" + emulator.getEndpoint().getPort());
    }

    private static S3Client virtualHosted(String host) {
        return S3Client.builder().endpointOverride(endpoint(host)).region(Region.US_EAST_1)
                .credentialsProvider(Clients.credentials(emulator)).forcePathStyle(false).httpClient(http.build())
                .build();
    }

    @Test
    void everyObjectAndBucketOperationWorksWithTheBucketInTheHost() {
        try (S3Client s3 = virtualHosted("localhost"); S3Client pathStyle = Clients.s3(emulator)) {
            s3.createBucket(b -> b.bucket("vhost-bucket"));
            s3.putObject(o -> o.bucket("vhost-bucket").key("dir/a b.txt"), RequestBody.fromString("hello"));
            assertThat(s3.getObjectAsBytes(o -> o.bucket("vhost-bucket").key("dir/a b.txt")).asUtf8String())
                    .isEqualTo("hello");
            assertThat(s3.headObject(o -> o.bucket("vhost-bucket").key("dir/a b.txt")).contentLength()).isEqualTo(5);
            s3.copyObject(c -> c.sourceBucket("vhost-bucket").sourceKey("dir/a b.txt")
                    .destinationBucket("vhost-bucket").destinationKey("copy.txt"));
            assertThat(s3.listObjectsV2(l -> l.bucket("vhost-bucket")).contents()).extracting(o -> o.key())
                    .containsExactly("copy.txt", "dir/a b.txt");
            assertThat(s3.listObjects(l -> l.bucket("vhost-bucket").prefix("dir/")).contents()).hasSize(1);
            s3.headBucket(b -> b.bucket("vhost-bucket"));
            s3.putBucketPolicy(p -> p.bucket("vhost-bucket").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                    + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                    + "\"Resource\":\"arn:aws:s3:::vhost-bucket/secret/*\"}]}"));
            assertThat(s3.getBucketPolicy(p -> p.bucket("vhost-bucket")).policy()).contains("secret/*");
            s3.getBucketAcl(a -> a.bucket("vhost-bucket"));

            String upload = s3.createMultipartUpload(m -> m.bucket("vhost-bucket").key("big.bin")).uploadId();
            String etag = s3.uploadPart(p -> p.bucket("vhost-bucket").key("big.bin").uploadId(upload).partNumber(1),
                    RequestBody.fromString("part one")).eTag();
            assertThat(s3.listParts(p -> p.bucket("vhost-bucket").key("big.bin").uploadId(upload)).parts()).hasSize(1);
            s3.completeMultipartUpload(c -> c.bucket("vhost-bucket").key("big.bin").uploadId(upload)
                    .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
            assertThat(pathStyle.getObjectAsBytes(o -> o.bucket("vhost-bucket").key("big.bin")).asUtf8String())
                    .isEqualTo("part one");

            s3.deleteObjects(d -> d.bucket("vhost-bucket").delete(x -> x.objects(
                    ObjectIdentifier.builder().key("copy.txt").build(),
                    ObjectIdentifier.builder().key("big.bin").build())));
            s3.deleteObject(o -> o.bucket("vhost-bucket").key("dir/a b.txt"));
            assertThatThrownBy(() -> s3.headObject(o -> o.bucket("vhost-bucket").key("dir/a b.txt")))
                    .isInstanceOf(NoSuchKeyException.class);
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("vhost-bucket");
            s3.deleteBucketPolicy(p -> p.bucket("vhost-bucket"));
            s3.deleteBucket(b -> b.bucket("vhost-bucket"));
            assertThat(pathStyle.listBuckets().buckets()).extracting(b -> b.name()).doesNotContain("vhost-bucket");
        }
    }

    @Test
    void theS3AndRegionalHostFormsNameTheSameBucketAsPathStyle() {
        try (S3Client pathStyle = Clients.s3(emulator);
                S3Client s3Host = virtualHosted("s3.localhost");
                S3Client regional = virtualHosted("s3.us-east-1.localhost")) {
            pathStyle.createBucket(b -> b.bucket("dotted.vhost.bucket"));
            s3Host.putObject(o -> o.bucket("dotted.vhost.bucket").key("k"), RequestBody.fromString("via s3.localhost"));
            assertThat(regional.getObjectAsBytes(o -> o.bucket("dotted.vhost.bucket").key("k")).asUtf8String())
                    .isEqualTo("via s3.localhost");
            assertThat(pathStyle.getObjectAsBytes(o -> o.bucket("dotted.vhost.bucket").key("k")).asUtf8String())
                    .isEqualTo("via s3.localhost");
        }
    }

    @Test
    void presignedUrlsWorkInBothStyles() throws Exception {
        try (S3Client pathStyle = Clients.s3(emulator)) {
            pathStyle.createBucket(b -> b.bucket("presigned-vhost"));
            pathStyle.putObject(o -> o.bucket("presigned-vhost").key("file.txt"), RequestBody.fromString("signed"));
        }
        for (boolean virtual : List.of(true, false)) {
            try (S3Presigner presigner = S3Presigner.builder().endpointOverride(endpoint("localhost"))
                    .region(Region.US_EAST_1).credentialsProvider(Clients.credentials(emulator))
                    .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                            .pathStyleAccessEnabled(!virtual).build()).build()) {
                URI get = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                        .getObjectRequest(o -> o.bucket("presigned-vhost").key("file.txt"))).url().toURI();
                URI put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                        .putObjectRequest(o -> o.bucket("presigned-vhost").key("up-" + virtual + ".txt"))).url().toURI();
                assertThat(get.getHost()).isEqualTo(virtual ? "presigned-vhost.localhost" : "localhost");
                assertThat(fetch("PUT", put, "uploaded").statusCode()).as("PUT %s", put).isEqualTo(200);
                Fetched read = fetch("GET", get, null);
                assertThat(read.statusCode()).as("GET %s", get).isEqualTo(200);
                assertThat(read.body()).isEqualTo("signed");
                URI tampered = URI.create(get.toString().replace("file.txt", "other.txt"));
                assertThat(fetch("GET", tampered, null).body()).contains("SignatureDoesNotMatch");
            }
        }
        try (S3Client pathStyle = Clients.s3(emulator)) {
            assertThat(pathStyle.getObjectAsBytes(o -> o.bucket("presigned-vhost").key("up-true.txt")).asUtf8String())
                    .isEqualTo("uploaded");
        }
    }

    @Test
    void aHostOutsideLoopbackIsStillRefused() throws Exception {
        String raw = RawHttp.exchange(emulator.getEndpoint().getPort(), "GET / HTTP/1.1\r\nHost: bucket.localhost.evil"
                + ".example\r\nConnection: close\r\n\r\n", 5000);
        assertThat(raw).startsWith("HTTP/1.1 403").contains("only answers requests addressed to this machine");
    }

    /** Sends to 127.0.0.1 with the URL's own Host header, as a resolver that knows *.localhost would. */
    private static Fetched fetch(String method, URI url, String body) throws Exception {
        String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        String host = url.getHost() + ":" + url.getPort();
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String raw = RawHttp.exchange(url.getPort(), method + " " + path + " HTTP/1.1\r\nHost: " + host
                + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n" + (body == null ? "" : body),
                10000);
        int status = Integer.parseInt(raw.substring(9, 12));
        String responseBody = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        return new Fetched(status, responseBody);
    }

    private record Fetched(int statusCode, String body) {
    }
}
