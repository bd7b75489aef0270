package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GuidesTest {
    private static final String GUIDE = """
            # A lab
            intro
            ## Your task
            Do this:
            ```bash
            ## not a heading inside code
            aws s3 ls
            ```
            ## Why
            because
            """;

    @Test
    void theTaskSectionEndsAtTheNextHeadingButNotAtAHashInsideCode() {
        String task = Guides.section(GUIDE, "your task");

        assertThat(task).startsWith("## Your task").contains("aws s3 ls").doesNotContain("because");
    }

    @Test
    void aMissingSectionGivesTheWholeGuide() {
        assertThat(Guides.section(GUIDE, "Nope")).isEqualTo(GUIDE);
    }

    @Test
    void markdownIsRenderedWithoutItsMarkup() {
        String text = new MarkdownRenderer(new Style(false)).render("""
                ## Heading
                - a **bold** [link](https://aws.amazon.com/s3/) with `code`
                ```
                aws s3 ls
                ```
                """);

        assertThat(text).contains("Heading\n───────")
                .contains("  • a bold link (https://aws.amazon.com/s3/) with code")
                .contains("    aws s3 ls")
                .doesNotContain("```").doesNotContain("**");
    }

    @Test
    void tablesArePaddedToTheirWidestCellWithoutMarkup() {
        String text = new MarkdownRenderer(new Style(false)).render("""
                | key | format |
                |-----|--------|
                | `formats/sales.csv` | CSV |
                | a | JSON Lines |
                """);

        assertThat(text).startsWith("""
                  key                format
                  formats/sales.csv  CSV
                  a                  JSON Lines
                """);
    }
}
