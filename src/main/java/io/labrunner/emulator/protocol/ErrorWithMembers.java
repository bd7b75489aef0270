package io.labrunner.emulator.protocol;

import io.labrunner.emulator.AwsException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error whose body carries members besides {@code __type} and the message, as some services'
 * error shapes do (Athena's InvalidRequestException carries {@code AthenaErrorCode}). The protocol
 * core writes the members into the error body, after the message.
 */
public class ErrorWithMembers extends AwsException {
    private final transient Map<String, Object> members;

    /**
     * @param members the extra members, in the order they are written; names as on the wire, values strings or
     *                numbers as their shapes are
     */
    public ErrorWithMembers(String code, String message, int status, Map<String, ?> members) {
        super(code, message, status);
        this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /** The extra members of the error body. */
    public Map<String, Object> members() {
        return members;
    }
}
