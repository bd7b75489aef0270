package io.labrunner.emulator.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsRequest;

/**
 * One operation's behaviour. It receives input that already satisfies the model (types,
 * required members, lengths, ranges, patterns, enums) and returns the output members, or null
 * for an operation whose output the model does not declare.
 */
@FunctionalInterface
public interface OperationHandler {

    /**
     * @param input   the validated input: unknown and null members removed, blobs as binary nodes,
     *                timestamps as epoch milliseconds
     * @param request the request, for its region, account and headers
     * @return the output: a map, a JSON tree, or any value the service's output modules can serialise
     * @throws io.labrunner.emulator.AwsException for the operation's own errors
     */
    Object handle(ObjectNode input, AwsRequest request);
}
