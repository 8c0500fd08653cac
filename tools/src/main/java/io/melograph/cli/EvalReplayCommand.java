package io.melograph.cli;

import io.melograph.eval.ModelResult;
import io.melograph.eval.replay.ReplayEvaluation;
import io.melograph.eval.replay.ReplayReport;
import io.melograph.events.EventHistory;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replays the production scenes on the service's events (the home's journal, or its Kafka topic) split",
                "in time. Builds the state as of the cut in a scratch home (the catalog and its world copied from the graph,",
                "the events before the cut through the service's intake and aggregation, graph embeddings and the FTRL ranker",
                "trained on them), then asks the production Daily, Private FM and similar-songs code for every listener with",
                "held-out plays and scores the answers against what they did: HitRate/Recall/NDCG@10,50 of plays, completes",
                "and likes, skipped share, coverage, long-tail share, novelty, each channel's share of the hits, latency. Same",
                "seed, same numbers.",
                "The graph and the events are only read (a running service may go on)."})
final class EvalReplayCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph = new GraphOptions();

    @Mixin
    ReplayOptions replay = new ReplayOptions();

    @Option(names = "--scenes", split = ",", defaultValue = "daily,fm,similar", paramLabel = "a,b",
            description = "Scenes to replay (default ${DEFAULT-VALUE}); daily-stored: Daily again with recall answered from a "
                    + "neighbour store built on the state at the cut (the fast path), to compare with daily.")
    List<String> scenes;

    @Option(names = "--listeners", defaultValue = "0", paramLabel = "N", description = "A seeded sample of N listeners (default: all).")
    int listeners;

    @Option(names = "--fm-sessions", defaultValue = "1", paramLabel = "N", description = "Held-out sessions per listener replayed on FM (default ${DEFAULT-VALUE}).")
    int fmSessions;

    @Option(names = "--fm-songs", defaultValue = "50", paramLabel = "N", description = "Songs served per FM session (default ${DEFAULT-VALUE}).")
    int fmSongs;

    @Option(names = "--similar-seeds", defaultValue = "1", paramLabel = "N", description = "Held-out seeds per listener for similar songs (default ${DEFAULT-VALUE}).")
    int similarSeeds;

    @Option(names = "--out", paramLabel = "DIR", description = "Write replay.json, replay.md and PNG plots here.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ReplayEvaluation.Options options;
        try {
            options = new ReplayEvaluation.Options(replay.cut(), scenes, listeners, replay.dailySize, fmSessions, fmSongs, similarSeeds,
                    replay.budget(), replay.seed, replay.ranker());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        GraphSettings settings = graph.settings();
        EventHistory events = replay.history(graph);
        ReplayEvaluation.Outcome outcome;
        try (GraphConnection source = GraphConnection.open(settings)) {
            outcome = ReplayEvaluation.run(source, events, ServiceConfig.scenes(settings.home()), options, settings.embeddingDimensions(),
                    line -> System.err.println("replay: " + line));
        }
        for (ModelResult m : outcome.report().results()) {
            System.out.printf(Locale.ROOT, "%-8s %4.0f answers  HitRate@10 %.4f  NDCG@10 %.4f  HitRate@50 %.4f  skipped %.3f  long tail %.3f  p50 %.1f ms%n",
                    m.model(), m.metrics().get("answers"), m.metrics().get("hitrate@10"), m.metrics().get("ndcg@10"),
                    m.metrics().get("hitrate@50"), m.metrics().get("skipped@50"), m.metrics().get("longtail@50"), m.metrics().get("p50-ms"));
        }
        if (out != null) {
            String command = Main.typed(spec);
            ReplayReport.write(outcome, out, command).forEach(p -> System.out.println("wrote " + p));
        }
        return 0;
    }
}
