package io.labrunner.labs;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.Lab;
import io.labrunner.core.RunNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The data lake guides use exactly the names their lab declares: step 1 exports them with
 * {@code lab env}, and every {@code $VAR} in "Your task" is one of them, {@code ENDPOINT}, or a
 * variable the guide sets itself. Nothing points at a fixed port or a hand-made run id.
 */
class LakeGuidesTest {
    private static final Pattern USED = Pattern.compile("\\$\\{?([A-Z][A-Z_]*)");
    private static final Pattern SET = Pattern.compile("(?:^|\\s|for )([A-Z][A-Z_]*)(?:=| in )");

    @ParameterizedTest
    @ValueSource(strings = {"s3-data-formats", "s3-glue-athena", "athena-ctas-parquet"})
    void everyVariableInTheTaskIsDeclaredOrSetByTheGuide(String labId) throws Exception {
        Lab lab = LabCatalog.builtIn().get(labId);
        String guide = Files.readString(Path.of("labs", labId, "README.md"));
        String task = guide.substring(guide.indexOf("## Your task"));
        task = task.substring(0, task.indexOf("\n## ", 1) < 0 ? task.length() : task.indexOf("\n## ", 1));

        assertThat(task).contains("./lab start " + labId).contains("eval \"$(./lab env " + labId + ")\"");
        assertThat(task).doesNotContain("4566").doesNotContain("RUN=").doesNotContain("export AWS_ACCESS_KEY_ID");

        Set<String> known = new HashSet<>(lab.names(RunNames.of("k3f9x2")).keySet());
        known.add("ENDPOINT");
        Matcher set = SET.matcher(task);
        while (set.find()) {
            known.add(set.group(1));
        }
        Set<String> used = new HashSet<>();
        Matcher m = USED.matcher(task);
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(known).as("variables of " + labId + "'s task").containsAll(used);
        assertThat(used).as("the guide uses every name its lab declares")
                .containsAll(lab.names(RunNames.of("k3f9x2")).keySet());
    }
}
