package io.labrunner.emulator.protocol;

import java.util.List;

/**
 * One operation of an AWS API model.
 *
 * @param name   the operation's name, as in {@code X-Amz-Target: Prefix.Name}
 * @param input  the input structure's shape name, or null for an operation that takes none
 * @param output the output structure's shape name, or null: then AWS answers an empty body
 * @param errors the error shapes the operation declares
 * @param resultWrapper the element the query protocol wraps the output in ({@code CreateRoleResult}), or null
 * @param http   where a REST protocol serves it, or null when the model says nothing
 */
public record Operation(String name, String input, String output, List<String> errors, String resultWrapper,
        HttpBinding http) {
}
