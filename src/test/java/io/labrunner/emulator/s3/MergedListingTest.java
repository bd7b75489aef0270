package io.labrunner.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

class MergedListingTest {
    private static final List<S3Object> OBJECTS = List.of("b/2", "\uFFFD", "a", "b/1", "\uD83D\uDE00", "c")
            .stream().map(key -> S3Object.builder().key(key).build()).toList();

    private static ListObjectsV2Response page(ListObjectsV2Request.Builder request) {
        return MergedListing.page(request.bucket("bucket").build(), OBJECTS);
    }

    @Test
    void keysAreInUtf8ByteOrderNotUtf16Order() {
        assertThat(page(ListObjectsV2Request.builder()).contents()).extracting(S3Object::key)
                .containsExactly("a", "b/1", "b/2", "c", "\uFFFD", "\uD83D\uDE00");
    }

    @Test
    void aDelimiterRollsKeysUpIntoOneCommonPrefixThatPagesOnce() {
        ListObjectsV2Response first = page(ListObjectsV2Request.builder().delimiter("/").maxKeys(2));
        ListObjectsV2Response second = page(ListObjectsV2Request.builder().delimiter("/").maxKeys(2)
                .continuationToken(first.nextContinuationToken()));

        assertThat(first.contents()).extracting(S3Object::key).containsExactly("a");
        assertThat(first.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("b/");
        assertThat(first.isTruncated()).isTrue();
        assertThat(second.contents()).extracting(S3Object::key).containsExactly("c", "\uFFFD");
        assertThat(second.commonPrefixes()).isEmpty();
    }

    @Test
    void startAfterInsideACommonPrefixStillListsThatPrefix() {
        ListObjectsV2Response listed = page(ListObjectsV2Request.builder().delimiter("/").startAfter("b/1"));

        assertThat(listed.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("b/");
        assertThat(listed.contents()).extracting(S3Object::key).containsExactly("c", "\uFFFD", "\uD83D\uDE00");
    }

    @Test
    void aPrefixAndMaxKeysLimitThePage() {
        ListObjectsV2Response listed = page(ListObjectsV2Request.builder().prefix("b/").maxKeys(1));

        assertThat(listed.contents()).extracting(S3Object::key).containsExactly("b/1");
        assertThat(listed.isTruncated()).isTrue();
        assertThat(listed.keyCount()).isEqualTo(1);
    }
}
