package io.labrunner.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.FormCodec;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** How S3 requests read as IAM actions, resources and condition keys (Service Authorization Reference for S3). */
class S3AccessMappingTest {

    /** A request with a method, a path-style URI with query, and headers; nothing else. */
    private static HttpServletRequest request(String method, String uri, String... headers) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        Map<String, String[]> params = new LinkedHashMap<>();
        if (q >= 0) {
            FormCodec.parse(uri.substring(q + 1)).forEach((k, v) -> params.put(k, v.toArray(new String[0])));
        }
        Map<String, String> headerMap = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < headers.length; i += 2) {
            headerMap.put(headers[i], headers[i + 1]);
        }
        return (HttpServletRequest) Proxy.newProxyInstance(S3AccessMappingTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> path;
                    case "getParameter" -> params.containsKey((String) args[0]) ? params.get((String) args[0])[0] : null;
                    case "getParameterMap" -> params;
                    case "getHeader" -> headerMap.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static S3Access only(HttpServletRequest request) {
        List<S3Access> accesses = S3AccessMapping.of(request);
        assertThat(accesses).hasSize(1);
        return accesses.get(0);
    }

    @Test
    void objectReadsAndVersionedReadsNameTheObjectsArn() {
        S3Access get = only(request("GET", "/lake/raw/a%20b.csv"));
        assertThat(get.action()).isEqualTo("s3:GetObject");
        assertThat(get.resource()).isEqualTo("arn:aws:s3:::lake/raw/a b.csv");
        assertThat(only(request("HEAD", "/lake/k")).action()).isEqualTo("s3:GetObject");
        S3Access version = only(request("GET", "/lake/k?versionId=v1"));
        assertThat(version.action()).isEqualTo("s3:GetObjectVersion");
        assertThat(version.keys()).containsEntry("s3:versionid", List.of("v1"));
        assertThat(only(request("GET", "/lake/k?tagging")).action()).isEqualTo("s3:GetObjectTagging");
        assertThat(only(request("PUT", "/lake/k?acl")).action()).isEqualTo("s3:PutObjectAcl");
    }

    @Test
    void writesCarryTheirEncryptionHeadersAsS3ConditionKeys() {
        S3Access put = only(request("PUT", "/lake/k", "x-amz-server-side-encryption", "aws:kms",
                "x-amz-server-side-encryption-aws-kms-key-id", "alias/data", "x-amz-acl", "private"));
        assertThat(put.action()).isEqualTo("s3:PutObject");
        assertThat(put.keys()).containsEntry("s3:x-amz-server-side-encryption", List.of("aws:kms"))
                .containsEntry("s3:x-amz-server-side-encryption-aws-kms-key-id", List.of("alias/data"))
                .containsEntry("s3:x-amz-acl", List.of("private"));
        assertThat(only(request("PUT", "/lake/k")).keys()).doesNotContainKey("s3:x-amz-server-side-encryption");
    }

    @Test
    void aCopyWritesTheTargetAndReadsTheSource() {
        List<S3Access> copy = S3AccessMapping.of(request("PUT", "/dst/out.csv", "x-amz-copy-source",
                "/src/dir/in%2B1.csv"));
        assertThat(copy).extracting(S3Access::action).containsExactly("s3:PutObject", "s3:GetObject");
        assertThat(copy).extracting(S3Access::resource)
                .containsExactly("arn:aws:s3:::dst/out.csv", "arn:aws:s3:::src/dir/in+1.csv");
    }

    @Test
    void multipartStepsMapToTheirActions() {
        assertThat(only(request("POST", "/b/k?uploads")).action()).isEqualTo("s3:PutObject");
        assertThat(only(request("PUT", "/b/k?partNumber=1&uploadId=u")).action()).isEqualTo("s3:PutObject");
        assertThat(only(request("POST", "/b/k?uploadId=u")).action()).isEqualTo("s3:PutObject");
        assertThat(only(request("GET", "/b/k?uploadId=u")).action()).isEqualTo("s3:ListMultipartUploadParts");
        assertThat(only(request("DELETE", "/b/k?uploadId=u")).action()).isEqualTo("s3:AbortMultipartUpload");
        assertThat(only(request("DELETE", "/b/k")).action()).isEqualTo("s3:DeleteObject");
    }

    @Test
    void listingsCarryPrefixDelimiterAndMaxKeysOnlyWhenSent() {
        S3Access list = only(request("GET", "/lake?list-type=2&prefix=raw%2F&delimiter=%2F&max-keys=5"));
        assertThat(list.action()).isEqualTo("s3:ListBucket");
        assertThat(list.resource()).isEqualTo("arn:aws:s3:::lake");
        assertThat(list.keys()).containsEntry("s3:prefix", List.of("raw/")).containsEntry("s3:delimiter",
                List.of("/")).containsEntry("s3:max-keys", List.of("5"));
        assertThat(only(request("GET", "/lake")).keys()).isEmpty();
        assertThat(only(request("HEAD", "/lake")).action()).isEqualTo("s3:ListBucket");
        assertThat(only(request("GET", "/lake?versions")).action()).isEqualTo("s3:ListBucketVersions");
        assertThat(only(request("GET", "/")).resource()).isEqualTo("*");
        assertThat(only(request("GET", "/")).action()).isEqualTo("s3:ListAllMyBuckets");
    }

    @Test
    void bucketSubresourcesMapToTheActionsTheApiReferenceNames() {
        assertThat(only(request("PUT", "/b")).action()).isEqualTo("s3:CreateBucket");
        assertThat(only(request("DELETE", "/b")).action()).isEqualTo("s3:DeleteBucket");
        assertThat(only(request("PUT", "/b?policy")).action()).isEqualTo("s3:PutBucketPolicy");
        assertThat(only(request("GET", "/b?policyStatus")).action()).isEqualTo("s3:GetBucketPolicyStatus");
        assertThat(only(request("DELETE", "/b?publicAccessBlock")).action())
                .isEqualTo("s3:PutBucketPublicAccessBlock");
        assertThat(only(request("GET", "/b?encryption")).action()).isEqualTo("s3:GetEncryptionConfiguration");
        assertThat(only(request("DELETE", "/b?encryption")).action()).isEqualTo("s3:PutEncryptionConfiguration");
        assertThat(only(request("GET", "/b?location")).action()).isEqualTo("s3:GetBucketLocation");
    }
}
