package io.melograph.cli;

import io.melograph.app.TunedScenes;
import io.melograph.eval.replay.SceneTuner;
import io.melograph.eval.replay.TuneObjective;
import io.melograph.eval.replay.TuneReport;
import io.melograph.events.EventHistory;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "scenes", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Learns the fusion weights and quotas of Daily and Private FM, how their ranker weighs its heads (click,",
                "complete, like) and Daily's familiar share, with the replay",
                "(melograph eval replay): searched on the validation window one horizon before the cut, then the hand-set and",
                "the chosen values both replayed on the test window after it. Writes the chosen values to $MELOGRAPH_HOME/" + TunedScenes.FILE + ",",
                "which the service reads at start (environment variables still override it; delete the file to go back)."})
final class TuneScenesCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph = new GraphOptions();

    @Mixin
    ReplayOptions replay = new ReplayOptions();

    @Option(names = "--listeners", defaultValue = "100", paramLabel = "N",
            description = "A seeded sample of N listeners per window, 0 for all (default ${DEFAULT-VALUE}).")
    int listeners;

    @Option(names = "--scenes", defaultValue = "daily,fm", split = ",", paramLabel = "daily,fm",
            description = "Scenes to tune (default ${DEFAULT-VALUE}).")
    List<String> scenes;

    @Option(names = "--fm-steps", defaultValue = "30", paramLabel = "N",
            description = "Songs served per replayed FM session (default ${DEFAULT-VALUE}).")
    int fmSteps;

    @Option(names = "--objective", defaultValue = "ndcg@10", paramLabel = "METRIC",
            description = {"What the search maximises on the validation window: ndcg@10 (of held-out plays, the default),",
                    "complete.ndcg@10 (of completes: a song skipped after the cut is not relevant), net.ndcg@10 (of completes,",
                    "each skipped song in the top 10 counted -1) or like.ndcg@10."})
    String objective;

    @Option(names = "--rounds", defaultValue = "2", paramLabel = "N", description = "Passes of the coordinate ascent (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--dry-run", description = "Report only; leave " + TunedScenes.FILE + " alone.")
    boolean dryRun;

    @Option(names = "--out", paramLabel = "DIR", description = "Write tune-scenes.json, tune-scenes.md and plots here.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SceneTuner.Options options;
        try {
            options = new SceneTuner.Options(replay.cut(), scenes, listeners, replay.dailySize, fmSteps, rounds, replay.budget(), replay.seed,
                    replay.ranker(), TuneObjective.of(objective));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        GraphSettings settings = graph.settings();
        EventHistory events = replay.history(graph);
        SceneTuner.Outcome outcome;
        try (GraphConnection source = GraphConnection.open(settings)) {
            outcome = SceneTuner.run(source, events, ServiceConfig.handSetScenes(), options, settings.embeddingDimensions(),
                    line -> System.err.println("tune: " + line));
        }
        String label = options.objective().label;
        for (SceneTuner.Tuned t : outcome.scenes()) {
            System.out.printf(Locale.ROOT, "%s %s  validation: hand-set %.4f, tuned %.4f   test: hand-set %.4f, tuned %.4f (%+.1f%%)%n",
                    t.scene(), label, t.validationHandSet(), t.validationChosen(), t.testHandSet(), t.testChosen(),
                    100 * t.testGain());
        }
        String command = Main.typed(spec);
        if (!dryRun) {
            List<String> comment = new ArrayList<>(List.of("Learned by: " + command, "on " + outcome.report().split()));
            for (SceneTuner.Tuned t : outcome.scenes()) {
                comment.add(String.format(Locale.ROOT, "%s %s on the test window: hand-set %.4f, these values %.4f.", t.scene(),
                        label, t.testHandSet(), t.testChosen()));
            }
            comment.add("Read by the service at start; environment variables override it; delete this file for the hand-set values.");
            Map<String, Map<String, String>> values = new LinkedHashMap<>();
            outcome.scenes().forEach(t -> values.put(t.scene(), t.chosen().properties()));
            Path file = TunedScenes.write(settings.home(), values, comment);
            System.out.println("wrote " + file + " (the service uses it from its next start)");
        }
        if (out != null) {
            TuneReport.write(outcome, out, command).forEach(p -> System.out.println("wrote " + p));
        }
        return 0;
    }
}
