package io.labrunner.labs.firehosevsstreams;

import io.labrunner.core.LabContext;
import io.labrunner.core.Resource;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * The role Firehose assumes to write into the bucket: trusted by firehose.amazonaws.com, allowed
 * to put objects into this bucket only. A target without IAM (an emulator that does not check
 * roles) gets the role's ARN without the role.
 */
final class FirehoseRole {
    private static final String TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
              "Principal":{"Service":"firehose.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private FirehoseRole() {
    }

    static String create(LabContext ctx, String bucket) throws Exception {
        String role = ctx.name("firehose");
        String arn = "arn:aws:iam::" + ctx.sts().getCallerIdentity().account() + ":role/" + role;
        if (!iamAvailable(ctx, role)) {
            ctx.note("this target has no IAM: Firehose gets the role ARN " + arn + " and does not check it");
            return arn;
        }
        String policy = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                  "Action":["s3:PutObject","s3:GetBucketLocation","s3:ListBucket","s3:AbortMultipartUpload"],
                  "Resource":["arn:aws:s3:::%1$s","arn:aws:s3:::%1$s/*"]}]}""".formatted(bucket);
        ctx.step("Create IAM role " + role + " that Firehose assumes to write to " + bucket, () ->
                ctx.create(Resource.role(role), () -> {
                    ctx.iam().createRole(r -> r.roleName(role).assumeRolePolicyDocument(TRUST));
                    ctx.iam().putRolePolicy(r -> r.roleName(role).policyName("write-to-" + bucket).policyDocument(policy));
                    return role;
                }));
        return arn;
    }

    /** True when the target answers IAM (a missing role is an answer); false when it does not serve IAM. */
    private static boolean iamAvailable(LabContext ctx, String role) {
        try {
            ctx.iam().getRole(r -> r.roleName(role));
            return true;
        } catch (NoSuchEntityException e) {
            return true;
        } catch (IamException e) {
            if (e.statusCode() == 501) {
                return false;
            }
            throw e;
        }
    }
}
