package io.labrunner.emulator.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.iam.policy.PolicyDocument;
import io.labrunner.emulator.iam.policy.PolicyKind;
import org.junit.jupiter.api.Test;

/** Which bucket policies S3 calls public (S3 User Guide, "The meaning of public"). */
class PublicPolicyTest {

    private static boolean isPublic(String statement) {
        return PublicPolicy.isPublic(PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statement
                + "]}", PolicyKind.RESOURCE));
    }

    private static String allow(String principal, String condition) {
        return "{\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::b/*\"" + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    @Test
    void anAllowToEveryoneIsPublic() {
        assertThat(isPublic(allow("\"*\"", null))).isTrue();
        assertThat(isPublic(allow("{\"AWS\":\"*\"}", null))).isTrue();
    }

    @Test
    void anAllowToNamedPrincipalsOrADenyToEveryoneIsNot() {
        assertThat(isPublic(allow("{\"AWS\":\"arn:aws:iam::000000000000:role/r\"}", null))).isFalse();
        assertThat(isPublic(allow("{\"Service\":\"glue.amazonaws.com\"}", null))).isFalse();
        assertThat(isPublic("{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::b/*\"}")).isFalse();
    }

    @Test
    void aFixedLimitingConditionMakesAWildcardGrantNonPublicButAWildcardValueDoesNot() {
        assertThat(isPublic(allow("\"*\"", "{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}"))).isFalse();
        assertThat(isPublic(allow("\"*\"", "{\"StringEquals\":{\"aws:SourceAccount\":\"000000000000\"}}")))
                .isFalse();
        assertThat(isPublic(allow("\"*\"", "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:glue:*\"}}"))).isTrue();
        assertThat(isPublic(allow("\"*\"", "{\"StringEquals\":{\"aws:Referer\":\"example.com\"}}"))).isTrue();
        assertThat(isPublic(allow("\"*\"", "{\"StringEqualsIfExists\":{\"aws:SourceAccount\":\"000000000000\"}}")))
                .isTrue();
    }
}
