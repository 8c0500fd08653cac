package io.melograph.cli;

import io.melograph.bench.SceneLoad;
import io.melograph.sim.ListenerSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "scenes", mixinStandardHelpOptions = true,
        description = {"Load generator for the listener scenes of a running demo service: clients asking",
                "GET /users/{id}/daily for random demo listeners and clients playing POST /users/{id}/fm/next for a",
                "listener of their own (back to back, or with --think-ms between requests), with an event stream",
                "through POST /events at a fixed rate. Daily's first",
                "request per listener (cold, when the daily store is empty) is reported apart from cached answers."})
final class SceneBenchCommand implements Callable<Integer> {
    @Mixin
    ServiceOptions service;

    @Option(names = "--clients", defaultValue = "50") int clients;

    @Option(names = "--daily-clients", description = "Clients asking for Daily lists (default: half); the rest play FM.")
    Integer dailyClients;

    @Option(names = "--seconds", defaultValue = "60", description = "Measured seconds (default ${DEFAULT-VALUE}).") double seconds;

    @Option(names = "--warmup", defaultValue = "10", description = "Seconds sent before measuring (default ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--events-per-second", defaultValue = "500") int eventsPerSecond;

    @Option(names = "--listeners", defaultValue = "300", description = "The demo's listeners sim:user:0001.. (default ${DEFAULT-VALUE}).")
    int listeners;

    @Option(names = "--run", defaultValue = "", paramLabel = "NAME",
            description = "The simulated run whose listeners to ask for (sim:NAME:user:..., as `simulate --run NAME` made them; default: the demo's).")
    String run;

    @Option(names = "--seed", defaultValue = "42") long seed;

    @Option(names = "--think-ms", defaultValue = "0",
            description = "Mean pause of a client between its requests, drawn uniformly from 0.5x to 1.5x (default 0: closed loop, back to back).")
    double thinkMs;

    @Override
    public Integer call() throws InterruptedException {
        service.awaitWarm(Duration.ofMinutes(3));
        int daily = dailyClients == null ? clients / 2 : dailyClients;
        SceneLoad.Result r = new SceneLoad(service.url, service.token).run(ListenerSimulator.userIds(run, listeners), clients, daily, seconds, warmup,
                eventsPerSecond, thinkMs, seed);
        System.out.printf("%d clients (%d daily, %d fm), think time %.0f ms, %.0f s measured after %.0f s warm-up, events at %d/s%n",
                clients, daily, clients - daily, thinkMs, seconds, warmup, eventsPerSecond);
        System.out.print(r.format());
        return 0;
    }
}
