package io.labrunner.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfinedDuckDbTest {

    @TempDir
    Path inside;

    @TempDir
    Path outside;

    @Test
    void readsFilesInsideItsFolder() throws Exception {
        Files.writeString(inside.resolve("a.csv"), "x\n1\n2\n");
        try (Connection duck = ConfinedDuckDb.open(List.of(inside));
             Statement st = duck.createStatement();
             ResultSet rs = st.executeQuery("SELECT sum(x) FROM read_csv('" + inside.resolve("a.csv") + "')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(3);
        }
    }

    @Test
    void refusesToReadOrWriteOutsideItsFolder() throws Exception {
        Files.writeString(outside.resolve("secret.txt"), "host file");
        Path written = outside.resolve("pwned.csv");
        try (Connection duck = ConfinedDuckDb.open(List.of(inside));
             Statement st = duck.createStatement()) {
            assertThatThrownBy(() -> st.executeQuery("SELECT content FROM read_text('" + outside.resolve("secret.txt") + "')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("Permission");
            assertThatThrownBy(() -> st.execute("COPY (SELECT 1) TO '" + written + "'"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> st.executeQuery("SELECT * FROM read_text('" + inside.resolve("../" + outside.getFileName()
                    + "/secret.txt") + "')")).isInstanceOf(SQLException.class);
        }
        assertThat(written).doesNotExist();
    }

    @Test
    void cannotBeUnlockedBySql() throws Exception {
        try (Connection duck = ConfinedDuckDb.open(List.of(inside));
             Statement st = duck.createStatement()) {
            assertThatThrownBy(() -> st.execute("SET enable_external_access=true")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> st.execute("RESET allowed_directories")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> st.execute("SET lock_configuration=false")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> st.execute("INSTALL httpfs")).isInstanceOf(SQLException.class);
        }
    }
}
