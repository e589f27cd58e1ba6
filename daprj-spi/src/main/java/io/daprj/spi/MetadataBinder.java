package io.daprj.spi;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Binds component metadata to a record, Dapr's "typed metadata": each record component is a metadata key, matched
 * case-insensitively. A component is required unless it is an {@link Optional} or carries {@link DefaultValue}.
 * Supported types: String, int, long, boolean, double, {@link Duration} (Go syntax such as {@code 5s} or a plain
 * number of seconds), enums (case-insensitive, {@code -} read as {@code _}) and {@code Optional} of those.
 */
final class MetadataBinder {

    private MetadataBinder() {}

    static <R extends Record> R bind(ComponentMetadata metadata, Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = valueOf(metadata, components[i]);
        }
        try {
            Constructor<R> ctor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalArgumentException(cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot bind metadata to " + type.getName(), e);
        }
    }

    private static Object valueOf(ComponentMetadata metadata, RecordComponent component) {
        String key = component.getName();
        Optional<String> raw = metadata.get(key);
        boolean optional = component.getType() == Optional.class;
        if (raw.isEmpty()) {
            DefaultValue def = component.getAnnotation(DefaultValue.class);
            if (def != null) {
                raw = Optional.of(def.value());
            } else if (optional) {
                return Optional.empty();
            } else {
                throw new IllegalArgumentException("metadata field '" + key + "' is required for " + metadata);
            }
        }
        Class<?> target = optional ? optionalElement(component.getGenericType()) : component.getType();
        Object value = convert(key, raw.get(), target);
        return optional ? Optional.of(value) : value;
    }

    private static Class<?> optionalElement(Type generic) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return String.class;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object convert(String key, String raw, Class<?> target) {
        try {
            if (target == String.class) {
                return raw;
            } else if (target == int.class || target == Integer.class) {
                return Integer.parseInt(raw);
            } else if (target == long.class || target == Long.class) {
                return Long.parseLong(raw);
            } else if (target == double.class || target == Double.class) {
                return Double.parseDouble(raw);
            } else if (target == boolean.class || target == Boolean.class) {
                return parseBoolean(raw);
            } else if (target == Duration.class) {
                return GoDuration.parse(raw);
            } else if (target.isEnum()) {
                return Enum.valueOf((Class) target, raw.toUpperCase(Locale.ROOT).replace('-', '_'));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "metadata field '" + key + "': '" + raw + "' (expected: " + expected(target) + ")", e);
        }
        throw new IllegalStateException("unsupported metadata type " + target.getName() + " for '" + key + "'");
    }

    /** Dapr accepts the spellings of Go's strconv.ParseBool plus yes/no/on/off. */
    static boolean parseBoolean(String raw) {
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "t", "1", "yes", "y", "on" -> true;
            case "false", "f", "0", "no", "n", "off" -> false;
            default -> throw new IllegalArgumentException("not a boolean: " + raw);
        };
    }

    private static String expected(Class<?> target) {
        if (target == Duration.class) {
            return "a duration such as 5s or 1m30s";
        }
        if (target.isEnum()) {
            return "one of " + Arrays.toString(target.getEnumConstants()).toLowerCase(Locale.ROOT);
        }
        return "a " + target.getSimpleName().toLowerCase(Locale.ROOT);
    }
}
