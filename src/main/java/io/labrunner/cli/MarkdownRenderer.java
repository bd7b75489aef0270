package io.labrunner.cli;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Renders a guide's Markdown for a terminal of a given width. commonmark-java parses it (GFM tables
 * included); this class walks the tree: headings in bold and underlined, paragraphs and list items
 * re-wrapped to the width, code blocks verbatim and indented, links as "text (url)", tables with
 * their cells wrapped to fit, or one record per block when even that cannot fit.
 */
final class MarkdownRenderer {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final String CODE_INDENT = "    ";
    private static final String TABLE_INDENT = "  ";
    private static final String COLUMN_GAP = "  ";
    /** Below this, text is too squeezed to read; wrap as if the terminal were this wide. */
    private static final int NARROWEST = 30;

    private final Style style;
    private final int width;

    MarkdownRenderer(Style style) {
        this(style, Terminal.width());
    }

    MarkdownRenderer(Style style, int width) {
        this.style = style;
        this.width = Math.max(width, NARROWEST);
    }

    String render(String markdown) {
        List<String> lines = children(PARSER.parse(markdown), width, true);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.stripTrailing()).append('\n');
        }
        return out.toString();
    }

    // ---- blocks: each renders to lines no wider than the width it is given (code blocks excepted) ----

    /** The blocks under {@code parent}, with a blank line between them unless {@code spaced} is false. */
    private List<String> children(Node parent, int width, boolean spaced) {
        List<String> lines = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            List<String> block = block(child, width);
            if (block.isEmpty()) {
                continue;
            }
            if (spaced && !lines.isEmpty()) {
                lines.add("");
            }
            lines.addAll(block);
        }
        return lines;
    }

    private List<String> block(Node node, int width) {
        if (node instanceof Heading heading) {
            return heading(heading, width);
        } else if (node instanceof Paragraph) {
            return wrap(inline(node, ""), width);
        } else if (node instanceof FencedCodeBlock code) {
            return code(code.getLiteral());
        } else if (node instanceof IndentedCodeBlock code) {
            return code(code.getLiteral());
        } else if (node instanceof ListBlock list) {
            return list(list, width);
        } else if (node instanceof BlockQuote) {
            return prefixed(children(node, width - 2, true), style.dim("│ "), style.dim("│ "));
        } else if (node instanceof TableBlock table) {
            return table(table, width);
        } else if (node instanceof ThematicBreak) {
            return List.of(style.dim("─".repeat(Math.min(width, 40))));
        } else if (node instanceof HtmlBlock html) {
            return List.of(html.getLiteral().stripTrailing().split("\n"));
        } else if (node instanceof LinkReferenceDefinition) {
            return List.of();
        }
        return children(node, width, true);
    }

    private List<String> heading(Heading heading, int width) {
        List<String> lines = new ArrayList<>(wrap(inline(heading, Style.BOLD), width));
        int longest = lines.stream().mapToInt(Style::width).max().orElse(0);
        if (heading.getLevel() == 1) {
            lines.add("═".repeat(longest));
        } else if (heading.getLevel() == 2) {
            lines.add("─".repeat(longest));
        }
        return lines;
    }

    private List<String> code(String literal) {
        List<String> lines = new ArrayList<>();
        for (String line : literal.stripTrailing().split("\n", -1)) {
            lines.add(line.isBlank() ? "" : CODE_INDENT + style.cyan(line));
        }
        return lines;
    }

    private List<String> list(ListBlock list, int width) {
        int depth = 0;
        for (Node up = list.getParent(); up != null; up = up.getParent()) {
            depth += up instanceof ListBlock ? 1 : 0;
        }
        List<String> markers = new ArrayList<>();
        int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                ? ordered.getMarkerStartNumber() : 1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            markers.add(list instanceof OrderedList ? number++ + "." : depth == 0 ? "•" : "◦");
        }
        int markerWidth = markers.stream().mapToInt(String::length).max().orElse(1) + 1;
        String indent = depth == 0 ? "  " : "";
        List<String> lines = new ArrayList<>();
        int i = 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext(), i++) {
            if (!list.isTight() && !lines.isEmpty()) {
                lines.add("");
            }
            String marker = markers.get(i);
            String first = indent + " ".repeat(markerWidth - 1 - marker.length()) + marker + " ";
            String rest = indent + " ".repeat(markerWidth);
            int inner = width - rest.length();
            lines.addAll(prefixed(children(item, inner, !list.isTight()), first, rest));
        }
        return lines;
    }

    private static List<String> prefixed(List<String> lines, String first, String rest) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            out.add(i == 0 ? first + line : line.isEmpty() ? "" : rest + line);
        }
        return out;
    }

    // ---- tables ----

    private List<String> table(TableBlock table, int width) {
        List<List<List<Word>>> rows = new ArrayList<>();
        List<List<TableCell.Alignment>> alignments = new ArrayList<>();
        int columns = 0;
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                List<List<Word>> cells = new ArrayList<>();
                List<TableCell.Alignment> aligned = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    TableCell tableCell = (TableCell) cell;
                    cells.add(inline(cell, tableCell.isHeader() ? Style.BOLD : ""));
                    aligned.add(tableCell.getAlignment());
                }
                columns = Math.max(columns, cells.size());
                rows.add(cells);
                alignments.add(aligned);
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        for (List<List<Word>> row : rows) {
            while (row.size() < columns) {
                row.add(List.of());
            }
        }
        int[] natural = new int[columns];
        int[] narrowest = new int[columns];
        for (List<List<Word>> row : rows) {
            for (int c = 0; c < columns; c++) {
                natural[c] = Math.max(natural[c], lineWidth(row.get(c)));
                narrowest[c] = Math.max(narrowest[c], row.get(c).stream().mapToInt(Word::width).max().orElse(0));
            }
        }
        int room = width - TABLE_INDENT.length() - COLUMN_GAP.length() * (columns - 1);
        int[] widths = columnWidths(natural, narrowest, room);
        return widths == null ? records(rows, width) : grid(rows, alignments.get(0), widths);
    }

    /**
     * Each column as wide as its longest cell if they all fit in {@code room}. Else a column whose
     * longest cell is within a fair share of the room keeps that width (short columns do not wrap),
     * the others start as wide as their longest word, and the space left is handed out a column at a
     * time to whichever still lacks the largest share of its longest cell. Null when not even the
     * longest words fit side by side.
     */
    private static int[] columnWidths(int[] natural, int[] narrowest, int room) {
        int[] widths = natural.clone();
        if (sum(widths) <= room) {
            return widths;
        }
        if (sum(narrowest) > room) {
            return null;
        }
        widths = narrowest.clone();
        int fairShare = room / widths.length;
        for (int c = 0; c < widths.length; c++) {
            if (natural[c] <= fairShare && sum(widths) - widths[c] + natural[c] <= room) {
                widths[c] = natural[c];
            }
        }
        for (int left = room - sum(widths); left > 0; left--) {
            int neediest = 0;
            for (int c = 1; c < widths.length; c++) {
                if (lacking(natural[c], widths[c]) > lacking(natural[neediest], widths[neediest])) {
                    neediest = c;
                }
            }
            if (natural[neediest] <= widths[neediest]) {
                break;
            }
            widths[neediest]++;
        }
        return widths;
    }

    private static double lacking(int natural, int width) {
        return natural == 0 ? 0 : (natural - width) / (double) natural;
    }

    private List<String> grid(List<List<List<Word>>> rows, List<TableCell.Alignment> alignments, int[] widths) {
        List<List<String>> rendered = new ArrayList<>();
        boolean wrapped = false;
        for (List<List<Word>> row : rows) {
            List<List<String>> cells = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < widths.length; c++) {
                List<String> cell = wrap(row.get(c), widths[c]);
                cells.add(cell);
                height = Math.max(height, cell.size());
            }
            wrapped |= height > 1;
            List<String> lines = new ArrayList<>();
            for (int l = 0; l < height; l++) {
                StringBuilder line = new StringBuilder(TABLE_INDENT);
                for (int c = 0; c < widths.length; c++) {
                    String text = l < cells.get(c).size() ? cells.get(c).get(l) : "";
                    TableCell.Alignment alignment = c < alignments.size() ? alignments.get(c) : null;
                    line.append(c == 0 ? "" : COLUMN_GAP).append(pad(text, widths[c], alignment));
                }
                lines.add(line.toString());
            }
            rendered.add(lines);
        }
        List<String> out = new ArrayList<>(rendered.get(0));
        List<String> rules = new ArrayList<>();
        for (int width : widths) {
            rules.add("─".repeat(width));
        }
        out.add(TABLE_INDENT + style.dim(String.join(COLUMN_GAP, rules)));
        for (int r = 1; r < rendered.size(); r++) {
            if (wrapped && r > 1) {
                out.add(""); // rows of several lines need a gap to tell where one ends
            }
            out.addAll(rendered.get(r));
        }
        return out;
    }

    private static String pad(String text, int width, TableCell.Alignment alignment) {
        int space = width - Style.width(text);
        if (alignment == TableCell.Alignment.RIGHT) {
            return " ".repeat(space) + text;
        } else if (alignment == TableCell.Alignment.CENTER) {
            return " ".repeat(space / 2) + text + " ".repeat(space - space / 2);
        }
        return text + " ".repeat(space);
    }

    /** A table too wide for the terminal: one block per row, a "header: value" line per column. */
    private List<String> records(List<List<List<Word>>> rows, int width) {
        List<List<Word>> header = rows.get(0);
        int labelWidth = header.stream().mapToInt(MarkdownRenderer::lineWidth).max().orElse(0) + 2;
        boolean besideLabel = width - TABLE_INDENT.length() - labelWidth >= NARROWEST;
        List<String> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            if (r > 1) {
                out.add("");
            }
            for (int c = 0; c < header.size(); c++) {
                List<Word> label = header.get(c);
                List<Word> value = rows.get(r).get(c);
                if (value.isEmpty()) {
                    continue;
                }
                if (label.isEmpty()) {
                    out.addAll(prefixed(wrap(boldened(value), width - TABLE_INDENT.length()), TABLE_INDENT, TABLE_INDENT));
                } else if (besideLabel) {
                    String name = String.join(" ", wrap(colon(label), Integer.MAX_VALUE));
                    String first = TABLE_INDENT + name + " ".repeat(labelWidth - Style.width(name));
                    String rest = TABLE_INDENT + " ".repeat(labelWidth);
                    out.addAll(prefixed(wrap(value, width - rest.length()), first, rest));
                } else {
                    out.addAll(prefixed(wrap(colon(label), width - 2), TABLE_INDENT, TABLE_INDENT));
                    out.addAll(prefixed(wrap(value, width - 6), TABLE_INDENT + "    ", TABLE_INDENT + "    "));
                }
            }
        }
        return out;
    }

    /** A header's words with a colon after the last. */
    private static List<Word> colon(List<Word> label) {
        List<Word> named = new ArrayList<>(label);
        List<Run> last = new ArrayList<>(named.remove(named.size() - 1).runs());
        last.add(new Run(":", Style.BOLD));
        named.add(new Word(last));
        return named;
    }

    private static List<Word> boldened(List<Word> words) {
        return words.stream().map(word -> new Word(word.runs().stream()
                .map(run -> new Run(run.text(), join(run.codes(), Style.BOLD))).toList())).toList();
    }

    // ---- inline text: words made of styled runs, so that no colour code is ever cut by a line end ----

    /** Text in one set of SGR attributes. */
    private record Run(String text, String codes) {
    }

    /** Runs with no space between them; null runs mark a hard line break. */
    private record Word(List<Run> runs) {
        static final Word BREAK = new Word(null);

        boolean isBreak() {
            return runs == null;
        }

        int width() {
            return runs == null ? 0 : runs.stream().mapToInt(run -> Style.width(run.text())).sum();
        }
    }

    /**
     * Words laid out greedily in lines of at most {@code width} columns; a longer word gets a line of
     * its own. Neighbouring text in the same attributes shares one colour code, spaces included.
     */
    private List<String> wrap(List<Word> words, int width) {
        List<String> lines = new ArrayList<>();
        List<Run> line = new ArrayList<>();
        int used = 0;
        for (Word word : words) {
            if (word.isBreak()) {
                lines.add(render(line));
                line.clear();
                used = 0;
                continue;
            }
            int w = word.width();
            if (used > 0 && used + 1 + w > width) {
                lines.add(render(line));
                line.clear();
                used = 0;
            }
            if (used > 0) {
                String codes = line.get(line.size() - 1).codes();
                line.add(new Run(" ", codes.equals(word.runs().get(0).codes()) ? codes : ""));
                used++;
            }
            line.addAll(word.runs());
            used += w;
        }
        if (used > 0 || lines.isEmpty()) {
            lines.add(render(line));
        }
        return lines;
    }

    private String render(List<Run> runs) {
        StringBuilder out = new StringBuilder();
        StringBuilder same = new StringBuilder();
        String codes = "";
        for (Run run : runs) {
            if (!run.codes().equals(codes)) {
                out.append(style.wrap(codes, same.toString()));
                same.setLength(0);
                codes = run.codes();
            }
            same.append(run.text());
        }
        return out.append(style.wrap(codes, same.toString())).toString();
    }

    private static int lineWidth(List<Word> words) {
        int total = 0;
        for (Word word : words) {
            total += (total == 0 ? 0 : 1) + word.width();
        }
        return total;
    }

    private static int sum(int[] values) {
        int total = 0;
        for (int value : values) {
            total += value;
        }
        return total;
    }

    private static String join(String codes, String more) {
        return codes.isEmpty() ? more : codes.contains(more) ? codes : codes + ";" + more;
    }

    private List<Word> inline(Node parent, String codes) {
        Words words = new Words();
        words.children(parent, codes);
        return words.done();
    }

    /** Collects a block's inline nodes into words, whatever line of the source a span started on. */
    private static final class Words {
        private final List<Word> words = new ArrayList<>();
        private List<Run> current = new ArrayList<>();

        void children(Node parent, String codes) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
                node(node, codes);
            }
        }

        private void node(Node node, String codes) {
            if (node instanceof Text text) {
                text(text.getLiteral(), codes);
            } else if (node instanceof Code code) {
                text(code.getLiteral(), join(codes, Style.CYAN));
            } else if (node instanceof Emphasis) {
                children(node, join(codes, Style.ITALIC));
            } else if (node instanceof StrongEmphasis) {
                children(node, join(codes, Style.BOLD));
            } else if (node instanceof Link link) {
                children(node, codes);
                if (!plainText(node).equals(link.getDestination())) {
                    text(" (" + link.getDestination() + ")", join(codes, Style.DIM));
                }
            } else if (node instanceof Image image) {
                children(node, codes);
                text(" (" + image.getDestination() + ")", join(codes, Style.DIM));
            } else if (node instanceof SoftLineBreak) {
                endWord();
            } else if (node instanceof HardLineBreak) {
                endWord();
                words.add(Word.BREAK);
            } else if (node instanceof HtmlInline html) {
                text(html.getLiteral(), codes);
            } else {
                children(node, codes);
            }
        }

        private void text(String text, String codes) {
            int start = 0;
            for (int i = 0; i <= text.length(); i++) {
                if (i == text.length() || (Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\u00a0')) {
                    if (i > start) {
                        current.add(new Run(text.substring(start, i), codes));
                    }
                    if (i < text.length()) {
                        endWord();
                    }
                    start = i + 1;
                }
            }
        }

        private void endWord() {
            if (!current.isEmpty()) {
                words.add(new Word(current));
                current = new ArrayList<>();
            }
        }

        List<Word> done() {
            endWord();
            return words;
        }

        private static String plainText(Node node) {
            StringBuilder out = new StringBuilder();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Text text) {
                    out.append(text.getLiteral());
                } else if (child instanceof Code code) {
                    out.append(code.getLiteral());
                } else {
                    out.append(plainText(child));
                }
            }
            return out.toString();
        }
    }
}
