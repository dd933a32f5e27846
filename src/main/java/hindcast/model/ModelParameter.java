package hindcast.model;

import hindcast.error.Errors;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One parameter of a {@link ModelType}: its name in the registry ('-' form), its default, how a configured
 * value becomes a typed one, and one line of help.
 *
 * @param expected completes "must be" in the error for a value of the wrong form, e.g. "a list of integers"
 * @param parser   the typed value, or null when the configured value does not have the expected form
 * @param text     the value as the canonical model definition writes it
 */
public record ModelParameter<T>(String name, T defaultValue, String expected, Function<Object, T> parser,
                                Function<T, String> text, String help) {

    /** The configured value (null: not configured) as a typed one. */
    T parse(String model, Object configured) {
        if (configured == null) {
            return defaultValue;
        }
        T value;
        try {
            value = parser.apply(configured);
        } catch (IllegalArgumentException e) { // a value of the right form the model's own types refuse
            throw Errors.badModelEntry(model, e);
        }
        if (value == null) {
            throw Errors.badModelParameter(model, name, expected, configured);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    String text(Object value) {
        return text.apply((T) value);
    }

    static ModelParameter<Integer> integer(String name, int defaultValue, String help) {
        return new ModelParameter<>(name, defaultValue, "an integer",
                v -> v instanceof Number n && n.doubleValue() == n.intValue() ? n.intValue() : null,
                String::valueOf, help);
    }

    static ModelParameter<List<Integer>> integers(String name, List<Integer> defaultValue, String help) {
        return new ModelParameter<>(name, defaultValue, "a list of integers",
                v -> v instanceof List<?> l && l.stream().allMatch(Integer.class::isInstance)
                        ? l.stream().map(Integer.class::cast).toList() : null,
                String::valueOf, help);
    }

    /** A list of names, by default empty. */
    static ModelParameter<List<String>> names(String name, String help) {
        return new ModelParameter<>(name, List.of(), "a list of names",
                v -> v instanceof List<?> l && l.stream().allMatch(String.class::isInstance)
                        ? l.stream().map(String.class::cast).toList() : null,
                String::valueOf, help);
    }

    /** One of an enum's constants, written in lower case ("persist"). */
    static <E extends Enum<E>> ModelParameter<E> choice(String name, E defaultValue, String help) {
        E[] constants = defaultValue.getDeclaringClass().getEnumConstants();
        Function<E, String> text = e -> e.name().toLowerCase(Locale.ROOT);
        return new ModelParameter<>(name, defaultValue,
                String.join(" or ", Arrays.stream(constants).map(text).toList()),
                v -> Arrays.stream(constants).filter(e -> text.apply(e).equals(String.valueOf(v))).findFirst()
                        .orElse(null),
                text, help);
    }
}
