package io.melograph.cli;

import io.melograph.eval.replay.ReplayCut;
import io.melograph.events.EventHistory;
import io.melograph.rank.deep.RankerModels;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What every replay command takes: where time is split ({@code --cut T [--horizon-days N]} or {@code --last-days N}),
 * which journal, the Daily length asked for, the channels' budget, the deep ranker (if any) and the seed.
 */
final class ReplayOptions {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Cut cut;

    static final class Cut {
        @Option(names = "--cut", paramLabel = "TIME", description = "One cut for everyone, e.g. 2024-01-22T00:00:00Z.")
        String at;

        @Option(names = "--last-days", paramLabel = "N", description = "Hold out each listener's last N days instead.")
        Integer lastDays;
    }

    @Option(names = "--horizon-days", defaultValue = "7", paramLabel = "N",
            description = "With --cut: the held-out window after it (default ${DEFAULT-VALUE} days).")
    int horizonDays;

    @Option(names = "--journal", paramLabel = "DIR", description = {"The event journal to replay (default: the service's events,",
            "its Kafka topic when MELOGRAPH_KAFKA_BOOTSTRAP is set, else the home's journal/)."})
    Path journal;

    @Option(names = "--daily-size", defaultValue = "50", paramLabel = "N", description = "Daily list length asked for (default ${DEFAULT-VALUE}).")
    int dailySize;

    @Option(names = "--budget-ms", defaultValue = "5000", paramLabel = "MS",
            description = "Every channel's time budget in the replay (default ${DEFAULT-VALUE}; the service's are shorter).")
    long budgetMs;

    @Option(names = "--ranker", paramLabel = "MODEL", description = {"Train this deep ranker (dnn, din, dien, session, din-esmm) on",
            "the replayed state's journal, as `train ranker` does, and let it re-rank FTRL's top candidates (default: FTRL alone)."})
    String ranker;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the listener sample and the embeddings (default ${DEFAULT-VALUE}).")
    long seed;

    /** The events to replay: {@code --journal}, else those the service journals ({@link GraphOptions#history()}). */
    EventHistory history(GraphOptions graph) {
        return journal != null ? EventHistory.of(journal) : graph.history();
    }

    Duration budget() {
        return Duration.ofMillis(budgetMs);
    }

    /** The deep ranker asked for, null for FTRL alone. @throws IllegalArgumentException for an unknown one */
    String ranker() {
        if (ranker != null && !RankerModels.names().contains(ranker)) {
            throw new IllegalArgumentException("--ranker: one of " + RankerModels.names() + ", not '" + ranker + "'");
        }
        return ranker;
    }

    /** @throws IllegalArgumentException with a message for the user */
    ReplayCut cut() {
        try {
            return cut.at != null ? ReplayCut.at(Instant.parse(cut.at), Duration.ofDays(horizonDays)) : ReplayCut.lastDays(cut.lastDays);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--cut: not an ISO instant (2024-01-22T00:00:00Z): " + cut.at);
        }
    }
}
