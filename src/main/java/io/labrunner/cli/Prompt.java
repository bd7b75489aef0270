package io.labrunner.cli;

import java.io.Console;
import java.util.Locale;
import java.util.Optional;

/** A yes/no question for the person at the terminal. */
@FunctionalInterface
interface Prompt {

    /** The answer (no unless they type y or yes), or empty when there is no terminal to ask on. */
    Optional<Boolean> yesNo(String question);

    /** Asks on the process's terminal, if it has one. */
    static Prompt terminal() {
        return question -> {
            Console console = System.console();
            if (console == null || !Terminal.interactive()) {
                return Optional.empty();
            }
            String answer = console.readLine("%s", question);
            return Optional.of(answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes"));
        };
    }
}
