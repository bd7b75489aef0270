package io.labrunner.labs.s3glueathena;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The IAM role a Glue crawler runs as: a trust policy that lets Glue assume it, AWS's managed
 * policy for what every crawler does (write the catalog, logs), and an inline policy for the one
 * thing only this crawler needs: reading this lab's bucket
 * (https://docs.aws.amazon.com/glue/latest/dg/create-an-iam-role.html).
 */
final class CrawlerRole {
    static final String TRUST_POLICY = """
            {"Version": "2012-10-17",
             "Statement": [{"Effect": "Allow",
                            "Principal": {"Service": "glue.amazonaws.com"},
                            "Action": "sts:AssumeRole"}]}""";

    private CrawlerRole() {
    }

    /** The inline policy: list the bucket and read its objects, nothing else. */
    static String readBucketPolicy(String bucket) {
        return """
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow",
                                "Action": ["s3:GetObject", "s3:ListBucket"],
                                "Resource": ["arn:aws:s3:::%s", "arn:aws:s3:::%s/*"]}]}""".formatted(bucket, bucket);
    }

    /** Creates the role with both policies and returns its ARN, which CreateCrawler takes. */
    static String create(IamClient iam, String role, String bucket, Map<String, String> tags) {
        List<Tag> iamTags = new ArrayList<>();
        tags.forEach((key, value) -> iamTags.add(Tag.builder().key(key).value(value).build()));
        String arn = iam.createRole(create -> create
                .roleName(role)
                .assumeRolePolicyDocument(TRUST_POLICY)
                .description("Lets a Glue crawler read the lab's raw data")
                .tags(iamTags)).role().arn();
        iam.attachRolePolicy(attach -> attach.roleName(role).policyArn(S3GlueAthenaLab.GLUE_MANAGED_POLICY));
        iam.putRolePolicy(put -> put.roleName(role).policyName("read-lab-bucket")
                .policyDocument(readBucketPolicy(bucket)));
        return arn;
    }
}
