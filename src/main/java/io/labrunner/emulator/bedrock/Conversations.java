package io.labrunner.emulator.bedrock;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.bedrock.text.Prompt.Turn;
import java.util.List;

/** The turn-order rules every Bedrock chat model enforces, with Converse's error messages. */
final class Conversations {
    private Conversations() {
    }

    static void requireUserFirstAndAlternating(List<Turn> turns) {
        if (turns.isEmpty() || turns.get(0).role() != Turn.Role.USER) {
            throw AwsException.validation("A conversation must start with a user message. "
                    + "Try again with a conversation that starts with a user message.");
        }
        for (int i = 1; i < turns.size(); i++) {
            if (turns.get(i).role() == turns.get(i - 1).role()) {
                throw AwsException.validation("A conversation must alternate between user and assistant roles. "
                        + "Make sure the conversation alternates between user and assistant roles and try again.");
            }
        }
        if (turns.get(turns.size() - 1).role() != Turn.Role.USER) {
            // A trailing assistant turn asks a real model to continue it; the emulator cannot, so it says so.
            throw AwsException.validation("The emulator's text models answer a final user message; "
                    + "end the conversation with a user message (assistant prefill is not supported).");
        }
    }
}
