package io.labrunner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Peak resident memory of a child process, read from Linux's {@code /proc/<pid>/status} (VmHWM) while it runs. */
final class PeakMemory {
    private PeakMemory() {
    }

    /** Runs {@code command} to its end and returns its peak resident set in bytes (0 where /proc is missing). */
    static long ofRun(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peak = 0;
        while (process.isAlive()) {
            peak = Math.max(peak, highWaterMark(status));
            Thread.sleep(20);
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + ": " + String.join(" ", command));
        }
        return peak;
    }

    /** VmHWM only grows, so the last reading before the process ends is its peak. */
    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended between isAlive() and the read
        }
        return 0;
    }
}
