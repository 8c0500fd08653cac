package io.melograph.worker;

import io.melograph.config.Role;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.value.PropertyResolver;

/**
 * A bean of the background work (aggregation, Daily ahead, neighbour updates, retraining): made where
 * {@code melograph.role} is {@code all} or {@code worker}, not in a serving-only process.
 */
public final class RunsWorker implements Condition {
    @Override
    public boolean matches(ConditionContext context) {
        java.util.Optional<String> role = context.getBeanContext() instanceof PropertyResolver p
                ? p.getProperty("melograph.role", String.class) : java.util.Optional.empty();
        return Role.of(role, Role.ALL).works();
    }
}
