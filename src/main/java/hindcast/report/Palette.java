package hindcast.report;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One colour per model, the same in every chart. Colours are assigned in sorted name order, so a model keeps its
 * colour whatever order the data arrives in (it may change only when a model is added or removed).
 */
final class Palette {
    /** Tableau-like, distinguishable as lines and as light fills; yellow comes late since it is faint as a line. */
    private static final String[] COLOURS = {"#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2",
            "#9c755f", "#ff9da7", "#edc948", "#bab0ac"};
    private static final String UNKNOWN = "#555555";

    private final Map<String, String> byModel = new TreeMap<>();

    Palette(Collection<String> models) {
        int i = 0;
        // A blank name (a row without a model) gets the neutral grey rather than a slot in the legend.
        for (String m : new TreeSet<>(models.stream().map(Fmt::str).filter(m -> !m.isBlank()).toList())) {
            byModel.put(m, COLOURS[i++ % COLOURS.length]);
        }
    }

    String of(String model) {
        return byModel.getOrDefault(Fmt.str(model), UNKNOWN);
    }

    Map<String, String> all() {
        return byModel;
    }
}
