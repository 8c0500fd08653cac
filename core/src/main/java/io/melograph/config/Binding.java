package io.melograph.config;

import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.core.type.Argument;

import java.util.Optional;
import java.util.function.Function;

/**
 * Binds a configuration record from values by key, the way Micronaut binds it in the service (hyphenated component
 * names, {@code @Bindable} defaults, Micronaut's conversions), for settings read outside the application context or
 * with a fallback Micronaut does not know (an A/B arm's value over its scene's).
 */
final class Binding {
    private Binding() {}

    /**
     * @param name  the value of the record's {@code @Parameter} component (the scene's name)
     * @param value a value by the component's hyphenated name ({@code per-channel}), if set
     * @param at    the keys' prefix, for errors
     */
    static <R> R bind(Class<R> type, String name, Function<String, Optional<String>> value, String at) {
        BeanIntrospection<R> introspection = BeanIntrospection.getIntrospection(type);
        Argument<?>[] parts = introspection.getConstructorArguments();
        Object[] args = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Argument<?> part = parts[i];
            if (part.getAnnotationMetadata().hasAnnotation(Parameter.class)) {
                args[i] = name;
                continue;
            }
            String key = NameUtils.hyphenate(part.getName());
            Optional<String> text = value.apply(key).filter(v -> !v.isBlank())
                    .or(() -> part.getAnnotationMetadata().stringValue(Bindable.class, "defaultValue"));
            args[i] = text.isEmpty() ? null : ConversionService.SHARED.convert(text.get().strip(), part)
                    .orElseThrow(() -> new IllegalArgumentException(at + key + ": not a " + describe(part) + ": '" + text.get() + "'"));
        }
        return introspection.instantiate(args);
    }

    private static String describe(Argument<?> part) {
        String simple = part.getType().getSimpleName();
        return switch (simple) {
            case "int", "Integer", "long", "Long" -> "whole number";
            case "double", "Double" -> "number";
            case "boolean", "Boolean" -> "true or false";
            case "Duration" -> "duration (30ms, 20s, 15m, 7d)";
            default -> simple;
        };
    }
}
