package io.melograph.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The model registry in MELOGRAPH_HOME/models, where trained versions are promoted and rolled back.
 *
 * @param watchSeconds how often the service looks for a version promoted or rolled back elsewhere (the CLI, another process)
 */
@ConfigurationProperties("melograph.models")
public record ModelsProperties(@Bindable(defaultValue = "2") long watchSeconds) {
    public ModelsProperties {
        Check.atLeast("melograph.models.watch-seconds", watchSeconds, 1);
    }
}
