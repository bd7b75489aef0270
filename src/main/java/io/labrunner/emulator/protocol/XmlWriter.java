package io.labrunner.emulator.protocol;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The one XML writer: query-protocol responses and errors, and the front door's REST-XML errors;
 * elements and escaped text, nothing more.
 *
 * <pre>{@code
 * String xml = XmlWriter.document().start("Result", ns).element("Arn", arn).end().toString();
 * }</pre>
 */
public final class XmlWriter {
    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    private final Deque<String> open = new ArrayDeque<>();

    private XmlWriter() {
    }

    /** A new document with its XML declaration. */
    public static XmlWriter document() {
        return new XmlWriter();
    }

    public XmlWriter start(String name) {
        return start(name, null);
    }

    /** Opens an element, with a default namespace when {@code xmlns} is not null. */
    public XmlWriter start(String name, String xmlns) {
        out.append('<').append(name);
        if (xmlns != null) {
            out.append(" xmlns=\"").append(escape(xmlns)).append('"');
        }
        out.append('>');
        open.push(name);
        return this;
    }

    /** Writes {@code <name>text</name>}; writes nothing when {@code text} is null. */
    public XmlWriter element(String name, Object text) {
        if (text != null) {
            out.append('<').append(name).append('>').append(escape(text.toString()))
                    .append("</").append(name).append('>');
        }
        return this;
    }

    /** Closes the innermost open element. */
    public XmlWriter end() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** The document, with any still-open elements closed. */
    @Override
    public String toString() {
        while (!open.isEmpty()) {
            end();
        }
        return out.toString();
    }

    /** Escapes text for element content and attribute values. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    // XML 1.0 cannot carry most control characters even escaped; drop them.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
