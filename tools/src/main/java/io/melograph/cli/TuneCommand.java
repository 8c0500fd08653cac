package io.melograph.cli;

import picocli.CommandLine.Command;

@Command(name = "tune", mixinStandardHelpOptions = true, subcommands = {TuneScenesCommand.class},
        description = "Learns settings from what listeners did (see the subcommands).")
final class TuneCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
