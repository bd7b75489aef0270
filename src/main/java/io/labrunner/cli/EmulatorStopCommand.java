package io.labrunner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.target.RunningEmulator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lab emulator stop}: ends the emulator serving this state directory, and waits until it has. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop the lab emulator serving this LAB_RUNNER_HOME (one 'lab start' started, or a"
                + " 'lab emulator' in another terminal). Its data stays for the next one.")
final class EmulatorStopCommand implements Callable<Integer> {
    /** The emulator's own stop gives up after 10 s and exits anyway; this waits a little longer. */
    private static final long PATIENCE_SECONDS = 15;

    @ParentCommand
    EmulatorCommand emulator;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LabCommand root = emulator.root;
        Path note = root.state.emulatorPidFile();
        Optional<RunningEmulator> found = RunningEmulator.read(note);
        String said;
        boolean stopped = false;
        if (found.isEmpty()) {
            said = "No lab emulator is running for " + root.state.root() + ".";
        } else if (!found.get().processAlive() || !(found.get().answers() || looksLikeLab(found.get().pid()))) {
            // A note whose process is gone, or whose pid now belongs to another program: never signal that one.
            RunningEmulator.deleteIfNames(note, found.get().pid());
            said = "No lab emulator is running for " + root.state.root() + " (the note of pid " + found.get().pid()
                    + ", which ended, is removed).";
        } else {
            RunningEmulator running = found.get();
            ProcessHandle process = ProcessHandle.of(running.pid()).orElseThrow();
            process.destroy();
            boolean ended = waitFor(process, PATIENCE_SECONDS);
            if (!ended) {
                process.destroyForcibly();
                ended = waitFor(process, 5);
            }
            RunningEmulator.deleteIfNames(note, running.pid());
            stopped = ended;
            said = ended ? "Stopped the lab emulator (pid " + running.pid() + ") that served " + running.endpoint()
                    + (running.data() == null ? "." : "; its data stays in " + running.data() + ".")
                    : "The lab emulator (pid " + running.pid() + ") did not stop; end it with: kill -9 " + running.pid();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (root.options.output == GlobalOptions.OutputFormat.json) {
            ObjectNode json = new ObjectMapper().createObjectNode();
            json.put("stopped", stopped);
            found.ifPresent(r -> json.put("pid", r.pid()).put("endpoint", r.endpoint()));
            json.put("message", said);
            out.println(json.toPrettyString());
        } else {
            out.println(said);
        }
        out.flush();
        return found.isPresent() && found.get().processAlive() && !stopped ? Main.CHECK_FAILED : 0;
    }

    private static boolean waitFor(ProcessHandle process, long seconds) throws InterruptedException {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        }
    }

    /** Whether the process's command line (where the system shows it) is Lab Runner's. */
    private static boolean looksLikeLab(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine())
                .map(line -> line.contains("io.labrunner")).orElse(false);
    }
}
