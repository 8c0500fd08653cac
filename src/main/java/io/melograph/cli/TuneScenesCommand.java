package io.melograph.cli;

import io.melograph.api.TunedScenes;
import io.melograph.eval.replay.SceneTuner;
import io.melograph.eval.replay.TuneReport;
import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphSettings;
import io.melograph.scene.DailyMixScene;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "scenes", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Learns Daily's fusion weights, quotas and familiar share with the replay (melograph eval replay):",
                "searched on the validation window one horizon before the cut, then the hand-set and the chosen values both",
                "replayed on the test window after it. Writes the chosen values to $MELOGRAPH_HOME/" + TunedScenes.FILE + ",",
                "which the service reads at start (environment variables still override it; delete the file to go back)."})
final class TuneScenesCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph = new GraphOptions();

    @Mixin
    ReplayOptions replay = new ReplayOptions();

    @Option(names = "--listeners", defaultValue = "100", paramLabel = "N",
            description = "A seeded sample of N listeners per window, 0 for all (default ${DEFAULT-VALUE}).")
    int listeners;

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
            options = new SceneTuner.Options(replay.cut(), listeners, replay.dailySize, rounds, replay.budget(), replay.seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        GraphSettings settings = graph.settings();
        Path dir = replay.journal(settings);
        SceneTuner.Outcome outcome;
        try (GraphConnection source = GraphConnection.open(settings)) {
            outcome = SceneTuner.run(source, dir, ServiceConfig.handSetScenes(), options, settings.embeddingDimensions(),
                    line -> System.err.println("tune: " + line));
        }
        System.out.printf(Locale.ROOT, "Daily NDCG@10  validation: hand-set %.4f, tuned %.4f   test: hand-set %.4f, tuned %.4f (%+.1f%%)%n",
                outcome.validationHandSet(), outcome.validationChosen(), outcome.testHandSet(), outcome.testChosen(),
                100 * (outcome.testChosen() - outcome.testHandSet()) / outcome.testHandSet());
        String command = Main.typed(spec);
        if (!dryRun) {
            Path file = TunedScenes.write(settings.home(), DailyMixScene.SCENE, outcome.chosen().properties(), List.of(
                    "Learned by: " + command,
                    "on " + outcome.report().split(),
                    String.format(Locale.ROOT, "Daily NDCG@10 on the test window: hand-set %.4f, these values %.4f.",
                            outcome.testHandSet(), outcome.testChosen()),
                    "Read by the service at start; environment variables override it; delete this file for the hand-set values."));
            System.out.println("wrote " + file + " (the service uses it from its next start)");
        }
        if (out != null) {
            TuneReport.write(outcome, out, command).forEach(p -> System.out.println("wrote " + p));
        }
        return 0;
    }
}
