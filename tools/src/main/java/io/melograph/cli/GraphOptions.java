package io.melograph.cli;

import io.melograph.events.EventHistory;
import io.melograph.events.KafkaJournal;
import io.melograph.graph.GraphSettings;
import io.melograph.graph.RunFile;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** The options every graph command shares; the rest comes from the environment (docs/configuration.md). */
final class GraphOptions {
    @Option(names = "--home", paramLabel = "DIR",
            description = "Melograph's data folder with the embedded store (default: $MELOGRAPH_HOME or ./data). "
                    + "Ignored when NEO4J_URI names a server.")
    Path home;

    GraphSettings settings() {
        GraphSettings s = GraphSettings.fromEnvironment();
        return home == null ? s : s.withHome(home);
    }

    /**
     * The recorded events, where the service journals them: its Kafka topic when MELOGRAPH_KAFKA_BOOTSTRAP names brokers
     * (MELOGRAPH_KAFKA_TOPIC, default melograph.events; the same settings the service reads), else the home's journal.
     */
    EventHistory history() {
        Optional<String> brokers = GraphSettings.setting("MELOGRAPH_KAFKA_BOOTSTRAP").filter(b -> !b.isBlank());
        EventHistory history = brokers.isEmpty() ? EventHistory.of(settings().home().resolve("journal"))
                : EventHistory.of(new KafkaJournal.Settings(brokers.get(),
                GraphSettings.setting("MELOGRAPH_KAFKA_TOPIC").filter(t -> !t.isBlank()).orElse(KafkaJournal.Settings.TOPIC), 0));
        System.out.println("Events: " + history); // with MELOGRAPH_KAFKA_BOOTSTRAP exported, --home does not name them
        return history;
    }

    /** Whether a running Melograph uses the home, said on stderr: a command that changes its files must not run then. */
    boolean homeInUse() {
        Path dir = settings().home();
        if (RunFile.liveBolt(dir).isEmpty()) {
            return false;
        }
        System.err.println("error: a running Melograph uses " + dir + "; stop it first");
        return true;
    }
}
