package io.labrunner.emulator.s3;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads the small XML bodies of S3's bucket configuration requests; no DTDs, no external entities. */
final class SmallXml {
    static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    private SmallXml() {
    }

    /** The document's root element, or MalformedXML. */
    static Element parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (Exception e) {
            throw S3Errors.malformedXml();
        }
    }

    /** The child elements named {@code name} (local name, any namespace). */
    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName() == null ? e.getTagName() : e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** The text of the one child named {@code name}, or null when absent. */
    static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        if (found.size() > 1) {
            throw S3Errors.malformedXml();
        }
        return found.isEmpty() ? null : found.get(0).getTextContent().strip();
    }

    /** A boolean element: absent is false; anything but true/false is MalformedXML. */
    static boolean flag(Element parent, String name) {
        String value = text(parent, name);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw S3Errors.malformedXml();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
