package hindcast.cli;

import hindcast.config.Settings;
import hindcast.error.Errors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Loads a price CSV and optional covariate CSVs (ICE, Yahoo, FRED, Open-Meteo or plain "
                + "date,close[,...]) into the market table, replacing the commodity's rows in one commit. "
                + "Without --prices the files come from hindcast.inputs in the configuration (all configured "
                + "commodities when --commodity is left out too). "
                + "Prints per commodity what changed against the stored rows: rows added, changed and removed, and "
                + "the span of their dates. Bad input fails with file, line and reason, and writes nothing.")
final class IngestCommand extends Common implements Runnable {
    @Option(names = "--commodity")
    String commodity;

    @Option(names = "--prices", paramLabel = "FILE")
    Path prices;

    @Option(names = "--covariates", paramLabel = "FILE", arity = "1..*", description = "Covariate files.")
    List<Path> covariates = new ArrayList<>();

    @Override
    public void run() {
        Map<String, Settings.Input> inputs = new LinkedHashMap<>();
        if (prices != null) {
            if (commodity == null) {
                throw Errors.optionNeeds("--prices", "--commodity");
            }
            inputs.put(commodity, new Settings.Input(prices, covariates));
        } else if (!covariates.isEmpty()) {
            throw Errors.optionNeeds("--covariates", "--prices");
        } else if (commodity != null) {
            Settings.Input configured = settings().inputs().get(commodity);
            if (configured == null) {
                throw Errors.noConfiguredInput(commodity);
            }
            inputs.put(commodity, configured);
        } else if (settings().inputs().isEmpty()) {
            throw Errors.nothingToIngest();
        } else {
            inputs.putAll(settings().inputs());
        }
        hindcast().ingest(inputs);
    }
}
