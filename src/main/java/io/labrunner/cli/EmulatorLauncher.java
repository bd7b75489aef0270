package io.labrunner.cli;

import io.labrunner.core.LabException;
import io.labrunner.core.StateDirectory;
import io.labrunner.target.RunningEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Brings up the {@code lab emulator} that {@code start}, {@code check}, {@code solve} and
 * {@code cleanup} share on the embedded target, when none serves the state directory yet.
 */
@FunctionalInterface
interface EmulatorLauncher {

    /** Starts an emulator serving {@code state}'s data folder; returns its note once it answers. */
    RunningEmulator launch(StateDirectory state, PrintWriter progress) throws IOException, InterruptedException;

    /**
     * The emulator serving {@code state}: the one its note names if that is alive, else one this
     * launches. A lock on the state directory makes two commands started at once share one emulator.
     */
    default RunningEmulator ensureServing(StateDirectory state, PrintWriter progress) {
        Optional<RunningEmulator> live = RunningEmulator.readIfAlive(state.emulatorPidFile());
        if (live.isPresent()) {
            return live.get();
        }
        try {
            Files.createDirectories(state.root());
            try (FileChannel channel = FileChannel.open(state.emulatorLock(), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                live = RunningEmulator.readIfAlive(state.emulatorPidFile());
                return live.isPresent() ? live.get() : launch(state, progress);
            }
        } catch (IOException e) {
            throw new LabException("Cannot start the lab emulator in " + state.root() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("Stopped while the lab emulator was starting; nothing was set up.", e);
        }
    }
}
