package io.labrunner.labs.encryptmldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The guide fits an 80-column terminal, and gives the same key policy and bucket policy the
 * reference solution applies, so that what a learner types is what the checks were tested with.
 */
class GuideTest {
    private static final Path GUIDE = Path.of("labs", "encrypt-ml-data", "README.md");

    @Test
    void everyLineFitsEightyColumns() throws Exception {
        List<String> wide = Files.readAllLines(GUIDE).stream().filter(line -> line.length() > 80).toList();

        assertThat(wide).as("lines of %s wider than 80 columns", GUIDE).isEmpty();
    }

    @Test
    void theGuidesPoliciesAreTheSolutionsPolicies() throws Exception {
        String guide = Files.readString(GUIDE);

        assertThat(statementIds(guide)).containsSubsequence(statementIds(TrainingDataKey.policy("000000000000")))
                .containsSubsequence(statementIds(TrainingBucket.policy("b")));
        for (String condition : List.of("\"Null\": {\"s3:x-amz-server-side-encryption\": \"true\"}",
                "{\"s3:x-amz-server-side-encryption\": \"aws:kms\"}", "\"Bool\": {\"aws:SecureTransport\": \"false\"}",
                "\"StringEquals\": {\"kms:CallerAccount\":", "\"s3.*.amazonaws.com\", \"secretsmanager.*.amazonaws.com\"")) {
            assertThat(guide).as("the guide's policies").contains(condition);
        }
    }

    private static List<String> statementIds(String text) {
        return java.util.regex.Pattern.compile("\"Sid\": \"(\\w+)\"").matcher(text).results().map(m -> m.group(1))
                .toList();
    }
}
