package io.labrunner.cli;

import io.labrunner.core.LabException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The learner's guides, {@code labs/<id>/README.md}, packaged as resources. */
final class Guides {
    private Guides() {
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
