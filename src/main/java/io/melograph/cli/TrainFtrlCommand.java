package io.melograph.cli;

import io.melograph.events.FileJournal;
import io.melograph.events.ItemCatalog;
import io.melograph.events.JournalInUseException;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.graph.RunFile;
import io.melograph.rank.Ftrl;
import io.melograph.rank.FtrlRanker;
import io.melograph.rank.Head;
import io.melograph.rank.OnlineRanking;
import io.melograph.rank.SceneWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code melograph train ftrl}: the online ranker rebuilt from the whole journal, as a snapshot the service restores. */
@Command(name = "ftrl", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Rebuilds the online ranker (FTRL-Proximal, one head per behaviour: click, complete, like) by",
                "replaying the whole event journal of the home, and writes its snapshot to MELOGRAPH_HOME/models/ftrl,",
                "replacing the one there. The service restores it on its next start and learns on from the journal.",
                "Stop the service first (it holds the journal and would overwrite the snapshot)."})
final class TrainFtrlCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph = new GraphOptions();

    @Option(names = "--hash-bits", defaultValue = "20", paramLabel = "N",
            description = "2^N hashed feature buckets per head (default ${DEFAULT-VALUE}; the service's melograph.rank.hash-bits).")
    int bits;

    @Override
    public Integer call() {
        GraphSettings settings = graph.settings();
        if (RunFile.liveBolt(settings.home()).isPresent()) {
            System.err.println("error: a running Melograph uses " + settings.home() + "; stop it first");
            return 1;
        }
        Path dir = settings.home().resolve("models").resolve("ftrl");
        try (GraphConnection connection = GraphConnection.open(settings);
             FileJournal journal = FileJournal.open(settings.home().resolve("journal"))) {
            // song facts (artists, genres) come from the catalog, as in the service
            ItemCatalog catalog = new ItemCatalog(connection).reload();
            OnlineRanking online = OnlineRanking.fresh(dir,
                    new FtrlRanker.Config(bits, Ftrl.Params.defaults(), SceneWeights.defaults()), catalog::song);
            long started = System.nanoTime();
            long events = online.catchUp(journal);
            Path file = online.snapshot();
            OnlineRanking.Stats s = online.stats();
            System.out.printf(Locale.ROOT, "replayed %,d events in %.1f s (snapshot included)%n", events,
                    (System.nanoTime() - started) / 1e9);
            for (Head h : Head.values()) {
                System.out.printf(Locale.ROOT, "%-8s %,d examples, %,d positive, %,d non-zero weights%n", h.wire(),
                        s.examples().get(h), s.positives().get(h), online.ranker().nonZeroWeights().get(h));
            }
            System.out.printf(Locale.ROOT, "wrote %s (%,d bytes, learned up to %s; %,d exposures still open)%n", file,
                    s.snapshotBytes(), s.learnedUpTo(), s.pendingExposures());
            return 0;
        } catch (JournalInUseException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
