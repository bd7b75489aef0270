package io.labrunner.emulator.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * The {@code <CORSConfiguration>} document of PutBucketCors and GetBucketCors, read and validated as S3 does: at
 * least one and at most 100 rules, each with an allowed method (GET, PUT, POST, DELETE, HEAD) and an allowed
 * origin, origins and headers with at most one {@code *}.
 */
final class CorsConfigurations {
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD");
    private static final int MAX_RULES = 100;

    private CorsConfigurations() {
    }

    static List<CorsRule> fromXml(byte[] body) {
        Element root = SmallXml.parse(body);
        List<Element> rules = SmallXml.children(root, "CORSRule");
        if (!"CORSConfiguration".equals(root.getLocalName()) || rules.isEmpty()) {
            throw S3Errors.malformedXml();
        }
        if (rules.size() > MAX_RULES) {
            throw S3Errors.of(400, "InvalidRequest", "The number of CORS rules should not exceed allowed limit of "
                    + MAX_RULES + " rules.");
        }
        List<CorsRule> parsed = new ArrayList<>();
        for (Element rule : rules) {
            List<String> methods = texts(rule, "AllowedMethod");
            List<String> origins = texts(rule, "AllowedOrigin");
            if (methods.isEmpty() || origins.isEmpty()) {
                throw S3Errors.malformedXml();
            }
            for (String method : methods) {
                if (!METHODS.contains(method)) {
                    throw S3Errors.of(400, "InvalidRequest",
                            "Found unsupported HTTP method in CORS config. Unsupported method is " + method);
                }
            }
            List<String> headers = texts(rule, "AllowedHeader");
            oneWildcardAtMost("AllowedOrigin", origins);
            oneWildcardAtMost("AllowedHeader", headers);
            String maxAge = SmallXml.text(rule, "MaxAgeSeconds");
            Integer seconds;
            try {
                seconds = maxAge == null ? null : Integer.valueOf(maxAge);
            } catch (NumberFormatException e) {
                throw S3Errors.malformedXml();
            }
            parsed.add(new CorsRule(SmallXml.text(rule, "ID"), methods, origins, headers,
                    texts(rule, "ExposeHeader"), seconds));
        }
        return parsed;
    }

    static String xml(List<CorsRule> rules) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CORSConfiguration xmlns=\"")
                .append(SmallXml.NAMESPACE).append("\">");
        for (CorsRule rule : rules) {
            xml.append("<CORSRule>");
            if (rule.id() != null) {
                element(xml, "ID", rule.id());
            }
            rule.allowedHeaders().forEach(h -> element(xml, "AllowedHeader", h));
            rule.allowedMethods().forEach(m -> element(xml, "AllowedMethod", m));
            rule.allowedOrigins().forEach(o -> element(xml, "AllowedOrigin", o));
            rule.exposeHeaders().forEach(h -> element(xml, "ExposeHeader", h));
            if (rule.maxAgeSeconds() != null) {
                element(xml, "MaxAgeSeconds", rule.maxAgeSeconds().toString());
            }
            xml.append("</CORSRule>");
        }
        return xml.append("</CORSConfiguration>").toString();
    }

    private static void oneWildcardAtMost(String element, List<String> values) {
        for (String value : values) {
            if (value.indexOf('*') != value.lastIndexOf('*')) {
                throw S3Errors.of(400, "InvalidRequest", element + " \"" + value
                        + "\" can not have more than one wildcard.");
            }
        }
    }

    private static List<String> texts(Element parent, String name) {
        return SmallXml.children(parent, name).stream().map(e -> e.getTextContent().strip()).toList();
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append('<').append(name).append('>').append(SmallXml.escape(value)).append("</").append(name).append('>');
    }
}
