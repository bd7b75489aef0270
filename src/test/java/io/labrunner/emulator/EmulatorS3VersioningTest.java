package io.labrunner.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Bucket versioning through the SDK v2: version ids, reads by version, delete markers, ListObjectVersions. */
class EmulatorS3VersioningTest {

    @Test
    void aVersionedBucketKeepsEveryVersionAndADeleteLeavesAMarker(@TempDir Path data) throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).dataDir(data).build().start();
             S3Client s3 = Clients.s3(emulator)) {
            s3.createBucket(b -> b.bucket("kept-versions"));
            assertThat(s3.getBucketVersioning(b -> b.bucket("kept-versions")).status()).isNull();
            enable(s3, "kept-versions");
            assertThat(s3.getBucketVersioning(b -> b.bucket("kept-versions")).status())
                    .isEqualTo(BucketVersioningStatus.ENABLED);

            String first = put(s3, "kept-versions", "model.json", "one");
            String second = put(s3, "kept-versions", "model.json", "two");
            assertThat(first).isNotNull().isNotEqualTo(second);
            assertThat(s3.getObjectAsBytes(b -> b.bucket("kept-versions").key("model.json")).asUtf8String())
                    .isEqualTo("two");
            assertThat(s3.getObjectAsBytes(b -> b.bucket("kept-versions").key("model.json").versionId(first))
                    .asUtf8String()).isEqualTo("one");
            assertThat(s3.headObject(b -> b.bucket("kept-versions").key("model.json")).versionId()).isEqualTo(second);

            DeleteObjectResponse deleted = s3.deleteObject(b -> b.bucket("kept-versions").key("model.json"));
            assertThat(deleted.deleteMarker()).isTrue();
            assertThat(deleted.versionId()).isNotIn(first, second);
            assertThatThrownBy(() -> s3.getObject(b -> b.bucket("kept-versions").key("model.json")))
                    .isInstanceOfSatisfying(NoSuchKeyException.class, e -> assertThat(
                            e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-delete-marker"))
                            .contains("true"));
            assertThatThrownBy(() -> s3.getObject(b -> b.bucket("kept-versions").key("model.json")
                    .versionId(deleted.versionId())))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(405);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MethodNotAllowed");
                    });
            // The plain file is gone (Athena no longer reads it); the versions are not.
            assertThat(emulator.blobRoot().resolve("kept-versions/model.json")).doesNotExist();

            ListObjectVersionsResponse listed = s3.listObjectVersions(b -> b.bucket("kept-versions"));
            assertThat(listed.versions()).extracting(ObjectVersion::versionId).containsExactly(second, first);
            assertThat(listed.versions()).extracting(ObjectVersion::isLatest).containsOnly(false);
            assertThat(listed.deleteMarkers()).singleElement().satisfies(m -> {
                assertThat(m.versionId()).isEqualTo(deleted.versionId());
                assertThat(m.isLatest()).isTrue();
            });
            assertThat(s3.listObjectsV2(b -> b.bucket("kept-versions")).contents()).isEmpty();

            assertThatThrownBy(() -> s3.deleteBucket(b -> b.bucket("kept-versions")))
                    .isInstanceOfSatisfying(S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty"));

            s3.deleteObject(b -> b.bucket("kept-versions").key("model.json").versionId(deleted.versionId()));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("kept-versions").key("model.json")).asUtf8String())
                    .isEqualTo("two");
        }
    }

    @Test
    void versionsArePagedByKeyAndVersionMarkers() throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).build().start(); S3Client s3 = Clients.s3(emulator)) {
            s3.createBucket(b -> b.bucket("paged-versions"));
            enable(s3, "paged-versions");
            List<String> written = new ArrayList<>();
            for (String key : List.of("a/1", "a/2", "b")) {
                for (int i = 0; i < 3; i++) {
                    written.add(key + "@" + put(s3, "paged-versions", key, key + i));
                }
            }
            List<String> seen = new ArrayList<>();
            String keyMarker = null;
            String versionMarker = null;
            int pages = 0;
            do {
                String k = keyMarker;
                String v = versionMarker;
                ListObjectVersionsResponse page = s3.listObjectVersions(b -> b.bucket("paged-versions").maxKeys(2)
                        .keyMarker(k).versionIdMarker(v));
                page.versions().forEach(o -> seen.add(o.key() + "@" + o.versionId()));
                keyMarker = page.isTruncated() ? page.nextKeyMarker() : null;
                versionMarker = page.isTruncated() ? page.nextVersionIdMarker() : null;
                pages++;
            } while (keyMarker != null);
            assertThat(pages).isEqualTo(5);
            assertThat(seen).containsExactlyInAnyOrderElementsOf(written).doesNotHaveDuplicates();

            ListObjectVersionsResponse rolled = s3.listObjectVersions(b -> b.bucket("paged-versions").delimiter("/"));
            assertThat(rolled.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("a/");
            assertThat(rolled.versions()).extracting(ObjectVersion::key).containsOnly("b");
            assertThat(s3.listObjectVersions(b -> b.bucket("paged-versions").prefix("a/2")).versions()).hasSize(3);
        }
    }

    @Test
    void aSuspendedBucketWritesTheNullVersionOverItself() throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).build().start(); S3Client s3 = Clients.s3(emulator)) {
            s3.createBucket(b -> b.bucket("suspended-versions"));
            enable(s3, "suspended-versions");
            String kept = put(s3, "suspended-versions", "k", "versioned");
            s3.putBucketVersioning(b -> b.bucket("suspended-versions")
                    .versioningConfiguration(c -> c.status(BucketVersioningStatus.SUSPENDED)));
            put(s3, "suspended-versions", "k", "null one");
            put(s3, "suspended-versions", "k", "null two");

            List<ObjectVersion> versions = s3.listObjectVersions(b -> b.bucket("suspended-versions")).versions();
            assertThat(versions).extracting(ObjectVersion::versionId).containsExactly("null", kept);
            assertThat(s3.getObjectAsBytes(b -> b.bucket("suspended-versions").key("k").versionId("null"))
                    .asUtf8String()).isEqualTo("null two");
            assertThat(s3.getBucketVersioning(b -> b.bucket("suspended-versions")).status())
                    .isEqualTo(BucketVersioningStatus.SUSPENDED);
        }
    }

    @Test
    void aBucketNeverVersionedHasOnlyTheNullVersion() throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).build().start(); S3Client s3 = Clients.s3(emulator)) {
            s3.createBucket(b -> b.bucket("never-versioned"));
            put(s3, "never-versioned", "k", "only");
            assertThat(s3.getObjectAsBytes(b -> b.bucket("never-versioned").key("k").versionId("null"))
                    .asUtf8String()).isEqualTo("only");
            assertThatThrownBy(() -> s3.getObject(b -> b.bucket("never-versioned").key("k").versionId("v123")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid version id specified");
                    });
        }
    }

    @Test
    void versionIdsStayUniqueAfterARestartOverTheSameData(@TempDir Path data) throws Exception {
        String before;
        try (Emulator emulator = Emulator.builder().port(0).dataDir(data).build().start();
             S3Client s3 = Clients.s3(emulator)) {
            s3.createBucket(b -> b.bucket("restarted-versions"));
            enable(s3, "restarted-versions");
            before = put(s3, "restarted-versions", "k", "before");
            put(s3, "restarted-versions", "k", "current");
        }
        try (Emulator emulator = Emulator.builder().port(0).dataDir(data).build().start();
             S3Client s3 = Clients.s3(emulator)) {
            String after = put(s3, "restarted-versions", "k", "after");
            assertThat(after).isNotEqualTo(before);
            assertThat(s3.getObjectAsBytes(b -> b.bucket("restarted-versions").key("k").versionId(before))
                    .asUtf8String()).isEqualTo("before");
            assertThat(s3.listObjectVersions(b -> b.bucket("restarted-versions")).versions()).hasSize(3);
        }
    }

    @Test
    void keysTheFolderCannotHoldAreVersionedToo() throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).build().start(); S3Client s3 = Clients.s3(emulator)) {
            s3.createBucket(b -> b.bucket("escaped-versions"));
            enable(s3, "escaped-versions");
            String odd = "a/../x";
            String first = put(s3, "escaped-versions", odd, "one");
            put(s3, "escaped-versions", odd, "two");
            put(s3, "escaped-versions", "plain", "p");
            s3.deleteObject(b -> b.bucket("escaped-versions").key(odd));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("escaped-versions").key(odd).versionId(first))
                    .asUtf8String()).isEqualTo("one");
            ListObjectVersionsResponse listed = s3.listObjectVersions(b -> b.bucket("escaped-versions"));
            assertThat(listed.versions()).extracting(ObjectVersion::key).containsExactly(odd, odd, "plain");
            assertThat(listed.deleteMarkers()).singleElement().satisfies(m -> assertThat(m.key()).isEqualTo(odd));
            // A key cannot reach the folder where the store keeps earlier versions.
            put(s3, "escaped-versions", ".s3proxy-versions/x", "mine");
            assertThat(Files.exists(emulator.blobRoot().resolve("escaped-versions/.s3proxy-versions/x"))).isFalse();
            assertThat(s3.getObjectAsBytes(b -> b.bucket("escaped-versions").key(".s3proxy-versions/x"))
                    .asUtf8String()).isEqualTo("mine");
        }
    }

    private static void enable(S3Client s3, String bucket) {
        s3.putBucketVersioning(b -> b.bucket(bucket)
                .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
    }

    private static String put(S3Client s3, String bucket, String key, String body) {
        return s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body)).versionId();
    }
}
