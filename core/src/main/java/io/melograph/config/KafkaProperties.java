package io.melograph.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The event log as a Kafka topic instead of the file journal in MELOGRAPH_HOME/journal (docs/events.md).
 *
 * @param bootstrap   the brokers ({@code host:port,...}): events are acknowledged after {@code acks=all}; no demo
 *                    community is simulated into the topic; unset: the file journal
 * @param topic       the events' topic, created with unlimited retention if missing
 * @param replication copies of the topic when it is created; 0: as many brokers as there are, at most 3
 * @param partitions  partitions of the topic when it is created (a listener's events all go to one); an existing
 *                    topic keeps its own
 */
@ConfigurationProperties("melograph.kafka")
public record KafkaProperties(@Nullable String bootstrap,
                              @Bindable(defaultValue = "melograph.events") String topic,
                              @Bindable(defaultValue = "0") int replication,
                              @Bindable(defaultValue = "1") int partitions) {
    public KafkaProperties {
        bootstrap = bootstrap == null ? "" : bootstrap.strip();
        Check.atLeast("melograph.kafka.replication", replication, 0);
        Check.atLeast("melograph.kafka.partitions", partitions, 1);
    }

    public boolean enabled() {
        return !bootstrap.isEmpty();
    }
}
