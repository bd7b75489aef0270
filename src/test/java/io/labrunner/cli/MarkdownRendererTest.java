package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {
    private static final String BOLD = "\033[1m";
    private static final String RESET = "\033[0m";

    private static String plain(String markdown, int width) {
        return new MarkdownRenderer(new Style(false), width).render(markdown);
    }

    @Test
    void boldAndCodeSpansThatCrossALineBreakRender() {
        String text = new MarkdownRenderer(new Style(true), 80).render("""
                The pattern: **S3 (keep raw data) > Glue
                (extract meta data)** and `aws s3
                ls` by hand, *schema
                on read*.
                """);

        assertThat(text).contains(BOLD + "S3 (keep raw data) > Glue (extract meta data)" + RESET)
                .contains("\033[36maws s3 ls" + RESET)
                .contains("\033[3mschema on read" + RESET)
                .doesNotContain("**").doesNotContain("`");
    }

    @Test
    void noColourCodeIsCutByALineEnd() {
        String text = new MarkdownRenderer(new Style(true), 30).render("**a long bold phrase that has to wrap over several lines**\n");

        for (String line : text.split("\n")) {
            assertThat(line).startsWith(BOLD).endsWith(RESET);
        }
    }

    @Test
    void paragraphsWrapToTheWidthAndCodeBlocksStayVerbatim() {
        String text = plain("""
                one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen

                ```bash
                aws $ENDPOINT s3 cp sales.csv     s3://$BUCKET/formats/sales.csv --metadata a=1,b=2,c=3
                ```
                """, 40);

        assertThat(text).startsWith("""
                one two three four five six seven eight
                nine ten eleven twelve thirteen fourteen
                fifteen
                """);
        assertThat(text).contains("    aws $ENDPOINT s3 cp sales.csv     s3://$BUCKET/formats/sales.csv --metadata a=1,b=2,c=3\n");
    }

    @Test
    void listsNumberedNestedAndQuoted() {
        String text = plain("""
                1. first
                2. second
                   - inner

                > a quote
                """, 80);

        assertThat(text).isEqualTo("""
                  1. first
                  2. second
                     ◦ inner

                │ a quote
                """);
    }

    @Test
    void aTableInsideAListItemRenders() {
        String text = plain("""
                - **The policies**:

                  | policy | on a match |
                  |--------|------------|
                  | word filter | blocks |
                """, 80);

        assertThat(text).doesNotContain("|").contains("      policy       on a match", "      word filter  blocks");
    }

    @Test
    void aTableTooWideWrapsItsCellsWithinTheirColumns() {
        String text = plain("""
                | step | what happens |
                |------|--------------|
                | store | the raw files, in their own formats, never changed: cheap, durable, any size |
                | catalog | a crawler reads a sample of each file and writes a table |
                """, 50);

        assertThat(text).isEqualTo("""
                  step     what happens
                  ───────  ───────────────────────────────────────
                  store    the raw files, in their own formats,
                           never changed: cheap, durable, any size

                  catalog  a crawler reads a sample of each file
                           and writes a table
                """);
    }

    @Test
    void aTableThatCannotFitEvenWrappedBecomesOneBlockPerRow() {
        String text = plain("""
                | | data warehouse | data lake |
                |-|-|-|
                | holds | structured data, cleaned and integrated | raw data in native formats: semi-structured, unstructured |
                | on AWS | Amazon Redshift | S3 + Glue Data Catalog + Athena |
                """, 30);

        assertThat(text).isEqualTo("""
                  holds
                  data warehouse:
                      structured data, cleaned
                      and integrated
                  data lake:
                      raw data in native
                      formats:
                      semi-structured,
                      unstructured

                  on AWS
                  data warehouse:
                      Amazon Redshift
                  data lake:
                      S3 + Glue Data Catalog +
                      Athena
                """);
    }

    @Test
    void inOneBlockPerRowValuesStandBesideTheirHeaderWhenThereIsRoom() throws IOException {
        String text = plain(GuidesTest.realGuides().get("s3-glue-athena"), 56);

        assertThat(text).contains("""
                  holds
                  data warehouse: structured data, cleaned and
                                  integrated
                """);
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 100})
    void everyGuideFitsTheWidthWithNoMarkdownLeft(int width) throws IOException {
        for (Map.Entry<String, String> guide : GuidesTest.realGuides().entrySet()) {
            List<String> codeLines = codeLines(guide.getValue());
            String text = plain(guide.getValue(), width);
            for (String line : text.split("\n")) {
                if (codeLines.contains(line.strip()) || !line.strip().contains(" ")) {
                    continue; // code is kept as it is, however long, and a URL is not cut
                }
                assertThat(Style.width(line)).as(guide.getKey() + " at " + width + ": " + line).isLessThanOrEqualTo(width);
                assertThat(line.strip()).as(guide.getKey() + ": " + line).doesNotStartWith("|").doesNotContain("**").doesNotContain("```");
            }
        }
    }

    @Test
    void theWarehouseLakeLakehouseTableStaysATableAt80And100Columns() throws IOException {
        String guide = GuidesTest.realGuides().get("s3-glue-athena");
        for (int width : new int[] {80, 100}) {
            String text = plain(guide, width);
            String table = text.substring(text.indexOf("Data lake, data warehouse, lakehouse"), text.indexOf("Choose a warehouse"));

            assertThat(table).as("at " + width).containsPattern("data warehouse +data lake +lakehouse")
                    .contains("  holds  ", "  schema  ", "  strengths  ", "  on AWS  ", "Amazon Redshift");
        }
    }

    @Test
    void theGuardrailsPolicyTableRendersInsideItsListItem() throws IOException {
        String text = plain(GuidesTest.realGuides().get("bedrock-guardrails"), 80);

        assertThat(text).doesNotContain("| policy |").containsPattern("\n +policy +configured as +on a match\n")
                .contains("word filter");
    }

    private static List<String> codeLines(String markdown) {
        List<String> lines = new ArrayList<>();
        collect(Parser.builder().build().parse(markdown), lines);
        return lines;
    }

    private static void collect(Node node, List<String> lines) {
        String literal = node instanceof FencedCodeBlock f ? f.getLiteral() : node instanceof IndentedCodeBlock i ? i.getLiteral() : null;
        if (literal != null) {
            for (String line : literal.split("\n")) {
                lines.add(line.strip());
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            collect(child, lines);
        }
    }

    @Test
    void theWidthIsColumnsOrTheTerminalsOr80() {
        assertThat(Terminal.width(Map.of("COLUMNS", "132"), false)).isEqualTo(132);
        assertThat(Terminal.width(Map.of("COLUMNS", "junk"), false)).isEqualTo(80);
        assertThat(Terminal.width(Map.of(), false)).isEqualTo(80);
    }
}
