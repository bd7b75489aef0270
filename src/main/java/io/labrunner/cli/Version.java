package io.labrunner.cli;

import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar manifest, or "dev" when run from classes. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"lab-runner " + (version == null ? "dev" : version)
                + " (Java " + Runtime.version() + ")"};
    }
}
