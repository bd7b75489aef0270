package io.labrunner.cli;

import io.labrunner.target.TargetKind;
import io.labrunner.target.TargetOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
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

    @Option(names = "--endpoint", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "With --target endpoint: a running LocalStack, Floci or 'lab emulator'. Default: AWS_ENDPOINT_URL.")
    URI endpoint;

    @Option(names = "--image", scope = ScopeType.INHERIT, paramLabel = "IMAGE",
            description = "With --target localstack or floci: the container image instead of the pinned one.")
    String image;

    @Option(names = "--reuse", scope = ScopeType.INHERIT,
            description = "With --target localstack or floci: keep the container running for the next run.")
    boolean reuse;

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "With --target aws: the AWS profile. Default: the SDK's credential chain.")
    String profile;

    @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION",
            description = "The AWS region; --target aws needs one (or AWS_REGION).")
    String region;

    @Option(names = {"-y", "--yes"}, scope = ScopeType.INHERIT,
            description = "With --target aws: go ahead without asking (CI). Without a terminal, nothing runs unless given.")
    boolean yes;

    TargetOptions targetOptions(Map<String, String> env) {
        return new TargetOptions(target, Optional.ofNullable(endpoint), Optional.ofNullable(image), reuse,
                Optional.ofNullable(profile), Optional.ofNullable(region), env);
    }

    /** Colours only on a terminal, and not with {@code --no-color} or {@code NO_COLOR} set. */
    Style style() {
        return new Style(Terminal.interactive() && !noColor && System.getenv("NO_COLOR") == null);
    }

    /** Targets {@code --target} accepts. */
    static final class TargetNames extends java.util.ArrayList<String> {
        TargetNames() {
            super(TargetKind.optionNames());
        }
    }
}
