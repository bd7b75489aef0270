package io.labrunner.emulator.iam;

import io.labrunner.emulator.AwsResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

/** Builds IAM's XML responses: {@code <XResponse><XResult>..</XResult><ResponseMetadata>..}. */
final class IamXml {
    static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
    private final StringBuilder xml = new StringBuilder();

    IamXml open(String element) {
        xml.append('<').append(element).append('>');
        return this;
    }

    IamXml close(String element) {
        xml.append("</").append(element).append('>');
        return this;
    }

    IamXml element(String name, Object value) {
        if (value != null) {
            xml.append('<').append(name).append('>').append(escape(value.toString()))
                    .append("</").append(name).append('>');
        }
        return this;
    }

    /** {@code <Role>..</Role>}, as GetRole and CreateRole return it. */
    IamXml role(Role role) {
        return open("Role").roleMembers(role).close("Role");
    }

    /**
     * The members of a role without a wrapper element: a list's entries are {@code <member>} holding
     * them directly (the query protocol names list entries "member", not the entry's shape).
     */
    IamXml roleMembers(Role role) {
        element("Path", role.path()).element("RoleName", role.name()).element("RoleId", role.roleId())
                .element("Arn", role.arn())
                .element("CreateDate", DateTimeFormatter.ISO_INSTANT.format(role.createDate()))
                .element("AssumeRolePolicyDocument", urlEncode(role.trustPolicy()))
                .element("Description", role.description())
                .element("MaxSessionDuration", role.maxSessionDuration());
        tags(role.tags(), false);
        return open("RoleLastUsed").close("RoleLastUsed");
    }

    IamXml tags(Map<String, String> tags, boolean evenIfEmpty) {
        if (tags.isEmpty() && !evenIfEmpty) {
            return this;
        }
        open("Tags");
        tags.forEach((k, v) -> open("member").element("Key", k).element("Value", v).close("member"));
        return close("Tags");
    }

    /** Wraps the result body in the action's response envelope. */
    static AwsResponse response(String action, IamXml result) {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<" + action + "Response xmlns=\"" + NAMESPACE + "\">"
                + (result == null ? "" : "<" + action + "Result>" + result.xml + "</" + action + "Result>")
                + "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata>"
                + "</" + action + "Response>";
        return AwsResponse.xml(body);
    }

    /** IAM returns policy documents URL-encoded (RFC 3986), inside the XML. */
    static String urlEncode(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
