package io.melograph.cli;

import io.melograph.eval.fm.FmAdaptationExperiment;
import io.melograph.eval.fm.FmAdaptationReport;
import io.melograph.eval.fm.FmAdaptationStudy;
import io.melograph.events.HttpEventSink;
import io.melograph.sim.HttpRecommendations;
import io.melograph.sim.ListenerSimulator;
import io.melograph.sim.SimSong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "fm-adaptation", mixinStandardHelpOptions = true,
        description = {"Protocol 4 against a running demo service: simulated listeners of the demo community (the same",
                "seeded world, so sim:user:NNNN has the taste the demo gave it) play Private FM song by song, reacting",
                "with the simulator's behaviour model; adaptive radio against adaptive=false, crossover. Reports skip",
                "rate, songs until the first like and the skip rate after a burst of skips. Reads the catalog over Bolt",
                "(--graph-uri, e.g. the service's NEO4J_BOLT_PORT)."})
final class FmAdaptationCommand implements Callable<Integer> {
    @Mixin
    ServiceOptions service;

    @Mixin
    FmStudyOptions study;

    @Option(names = "--parallel", defaultValue = "2", description = "Listeners playing at once (default ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--time-scale", defaultValue = "1000", description = {"Listening time compressed this many times: a",
            "3-minute song is heard for 180 ms at 1000 before its events go; 0 sends them at once (default ${DEFAULT-VALUE})."})
    int timeScale;

    @Option(names = "--out", defaultValue = "docs/eval", description = "Writes fm-adaptation.json and .md here.") Path out;

    @Override
    public Integer call() throws Exception {
        service.awaitWarm(Duration.ofMinutes(3));
        List<SimSong> songsInGraph = study.catalog();
        ListenerSimulator sim = study.simulator(songsInGraph);
        HttpEventSink events = new HttpEventSink(URI.create(service.url), service.token);
        ThreadLocal<HttpRecommendations> clients = ThreadLocal.withInitial(() -> new HttpRecommendations(URI.create(service.url), service.token, () -> { }));
        FmAdaptationExperiment experiment = new FmAdaptationExperiment((user, adaptive) -> clients.get().fmNext(user, adaptive),
                events, Long.toString(System.currentTimeMillis(), 36), timeScale);
        long started = System.nanoTime();
        FmAdaptationStudy.Outcome outcome = FmAdaptationStudy.run(sim, experiment, study.listeners, study.songs, study.seed, parallel,
                line -> System.err.print("\r" + line));
        System.err.println();
        double seconds = (System.nanoTime() - started) / 1e9;
        FmAdaptationReport.Summary summary = FmAdaptationReport.summarise(outcome.pairs(), study.songs);
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("command", "melograph eval fm-adaptation --url URL --token T --graph-uri BOLT --listeners " + study.listeners
                + " --songs " + study.songs + " --seed " + study.seed + " --parallel " + parallel + " --time-scale " + timeScale + " --out " + out);
        setup.put("dataset", study.dataset(songsInGraph.size()));
        setup.put("listeners", outcome.pairs().size());
        setup.put("listenersUnknownToFm", outcome.unknown());
        setup.put("songsPerSession", study.songs);
        setup.put("seed", study.seed);
        setup.put("seconds", Math.round(seconds));
        for (Path p : FmAdaptationReport.write(summary, outcome.pairs(), setup, out)) {
            System.out.println("wrote " + p);
        }
        System.out.printf(java.util.Locale.ROOT, "skip rate adaptive %.3f, ignored %.3f, ratio %.2f (first sessions only: %.2f); goal <= %.1f%n",
                summary.all().adaptive().skipRate(), summary.all().baseline().skipRate(), summary.all().ratio(),
                summary.firstSessions().ratio(), FmAdaptationReport.GOAL_RATIO);
        return 0;
    }
}
