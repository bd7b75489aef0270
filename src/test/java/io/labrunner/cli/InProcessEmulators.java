package io.labrunner.cli;

import io.labrunner.core.StateDirectory;
import io.labrunner.emulator.Emulator;
import io.labrunner.target.RunningEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for the background {@code lab emulator} in tests that run commands in-process: the
 * emulator serves the state directory's data folder from this JVM, with a note naming this process.
 */
final class InProcessEmulators implements EmulatorLauncher, AutoCloseable {
    private final List<Emulator> started = new ArrayList<>();
    private final List<StateDirectory> homes = new ArrayList<>();

    @Override
    public RunningEmulator launch(StateDirectory state, PrintWriter progress) throws IOException {
        Emulator emulator = Emulator.builder().port(0).dataDir(state.emulatorData()).build().start();
        started.add(emulator);
        homes.add(state);
        RunningEmulator note = new RunningEmulator(emulator.getEndpoint().toString(), emulator.getRegion(),
                ProcessHandle.current().pid(), state.emulatorData().toString());
        note.writeTo(state.emulatorPidFile());
        progress.println("Lab emulator serving on " + note.endpoint() + " (in-process, for tests)");
        return note;
    }

    int launches() {
        return started.size();
    }

    @Override
    public void close() {
        started.forEach(Emulator::close);
        homes.forEach(home -> RunningEmulator.deleteIfNames(home.emulatorPidFile(), ProcessHandle.current().pid()));
    }
}
