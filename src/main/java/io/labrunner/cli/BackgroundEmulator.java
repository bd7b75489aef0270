package io.labrunner.cli;

import io.labrunner.core.LabException;
import io.labrunner.core.StateDirectory;
import io.labrunner.target.ModelServerSetting;
import io.labrunner.target.RunningEmulator;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts {@code lab emulator} as a process of its own that outlives the command: the same Java and
 * class path as this one, serving the state directory's data folder, its output in
 * {@code emulator.log} there. On Linux it gets a session of its own ({@code setsid}), so a Ctrl-C
 * typed in the terminal does not reach it; {@code lab emulator stop} ends it.
 *
 * <p>Why start one rather than refuse: the learner's next step is the AWS CLI, which needs an
 * emulator that is still serving when {@code lab start} has returned.
 */
final class BackgroundEmulator implements EmulatorLauncher {
    /** The port the guides' examples use; another is taken when it is busy. */
    static final int USUAL_PORT = 4566;
    private static final Duration READY_WITHIN = Duration.ofSeconds(90);

    private final int preferredPort;

    BackgroundEmulator() {
        this(USUAL_PORT);
    }

    /** One that serves on {@code preferredPort} when it is free, else any free port; 0 is always any. */
    BackgroundEmulator(int preferredPort) {
        this.preferredPort = preferredPort;
    }

    @Override
    public RunningEmulator launch(StateDirectory state, PrintWriter progress) throws IOException, InterruptedException {
        Path log = state.emulatorLog();
        Files.createDirectories(log.getParent());
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder builder = new ProcessBuilder(command(state, log))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())));
        builder.environment().put("LAB_RUNNER_HOME", state.root().toString());
        progress.println("Starting the lab emulator in the background (it serves " + state.emulatorData() + ")…");
        progress.flush();
        long start = System.nanoTime();
        Process child = builder.start();
        long deadline = start + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<RunningEmulator> note = RunningEmulator.readIfAlive(state.emulatorPidFile());
            if (note.isPresent() && startedBy(child, note.get())) {
                RunningEmulator running = note.get();
                progress.println("Lab emulator serving on " + running.endpoint() + " (pid " + running.pid() + ", log "
                        + log + ", ready in " + Console.seconds(Duration.ofNanos(System.nanoTime() - start))
                        + "). It keeps serving your AWS CLI after this command; 'lab emulator stop' ends it.");
                progress.flush();
                return running;
            }
            if (!child.isAlive() && child.exitValue() != 0) {
                throw new LabException("The lab emulator did not start: " + lastLine(log, logStart)
                        + " (its log: " + log + ").");
            }
            Thread.sleep(100);
        }
        child.descendants().forEach(ProcessHandle::destroy);
        child.destroy();
        throw new LabException("The lab emulator did not answer within " + READY_WITHIN.toSeconds()
                + " s; nothing was set up. Its log: " + log + ".");
    }

    /**
     * Whether the note is the child's: its own pid, a descendant's (where {@code setsid} forks), or, once
     * {@code setsid} has forked and returned, any emulator that wrote a note after it began.
     */
    private static boolean startedBy(Process child, RunningEmulator note) {
        if (note.pid() == child.pid()) {
            return true;
        }
        if (child.descendants().anyMatch(p -> p.pid() == note.pid())) {
            return true;
        }
        return !child.isAlive() && child.exitValue() == 0;
    }

    private List<String> command(StateDirectory state, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        setsid().ifPresent(command::add);
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // The flags that matter for the emulator; the launcher's start-up tuning is for short commands.
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--enable-native-access") || flag.startsWith("-Xmx") || flag.startsWith("-Xss")) {
                command.add(flag);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(Main.class.getName());
        command.add("emulator");
        command.add("--port");
        command.add(Integer.toString(preferredPort != 0 && portFree(preferredPort) ? preferredPort : 0));
        command.add("--data");
        command.add(state.emulatorData().toString());
        command.add("--log");
        command.add(log.toString());
        Optional<ModelServerSetting> model = ModelServerSetting.from(System.getenv());
        if (model.isPresent()) {
            command.add("--model-server");
            command.add(model.get().url().toString());
            command.add("--model-server-model");
            command.add(model.get().model());
        }
        return command;
    }

    private static Optional<String> setsid() {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path setsid = Path.of(dir, "setsid");
            if (Files.isExecutable(setsid)) {
                return Optional.of(setsid.toString());
            }
        }
        return Optional.empty();
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows") ? "NUL" : "/dev/null";
    }

    static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException busy) {
            return false;
        }
    }

    /** The last line the child wrote to the log, e.g. {@code lab: Port 4566 is in use}. */
    private static String lastLine(Path log, long from) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = Math.max(0, file.length() - from);
            byte[] bytes = new byte[(int) Math.min(length, 64 * 1024)];
            file.seek(file.length() - bytes.length);
            file.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "it exited without a word" : lines.get(lines.size() - 1).replaceFirst("^lab: ", "");
        } catch (IOException e) {
            return "its log cannot be read (" + e.getMessage() + ")";
        }
    }
}
