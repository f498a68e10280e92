package io.jenkins.plugins.selfheal.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest ({@code dev} when run from classes). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = SelfHealCli.class.getPackage().getImplementationVersion();
        return new String[] {"self-heal " + (version == null ? "dev" : version)};
    }
}
