package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
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
    void aGuideIsCutIntoTitleIntroAndSections() {
        Guides.Guide guide = Guides.parts(GUIDE);

        assertThat(guide.title()).isEqualTo("A lab");
        assertThat(guide.intro()).isEqualTo("intro\n");
        assertThat(guide.sections()).extracting(Guides.Section::heading).containsExactly("Your task", "Why");
        assertThat(guide.sections().get(0).markdown()).contains("## not a heading inside code", "aws s3 ls");
    }

    @Test
    void markdownIsRenderedWithoutItsMarkup() {
        String text = new MarkdownRenderer(new Style(false), 80).render("""
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
        String text = new MarkdownRenderer(new Style(false), 80).render("""
                | key | format |
                |-----|--------|
                | `formats/sales.csv` | CSV |
                | a | JSON Lines |
                """);

        assertThat(text).isEqualTo("""
                  key                format
                  ─────────────────  ──────────
                  formats/sales.csv  CSV
                  a                  JSON Lines
                """);
    }

    @Test
    void thePythonPackagesAGuideUsesComeFromItsCode() {
        Map<String, List<String>> modules = Guides.pythonModules(Map.of("lab-a", """
                Install it: `python3 -m pip install fastavro pyarrow==15.0 -U`.

                ```python
                import json
                from pandas import DataFrame
                import boto3, botocore
                ```

                ```java
                import software.amazon.awssdk.services.s3.S3Client;
                ```

                    pip install scikit-learn
                """));

        assertThat(modules.keySet()).containsExactlyInAnyOrder("fastavro", "pyarrow", "json", "pandas", "boto3", "sklearn");
        assertThat(modules.get("fastavro")).containsExactly("lab-a");
    }

    @Test
    void theRealGuidesNamePythonPackagesForDoctor() throws IOException {
        assertThat(Guides.pythonModules(realGuides())).containsKey("fastavro");
    }

    // ---- lint: every command in a guide works on AWS CLI v1 and v2, or the guide shows both ----

    /** Options and commands that exist only in AWS CLI v2 (https://docs.aws.amazon.com/cli/latest/userguide/cliv2-migration-changes.html). */
    private static final Pattern V2_ONLY = Pattern.compile(
            "--cli-binary-format|--cli-input-yaml|--(no-)?cli-auto-prompt|--no-cli-pager|--output\\s+yaml"
                    + "|\\baws\\s+(\\$\\w+\\s+)?(sso|ddb)\\s|\\bconfigure\\s+(sso|export-credentials)\\b");
    /**
     * Blob parameters given inline: v1 sends the text as it is, v2 reads it as base64 unless told
     * {@code --cli-binary-format raw-in-base64-out}, which v1 rejects. Only {@code fileb://} means
     * the same on both.
     */
    private static final Pattern INLINE_BLOB = Pattern.compile(
            "\\b(kinesis\\s+put-records?|firehose\\s+put-record(-batch)?|bedrock-runtime\\s+invoke-model|lambda\\s+invoke)\\b");
    private static final Pattern MENTIONS_V1 = Pattern.compile("\\b(v1|version 1)\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void guidesGiveCommandsThatWorkOnAwsCliV1AndV2OrShowBoth() throws IOException {
        List<String> problems = new ArrayList<>();
        realGuides().forEach((lab, markdown) -> problems.addAll(cliVersionProblems(lab, markdown)));

        assertThat(problems).as("commands that only work on one AWS CLI, with no v1 alternative beside them").isEmpty();
    }

    @Test
    void theCliLintFlagsV2OnlyCommandsWithoutAV1Alternative() {
        String v2Only = """
                Put one record:

                    aws $ENDPOINT kinesis put-record --stream-name $STREAM --partition-key a \\
                        --cli-binary-format raw-in-base64-out --data 'hello'
                """;
        String inlineBlob = """
                    aws $ENDPOINT bedrock-runtime invoke-model --model-id m --body '{"inputText": "x"}' out.json
                """;
        String both = """
                Put one record (AWS CLI v2; on v1 leave out `--cli-binary-format raw-in-base64-out`):

                    aws $ENDPOINT kinesis put-record --stream-name $STREAM --partition-key a \\
                        --cli-binary-format raw-in-base64-out --data 'hello'
                """;
        String portable = """
                    aws $ENDPOINT kinesis put-record --stream-name $STREAM --partition-key a --data fileb://record.bin
                """;

        assertThat(cliVersionProblems("a", v2Only)).singleElement().asString().contains("--cli-binary-format");
        assertThat(cliVersionProblems("b", inlineBlob)).hasSize(1);
        assertThat(cliVersionProblems("c", both)).isEmpty();
        assertThat(cliVersionProblems("d", portable)).isEmpty();
    }

    private static List<String> cliVersionProblems(String lab, String markdown) {
        List<String> problems = new ArrayList<>();
        Node document = Parser.builder().build().parse(markdown);
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            List<String> commands = commands(block);
            for (String command : commands) {
                boolean v2Only = V2_ONLY.matcher(command).find();
                boolean inlineBlob = INLINE_BLOB.matcher(command).find() && !command.contains("fileb://");
                if ((v2Only || inlineBlob) && !mentionsV1(block)) {
                    String first = command.length() > 100 ? command.substring(0, 100) + "…" : command;
                    problems.add(lab + ": " + (v2Only ? "AWS CLI v2 only" : "a blob given inline (v1 and v2 read it differently)")
                            + ", no v1 alternative beside it: " + first);
                }
            }
        }
        return problems;
    }

    /** The shell commands in a block's code, a command continued with {@code \} joined into one line. */
    private static List<String> commands(Node block) {
        List<String> commands = new ArrayList<>();
        for (Node node : descendants(block)) {
            String code = node instanceof FencedCodeBlock fenced ? fenced.getLiteral()
                    : node instanceof IndentedCodeBlock indented ? indented.getLiteral()
                    : node instanceof Code span ? span.getLiteral() : null;
            if (code != null) {
                for (String command : code.split("(?<!\\\\)\\n")) {
                    commands.add(command.replaceAll("\\\\\\n\\s*", " ").strip());
                }
            }
        }
        return commands;
    }

    /** Whether the block, or the block just before or after it, speaks of AWS CLI v1. */
    private static boolean mentionsV1(Node block) {
        for (Node near : new Node[] {block.getPrevious(), block, block.getNext()}) {
            if (near != null && MENTIONS_V1.matcher(plainText(near)).find()) {
                return true;
            }
        }
        return false;
    }

    private static String plainText(Node block) {
        StringBuilder text = new StringBuilder();
        for (Node node : descendants(block)) {
            if (node instanceof Text t) {
                text.append(t.getLiteral()).append(' ');
            } else if (node instanceof Code c) {
                text.append(c.getLiteral()).append(' ');
            } else if (node instanceof FencedCodeBlock f) {
                text.append(f.getLiteral()).append(' ');
            } else if (node instanceof IndentedCodeBlock i) {
                text.append(i.getLiteral()).append(' ');
            }
        }
        return text.toString();
    }

    private static List<Node> descendants(Node root) {
        List<Node> all = new ArrayList<>(List.of(root));
        for (Node child = root.getFirstChild(); child != null; child = child.getNext()) {
            all.addAll(descendants(child));
        }
        return all;
    }

    /** Every lab's guide by lab id, from the labs folder. */
    static Map<String, String> realGuides() throws IOException {
        Map<String, String> guides = new LinkedHashMap<>();
        try (Stream<Path> labs = Files.list(Path.of("labs")).sorted()) {
            for (Path lab : labs.toList()) {
                Path readme = lab.resolve("README.md");
                if (Files.isRegularFile(readme)) {
                    guides.put(lab.getFileName().toString(), Files.readString(readme));
                }
            }
        }
        assertThat(guides).hasSizeGreaterThanOrEqualTo(10);
        return guides;
    }
}
