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
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every guide's task starts the lab and exports its names with {@code lab env}, and uses exactly the
 * names its lab declares: every {@code $VAR} in "Your task" is one of them, {@code ENDPOINT}, or a
 * variable the guide sets itself, so no command meets an empty name; nothing points at a fixed port
 * or a run id typed by hand.
 */
class GuideNamesTest {
    private static final Pattern USED = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)");
    private static final Pattern SET = Pattern.compile("(?m)(?:^|\\s|;|\\()(?:export\\s+|for\\s+|read\\s+(?:-r\\s+)?)?([A-Z][A-Z0-9_]*)(?:=|\\s+in\\s)");

    static Stream<String> labs() {
        return LabCatalog.builtIn().all().stream().map(lab -> lab.info().id());
    }

    @ParameterizedTest
    @MethodSource("labs")
    void theTaskUsesExactlyTheLabsNames(String labId) throws Exception {
        Lab lab = LabCatalog.builtIn().get(labId);
        String task = task(Files.readString(Path.of("labs", labId, "README.md")));
        Set<String> declared = lab.names(RunNames.of("k3f9x2")).keySet();

        assertThat(task).contains("./lab start " + labId).contains("eval \"$(./lab env " + labId + ")\"");
        assertThat(task).doesNotContain("RUN=").doesNotContain("export AWS_ACCESS_KEY_ID");
        Set<String> known = new TreeSet<>(declared);
        known.add("ENDPOINT");
        known.addAll(matches(SET, task));
        Set<String> used = matches(USED, task);
        assertThat(known).as("variables %s's task uses that neither lab env nor the guide sets", labId).containsAll(used);
        assertThat(used).as("names %s declares that its guide never uses", labId).containsAll(declared);
    }

    private static String task(String guide) {
        int start = guide.indexOf("## Your task");
        int end = guide.indexOf("\n## ", start + 1);
        return guide.substring(start, end < 0 ? guide.length() : end);
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
