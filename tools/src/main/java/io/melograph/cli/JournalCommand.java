package io.melograph.cli;

import io.melograph.events.JournalRepair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "journal", mixinStandardHelpOptions = true, description = "The event journal in $MELOGRAPH_HOME/journal.",
        subcommands = {JournalCommand.Repair.class})
final class JournalCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "repair", mixinStandardHelpOptions = true,
            description = {"Cuts damaged bytes out of the journal so the service can start again. Every event in the",
                    "damaged bytes is lost; each cut is printed. Stop the service first; keep a copy of the journal folder."})
    static final class Repair implements Callable<Integer> {
        @Mixin
        GraphOptions graph = new GraphOptions();

        @Override
        public Integer call() throws IOException {
            if (graph.homeInUse()) {
                return 1;
            }
            List<String> cuts = JournalRepair.repair(graph.settings().home().resolve("journal"));
            if (cuts.isEmpty()) {
                System.out.println("The journal is intact; nothing to repair.");
            } else {
                cuts.forEach(c -> System.out.println("repaired " + c));
            }
            return 0;
        }
    }
}
