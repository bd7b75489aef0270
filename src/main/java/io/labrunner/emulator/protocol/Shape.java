package io.labrunner.emulator.protocol;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One shape of an AWS API model, with the constraints AWS checks before an operation runs.
 *
 * @param name     the shape's name in the model
 * @param type     its kind
 * @param members  a structure's members in model order: member name to shape name
 * @param required a structure's required member names
 * @param member   a list's element shape name
 * @param key      a map's key shape name
 * @param value    a map's value shape name
 * @param min      length (string, blob, list, map) or value (numbers) lower bound, or null
 * @param max      upper bound likewise, or null
 * @param pattern  a string's pattern, or null
 * @param enumValues a string's allowed values, empty when any value goes
 * @param bindings a REST structure's members bound to the URI, query string or headers rather than the body
 * @param payload  a REST structure's member that is the whole body ({@code "payload"} in the model), or null
 * @param sensitive whether values of this shape are secret or personal ({@code "sensitive": true}), which
 *                 services such as Bedrock do not quote back
 */
public record Shape(String name, ShapeType type, Map<String, String> members, Set<String> required, String member,
        String key, String value, BigDecimal min, BigDecimal max, AwsPattern pattern, List<String> enumValues,
        Map<String, MemberBinding> bindings, String payload, boolean sensitive) {

    /** True when values of this shape carry no constraint of their own, so validation can skip them. */
    boolean unconstrained() {
        return min == null && max == null && pattern == null && enumValues.isEmpty();
    }
}
