package hindcast.plan;

import java.time.Instant;
import java.time.LocalDate;

/** One row of {@code forecast_tasks}: forecast every day from start to end with a model refitted at a frequency. */
public record Request(String requestId, String commodity, String modelVersion, String trainFrequency,
                      LocalDate startDate, LocalDate endDate, Instant enqueuedAt) {

    public String describe() {
        return commodity + " / " + modelVersion + " (" + trainFrequency + ")";
    }

    /** The command that trains what this request needs. */
    public String trainCommand() {
        return "scripts/hindcast train --commodity " + commodity + " --models " + modelVersion
                + " --train-frequency " + trainFrequency + " --start " + startDate + " --end " + endDate;
    }
}
