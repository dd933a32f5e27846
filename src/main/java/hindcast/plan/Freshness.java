package hindcast.plan;

import hindcast.model.ForecastModel;
import hindcast.model.InputFingerprints;
import hindcast.model.MarketSeries;
import hindcast.model.ModelSpec;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a fit or a forecast of one (commodity, model) is still what today's data and today's definition
 * would make. A fit records its definition and the fingerprint of the observations it read; a forecast records
 * one fingerprint covering its fit (definition and training inputs) and the observations it read itself. A
 * stored fingerprint equal to the one computed now means nothing it read has changed.
 */
public final class Freshness {
    private final String modelVersion;
    private final String definition;
    private final ForecastModel model;
    private final InputFingerprints inputs;

    public Freshness(String modelVersion, String definition, ForecastModel model, InputFingerprints inputs) {
        this.modelVersion = modelVersion;
        this.definition = definition;
        this.model = model;
        this.inputs = inputs;
    }

    /** The freshness of the registry entry's model over the commodity's current series. */
    public static Freshness of(ModelSpec spec, MarketSeries series) {
        return new Freshness(spec.name(), spec.definition(), spec.newModel(), new InputFingerprints(series));
    }

    /** Today's canonical definition of the model, recorded with each fit. */
    public String definition() {
        return definition;
    }

    /** The fingerprint of what a fit at {@code trainDate} reads: the series cut at the day before. */
    public String fitInputs(LocalDate trainDate) {
        return InputFingerprints.hex(inputs.of(model.fitReads(), trainDate.minusDays(1)));
    }

    /** Why a stored fit may not serve forecasts any more, or empty when it is fresh. */
    public Optional<Rejection> check(TrainedModel fit, String fix) {
        if (definitionChanged(fit)) {
            return Optional.of(Rejection.modelChanged(modelVersion, fit.trainDate(), changes(fit.definition(), definition),
                    fix));
        }
        if (!fitInputs(fit.trainDate()).equals(fit.inputFingerprint())) {
            return Optional.of(Rejection.fitStale(modelVersion, fit.trainDate(), fix));
        }
        return Optional.empty();
    }

    /** Whether the fit was made by another definition of the model (or records none). */
    public boolean definitionChanged(TrainedModel fit) {
        return !definition.equals(fit.definition());
    }

    /** Whether the fit is fresh: made by today's definition from today's data. */
    public boolean isFresh(TrainedModel fit) {
        return definition.equals(fit.definition()) && fitInputs(fit.trainDate()).equals(fit.inputFingerprint());
    }

    /**
     * The fingerprint a forecast from {@code d} made by a fresh fit of {@code trainDate} carries. It is a function
     * of the definition, the fit's inputs and the forecast's inputs only, so a stored forecast is checked without
     * loading its fit.
     */
    public String forecast(LocalDate trainDate, LocalDate d) {
        long fit = mix(hash(definition) ^ inputs.of(model.fitReads(), trainDate.minusDays(1)));
        return InputFingerprints.hex(mix(fit * 0x9E3779B97F4A7C15L + inputs.of(model.forecastReads(), d.minusDays(1))));
    }

    /** "vol-window 250 → 100, ..." between two canonical definitions; a whole-definition change otherwise. */
    static String changes(String before, String after) {
        if (before == null) {
            return "the fit records no definition (trained before definitions were recorded); now " + after;
        }
        Map<String, String> old = parameters(before);
        Map<String, String> now = parameters(after);
        if (old == null || now == null || !type(before).equals(type(after))) {
            return before + " → " + after;
        }
        List<String> out = new ArrayList<>();
        for (String name : union(old, now)) {
            String a = old.get(name);
            String b = now.get(name);
            if (!Objects.equals(a, b)) {
                out.add(name + " " + (a == null ? "(none)" : a) + " → " + (b == null ? "(none)" : b));
            }
        }
        return String.join(", ", out);
    }

    /**
     * Parameters of {@code type(a=1, b=[1, 2], m=naive(x=1, y=2))} by name, in order, split at the top level
     * only (an ensemble's members carry definitions of their own); null if it is not of that form.
     */
    private static Map<String, String> parameters(String definition) {
        int open = definition.indexOf('(');
        if (open < 0 || !definition.endsWith(")")) {
            return null;
        }
        String body = definition.substring(open + 1, definition.length() - 1);
        Map<String, String> out = new LinkedHashMap<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : ',';
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String part = body.substring(from, i).trim();
                int eq = part.indexOf('=');
                if (eq > 0) {
                    out.put(part.substring(0, eq), part.substring(eq + 1));
                }
                from = i + 1;
            }
        }
        return out;
    }

    private static String type(String definition) {
        int open = definition.indexOf('(');
        return open < 0 ? definition : definition.substring(0, open);
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        List<String> names = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(names::add);
        return names;
    }

    /** FNV-1a over the UTF-8 bytes: stable across JVMs, unlike String.hashCode's 32 bits. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
