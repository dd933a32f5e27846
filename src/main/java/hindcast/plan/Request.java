package hindcast.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** One row of {@code forecast_tasks}: forecast every day from start to end with a model refitted at a frequency. */
public record Request(String requestId, String commodity, String modelVersion, String trainFrequency,
                      LocalDate startDate, LocalDate endDate, Instant enqueuedAt) {

    public String describe() {
        return commodity + " / " + modelVersion + " (" + trainFrequency + ")";
    }

    /** Number of forecast dates, 0 when the range is missing or reversed. */
    public long days() {
        return startDate == null || endDate == null || endDate.isBefore(startDate) ? 0
                : ChronoUnit.DAYS.between(startDate, endDate) + 1;
    }

    /** The command that trains what this request needs. */
    public String trainCommand() {
        return "scripts/hindcast train --commodity " + commodity + " --models " + modelVersion
                + " --train-frequency " + trainFrequency + " --start " + startDate + " --end " + endDate;
    }
}
