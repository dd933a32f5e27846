package hindcast.cli;

import hindcast.config.Settings;
import hindcast.error.Errors;
import hindcast.model.TrainFrequency;
import hindcast.plan.Request;
import hindcast.plan.RequestCheck;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** --commodity --models --train-frequency --start --end, shared by train, enqueue and backfill. */
class RequestOptions {
    @Option(names = "--commodity", required = true, description = "Commodity, as named in the config (e.g. Coffee).")
    String commodity;

    @Option(names = "--models", required = true, paramLabel = "m1,m2", description = "Comma-separated model versions.")
    String models;

    @Option(names = "--train-frequency", required = true, paramLabel = "F",
            description = "daily, weekly, biweekly, monthly, quarterly, semiannually or annually.")
    String trainFrequency;

    @Option(names = "--start", required = true, paramLabel = "YYYY-MM-DD", description = "First forecast/train date.")
    String start;

    @Option(names = "--end", required = true, paramLabel = "YYYY-MM-DD", description = "Last forecast/train date.")
    String end;

    List<String> modelList() {
        List<String> list = Common.list(models);
        if (list.isEmpty()) {
            throw Errors.badOption("--models", "a comma-separated list of model versions", models);
        }
        return list;
    }

    TrainFrequency frequency() {
        return Common.frequency(trainFrequency);
    }

    LocalDate startDate() {
        return Common.date("--start", start);
    }

    LocalDate endDate() {
        return Common.date("--end", end);
    }

    /** One request per model, checked like the stream will check it, so mistakes surface at once. */
    List<Request> requests(Settings settings) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        RequestCheck check = new RequestCheck(settings.commodities(), settings.models(), settings.forecast().maxRequestDays());
        List<Request> out = new ArrayList<>();
        for (String model : modelList()) {
            Request r = new Request(UUID.randomUUID().toString(), commodity, model, frequency().label(),
                    startDate(), endDate(), now);
            check.check(r).ifPresent(rejection -> {
                throw Errors.requestRefused(rejection.reason());
            });
            out.add(r);
        }
        return out;
    }
}
