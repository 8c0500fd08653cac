package io.melograph.cli;

import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphStats;
import io.melograph.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Prints JSON counts of nodes per label and relationships per type.",
                "Reads the embedded store in --home, the running service's store through its Bolt port, or NEO4J_URI."})
final class StatsCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph = new GraphOptions();

    @Override
    public Integer call() {
        try (GraphConnection connection = GraphConnection.open(graph.settings())) {
            GraphStats.Counts counts = GraphStats.count(connection);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("nodes", counts.nodes());
            out.put("relationships", counts.relationships());
            System.out.println(Json.write(out));
            return 0;
        }
    }
}
