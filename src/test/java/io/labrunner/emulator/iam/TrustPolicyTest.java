package io.labrunner.emulator.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The trust question Glue asks before crawling, decided by the evaluator with the trust policy as resource policy. */
class TrustPolicyTest {

    @Test
    void theNamedServiceMayAssumeTheRoleAndNoOtherMay() {
        assertThat(TrustPolicy.allowsService(IamServiceTest.GLUE_TRUST, "glue.amazonaws.com")).isTrue();
        assertThat(TrustPolicy.allowsService(IamServiceTest.GLUE_TRUST, "ec2.amazonaws.com")).isFalse();
    }

    @Test
    void aDenyForTheServiceWinsOverTheAllow() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "[\"glue.amazonaws.com\",\"ec2.amazonaws.com\"]},\"Action\":\"sts:AssumeRole\"},{\"Effect\":\"Deny\","
                + "\"Principal\":{\"Service\":\"glue.amazonaws.com\"},\"Action\":\"sts:*\"}]}";
        assertThat(TrustPolicy.allowsService(trust, "glue.amazonaws.com")).isFalse();
        assertThat(TrustPolicy.allowsService(trust, "ec2.amazonaws.com")).isTrue();
    }

    @Test
    void aTrustPolicyAllowingAnotherActionDoesNotLetTheServiceAssumeTheRole() {
        String trust = IamServiceTest.GLUE_TRUST.replace("sts:AssumeRole", "sts:TagSession");
        assertThat(TrustPolicy.allowsService(trust, "glue.amazonaws.com")).isFalse();
    }
}
