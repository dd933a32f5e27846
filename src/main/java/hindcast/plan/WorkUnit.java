package hindcast.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The forecasts one batch computes for one (commodity, model): a partition of {@code distributions}, so units
 * can be written concurrently without conflicting, while a unit's own chunks are written one after the other.
 * The forecasts come from all of the batch's requests for that pair (each date once, see
 * {@link RequestPlan#of}), in date order, and are cut into chunks of at most a chunk size, one commit each:
 * a hundred one-day requests make one chunk, not a hundred.
 */
public record WorkUnit(String commodity, String modelVersion, List<Owned> forecasts) {

    /** A forecast to compute and the request that asked for it (its failures are recorded against it). */
    public record Owned(Request request, RequestPlan.Forecast forecast) {
        public LocalDate date() {
            return forecast.date();
        }
    }

    /** Forecasts written in one commit. */
    public record Chunk(List<Owned> forecasts) {

        public LocalDate from() {
            return forecasts.get(0).date();
        }

        public LocalDate to() {
            return forecasts.get(forecasts.size() - 1).date();
        }

        public List<LocalDate> dates() {
            return forecasts.stream().map(Owned::date).toList();
        }

        /** The train date of each of {@link #dates()}, in the same order. */
        public List<LocalDate> trainDates() {
            return forecasts.stream().map(o -> o.forecast().fit().trainDate()).toList();
        }

        /** The fingerprint of each of {@link #dates()}, in the same order. */
        public List<String> fingerprints() {
            return forecasts.stream().map(o -> o.forecast().fingerprint()).toList();
        }

        /** Whether some forecast of the chunk replaces stored rows (the write must replace, not only insert). */
        public boolean replaces() {
            return forecasts.stream().anyMatch(o -> o.forecast().replaces());
        }

        /** The fits the chunk uses, by train date. */
        public Map<LocalDate, TrainedModel> fits() {
            Map<LocalDate, TrainedModel> fits = new LinkedHashMap<>();
            forecasts.forEach(o -> fits.put(o.forecast().fit().trainDate(), o.forecast().fit()));
            return fits;
        }
    }

    /** "Coffee / naive": how progress names the unit. */
    public String name() {
        return name(commodity, modelVersion);
    }

    /** The name of the unit of this commodity's model (also its scheduler pool). */
    public static String name(String commodity, String modelVersion) {
        return commodity + " / " + modelVersion;
    }

    /**
     * The units of a batch's request plans, in the order their (commodity, model) first appears; units with
     * nothing to compute are left out.
     */
    public static List<WorkUnit> of(List<RequestPlan> plans) {
        Map<List<String>, List<Owned>> byPartition = new LinkedHashMap<>();
        for (RequestPlan plan : plans) {
            Request r = plan.request();
            List<Owned> owned = byPartition.computeIfAbsent(List.of(r.commodity(), r.modelVersion()), k -> new ArrayList<>());
            plan.forecasts().forEach(f -> owned.add(new Owned(r, f)));
        }
        List<WorkUnit> units = new ArrayList<>();
        byPartition.forEach((key, owned) -> {
            if (!owned.isEmpty()) {
                owned.sort(Comparator.comparing(Owned::date));
                units.add(new WorkUnit(key.get(0), key.get(1), List.copyOf(owned)));
            }
        });
        return units;
    }

    /**
     * The unit cut into chunks of at most {@code maxSize} consecutive forecasts, all of about the same size (1,025
     * forecasts at most 1,024 make two chunks of 512 and 513, not 1,024 and 1).
     */
    public List<Chunk> chunks(int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, got " + maxSize);
        }
        int n = forecasts.size();
        int count = (n + maxSize - 1) / maxSize;
        List<Chunk> chunks = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            chunks.add(new Chunk(forecasts.subList(k * n / count, (k + 1) * n / count)));
        }
        return chunks;
    }
}
