package org.metierscope.analysis;

import org.elasticsearch.common.settings.Settings;

import java.util.List;
import java.util.Locale;

/**
 * Strict readers for component parameters: a bad value fails with an {@link IllegalArgumentException}
 * that names the parameter, instead of being silently replaced by a default.
 */
final class Params {

    private Params() {}

    static boolean bool(Settings settings, String key, boolean defaultValue) {
        String value = settings.get(key);
        if (value == null) {
            return defaultValue;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("[" + key + "] must be true or false, got [" + value + "]");
        };
    }

    static int integer(Settings settings, String key, int defaultValue, int min) {
        String value = settings.get(key);
        if (value == null) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("[" + key + "] must be an integer, got [" + value + "]", e);
        }
        if (parsed < min) {
            throw new IllegalArgumentException("[" + key + "] must be >= " + min + ", got [" + value + "]");
        }
        return parsed;
    }

    /** Reads a lower-cased value that must be one of {@code allowed}. */
    static String choice(Settings settings, String key, String defaultValue, List<String> allowed) {
        String value = settings.get(key, defaultValue);
        if (value == null) {
            return null;
        }
        String normalized = value.toLowerCase(Locale.ROOT);
        if (allowed.contains(normalized) == false) {
            throw new IllegalArgumentException("[" + key + "] must be one of " + allowed + ", got [" + value + "]");
        }
        return normalized;
    }

    /** Fails if an analysis-common parameter that this plugin does not implement is set. */
    static void unsupported(Settings settings, String component, String... keys) {
        for (String key : keys) {
            if (settings.keySet().contains(key)) {
                throw new IllegalArgumentException(
                    "[" + key + "] is not supported by the metierscope-analysis [" + component + "] implementation"
                );
            }
        }
    }
}
