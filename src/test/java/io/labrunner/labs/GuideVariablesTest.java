package io.labrunner.labs;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.Lab;
import io.labrunner.core.RunNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shell variable a guide's commands use is one the lab names (exported by {@code lab env}),
 * {@code ENDPOINT}, or one the guide itself sets before using it: no command meets an empty name.
 */
class GuideVariablesTest {
    private static final Pattern USE = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)");
    private static final Pattern SET = Pattern.compile("(?m)(?:^|\\s|;)(?:for\\s+)?([A-Z][A-Z0-9_]*)(?:=|\\s+in\\s)");

    @ParameterizedTest
    @ValueSource(strings = {"messy-data", "sagemaker-xgboost", "sagemaker-tuning"})
    void everyVariableOfTheTaskIsNamedByTheLabOrSetByTheGuide(String labId) throws Exception {
        Lab lab = LabCatalog.builtIn().get(labId);
        String guide = Files.readString(Path.of("labs", labId, "README.md"));
        String task = guide.substring(guide.indexOf("## Your task"), guide.indexOf("## What it costs"));
        StringBuilder code = new StringBuilder();
        task.lines().filter(l -> l.startsWith("    ")).forEach(l -> code.append(l.substring(4)).append('\n'));

        Set<String> known = new TreeSet<>(lab.names(RunNames.of("abc123")).keySet());
        known.add("ENDPOINT");
        Matcher set = SET.matcher(code);
        while (set.find()) {
            known.add(set.group(1));
        }
        Set<String> used = new TreeSet<>();
        Matcher use = USE.matcher(code);
        while (use.find()) {
            used.add(use.group(1));
        }

        assertThat(known).as("variables the guide's commands can rely on").containsAll(used);
        assertThat(used).as("every name the lab declares is used by its guide")
                .containsAll(lab.names(RunNames.of("abc123")).keySet());
    }
}
