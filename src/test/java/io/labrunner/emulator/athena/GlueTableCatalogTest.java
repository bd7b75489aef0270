package io.labrunner.emulator.athena;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.glue.GlueCatalog;
import io.labrunner.emulator.glue.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The engine's catalog seam over Glue's catalog: what one side writes, the other reads. */
class GlueTableCatalogTest {
    final GlueCatalog glue = new GlueCatalog();
    final GlueTableCatalog catalog = new GlueTableCatalog(glue);

    static TableDef sales() {
        return new TableDef("lab", "sales", List.of(new Column("id", "bigint"), new Column("amount", "double", "in EUR")),
                List.of(new Column("year", "string")), "s3://lake/sales/", HiveFormats.TEXT_INPUT, HiveFormats.TEXT_OUTPUT,
                HiveFormats.LAZY_SIMPLE_SERDE, Map.of("field.delim", ","), Map.of("skip.header.line.count", "1"));
    }

    @Test
    @DisplayName("a table the engine creates is a Glue table with its columns, SerDe and parameters, and reads back equal")
    void tableRoundTrip() {
        catalog.createTable(sales());
        Table table = glue.requireTable("lab", "sales");
        assertThat(table.storageDescriptor().columns()).extracting(c -> c.name() + ":" + c.type() + ":" + c.comment())
                .containsExactly("id:bigint:null", "amount:double:in EUR");
        assertThat(table.storageDescriptor().serdeInfo().serializationLibrary()).isEqualTo(HiveFormats.LAZY_SIMPLE_SERDE);
        assertThat(table.storageDescriptor().serdeInfo().parameters()).containsEntry("field.delim", ",");
        assertThat(table.parameters()).containsEntry("skip.header.line.count", "1");
        assertThat(table.tableType()).isEqualTo("EXTERNAL_TABLE");
        assertThat(catalog.table("LAB", "Sales")).contains(sales());
    }

    @Test
    @DisplayName("creating a table again replaces it and keeps its partitions; dropping it is quiet when it is gone")
    void replaceAndDrop() {
        catalog.createTable(sales());
        catalog.addPartition("lab", "sales", new PartitionDef(List.of("2025"), "s3://lake/sales/year=2025/"));
        catalog.createTable(sales());
        assertThat(catalog.partitions("lab", "sales")).containsExactly(
                new PartitionDef(List.of("2025"), "s3://lake/sales/year=2025/"));
        catalog.dropTable("lab", "sales");
        catalog.dropTable("lab", "sales");
        assertThat(catalog.tables("lab")).isEmpty();
        assertThat(catalog.partitions("lab", "sales")).isEmpty();
    }

    @Test
    @DisplayName("a partition added twice is replaced, and takes its table's format with its own location")
    void partitions() {
        catalog.createTable(sales());
        catalog.addPartition("lab", "sales", new PartitionDef(List.of("2025"), "s3://lake/old/"));
        catalog.addPartition("lab", "sales", new PartitionDef(List.of("2025"), "s3://lake/sales/year=2025/"));
        assertThat(glue.partitions("lab", "sales")).singleElement().satisfies(p -> {
            assertThat(p.storageDescriptor().location()).isEqualTo("s3://lake/sales/year=2025/");
            assertThat(p.storageDescriptor().serdeInfo().serializationLibrary()).isEqualTo(HiveFormats.LAZY_SIMPLE_SERDE);
        });
        catalog.dropPartition("lab", "sales", List.of("2025"));
        catalog.dropPartition("lab", "sales", List.of("2025"));
        assertThat(catalog.partitions("lab", "sales")).isEmpty();
    }

    @Test
    @DisplayName("a view keeps its SQL in ViewOriginalText and reads back as a view")
    void views() {
        catalog.createTable(TableDef.view("lab", "big", List.of(new Column("id", "bigint")), "SELECT id FROM sales"));
        Table view = glue.requireTable("lab", "big");
        assertThat(view.tableType()).isEqualTo("VIRTUAL_VIEW");
        assertThat(view.viewOriginalText()).isEqualTo("SELECT id FROM sales");
        assertThat(catalog.table("lab", "big")).hasValueSatisfying(t -> {
            assertThat(t.isView()).isTrue();
            assertThat(t.viewText()).isEqualTo("SELECT id FROM sales");
        });
    }

    @Test
    @DisplayName("databases: created once, listed, and dropped with their tables")
    void databases() {
        catalog.createDatabase("lab");
        catalog.createDatabase("lab");
        catalog.createTable(sales());
        assertThat(catalog.databases()).containsExactly("lab");
        assertThat(catalog.databaseExists("LAB")).isTrue();
        catalog.dropDatabase("lab");
        catalog.dropDatabase("lab");
        assertThat(catalog.databaseExists("lab")).isFalse();
        assertThat(catalog.tables("lab")).isEmpty();
    }
}
