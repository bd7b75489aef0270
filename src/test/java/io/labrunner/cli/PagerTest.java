package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class PagerTest {
    @TempDir
    Path dir;

    @Test
    void lessWithColoursAndQuitIfOneScreenUnlessPagerIsSet() {
        assertThat(new Pager(Map.of()).command()).containsExactly("less", "-R", "-F", "-X");
        assertThat(new Pager(Map.of("PAGER", "more -s")).command()).containsExactly("more", "-s");
        assertThat(new Pager(Map.of("PAGER", "cat")).command()).isEmpty();
        assertThat(new Pager(Map.of("PAGER", " ")).command()).isEmpty();
    }

    @Test
    void aPagerThatIsNotThereLeavesThePrintingToTheCaller() {
        Pager missing = new Pager(Map.of("PAGER", "no-such-pager-anywhere", "PATH", dir.toString()));

        assertThat(missing.program()).isEmpty();
        assertThat(missing.show("text")).isFalse();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theTextGoesThroughThePager() throws IOException {
        Path seen = dir.resolve("seen.txt");
        Path pager = dir.resolve("fake-pager");
        Files.writeString(pager, "#!/bin/sh\ncat > '" + seen + "'\n");
        Files.setPosixFilePermissions(pager, PosixFilePermissions.fromString("rwx------"));

        boolean shown = new Pager(Map.of("PAGER", "fake-pager", "PATH", dir.toString())).show("a guide\n═══\n");

        assertThat(shown).isTrue();
        assertThat(seen).hasContent("a guide\n═══");
    }
}
