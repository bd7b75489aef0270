package io.labrunner.cli;

import java.util.ArrayList;
import java.util.List;
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
        List<String> table = new ArrayList<>();
        for (String line : markdown.split("\n", -1)) {
            if (!inCode && line.startsWith("|")) {
                table.add(line);
                continue;
            }
            if (!table.isEmpty()) {
                out.append(table(table));
                table.clear();
            }
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
        if (!table.isEmpty()) {
            out.append(table(table));
        }
        return out.toString();
    }

    /** A Markdown table with its columns padded to the widest cell, markup removed. */
    private String table(List<String> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (String row : rows) {
            String trimmed = row.trim();
            if (trimmed.matches("\\|?[\\s:|-]+\\|?")) {
                continue; // the |---|---| line under the header
            }
            List<String> cols = new ArrayList<>();
            for (String cell : trimmed.substring(1, trimmed.endsWith("|") ? trimmed.length() - 1 : trimmed.length()).split("\\|", -1)) {
                cols.add(inline(cell.trim()));
            }
            cells.add(cols);
        }
        int columns = cells.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], visible(row.get(i)));
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            List<String> row = cells.get(r);
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                line.append(r == 0 ? style.bold(cell) : cell).append(" ".repeat(widths[i] - visible(cell) + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static int visible(String text) {
        return text.replaceAll("\u001B\\[[0-9;]*m", "").length();
    }

    private String inline(String text) {
        String linked = LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " (" + m.group(2) + ")"));
        String coded = CODE.matcher(linked).replaceAll(m -> Matcher.quoteReplacement(style.cyan(m.group(1))));
        return BOLD.matcher(coded).replaceAll(m -> Matcher.quoteReplacement(style.bold(m.group(1))));
    }
}
