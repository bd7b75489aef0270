package io.labrunner.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts, before or after its name. */
final class GlobalOptions {

    enum OutputFormat { text, json }

    @Option(names = "--target", scope = ScopeType.INHERIT, paramLabel = "NAME", defaultValue = "embedded",
            description = "Where labs run: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
            completionCandidates = TargetNames.class)
    String target;

    @Option(names = "--output", scope = ScopeType.INHERIT, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: one JSON document on standard output.")
    OutputFormat output;

    @Option(names = "--junit", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Also write JUnit XML (one test case per check) to FILE.")
    Path junit;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "No colours (also when NO_COLOR is set).")
    boolean noColor;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show what every check saw, and stack traces of unexpected errors.")
    boolean verbose;

    /** Colours only on a terminal, and not with {@code --no-color} or {@code NO_COLOR} set. */
    Style style() {
        return new Style(Terminal.interactive() && !noColor && System.getenv("NO_COLOR") == null);
    }

    /** Targets {@code --target} accepts in this version. */
    static final class TargetNames extends java.util.ArrayList<String> {
        TargetNames() {
            super(java.util.List.of("embedded"));
        }
    }
}
