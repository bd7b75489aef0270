package io.labrunner.cli;

import io.labrunner.core.Failures;
import io.labrunner.core.LabException;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.StopSignal;
import io.labrunner.core.Suggestions;
import io.labrunner.emulator.EmulatorException;
import io.labrunner.labs.LabCatalog;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Entry point of the {@code lab} command. */
public final class Main {
    static final int CHECK_FAILED = 1;
    static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(exitStatus(commandLine(LabCatalog.builtIn(), StateDirectory.fromEnvironment()).execute(args)));
    }

    /**
     * The process's exit status once a command returned {@code status}: 130 after Ctrl-C or
     * SIGTERM, whatever the interrupted labs came to.
     */
    public static int exitStatus(int status) {
        StopSignal stop = StopSignal.jvm();
        return stop.stopping() ? stop.exitStatus() : status;
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine commandLine(LabCatalog catalog, StateDirectory state) {
        LabCommand root = new LabCommand(catalog, state, Clock.systemUTC());
        CommandLine cli = new CommandLine(root);
        // 'lab run --help' and friends: picocli gives -h/--help only to the command that asks for it.
        cli.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
        });
        EmulatorCommand.ownOptionsOnly(cli.getSubcommands().get("emulator"));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        HelpLayout.apply(cli); // whole command descriptions, as wide as the terminal
        cli.setExecutionStrategy(parsed -> {
            // Checked here rather than at start-up so that the answer is one line and exit 2, like other usage errors.
            if (!helpRequested(parsed) && Files.exists(state.root()) && !Files.isDirectory(state.root())) {
                throw new ParameterException(cli, "LAB_RUNNER_HOME is " + state.root()
                        + ", which is a file; point it at a folder (or unset it for ~/.lab-runner)");
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setParameterExceptionHandler(oneLineUsageErrors());
        cli.setExecutionExceptionHandler(oneLineExecutionErrors(root));
        return cli;
    }

    private static boolean helpRequested(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return true;
            }
        }
        return false;
    }

    /** A usage error is one line with a hint, and exit status 2. */
    private static IParameterExceptionHandler oneLineUsageErrors() {
        return (ParameterException e, String[] args) -> {
            CommandLine cmd = e.getCommandLine();
            PrintWriter err = cmd.getErr();
            String hint = " See '" + cmd.getCommandSpec().qualifiedName() + " --help'.";
            String message = e.getMessage();
            if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
                String typed = unmatched.getUnmatched().get(0);
                List<String> names = new ArrayList<>(cmd.getSubcommands().keySet());
                cmd.getCommandSpec().options().forEach(o -> names.addAll(List.of(o.names())));
                Optional<String> meant = Suggestions.closest(typed, names);
                if (meant.isPresent()) {
                    hint = " Did you mean '" + meant.get() + "'?" + hint;
                }
            }
            err.println("lab: " + message + (message.endsWith(".") ? "" : ".") + hint);
            err.flush();
            return USAGE;
        };
    }

    private static boolean isUserError(Throwable e) {
        return e instanceof LabException || e instanceof EmulatorException;
    }

    /**
     * A user mistake ({@link LabException}) is one line and exit status 2; anything else is a bug
     * or an unexpected failure: one line too, the stack trace with {@code -v}.
     */
    private static IExecutionExceptionHandler oneLineExecutionErrors(LabCommand root) {
        return (Exception e, CommandLine cmd, CommandLine.ParseResult parsed) -> {
            if (StopSignal.jvm().stopping()) {
                // Cut short by Ctrl-C or SIGTERM (an emulator that was starting, a target being opened):
                // the stop has said so in its own line; what the interrupt broke is no error to report.
                return StopSignal.jvm().exitStatus();
            }
            PrintWriter err = cmd.getErr();
            Throwable cause = e;
            while (!isUserError(cause) && cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            if (isUserError(cause)) {
                err.println("lab: " + cause.getMessage());
                err.flush();
                return USAGE;
            }
            err.println("lab: unexpected error: " + Failures.describe(e)
                    + (root.options.verbose ? "" : " (run with -v for details)"));
            if (root.options.verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return CHECK_FAILED;
        };
    }
}
