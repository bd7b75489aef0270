package io.labrunner.emulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validator and the type checker on models other than Kinesis's, for the shapes the next
 * services bring: lists of tag structures, nested structures, patterns with look-aheads.
 */
class ConstraintValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ServiceModel firehose = ServiceModels.get("firehose");

    private List<String> violations(String operation, String body) throws Exception {
        Shape input = firehose.shape(firehose.operation(operation).orElseThrow().input());
        ObjectNode decoded = new InputDecoder(firehose, WireFormat.JSON).decode(JSON.readTree(body), input);
        return ConstraintValidator.violations(firehose, decoded, input);
    }

    @Test
    void aListElementsMemberIsNamedByItsOneBasedIndexAndMember() throws Exception {
        List<String> found = violations("TagDeliveryStream",
                "{\"DeliveryStreamName\":\"d\",\"Tags\":[{\"Key\":\"ok\"},{\"Key\":\"\"}]}");

        assertThat(found).containsExactly("Value '' at 'tags.2.member.key' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1");
    }

    @Test
    void aPatternWithALookAheadIsCheckedAsJavaReadsIt() throws Exception {
        List<String> found = violations("TagDeliveryStream",
                "{\"DeliveryStreamName\":\"d\",\"Tags\":[{\"Key\":\"aws:reserved\"}]}");

        assertThat(found).singleElement().asString().startsWith("Value 'aws:reserved' at 'tags.1.member.key' "
                + "failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?!aws:)");
    }

    @Test
    void missingRequiredMembersAreAllListedInModelOrder() throws Exception {
        assertThat(violations("PutRecordBatch", "{}")).containsExactly(
                "Value null at 'deliveryStreamName' failed to satisfy constraint: Member must not be null",
                "Value null at 'records' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void anEmptyListIsQuotedAsAwsQuotesIt() throws Exception {
        assertThat(violations("PutRecordBatch", "{\"DeliveryStreamName\":\"d\",\"Records\":[]}")).containsExactly(
                "Value '[]' at 'records' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void aStructureGivenAsAStringIsASerializationErrorBeforeAnyConstraint() {
        assertThatThrownBy(() -> violations("PutRecord", "{\"DeliveryStreamName\":\"\",\"Record\":\"x\"}"))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("SerializationException");
                    assertThat(e.getMessage()).isEqualTo("Expected null");
                });
    }

    @Test
    void aBlobsValueIsNotQuotedBack() throws Exception {
        String big = java.util.Base64.getEncoder().encodeToString(new byte[1_024_001]);
        assertThat(violations("PutRecord", "{\"DeliveryStreamName\":\"d\",\"Record\":{\"Data\":\"" + big + "\"}}"))
                .containsExactly("Value at 'record.data' failed to satisfy constraint: Member must have length less "
                        + "than or equal to 1024000");
    }
}
