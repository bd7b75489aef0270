package io.labrunner.emulator.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Condition operators, one documented behaviour per test (IAM User Guide, "IAM JSON policy elements:
 * Condition operators", "Conditions with multiple context keys or values", "Set operators for multivalued
 * context keys").
 */
class ConditionOperatorsTest {
    private static final String OBJECT = "arn:aws:s3:::lake/raw/sales.csv";

    /** True when an Allow of s3:GetObject with this Condition element allows a request with these keys. */
    private static boolean allows(String condition, String... keysAndValues) {
        return decision(condition, keysAndValues).decision() == EvalDecision.ALLOWED;
    }

    private static Decision decision(String condition, String... keysAndValues) {
        SourcedPolicy policy = PolicyEvaluatorTest.identity("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"*\",\"Condition\":" + condition + "}");
        RequestContext.Builder request = RequestContext.builder("s3:GetObject", OBJECT);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            request.key(keysAndValues[i], List.of(keysAndValues[i + 1].split(",", -1)));
        }
        return PolicyEvaluator.evaluate(PolicySet.identityOnly(List.of(policy)), request.build());
    }

    @Test
    void severalValuesForOneKeyAreOrAndSeveralKeysAreAnd() {
        String c = "{\"StringEquals\":{\"aws:PrincipalTag/team\":[\"ml\",\"data\"],\"aws:RequestedRegion\":\"eu-west-1\"}}";
        assertThat(allows(c, "aws:PrincipalTag/team", "data", "aws:RequestedRegion", "eu-west-1")).isTrue();
        assertThat(allows(c, "aws:PrincipalTag/team", "web", "aws:RequestedRegion", "eu-west-1")).isFalse();
        assertThat(allows(c, "aws:PrincipalTag/team", "ml", "aws:RequestedRegion", "us-east-1")).isFalse();
    }

    @Test
    void severalOperatorsAreAnd() {
        String c = "{\"StringEquals\":{\"s3:prefix\":\"raw/\"},\"NumericLessThanEquals\":{\"s3:max-keys\":\"10\"}}";
        assertThat(allows(c, "s3:prefix", "raw/", "s3:max-keys", "10")).isTrue();
        assertThat(allows(c, "s3:prefix", "raw/", "s3:max-keys", "11")).isFalse();
    }

    @Test
    void keyNamesIgnoreCaseButStringEqualsValuesDoNot() {
        String c = "{\"StringEquals\":{\"aws:PrincipalTag/Team\":\"ml\"}}";
        assertThat(allows(c, "AWS:principaltag/team", "ml")).isTrue();
        assertThat(allows(c, "aws:PrincipalTag/Team", "ML")).isFalse();
        assertThat(allows("{\"StringEqualsIgnoreCase\":{\"aws:PrincipalTag/Team\":\"ml\"}}", "aws:PrincipalTag/Team", "ML"))
                .isTrue();
    }

    @Test
    void aNegatedOperatorIsNorOverItsValues() {
        String c = "{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"eu-west-1\",\"eu-central-1\"]}}";
        assertThat(allows(c, "aws:RequestedRegion", "us-east-1")).isTrue();
        assertThat(allows(c, "aws:RequestedRegion", "eu-central-1")).isFalse();
    }

    @Test
    void aMissingKeyFailsAPositiveOperatorAndPassesANegatedOneAndIsReportedMissing() {
        Decision positive = decision("{\"StringEquals\":{\"aws:SourceVpc\":\"vpc-1\"}}");
        assertThat(positive.decision()).isEqualTo(EvalDecision.IMPLICIT_DENY);
        assertThat(positive.missingContextValues()).containsExactly("aws:SourceVpc");
        assertThat(allows("{\"StringNotLike\":{\"aws:SourceVpc\":\"vpc-*\"}}")).isTrue();
        assertThat(allows("{\"ArnNotLike\":{\"aws:SourceArn\":\"arn:aws:glue:*\"}}")).isTrue();
    }

    @Test
    void ifExistsPassesWhenTheKeyIsMissingAndTestsItWhenPresent() {
        String c = "{\"StringEqualsIfExists\":{\"s3:x-amz-server-side-encryption\":\"aws:kms\"}}";
        assertThat(allows(c)).isTrue();
        assertThat(allows(c, "s3:x-amz-server-side-encryption", "AES256")).isFalse();
        assertThat(allows(c, "s3:x-amz-server-side-encryption", "aws:kms")).isTrue();
    }

    @Test
    void nullTestsWhetherTheKeyIsAbsent() {
        assertThat(allows("{\"Null\":{\"s3:x-amz-server-side-encryption\":\"true\"}}")).isTrue();
        assertThat(allows("{\"Null\":{\"s3:x-amz-server-side-encryption\":\"true\"}}", "s3:x-amz-server-side-encryption", "aws:kms"))
                .isFalse();
        assertThat(allows("{\"Null\":{\"s3:x-amz-server-side-encryption\":\"false\"}}", "s3:x-amz-server-side-encryption", "aws:kms"))
                .isTrue();
    }

    @Test
    void stringLikeTakesWildcardsAndPolicyVariables() {
        assertThat(allows("{\"StringLike\":{\"s3:prefix\":\"home/*\"}}", "s3:prefix", "home/ana/")).isTrue();
        assertThat(allows("{\"StringLike\":{\"s3:prefix\":\"home/${aws:username}/*\"}}", "s3:prefix", "home/ana/x",
                "aws:username", "ana")).isTrue();
        assertThat(allows("{\"StringLike\":{\"s3:prefix\":\"home/${aws:username}/*\"}}", "s3:prefix", "home/bob/x",
                "aws:username", "ana")).isFalse();
    }

    @Test
    void numericAndDateOperatorsCompareValuesNotText() {
        assertThat(allows("{\"NumericGreaterThan\":{\"s3:max-keys\":\"9\"}}", "s3:max-keys", "10")).isTrue();
        assertThat(allows("{\"NumericEquals\":{\"s3:max-keys\":\"10\"}}", "s3:max-keys", "10.0")).isTrue();
        assertThat(allows("{\"NumericLessThan\":{\"s3:max-keys\":\"10\"}}", "s3:max-keys", "ten")).isFalse();
        String after = "{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2018-08-16T12:00:00Z\"}}";
        assertThat(allows(after, "aws:CurrentTime", "2019-04-25T11:00:00Z")).isTrue();
        assertThat(allows(after, "aws:CurrentTime", "2014-04-25T11:00:00Z")).isFalse();
        assertThat(allows("{\"DateLessThan\":{\"aws:EpochTime\":\"2020-01-01\"}}", "aws:EpochTime", "1546300800")).isTrue();
    }

    @Test
    void boolReadsTheValueEvenWhenThePolicyWritesAJsonBoolean() {
        assertThat(allows("{\"Bool\":{\"aws:SecureTransport\":true}}", "aws:SecureTransport", "true")).isTrue();
        assertThat(allows("{\"Bool\":{\"aws:SecureTransport\":\"true\"}}", "aws:SecureTransport", "false")).isFalse();
    }

    @Test
    void ipAddressMatchesCidrBlocksOfBothFamiliesAndNotIpAddressTheRest() {
        String c = "{\"IpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\",\"2001:DB8:1234:5678::/64\"]}}";
        assertThat(allows(c, "aws:SourceIp", "203.0.113.77")).isTrue();
        assertThat(allows(c, "aws:SourceIp", "203.0.114.1")).isFalse();
        assertThat(allows(c, "aws:SourceIp", "2001:db8:1234:5678::9")).isTrue();
        assertThat(allows("{\"NotIpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}", "aws:SourceIp", "10.1.2.3")).isFalse();
        assertThat(allows("{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}", "aws:SourceIp", "localhost")).isFalse();
    }

    @Test
    void arnOperatorsMatchEachPartOfTheArn() {
        String c = "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:glue:*:000000000000:crawler/*\"}}";
        assertThat(allows(c, "aws:SourceArn", "arn:aws:glue:eu-west-1:000000000000:crawler/lake")).isTrue();
        assertThat(allows(c, "aws:SourceArn", "arn:aws:glue:eu-west-1:111122223333:crawler/lake")).isFalse();
        assertThat(allows("{\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:glue:eu-west-1:000000000000:crawler/lake\"}}",
                "aws:SourceArn", "arn:aws:glue:eu-west-1:000000000000:crawler/lake")).isTrue();
    }

    @Test
    void binaryEqualsComparesTheDecodedBytes() {
        assertThat(allows("{\"BinaryEquals\":{\"s3:key\":\"QmluYXJ5VmFsdWU=\"}}", "s3:key", "QmluYXJ5VmFsdWU=")).isTrue();
        assertThat(allows("{\"BinaryEquals\":{\"s3:key\":\"QmluYXJ5VmFsdWU=\"}}", "s3:key", "T3RoZXI=")).isFalse();
    }

    @Test
    void forAllValuesNeedsEveryRequestValueInTheSetAndPassesWhenTheKeyIsMissing() {
        String c = "{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\",\"cost-center\"]}}";
        assertThat(allows(c, "aws:TagKeys", "team,cost-center")).isTrue();
        assertThat(allows(c, "aws:TagKeys", "team,owner")).isFalse();
        assertThat(allows(c)).isTrue();
    }

    @Test
    void forAnyValueNeedsOneRequestValueInTheSetAndFailsWhenTheKeyIsMissing() {
        String c = "{\"ForAnyValue:StringEquals\":{\"aws:TagKeys\":[\"team\"]}}";
        assertThat(allows(c, "aws:TagKeys", "owner,team")).isTrue();
        assertThat(allows(c, "aws:TagKeys", "owner")).isFalse();
        assertThat(allows(c)).isFalse();
    }

    @Test
    void forAllValuesWithANegatedOperatorNeedsEveryValueOutsideTheSet() {
        String c = "{\"ForAllValues:StringNotEquals\":{\"aws:TagKeys\":[\"secret\"]}}";
        assertThat(allows(c, "aws:TagKeys", "team,owner")).isTrue();
        assertThat(allows(c, "aws:TagKeys", "team,secret")).isFalse();
    }
}
