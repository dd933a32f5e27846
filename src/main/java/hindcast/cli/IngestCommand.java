package hindcast.cli;

import hindcast.data.CovariateSeries;
import hindcast.data.MarketAssembler;
import hindcast.data.MarketCsv;
import hindcast.data.MarketRecord;
import hindcast.data.PriceFile;
import hindcast.spark.MarketStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Loads a price CSV and optional covariate CSVs (ICE, Yahoo, FRED, Open-Meteo or plain "
                + "date,close[,...]) into the market table, replacing the commodity's rows in one commit. "
                + "Bad input fails with file, line and reason, and writes nothing.")
final class IngestCommand extends Common implements Runnable {
    @Option(names = "--commodity", required = true)
    String commodity;

    @Option(names = "--prices", required = true, paramLabel = "FILE")
    Path prices;

    @Option(names = "--covariates", paramLabel = "FILE", arity = "1..*", description = "Covariate files.")
    List<Path> covariates = new ArrayList<>();

    @Override
    public void run() {
        if (!settings().commodities().contains(commodity)) {
            throw new IllegalArgumentException("unknown commodity '" + commodity + "'; add it to hindcast.commodities "
                    + "(configured: " + settings().commodities() + ")");
        }
        ingest(new MarketStore(spark(), settings()), commodity, prices, covariates);
    }

    /** Parses everything first, then writes once: bad input never leaves a partial table. */
    static void ingest(MarketStore store, String commodity, Path prices, List<Path> covariateFiles) {
        PriceFile priceFile = MarketCsv.readPrices(prices);
        List<CovariateSeries> covariates = new ArrayList<>();
        for (Path f : covariateFiles) {
            covariates.add(MarketCsv.readCovariates(f));
        }
        List<MarketRecord> records = MarketAssembler.assemble(priceFile.records(), covariates);
        boolean wrote = store.replace(commodity, records);
        System.out.printf("%s %s: %,d trading days %s..%s%s%s%n", wrote ? "Ingested" : "Unchanged", commodity,
                records.size(), records.get(0).date(), records.get(records.size() - 1).date(),
                priceFile.skippedRows() > 0 ? ", " + priceFile.skippedRows() + " rows without a close skipped" : "",
                covariates.isEmpty() ? "" : ", covariates from " + covariates.size() + " file(s)");
    }
}
