package io.labrunner.emulator.stepfunctions.asl;

/** Runs one state type after its entry was recorded; returns where to go, or throws the state's failure. */
interface Step {

    StateRun.Transition run(StateRun run);
}
