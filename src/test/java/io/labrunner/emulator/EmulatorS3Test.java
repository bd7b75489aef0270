package io.labrunner.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** S3 through the real SDK v2 client (default checksums, aws-chunked uploads), against one emulator. */
class EmulatorS3Test {
    private static Emulator emulator;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        s3 = Clients.s3(emulator);
    }

    @AfterAll
    static void stop() {
        s3.close();
        emulator.close();
    }

    @Test
    void createdBucketsAreListedAndDeletedBucketsAreNot() {
        s3.createBucket(b -> b.bucket("listed-bucket"));
        assertThat(s3.listBuckets().buckets()).extracting(bucket -> bucket.name()).contains("listed-bucket");

        s3.deleteBucket(b -> b.bucket("listed-bucket"));
        assertThat(s3.listBuckets().buckets()).extracting(bucket -> bucket.name()).doesNotContain("listed-bucket");
    }

    @Test
    void bucketsAreFoldersAndObjectsAreFilesUnderTheBlobRoot() throws Exception {
        s3.createBucket(b -> b.bucket("on-disk"));
        s3.putObject(b -> b.bucket("on-disk").key("raw/2026/data.csv"), RequestBody.fromString("a,b\n1,2\n"));

        Path file = emulator.blobRoot().resolve("on-disk/raw/2026/data.csv");
        assertThat(Files.readString(file)).isEqualTo("a,b\n1,2\n");
    }

    @Test
    void anObjectPutWithDefaultChecksumsReadsBackIdentically() {
        s3.createBucket(b -> b.bucket("round-trip"));
        byte[] content = randomBytes(300_000);
        s3.putObject(b -> b.bucket("round-trip").key("blob.bin").contentType("application/octet-stream"),
                RequestBody.fromBytes(content));

        ResponseBytes<GetObjectResponse> read = s3.getObjectAsBytes(b -> b.bucket("round-trip").key("blob.bin"));
        assertThat(read.asByteArray()).isEqualTo(content);

        HeadObjectResponse head = s3.headObject(b -> b.bucket("round-trip").key("blob.bin"));
        assertThat(head.contentLength()).isEqualTo(content.length);
        assertThat(head.contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void aDeletedObjectIsGone() {
        s3.createBucket(b -> b.bucket("deletes"));
        s3.putObject(b -> b.bucket("deletes").key("gone.txt"), RequestBody.fromString("bye"));

        s3.deleteObject(b -> b.bucket("deletes").key("gone.txt"));

        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("deletes").key("gone.txt")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void listObjectsV2FiltersByPrefixAndPagesWithContinuationTokens() {
        s3.createBucket(b -> b.bucket("listing"));
        for (int i = 0; i < 5; i++) {
            int n = i;
            s3.putObject(b -> b.bucket("listing").key("logs/part-" + n + ".txt"), RequestBody.fromString("x"));
        }
        s3.putObject(b -> b.bucket("listing").key("other/readme.txt"), RequestBody.fromString("y"));

        List<String> keys = new ArrayList<>();
        int pages = 0;
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket("listing").prefix("logs/").maxKeys(2)
                    .continuationToken(continuation));
            page.contents().stream().map(S3Object::key).forEach(keys::add);
            pages++;
            token = page.isTruncated() ? page.nextContinuationToken() : null;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(keys).containsExactly(IntStream.range(0, 5).mapToObj(i -> "logs/part-" + i + ".txt").toArray(String[]::new));
    }

    @Test
    void deleteObjectsRemovesEveryNamedKey() {
        s3.createBucket(b -> b.bucket("bulk-delete"));
        for (String key : List.of("a", "b", "c")) {
            s3.putObject(b -> b.bucket("bulk-delete").key(key), RequestBody.fromString(key));
        }

        DeleteObjectsResponse deleted = s3.deleteObjects(b -> b.bucket("bulk-delete").delete(Delete.builder()
                .objects(ObjectIdentifier.builder().key("a").build(), ObjectIdentifier.builder().key("b").build())
                .build()));

        assertThat(deleted.deleted()).hasSize(2);
        assertThat(s3.listObjectsV2(b -> b.bucket("bulk-delete")).contents()).extracting(S3Object::key)
                .containsExactly("c");
    }

    @Test
    void copyObjectDuplicatesContentAcrossBuckets() {
        s3.createBucket(b -> b.bucket("copy-source"));
        s3.createBucket(b -> b.bucket("copy-target"));
        s3.putObject(b -> b.bucket("copy-source").key("in.txt"), RequestBody.fromString("copied"));

        s3.copyObject(b -> b.sourceBucket("copy-source").sourceKey("in.txt")
                .destinationBucket("copy-target").destinationKey("out.txt"));

        assertThat(s3.getObjectAsBytes(b -> b.bucket("copy-target").key("out.txt")).asUtf8String()).isEqualTo("copied");
    }

    @Test
    void aMultipartUploadOfTwoFiveMebibytePartsAndATailAssemblesInOrder() {
        s3.createBucket(b -> b.bucket("multipart"));
        byte[][] parts = {randomBytes(5 * 1024 * 1024), randomBytes(5 * 1024 * 1024), randomBytes(1234)};
        CreateMultipartUploadResponse upload = s3.createMultipartUpload(b -> b.bucket("multipart").key("big.bin"));

        List<CompletedPart> completed = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            int partNumber = i + 1;
            String eTag = s3.uploadPart(b -> b.bucket("multipart").key("big.bin").uploadId(upload.uploadId())
                    .partNumber(partNumber), RequestBody.fromBytes(parts[partNumber - 1])).eTag();
            completed.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).build());
        }
        s3.completeMultipartUpload(b -> b.bucket("multipart").key("big.bin").uploadId(upload.uploadId())
                .multipartUpload(CompletedMultipartUpload.builder().parts(completed).build()));

        byte[] read = s3.getObjectAsBytes(b -> b.bucket("multipart").key("big.bin")).asByteArray();
        byte[] expected = new byte[parts[0].length + parts[1].length + parts[2].length];
        System.arraycopy(parts[0], 0, expected, 0, parts[0].length);
        System.arraycopy(parts[1], 0, expected, parts[0].length, parts[1].length);
        System.arraycopy(parts[2], 0, expected, parts[0].length + parts[1].length, parts[2].length);
        assertThat(read).isEqualTo(expected);
        assertThat(s3.listMultipartUploads(b -> b.bucket("multipart")).uploads()).isEmpty();
    }

    @Test
    void readingFromAMissingBucketRaisesNoSuchBucket() {
        assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket("never-created")))
                .isInstanceOf(NoSuchBucketException.class)
                .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(404));
    }

    @Test
    void readingAMissingKeyRaisesNoSuchKey() {
        s3.createBucket(b -> b.bucket("missing-key"));

        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("missing-key").key("nope.txt")))
                .isInstanceOf(NoSuchKeyException.class)
                .satisfies(e -> assertThat(((S3Exception) e).awsErrorDetails().errorCode()).isEqualTo("NoSuchKey"));
    }

    @Test
    void headingAMissingKeyRaisesNoSuchKeyThoughTheResponseHasNoBody() {
        s3.createBucket(b -> b.bucket("missing-head"));

        assertThatThrownBy(() -> s3.headObject(b -> b.bucket("missing-head").key("nope.txt")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void deletingABucketThatStillHoldsObjectsFailsWithBucketNotEmpty() {
        s3.createBucket(b -> b.bucket("not-empty"));
        s3.putObject(b -> b.bucket("not-empty").key("keep.txt"), RequestBody.fromString("x"));

        assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket("not-empty")))
                .isInstanceOf(S3Exception.class)
                .satisfies(e -> {
                    S3Exception s3e = (S3Exception) e;
                    assertThat(s3e.statusCode()).isEqualTo(409);
                    assertThat(s3e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
                });
    }

    @Test
    void creatingABucketWithAReservedNameTheSdkLetsThroughFailsWithInvalidBucketName() {
        // The SDK refuses upper case, short names and the like itself; these reach the server.
        for (String name : List.of("xn--punycode", "name-s3alias", "sthree-bucket", "amzn-s3-demo-bucket")) {
            assertThatThrownBy(() -> s3.createBucket(b -> b.bucket(name)))
                    .as(name)
                    .isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).awsErrorDetails().errorCode()).isEqualTo("InvalidBucketName"));
        }
    }

    @Test
    void responsesCarryARequestId() {
        s3.createBucket(b -> b.bucket("request-ids"));
        String text = new String("ok".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        s3.putObject(b -> b.bucket("request-ids").key("k"), RequestBody.fromString(text));

        assertThat(s3.getObjectAsBytes(b -> b.bucket("request-ids").key("k")).response().responseMetadata().requestId())
                .isNotBlank().isNotEqualTo("UNKNOWN");
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
