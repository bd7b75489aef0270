package io.labrunner.emulator.kms;

import io.labrunner.emulator.iam.policy.MalformedPolicyException;
import io.labrunner.emulator.iam.policy.PolicyDocument;
import io.labrunner.emulator.iam.policy.PolicyKind;
import java.util.Locale;

/**
 * Key policies: the default one KMS gives a key created without a policy, the one it gives AWS managed keys, and the
 * check every policy passes before a key takes it.
 */
final class KeyPolicies {
    private KeyPolicies() {
    }

    /**
     * The default key policy (KMS Developer Guide, "Default key policy"): the account's root may do everything, which
     * hands the key's access over to IAM policies. Written as KMS writes it, so GetKeyPolicy answers the same text.
     */
    static String defaultPolicy(String account) {
        return "{\n"
                + "  \"Version\" : \"2012-10-17\",\n"
                + "  \"Id\" : \"key-default-1\",\n"
                + "  \"Statement\" : [ {\n"
                + "    \"Sid\" : \"Enable IAM User Permissions\",\n"
                + "    \"Effect\" : \"Allow\",\n"
                + "    \"Principal\" : {\n"
                + "      \"AWS\" : \"arn:aws:iam::" + account + ":root\"\n"
                + "    },\n"
                + "    \"Action\" : \"kms:*\",\n"
                + "    \"Resource\" : \"*\"\n"
                + "  } ]\n"
                + "}";
    }

    /**
     * The policy of the AWS managed key {@code aws/<service>} (KMS Developer Guide, "AWS managed keys"): principals of
     * the account may use it through that service only, and read its metadata directly.
     */
    static String awsManagedPolicy(String service, String region, String account) {
        String name = service.toUpperCase(Locale.ROOT).equals("S3") ? "S3" : service;
        return "{\n"
                + "  \"Version\" : \"2012-10-17\",\n"
                + "  \"Id\" : \"auto-" + service + "-2\",\n"
                + "  \"Statement\" : [ {\n"
                + "    \"Sid\" : \"Allow access through " + name + " for all principals in the account that are "
                + "authorized to use " + name + "\",\n"
                + "    \"Effect\" : \"Allow\",\n"
                + "    \"Principal\" : {\n"
                + "      \"AWS\" : \"*\"\n"
                + "    },\n"
                + "    \"Action\" : [ \"kms:Encrypt\", \"kms:Decrypt\", \"kms:ReEncrypt*\", \"kms:GenerateDataKey*\", "
                + "\"kms:DescribeKey\" ],\n"
                + "    \"Resource\" : \"*\",\n"
                + "    \"Condition\" : {\n"
                + "      \"StringEquals\" : {\n"
                + "        \"kms:CallerAccount\" : \"" + account + "\",\n"
                + "        \"kms:ViaService\" : \"" + service + "." + region + ".amazonaws.com\"\n"
                + "      }\n"
                + "    }\n"
                + "  }, {\n"
                + "    \"Sid\" : \"Allow direct access to key metadata to the account\",\n"
                + "    \"Effect\" : \"Allow\",\n"
                + "    \"Principal\" : {\n"
                + "      \"AWS\" : \"arn:aws:iam::" + account + ":root\"\n"
                + "    },\n"
                + "    \"Action\" : [ \"kms:Describe*\", \"kms:Get*\", \"kms:List*\" ],\n"
                + "    \"Resource\" : \"*\"\n"
                + "  } ]\n"
                + "}";
    }

    /**
     * The document parsed as a resource policy; refused with MalformedPolicyDocumentException, naming the problem,
     * when IAM's grammar refuses it (no Principal, no Resource, not JSON...).
     */
    static PolicyDocument check(String text) {
        try {
            return PolicyDocument.parse(text, PolicyKind.RESOURCE);
        } catch (MalformedPolicyException e) {
            throw KmsErrors.malformedPolicy(e.getMessage());
        }
    }
}
