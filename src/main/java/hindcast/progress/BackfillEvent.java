package hindcast.progress;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import hindcast.plan.Rejection;
import hindcast.plan.Request;

import java.time.LocalDate;

/**
 * What the backfill stream reports as it works, in order: a batch starts; each of its requests starts and is
 * either rejected as a whole or planned; the forecasts to compute, grouped into one unit per (commodity, model),
 * are written chunk by chunk, several units at once; then each planned request is done, and the batch. In JSON
 * the property {@code event} names the type (e.g. {@code "event":"batch_started"}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(value = BackfillEvent.BatchStarted.class, name = "batch_started"),
        @JsonSubTypes.Type(value = BackfillEvent.RequestStarted.class, name = "request_started"),
        @JsonSubTypes.Type(value = BackfillEvent.RequestRejected.class, name = "request_rejected"),
        @JsonSubTypes.Type(value = BackfillEvent.RequestPlanned.class, name = "request_planned"),
        @JsonSubTypes.Type(value = BackfillEvent.UnitStarted.class, name = "unit_started"),
        @JsonSubTypes.Type(value = BackfillEvent.ForecastsHandled.class, name = "forecasts_handled"),
        @JsonSubTypes.Type(value = BackfillEvent.ChunkWritten.class, name = "chunk_written"),
        @JsonSubTypes.Type(value = BackfillEvent.UnitDone.class, name = "unit_done"),
        @JsonSubTypes.Type(value = BackfillEvent.RequestDone.class, name = "request_done"),
        @JsonSubTypes.Type(value = BackfillEvent.BatchDone.class, name = "batch_done")})
public sealed interface BackfillEvent {

    /** A micro-batch of the stream starts with this many requests (a replayed batch starts again). */
    record BatchStarted(long batchId, int requests) implements BackfillEvent {
    }

    record RequestStarted(Request request) implements BackfillEvent {
    }

    /** The whole request is refused before any date is planned; it ends here, with no {@link RequestDone}. */
    record RequestRejected(String requestId, Rejection rejection, Counts counts) implements BackfillEvent {
    }

    /**
     * The request's dates: {@code requested} in its range, {@code existing} found complete and fresh,
     * {@code toGenerate} the others (among them {@code stale}: stored, but made from inputs or a definition that
     * changed since), of which {@code rejected} cannot be served; {@code trainingWindows} fits cover the range.
     */
    record RequestPlanned(String requestId, int trainingWindows, long requested, long existing, long stale,
                          long toGenerate,
                          long rejected) implements BackfillEvent {
    }

    /**
     * Work starts on the batch's forecasts of one (commodity, model), e.g. {@code unit} "Coffee / naive":
     * {@code forecasts} to compute in {@code chunks} commits. The batch computes {@code batchForecasts} in
     * {@code units} units, at most {@code concurrent} at once.
     */
    record UnitStarted(String unit, long forecasts, int chunks, long batchForecasts, int units, int concurrent)
            implements BackfillEvent {
    }

    /**
     * Progress inside a unit: {@code done} of its {@code total} forecasts are computed or rejected. Sent as Spark
     * tasks end (from Spark's listener thread) and after each chunk.
     */
    record ForecastsHandled(String unit, long done, long total) implements BackfillEvent {
    }

    /**
     * One chunk's commit: forecasts of dates [from, to] written (rows inserted or replaced), or rejected when the
     * model failed, in that many seconds.
     */
    record ChunkWritten(String unit, LocalDate from, LocalDate to, long forecasts, long rows, long rejected,
                        double seconds) implements BackfillEvent {
    }

    /** A unit is written: its forecasts written and rejected (model failures), in that many seconds. */
    record UnitDone(String unit, long written, long rows, long rejected, double seconds) implements BackfillEvent {
    }

    /** The request is done; {@code expectedRows} is forecasts written times paths. */
    record RequestDone(String requestId, Counts counts, long expectedRows) implements BackfillEvent {
    }

    /** The batch's requests are done; its counts are the sums of theirs, as in {@code batch_log}. */
    record BatchDone(long batchId, int requests, Counts counts, double seconds) implements BackfillEvent {
    }

    /**
     * Forecast dates of a request or a batch: requested, found complete (existing), written, rows written, and
     * rejected.
     */
    record Counts(long requested, long existing, long written, long rows, long rejected) {
        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(requested + o.requested, existing + o.existing, written + o.written, rows + o.rows,
                    rejected + o.rejected);
        }
    }
}
