package io.melograph.util;

import java.util.Locale;

/** Numbers as configuration values are written: {@code 2}, {@code 0.5}, {@code 0.3333} (four significant digits). */
public final class ConfigNumbers {
    private ConfigNumbers() {}

    public static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v).replaceAll("0+$", "");
    }
}
