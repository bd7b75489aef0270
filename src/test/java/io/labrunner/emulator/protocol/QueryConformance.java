package io.labrunner.emulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.w3c.dom.Document;

/**
 * Conformance of a query-protocol service, generated from its model: for every implemented operation, a
 * request with only its required members (which the model accepts, so the answer must not be a
 * validation error), and for each constraint of each member a signed form request breaking it, which
 * must come back as a 400 ValidationError in the service's XML naming that member and constraint.
 */
public final class QueryConformance {
    private final ServiceModel model;
    private final SignedHttp http;
    private final List<String> samples;

    public QueryConformance(ServiceModel model, SignedHttp http, List<String> samples) {
        this.model = model;
        this.http = http;
        this.samples = samples;
    }

    /** What came back, read as the query protocol's XML. */
    public record Reply(int status, String root, String code, String message) {
    }

    /** The baseline request of every operation, then every constraint case; prints the counts. */
    public Stream<DynamicTest> tests(String service, List<String> operations) {
        ConformanceCases generator = new ConformanceCases(model, samples);
        List<ConformanceCases.Case> cases = generator.casesOf(service, operations);
        List<DynamicTest> tests = new ArrayList<>();
        for (String operation : operations) {
            tests.add(DynamicTest.dynamicTest(operation + ": required members only pass validation", () -> {
                Operation op = model.operation(operation).orElseThrow();
                Map<String, String> fields = op.input() == null ? Map.of()
                        : QueryForms.fields(model, model.shape(op.input()), generator.baseline(operation));
                Reply reply = send(operation, fields);
                assertThat(reply.status()).as(reply.toString()).isLessThan(500);
                assertThat(reply.code()).as(reply.toString()).isNotIn("ValidationError", "InvalidParameterValue",
                        "InvalidAction", "MissingAction", "NotImplemented");
            }));
        }
        for (ConformanceCases.Case c : cases) {
            tests.add(DynamicTest.dynamicTest(c.operation() + ": " + c.name(), () -> {
                Operation op = model.operation(c.operation()).orElseThrow();
                Reply reply = send(c.operation(), QueryForms.fields(model, model.shape(op.input()), c.body()));
                assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
                assertThat(reply.root()).isEqualTo("ErrorResponse");
                assertThat(reply.code()).as(reply.toString()).isEqualTo("ValidationError");
                assertThat(reply.message()).matches("(?s)\\d+ validation errors? detected: .*")
                        .contains(xmlCarried(c.violation()));
            }));
        }
        return tests.stream();
    }

    /** Sends {@code Action=operation} with {@code fields}, signed, and reads the XML that comes back. */
    public Reply send(String operation, Map<String, String> fields) throws Exception {
        SignedHttp.Answer answer = http.post(Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                QueryForms.body(model, operation, fields).getBytes(StandardCharsets.UTF_8));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer.body()));
        String root = xml.getDocumentElement().getLocalName();
        assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo(model.xmlNamespace());
        return new Reply(answer.status(), root, text(xml, "Code"), text(xml, "Message"));
    }

    private static String text(Document xml, String element) {
        var nodes = xml.getElementsByTagNameNS("*", element);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    /** XML 1.0 cannot carry most control characters, so the message carries a value without them. */
    private static String xmlCarried(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
    }
}
