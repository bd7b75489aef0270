package io.labrunner.emulator.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.AwsException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Event patterns, operator by operator, matched and refused as AWS does. Cases follow the EventBridge user guide
 * ("Creating event patterns", "Content filtering") and the cases LocalStack recorded against AWS
 * (tests/aws/services/events/event_pattern_templates and test_events_patterns.snapshot.json), whose refusal
 * messages, positions included, are AWS's.
 */
class EventPatternTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> cases() {
        return Stream.of(
                // Literals: strings, numbers (by value), booleans, null; an array is an OR.
                row("exact string", "{\"source\": [\"lab.app\"]}", "{\"source\": \"lab.app\"}", true),
                row("exact string is case sensitive", "{\"source\": [\"lab.app\"]}", "{\"source\": \"Lab.App\"}", false),
                row("array of values is an OR", "{\"source\": [\"a\", \"lab.app\"]}", "{\"source\": \"lab.app\"}", true),
                row("missing field does not match", "{\"source\": [\"a\"]}", "{\"other\": \"a\"}", false),
                row("number by value", "{\"n\": [5]}", "{\"n\": 5.0}", true),
                row("number is not its string", "{\"n\": [5]}", "{\"n\": \"5\"}", false),
                row("string is not a number", "{\"n\": [\"5\"]}", "{\"n\": 5}", false),
                row("boolean", "{\"b\": [true]}", "{\"b\": true}", true),
                row("boolean is not its string", "{\"b\": [true]}", "{\"b\": \"true\"}", false),
                row("null matches null", "{\"v\": [null]}", "{\"v\": null}", true),
                row("null does not match a missing field", "{\"v\": [null]}", "{}", false),
                row("empty string", "{\"v\": [\"\"]}", "{\"v\": \"\"}", true),
                row("keys are case sensitive", "{\"Source\": [\"a\"]}", "{\"source\": \"a\"}", false),
                // Nesting, dotted names, arrays in events.
                row("nested objects", "{\"detail\": {\"state\": [\"running\"]}}",
                        "{\"detail\": {\"state\": \"running\", \"x\": 1}}", true),
                row("nested mismatch", "{\"detail\": {\"state\": [\"running\"]}}",
                        "{\"detail\": {\"state\": \"stopped\"}}", false),
                row("a dotted name in the pattern is the nested path", "{\"detail.state\": [\"on\"]}",
                        "{\"detail\": {\"state\": \"on\"}}", true),
                row("a dotted name in the event is the nested path", "{\"detail\": {\"state\": [\"on\"]}}",
                        "{\"detail.state\": \"on\"}", true),
                row("an array in the event matches when one element does", "{\"resources\": [\"r2\"]}",
                        "{\"resources\": [\"r1\", \"r2\"]}", true),
                row("array elements none of which match", "{\"resources\": [\"r3\"]}",
                        "{\"resources\": [\"r1\", \"r2\"]}", false),
                row("objects inside arrays", "{\"a\": {\"b\": [2]}}", "{\"a\": [{\"b\": 1}, {\"b\": 2}]}", true),
                row("fields of one array element go together", "{\"a\": {\"b\": [1], \"c\": [4]}}",
                        "{\"a\": [{\"b\": 1, \"c\": 2}, {\"b\": 3, \"c\": 4}]}", false),
                row("fields of the same array element match", "{\"a\": {\"b\": [3], \"c\": [4]}}",
                        "{\"a\": [{\"b\": 1, \"c\": 2}, {\"b\": 3, \"c\": 4}]}", true),
                row("an object value is not a leaf", "{\"a\": [\"x\"]}", "{\"a\": {\"b\": \"x\"}}", false),
                // prefix / suffix, with equals-ignore-case.
                row("prefix", "{\"k\": [{\"prefix\": \"incoming/\"}]}", "{\"k\": \"incoming/a.csv\"}", true),
                row("prefix mismatch", "{\"k\": [{\"prefix\": \"incoming/\"}]}", "{\"k\": \"other/a.csv\"}", false),
                row("prefix never matches a number", "{\"k\": [{\"prefix\": \"1\"}]}", "{\"k\": 12}", false),
                row("prefix ignoring case", "{\"k\": [{\"prefix\": {\"equals-ignore-case\": \"INcoming\"}}]}",
                        "{\"k\": \"incoming/a\"}", true),
                row("suffix", "{\"k\": [{\"suffix\": \".png\"}]}", "{\"k\": \"a/b.png\"}", true),
                row("suffix mismatch", "{\"k\": [{\"suffix\": \".png\"}]}", "{\"k\": \"a/b.PNG\"}", false),
                row("suffix ignoring case", "{\"k\": [{\"suffix\": {\"equals-ignore-case\": \".png\"}}]}",
                        "{\"k\": \"a/b.PNG\"}", true),
                // equals-ignore-case, wildcard.
                row("equals-ignore-case", "{\"t\": [{\"equals-ignore-case\": \"EC2 Instance\"}]}",
                        "{\"t\": \"ec2 instance\"}", true),
                row("equals-ignore-case mismatch", "{\"t\": [{\"equals-ignore-case\": \"EC2\"}]}",
                        "{\"t\": \"ec2 instance\"}", false),
                row("wildcard", "{\"arn\": [{\"wildcard\": \"arn:aws:s3:::*/raw/*.csv\"}]}",
                        "{\"arn\": \"arn:aws:s3:::b/raw/2024/x.csv\"}", true),
                row("wildcard mismatch", "{\"arn\": [{\"wildcard\": \"*.csv\"}]}", "{\"arn\": \"x.json\"}", false),
                row("escaped star is literal", "{\"v\": [{\"wildcard\": \"a\\\\*b\"}]}", "{\"v\": \"a*b\"}", true),
                row("escaped star does not match other text", "{\"v\": [{\"wildcard\": \"a\\\\*b\"}]}",
                        "{\"v\": \"axb\"}", false),
                // anything-but.
                row("anything-but a string", "{\"s\": [{\"anything-but\": \"stopped\"}]}", "{\"s\": \"running\"}", true),
                row("anything-but the same string", "{\"s\": [{\"anything-but\": \"stopped\"}]}",
                        "{\"s\": \"stopped\"}", false),
                row("anything-but a list", "{\"s\": [{\"anything-but\": [\"a\", \"b\"]}]}", "{\"s\": \"b\"}", false),
                row("anything-but numbers", "{\"n\": [{\"anything-but\": [100, 200]}]}", "{\"n\": 300}", true),
                row("anything-but a number by value", "{\"n\": [{\"anything-but\": 100}]}", "{\"n\": 100.0}", false),
                row("anything-but needs the field", "{\"s\": [{\"anything-but\": \"x\"}]}", "{}", false),
                row("anything-but matches null", "{\"s\": [{\"anything-but\": \"x\"}]}", "{\"s\": null}", true),
                row("anything-but prefix", "{\"s\": [{\"anything-but\": {\"prefix\": \"init\"}}]}",
                        "{\"s\": \"running\"}", true),
                row("anything-but prefix excluded", "{\"s\": [{\"anything-but\": {\"prefix\": \"init\"}}]}",
                        "{\"s\": \"initializing\"}", false),
                row("anything-but prefix list", "{\"s\": [{\"anything-but\": {\"prefix\": [\"a\", \"b\"]}}]}",
                        "{\"s\": \"bee\"}", false),
                row("anything-but suffix", "{\"f\": [{\"anything-but\": {\"suffix\": \".txt\"}}]}",
                        "{\"f\": \"a.png\"}", true),
                row("anything-but suffix excluded", "{\"f\": [{\"anything-but\": {\"suffix\": \".txt\"}}]}",
                        "{\"f\": \"a.txt\"}", false),
                row("anything-but ignoring case", "{\"s\": [{\"anything-but\": {\"equals-ignore-case\": [\"Stopped\"]}}]}",
                        "{\"s\": \"STOPPED\"}", false),
                row("anything-but ignoring case, another value",
                        "{\"s\": [{\"anything-but\": {\"equals-ignore-case\": \"Stopped\"}}]}", "{\"s\": \"running\"}", true),
                row("anything-but wildcard", "{\"p\": [{\"anything-but\": {\"wildcard\": \"*/lib/*\"}}]}",
                        "{\"p\": \"/usr/bin/x\"}", true),
                row("anything-but wildcard excluded", "{\"p\": [{\"anything-but\": {\"wildcard\": [\"*/lib/*\", \"*.so\"]}}]}",
                        "{\"p\": \"a.so\"}", false),
                // numeric.
                row("numeric range", "{\"c\": [{\"numeric\": [\">\", 0, \"<=\", 5]}]}", "{\"c\": 5}", true),
                row("numeric range open bottom", "{\"c\": [{\"numeric\": [\">\", 0, \"<=\", 5]}]}", "{\"c\": 0}", false),
                row("numeric range above", "{\"c\": [{\"numeric\": [\">\", 0, \"<\", 5]}]}", "{\"c\": 5}", false),
                row("numeric equals", "{\"c\": [{\"numeric\": [\"=\", 301.8]}]}", "{\"c\": 3.018e2}", true),
                row("numeric at least", "{\"c\": [{\"numeric\": [\">=\", 10]}]}", "{\"c\": 10}", true),
                row("numeric less than", "{\"c\": [{\"numeric\": [\"<\", 10]}]}", "{\"c\": -1.5}", true),
                row("numeric never matches a string", "{\"c\": [{\"numeric\": [\">\", 0]}]}", "{\"c\": \"7\"}", false),
                row("numeric never matches null", "{\"c\": [{\"numeric\": [\">\", 0]}]}", "{\"c\": null}", false),
                // exists.
                row("exists true", "{\"d\": {\"k\": [{\"exists\": true}]}}", "{\"d\": {\"k\": \"v\"}}", true),
                row("exists true on a missing field", "{\"d\": {\"k\": [{\"exists\": true}]}}", "{\"d\": {}}", false),
                row("exists true matches null", "{\"k\": [{\"exists\": true}]}", "{\"k\": null}", true),
                row("exists true is for leaves", "{\"k\": [{\"exists\": true}]}", "{\"k\": {\"x\": 1}}", false),
                row("exists false", "{\"d\": {\"k\": [{\"exists\": false}]}}", "{\"d\": {\"other\": 1}}", true),
                row("exists false on a present field", "{\"k\": [{\"exists\": false}]}", "{\"k\": \"v\"}", false),
                row("exists false on an empty array", "{\"k\": [{\"exists\": false}]}", "{\"k\": []}", true),
                row("a value or absence", "{\"k\": [\"v\", {\"exists\": false}]}", "{}", true),
                // cidr, and IP literals.
                row("cidr", "{\"ip\": [{\"cidr\": \"10.0.0.0/24\"}]}", "{\"ip\": \"10.0.0.255\"}", true),
                row("cidr outside", "{\"ip\": [{\"cidr\": \"10.0.0.0/24\"}]}", "{\"ip\": \"10.0.1.0\"}", false),
                row("cidr of IPv6", "{\"ip\": [{\"cidr\": \"2001:db8:1234:1a00::/64\"}]}",
                        "{\"ip\": \"2001:db8:1234:1a00::dc0:1\"}", true),
                row("cidr never matches a non-address", "{\"ip\": [{\"cidr\": \"10.0.0.0/8\"}]}",
                        "{\"ip\": \"example.com\"}", false),
                row("an IPv6 literal matches however it is written", "{\"ip\": [\"2001:db8::1\"]}",
                        "{\"ip\": \"2001:0db8:0:0:0:0:0:1\"}", true),
                // $or.
                row("$or first branch", "{\"source\": [\"a\"], \"$or\": [{\"x\": [1]}, {\"y\": [2]}]}",
                        "{\"source\": \"a\", \"x\": 1}", true),
                row("$or second branch", "{\"source\": [\"a\"], \"$or\": [{\"x\": [1]}, {\"y\": [2]}]}",
                        "{\"source\": \"a\", \"y\": 2}", true),
                row("$or keeps the other fields", "{\"source\": [\"a\"], \"$or\": [{\"x\": [1]}, {\"y\": [2]}]}",
                        "{\"source\": \"b\", \"y\": 2}", false),
                row("$or nested inside an object", "{\"detail\": {\"$or\": [{\"c\": [{\"numeric\": [\">\", 5]}]},"
                        + " {\"d\": [{\"exists\": false}]}]}}", "{\"detail\": {\"c\": 1, \"d\": 0}}", false),
                row("$or nested, matching the exists branch", "{\"detail\": {\"$or\": [{\"c\": [{\"numeric\": [\">\", 5]}]},"
                        + " {\"d\": [{\"exists\": false}]}]}}", "{\"detail\": {\"c\": 1}}", true),
                // S3 events as EventBridge receives them.
                row("an S3 Object Created pattern", "{\"source\": [\"aws.s3\"], \"detail-type\": [\"Object Created\"],"
                        + " \"detail\": {\"bucket\": {\"name\": [\"lab\"]}, \"object\": {\"key\": [{\"prefix\": \"raw/\"}],"
                        + " \"size\": [{\"numeric\": [\">\", 0]}]}}}", "{\"source\": \"aws.s3\", \"detail-type\":"
                        + " \"Object Created\", \"detail\": {\"bucket\": {\"name\": \"lab\"}, \"object\": {\"key\":"
                        + " \"raw/2024-05.csv\", \"size\": 812}}}", true));
    }

    private static Arguments row(String name, String pattern, String event, boolean expected) {
        return Arguments.of(name, pattern, event, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aPatternMatchesTheEventsAwsMatches(String name, String pattern, String event, boolean expected)
            throws Exception {
        assertThat(EventPattern.parse(pattern).matches(JSON.readTree(event))).as(name).isEqualTo(expected);
    }

    /** Refusals recorded against AWS (the message's raw form, with the position Jackson reports). */
    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("{\"int\": 42}", "\"int\" must be an object or an array\n at [Source: (String)"
                        + "\"{\"int\": 42}\"; line: 1, column: 11]"),
                Arguments.of("{\"string\": \"my-value\"}", "\"string\" must be an object or an array\n at [Source:"
                        + " (String)\"{\"string\": \"my-value\"}\"; line: 1, column: 13]"),
                Arguments.of("{\"resources\": []}", "Empty arrays are not allowed\n at [Source: (String)"
                        + "\"{\"resources\": []}\"; line: 1, column: 17]"),
                Arguments.of("{\"detail\": {\"equal\": [{\"NUMERIC\": [\"=\", 5]}]}}", "Unrecognized match type "
                        + "NUMERIC\n at [Source: (String)\"{\"detail\": {\"equal\": [{\"NUMERIC\": [\"=\", 5]}]}}\";"
                        + " line: 1, column: 36]"),
                Arguments.of("{\"my_key\": [{\"EXISTS\": true}]}", "Unrecognized match type EXISTS\n at [Source:"
                        + " (String)\"{\"my_key\": [{\"EXISTS\": true}]}\"; line: 1, column: 28]"),
                Arguments.of("{\"detail\": {\"c-count\": [{\"numeric\": [\">\", 0, \">\", 0]}]}}", "Bad numeric range"
                        + " operator: >\n at [Source: (String)\"{\"detail\": {\"c-count\": [{\"numeric\": [\">\", 0,"
                        + " \">\", 0]}]}}\"; line: 1, column: 49]"),
                Arguments.of("{\"detail\": {\"c-count\": [{\"numeric\": [\">\", 0, \"<\"]}]}}", "Value of < must be"
                        + " numeric\n at [Source: (String)\"{\"detail\": {\"c-count\": [{\"numeric\": [\">\", 0,"
                        + " \"<\"]}]}}\"; line: 1, column: 50]"),
                Arguments.of("{\"EventBusArn\": [{\"wildcard\": \"arn:aws:events:us-east-1:**:event-bus/*\"}]}",
                        "Consecutive wildcard characters at pos 26\n at [Source: (String)\"{\"EventBusArn\": "
                                + "[{\"wildcard\": \"arn:aws:events:us-east-1:**:event-bus/*\"}]}\"; line: 1, column: 72]"),
                Arguments.of("{\"detail-type\": [{\"equals-ignore-case\": [\"ec2 instance state-change notification\"]}]}",
                        "equals-ignore-case match pattern must be a string\n at [Source: (String)\"{\"detail-type\":"
                                + " [{\"equals-ignore-case\": [\"ec2 instance state-change notification\"]}]}\"; line:"
                                + " 1, column: 42]"),
                Arguments.of("{\"detail\": {\"state\": [{\"anything-but\": {\"equals-ignore-case\": 123}}]}}",
                        "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.\n"
                                + " at [Source: (String)\"{\"detail\": {\"state\": [{\"anything-but\":"
                                + " {\"equals-ignore-case\": 123}}]}}\"; line: 1, column: 66]"),
                Arguments.of("{\"detail\": {\"state\": [{\"anything-but\": {\"prefix\": [123, \"test\"]}}]}}",
                        "prefix/suffix match pattern must be a string\n at [Source: (String)\"{\"detail\": {\"state\":"
                                + " [{\"anything-but\": {\"prefix\": [123, \"test\"]}}]}}\"; line: 1, column: 55]\n at"
                                + " [Source: (String)\"{\"detail\": {\"state\": [{\"anything-but\": {\"prefix\": [123,"
                                + " \"test\"]}}]}}\"; line: 1, column: 55]"),
                Arguments.of("{\"detail\": {\"FileName\": [{\"anything-but\": {\"suffix\": 123}}]}}",
                        "prefix/suffix match pattern must be a string\n at [Source: (String)\"{\"detail\":"
                                + " {\"FileName\": [{\"anything-but\": {\"suffix\": 123}}]}}\"; line: 1, column: 57]"),
                Arguments.of("{\"detail\": {\"FileName\": [{\"anything-but\": {\"prefix\": {\"equals-ignore-case\":"
                        + " \"file\"}}}]}}", "Value of anything-but must be an array or single string/number value.\n"
                        + " at [Source: (String)\"{\"detail\": {\"FileName\": [{\"anything-but\": {\"prefix\":"
                        + " {\"equals-ignore-case\": \"file\"}}}]}}\"; line: 1, column: 55]"),
                Arguments.of("{\"EventBusArn\": [{\"wildcard\": 123}]}", "wildcard match pattern must be a string\n at"
                        + " [Source: (String)\"{\"EventBusArn\": [{\"wildcard\": 123}]}\"; line: 1, column: 34]"),
                Arguments.of("{\"time\": [{\"prefix\": [\"2022-07-13\"]}]}", "prefix match pattern must be a string\n"
                        + " at [Source: (String)\"{\"time\": [{\"prefix\": [\"2022-07-13\"]}]}\"; line: 1, column: 23]"),
                Arguments.of("{\"FileName\": [{\"suffix\": 123}]}", "suffix match pattern must be a string\n at"
                        + " [Source: (String)\"{\"FileName\": [{\"suffix\": 123}]}\"; line: 1, column: 29]"),
                Arguments.of("{\"detail\": {\"sourceIPAddress\": [{\"cidr\": [\"bad-type\"]}]}}", "prefix match pattern"
                        + " must be a string\n at [Source: (String)\"{\"detail\": {\"sourceIPAddress\": [{\"cidr\":"
                        + " [\"bad-type\"]}]}}\"; line: 1, column: 43]"),
                Arguments.of("{\"ip\": [{\"cidr\": \"bad\"}]}", "Malformed CIDR, one '/' required"),
                Arguments.of("{\"ip\": [{\"cidr\": \"10.0.0.0/x\"}]}", "Malformed CIDR, mask bits must be an integer"),
                Arguments.of("{\"ip\": [{\"cidr\": \"xx.11.xx/24\"}]}", "Nonstandard IP address: xx.11.xx"),
                Arguments.of("[\"not\", \"a\", \"dict\", \"but valid json\"]", "Filter is not an object\n at [Source:"
                        + " (String)\"[\"not\", \"a\", \"dict\", \"but valid json\"]\"; line: 1, column: 2]"),
                Arguments.of("this is valid json but not a dict", "Unrecognized token 'this': was expecting (JSON"
                        + " String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)"
                        + "\"this is valid json but not a dict\"; line: 1, column: 5]"),
                Arguments.of("{'bad': 'quotation'}", "Unexpected character (''' (code 39)): was expecting double-quote"
                        + " to start field name\n at [Source: (String)\"{'bad': 'quotation'}\"; line: 1, column: 2]"),
                Arguments.of("{\"a\": [{\"exists\": \"yes\"}]}", "exists match pattern must be either true or false.\n"
                        + " at [Source: (String)\"{\"a\": [{\"exists\": \"yes\"}]}\"; line: 1, column: 20]"),
                Arguments.of("{\"$or\": [{\"a\": [1]}]}", "There must have at least 2 Objects in $or relationship.\n"
                        + " at [Source: (String)\"{\"$or\": [{\"a\": [1]}]}\"; line: 1, column: 21]"),
                Arguments.of("{\"a\": [{\"anything-but\": [\"x\", 1]}]}", "Inside anything but list, either all values"
                        + " are number or string, mixed type is not supported\n at [Source: (String)\"{\"a\": "
                        + "[{\"anything-but\": [\"x\", 1]}]}\"; line: 1, column: 33]"),
                Arguments.of("{}", "Empty objects are not allowed\n at [Source: (String)\"{}\"; line: 1, column: 3]"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void anInvalidPatternIsRefusedInAwsWords(String pattern, String reason) {
        assertThatThrownBy(() -> EventPattern.parse(pattern))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidEventPatternException");
                    assertThat(e.status()).isEqualTo(400);
                })
                .hasMessage("Event pattern is not valid. Reason: " + reason);
    }
}
