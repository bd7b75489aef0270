package io.labrunner.labs.s3glueathena;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A trust policy read as IAM reads it: statements, effects, wildcards; never a search of its text. */
class ServiceTrustTest {
    private static final String GLUE = "glue.amazonaws.com";

    @Test
    void theGuidesTrustPolicyLetsGlueAssumeTheRole() {
        assertThat(ServiceTrust.judge(CrawlerRole.TRUST_POLICY, GLUE).trusted()).isTrue();
    }

    @Test
    void glueAmongSeveralServicesAndAnActionWildcardCount() {
        String trust = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"Service": ["sagemaker.amazonaws.com", "glue.amazonaws.com"]},
                  "Action": ["sts:Assume*", "sts:TagSession"]}]}""";

        assertThat(ServiceTrust.judge(trust, GLUE).trusted()).isTrue();
    }

    @Test
    void aDenyForGlueWinsOverTheAllowThatNamesItAndSaysSo() {
        String trust = """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"Service": "glue.amazonaws.com"}, "Action": "sts:AssumeRole"},
                  {"Sid": "NoCrawlers", "Effect": "Deny", "Principal": {"Service": "glue.amazonaws.com"},
                   "Action": "sts:AssumeRole"}]}""";

        ServiceTrust.Verdict verdict = ServiceTrust.judge(trust, GLUE);

        assertThat(verdict.trusted()).isFalse();
        assertThat(verdict.why()).contains("Deny statement (NoCrawlers)").contains("Deny wins");
    }

    @Test
    void glueNamedOnlyOutsideThePrincipalDoesNotCount() {
        String trust = """
                {"Version": "2012-10-17", "Statement": [{"Sid": "ForGlueLater", "Effect": "Allow",
                  "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole",
                  "Condition": {"StringEquals": {"aws:SourceArn": "glue.amazonaws.com"}}}]}""";

        ServiceTrust.Verdict verdict = ServiceTrust.judge(trust, GLUE);

        assertThat(verdict.trusted()).isFalse();
        assertThat(verdict.why()).isEqualTo("it allows sts:AssumeRole only to [sagemaker.amazonaws.com]");
    }

    @Test
    void anAllowOfAnotherActionForGlueIsNotTrust() {
        String trust = """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"Service": "glue.amazonaws.com"}, "Action": "sts:TagSession"}]}""";

        assertThat(ServiceTrust.judge(trust, GLUE).why()).isEqualTo("no statement allows sts:AssumeRole to anyone");
    }
}
