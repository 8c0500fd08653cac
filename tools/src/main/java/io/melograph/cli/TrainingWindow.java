package io.melograph.cli;

import io.melograph.registry.ModelCard;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Where a version trained on the journal learns and where it is judged: the options {@code train ftrl}, {@code train interests} and {@code train ranker} share. */
final class TrainingWindow {
    @Option(names = "--holdout-days", defaultValue = "7", paramLabel = "N",
            description = "Held-out window: the journal's last N days (default ${DEFAULT-VALUE}).")
    int holdoutDays;

    @Option(names = "--from", paramLabel = "TIME", description = "Learn only events from this instant on (default: the journal's start).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "End of the training window and start of the held-out one (instead of --holdout-days).")
    String to;

    /** The window as instants (null: not given). */
    record Parsed(Instant from, Instant to, Duration holdout) {}

    /** A version the swapped-in kinds (ftrl, interests, ranker) trained: its card, then whether a running service takes it. */
    static void print(ModelCard card, boolean promoted) {
        System.out.printf(Locale.ROOT, "%s version %s: %s%n", card.kind(), card.version(), card.note());
        card.metricLines().forEach(line -> System.out.println("  " + line));
        System.out.println(promoted ? "promoted: a running service swaps it in within seconds, otherwise it starts with it"
                : "kept, not promoted (melograph models promote " + card.kind() + " " + card.version() + " to use it anyway)");
    }

    Parsed parse(CommandLine.Model.CommandSpec spec) {
        try {
            return new Parsed(from == null ? null : Instant.parse(from), to == null ? null : Instant.parse(to), Duration.ofDays(holdoutDays));
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from/--to: not an ISO instant (2024-01-22T00:00:00Z)");
        }
    }
}
