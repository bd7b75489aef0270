package io.labrunner.emulator.stepfunctions.asl;

/**
 * Where a sequence of states runs: the execution, the line of events it extends, the variables it sees and the
 * scope that cancels it. The execution's own states share one frame; each Parallel branch and Map iteration
 * gets a new one.
 */
record Frame(Execution execution, Track track, Variables variables, Scope scope) {

    /** A frame for a branch or iteration whose events follow event {@code startedEventId}. */
    Frame inner(long startedEventId) {
        return new Frame(execution, new Track(startedEventId), new Variables(variables), new Scope(scope));
    }
}
