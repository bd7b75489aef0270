package io.labrunner.emulator.kms;

import java.util.regex.Pattern;

/** The four ways KMS names a key: key id, key ARN, alias name, alias ARN. */
final class KeyIds {
    private static final Pattern KEY_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final String ALIAS_PREFIX = "alias/";
    /** Aliases of AWS managed keys; customers may not create, change or delete them. */
    static final String AWS_ALIAS_PREFIX = "alias/aws/";

    private KeyIds() {
    }

    static boolean isKeyId(String text) {
        return KEY_ID.matcher(text).matches();
    }

    static boolean isAliasName(String text) {
        return text.startsWith(ALIAS_PREFIX);
    }

    static boolean isArn(String text) {
        return text.startsWith("arn:");
    }

    static String keyArn(String region, String account, String keyId) {
        return "arn:" + partition(region) + ":kms:" + region + ":" + account + ":key/" + keyId;
    }

    static String aliasArn(String region, String account, String aliasName) {
        return "arn:" + partition(region) + ":kms:" + region + ":" + account + ":" + aliasName;
    }

    static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
