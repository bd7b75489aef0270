package io.labrunner.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a guide's Markdown for a terminal: headings in bold, code blocks indented and set apart,
 * bullets as •, links as "text (url)", inline code and emphasis marked with colour or left plain.
 */
final class MarkdownRenderer {
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)]+)\\)");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");

    private final Style style;

    MarkdownRenderer(Style style) {
        this.style = style;
    }

    String render(String markdown) {
        StringBuilder out = new StringBuilder();
        boolean inCode = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                out.append("    ").append(style.cyan(line)).append('\n');
            } else if (line.startsWith("# ")) {
                String title = line.substring(2).trim();
                out.append(style.bold(title)).append('\n').append("═".repeat(Math.min(title.length(), 78))).append('\n');
            } else if (line.startsWith("## ")) {
                String heading = line.substring(3).trim();
                out.append('\n').append(style.bold(heading)).append('\n').append("─".repeat(Math.min(heading.length(), 78))).append('\n');
            } else if (line.startsWith("### ")) {
                out.append('\n').append(style.bold(line.substring(4).trim())).append('\n');
            } else if (line.matches("\\s*[-*] .*")) {
                int indent = line.indexOf(line.trim().charAt(0));
                out.append(" ".repeat(indent)).append("  • ").append(inline(line.trim().substring(2))).append('\n');
            } else {
                out.append(inline(line)).append('\n');
            }
        }
        return out.toString();
    }

    private String inline(String text) {
        String linked = LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " (" + m.group(2) + ")"));
        String coded = CODE.matcher(linked).replaceAll(m -> Matcher.quoteReplacement(style.cyan(m.group(1))));
        return BOLD.matcher(coded).replaceAll(m -> Matcher.quoteReplacement(style.bold(m.group(1))));
    }
}
