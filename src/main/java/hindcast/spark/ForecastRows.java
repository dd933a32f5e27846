package hindcast.spark;

import hindcast.error.Errors;
import hindcast.model.ForecastModel;
import hindcast.model.Forecaster;
import hindcast.model.ModelState;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
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
final class ForecastRows implements FlatMapFunction<Iterator<Integer>, InternalRow> {
    private final Broadcast<ChunkJob> job;
    private final LongAccumulator computed;

    ForecastRows(Broadcast<ChunkJob> job, LongAccumulator computed) {
        this.job = job;
        this.computed = computed;
    }

    @Override
    public Iterator<InternalRow> call(Iterator<Integer> indexes) {
        ChunkJob j = job.value();
        ForecastModel model = j.spec().newModel();
        Map<LocalDate, ModelState> states = new HashMap<>();
        DistributionRow.PathWriter rows = new DistributionRow.PathWriter(j.horizonDays());
        return new Iterator<>() {
            private float[][] paths;
            private int next;

            @Override
            public boolean hasNext() {
                boolean more = (paths != null && next < paths.length) || indexes.hasNext();
                if (!more) {
                    states.values().forEach(ModelState::close);
                    states.clear();
                }
                return more;
            }

            @Override
            public InternalRow next() {
                if (paths == null || next == paths.length) {
                    if (!indexes.hasNext()) {
                        throw new NoSuchElementException();
                    }
                    int i = indexes.next();
                    LocalDate start = j.forecastDates().get(i);
                    LocalDate trainDate = j.trainDates().get(i);
                    try {
                        ModelState state = states.computeIfAbsent(trainDate,
                                t -> model.restore(j.models().get(t).parameters(), j.models().get(t).state()));
                        paths = Forecaster.paths(state, j.series(), j.modelVersion(), start, j.paths(), j.horizonDays());
                    } catch (RuntimeException e) {
                        throw Errors.modelFailed(j.commodity() + " / " + j.modelVersion() + " / " + start
                                + " (trained " + trainDate + ")", e);
                    }
                    rows.forecast(start, j.generatedAt(), j.modelVersion(), j.commodity(), trainDate,
                            j.fingerprints().get(i));
                    next = 0;
                    computed.add(1);
                }
                int pathId = next + 1;
                return rows.path(pathId, paths[next++]);
            }
        };
    }
}
