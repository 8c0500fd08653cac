package io.melograph.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Song popularity, which scenes fall back on and long-tail marks are judged by.
 *
 * @param popularityRefresh how often songs' play counts are read again from the graph
 */
@ConfigurationProperties("melograph.scenes")
public record PopularityProperties(@Bindable(defaultValue = "60s") Duration popularityRefresh) {
}
