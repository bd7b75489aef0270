package io.labrunner.cli;

import io.labrunner.core.StateDirectory;
import io.labrunner.labs.LabCatalog;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lab}: the root command; it only lists its subcommands. */
@Command(name = "lab",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Hands-on AWS data and ML engineering labs: on an embedded emulator in seconds,"
                + " then the same code on a real account.",
        subcommands = {
                ListCommand.class, ShowCommand.class, RunCommand.class, StartCommand.class,
                CheckCommand.class, SolveCommand.class, CleanupCommand.class, TestCommand.class,
                SweepCommand.class, EmulatorCommand.class, DoctorCommand.class,
                // The learner's loop around a started lab.
                StatusCommand.class, EnvCommand.class, HintCommand.class,
                QuizCommand.class, ProgressCommand.class,
                HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
                "  lab list                       the labs, with exam domain and time",
                "  lab run s3-data-formats        setup, solution, checks and cleanup in one go",
                "  lab start s3-data-formats      set up and show your task; then:",
                "  eval \"$(lab env)\"              your names, ENDPOINT and key pair in your shell",
                "  lab check                      check your work; 'lab hint' when stuck",
                "  lab status                     what is started; 'lab cleanup' when done",
                "  lab test --all --junit out.xml the CI self-test of every lab",
                "  lab run --all --target localstack   the labs in LocalStack (Docker)",
                "  lab sweep --target aws --region eu-west-1   what runs left on an account",
                "",
                "Exit status: 0 ok, 1 a check or lab failed, 2 usage or configuration error."})
public final class LabCommand implements Runnable {

    @Mixin
    GlobalOptions options;

    @Spec
    CommandSpec spec;

    final LabCatalog catalog;
    final StateDirectory state;
    final Clock clock;
    /** The environment targets read (tokens, allow-lists, AWS_ENDPOINT_URL); tests replace it. */
    Map<String, String> env = System.getenv();
    /** Starts the shared emulator when none serves the state directory; tests replace it. */
    EmulatorLauncher emulators = new BackgroundEmulator();
    /** Asks a yes/no question on the terminal; empty when there is none to ask on. Tests replace it. */
    Prompt prompt = Prompt.terminal();

    public LabCommand(LabCatalog catalog, StateDirectory state, Clock clock) {
        this.catalog = catalog;
        this.state = state;
        this.clock = clock;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: try 'lab list', or 'lab --help' for all commands.");
    }
}
