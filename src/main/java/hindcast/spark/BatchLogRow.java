package hindcast.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.time.Instant;

/** One row of {@code batch_log}: what a micro-batch of the stream did and how long it took. */
record BatchLogRow(long batchId, String checkpoint, Instant startedAt, Instant finishedAt, int requests,
                   long forecastsRequested, long forecastsExisting, long forecastsWritten, long rowsWritten,
                   long forecastsRejected) {

    double seconds() {
        return (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }

    Row toRow() {
        return RowFactory.create(batchId, checkpoint, startedAt, finishedAt, requests, forecastsRequested,
                forecastsExisting, forecastsWritten, rowsWritten, forecastsRejected, seconds());
    }
}
