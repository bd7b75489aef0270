package io.labrunner.cli;

import io.labrunner.core.LabException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/** The learner's guides, {@code labs/<id>/README.md}, packaged as resources. */
final class Guides {
    private static final Pattern IMPORT = Pattern.compile("^\\s*(?:import|from)\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern PIP_INSTALL = Pattern.compile("\\bpip3?\\s+install\\s+([^;&|`)\\n]+)");
    /** pip names whose module is called something else. */
    private static final Map<String, String> MODULE_OF_PACKAGE = Map.of(
            "scikit-learn", "sklearn", "pyyaml", "yaml", "pillow", "PIL", "python-dateutil", "dateutil",
            "beautifulsoup4", "bs4", "opencv-python", "cv2");

    private Guides() {
    }

    /** A guide: its title, the text before the first {@code ##} heading, and its sections in order. */
    record Guide(String title, String intro, List<Section> sections) {
    }

    /** A {@code ##} section: its heading and its Markdown, the heading line left out. */
    record Section(String heading, String markdown) {
    }

    static String load(String labId) {
        try (InputStream in = Guides.class.getResourceAsStream("/labs/" + labId + "/README.md")) {
            if (in == null) {
                throw new LabException("Lab " + labId + " has no guide.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabException("Cannot read the guide of " + labId + ": " + e.getMessage(), e);
        }
    }

    /** A guide cut at its {@code #} and {@code ##} headings (not at lines inside code blocks that look like them). */
    static Guide parts(String markdown) {
        String title = "";
        StringBuilder intro = new StringBuilder();
        List<Section> sections = new ArrayList<>();
        String heading = null;
        StringBuilder text = new StringBuilder();
        boolean inCode = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            }
            if (!inCode && title.isEmpty() && heading == null && line.startsWith("# ")) {
                title = line.substring(2).trim();
            } else if (!inCode && line.startsWith("## ")) {
                if (heading != null) {
                    sections.add(new Section(heading, text.toString().strip() + "\n"));
                }
                heading = line.substring(3).trim();
                text.setLength(0);
            } else {
                (heading == null ? intro : text).append(line).append('\n');
            }
        }
        if (heading != null) {
            sections.add(new Section(heading, text.toString().strip() + "\n"));
        }
        return new Guide(title, intro.toString().strip() + "\n", sections);
    }

    /**
     * The Python modules a guide has the learner use: {@code import x} and {@code from x import} in
     * its code blocks, and {@code pip install x} in code blocks or inline code, as import names, in
     * the order met. The standard library's modules are in it too; whoever asks Python can tell them
     * apart. Lines ending in {@code ;} are Java's imports, not Python's.
     */
    static Set<String> pythonModules(String markdown) {
        Set<String> modules = new LinkedHashSet<>();
        Node document = Parser.builder().build().parse(markdown);
        List<Node> pending = new ArrayList<>(List.of(document));
        while (!pending.isEmpty()) {
            Node node = pending.remove(pending.size() - 1);
            for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
                pending.add(child);
            }
            String code = node instanceof FencedCodeBlock fenced ? fenced.getLiteral()
                    : node instanceof IndentedCodeBlock indented ? indented.getLiteral()
                    : node instanceof Code span ? span.getLiteral() : null;
            if (code == null) {
                continue;
            }
            for (String line : code.split("\n")) {
                Matcher imported = IMPORT.matcher(line);
                if (!(node instanceof Code) && imported.find() && !line.stripTrailing().endsWith(";")
                        && !imported.group(1).equals("__future__")) {
                    modules.add(imported.group(1));
                }
                Matcher pip = PIP_INSTALL.matcher(line);
                while (pip.find()) {
                    for (String word : pip.group(1).trim().split("\\s+")) {
                        String name = word.replaceAll("[\\[<>=!~].*", "").replace("'", "").replace("\"", "");
                        if (!name.isEmpty() && !name.startsWith("-") && name.matches("[A-Za-z0-9_.-]+")) {
                            String lower = name.toLowerCase(Locale.ROOT);
                            modules.add(MODULE_OF_PACKAGE.getOrDefault(lower, lower.replace('-', '_')));
                        }
                    }
                }
            }
        }
        return modules;
    }

    /** For each Python module any of the guides uses, the labs whose guide uses it. */
    static Map<String, List<String>> pythonModules(Map<String, String> guidesByLab) {
        Map<String, List<String>> modules = new LinkedHashMap<>();
        guidesByLab.forEach((lab, markdown) -> pythonModules(markdown)
                .forEach(module -> modules.computeIfAbsent(module, m -> new ArrayList<>()).add(lab)));
        return modules;
    }

    /** The text of the {@code ## heading} section, heading included; the whole guide if there is none. */
    static String section(String markdown, String heading) {
        String[] lines = markdown.split("\n", -1);
        StringBuilder section = new StringBuilder();
        boolean inside = false;
        boolean inCode = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            }
            if (!inCode && line.startsWith("## ")) {
                if (inside) {
                    break;
                }
                inside = line.substring(3).trim().equalsIgnoreCase(heading);
            }
            if (inside) {
                section.append(line).append('\n');
            }
        }
        return section.length() == 0 ? markdown : section.toString();
    }
}
