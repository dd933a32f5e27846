package hindcast.spark;

import hindcast.error.Errors;
import hindcast.model.ForecastModel;
import hindcast.model.Forecaster;
import hindcast.model.ModelState;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Executor side: turns forecast indexes of a {@link ChunkJob} into {@code distributions} rows, one forecast
 * in memory at a time. Rows depend only on the job's content, so a retried task writes identical values.
 */
final class ForecastRows implements MapPartitionsFunction<Long, Row> {
    private final Broadcast<ChunkJob> job;
    private final LongAccumulator computed;

    ForecastRows(Broadcast<ChunkJob> job, LongAccumulator computed) {
        this.job = job;
        this.computed = computed;
    }

    @Override
    public Iterator<Row> call(Iterator<Long> indexes) {
        ChunkJob j = job.value();
        ForecastModel model = j.spec().newModel();
        Map<LocalDate, ModelState> states = new HashMap<>();
        return new Iterator<>() {
            private float[][] paths;
            private LocalDate start;
            private LocalDate trainDate;
            private String fingerprint;
            private int next;

            @Override
            public boolean hasNext() {
                boolean more = (paths != null && next < paths.length) || indexes.hasNext();
                if (!more) {
                    states.values().forEach(ModelState::close); // native boosters are freed with the task
                    states.clear();
                }
                return more;
            }

            @Override
            public Row next() {
                if (paths == null || next == paths.length) {
                    if (!indexes.hasNext()) {
                        throw new NoSuchElementException();
                    }
                    int i = Math.toIntExact(indexes.next());
                    start = j.forecastDates().get(i);
                    trainDate = j.trainDates().get(i);
                    fingerprint = j.fingerprints().get(i);
                    try {
                        ModelState state = states.computeIfAbsent(trainDate,
                                t -> model.restore(j.models().get(t).parameters(), j.models().get(t).state()));
                        paths = Forecaster.paths(state, j.series(), j.modelVersion(), start, j.paths(), j.horizonDays());
                    } catch (RuntimeException e) {
                        throw Errors.modelFailed(j.commodity() + " / " + j.modelVersion() + " / " + start
                                + " (trained " + trainDate + ")", e);
                    }
                    next = 0;
                    computed.add(1);
                }
                return row(next + 1, paths[next++]);
            }

            private Row row(int pathId, float[] days) {
                return DistributionRow.path(pathId, start, j.generatedAt(), j.modelVersion(), j.commodity(), days,
                        trainDate, fingerprint)
                        .toRow();
            }
        };
    }
}
