package hindcast.data;

import static hindcast.data.MarketColumns.COVARIATES;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Joins price records with covariate files into rows of the {@code market} table. */
public final class MarketAssembler {
    /** A covariate value older than this (calendar days) is stale and becomes NaN. */
    public static final int MAX_AGE_DAYS = 7;

    private MarketAssembler() {
    }

    /** The market rows of one commodity, and what reading its files found. */
    public record Assembled(List<MarketRecord> records, int skippedRows, int covariateFiles) {
    }

    /** Reads a price file and its covariate files and joins them; parses everything before returning. */
    public static Assembled read(Path prices, List<Path> covariateFiles) {
        PriceFile priceFile = MarketCsv.readPrices(prices);
        List<CovariateSeries> covariates = new ArrayList<>();
        for (Path f : covariateFiles) {
            covariates.add(MarketCsv.readCovariates(f));
        }
        return new Assembled(assemble(priceFile.records(), covariates), priceFile.skippedRows(), covariates.size());
    }

    /**
     * One record per price record, with each covariate a file provides filled by an as-of join: the latest
     * value dated on or before the price date and at most {@link #MAX_AGE_DAYS} old, else NaN. Values dated
     * after the price date are never used, so no covariate leaks from the future. Covariates no file
     * provides keep the price record's value. A covariate provided by two files, or by a file and the price
     * file, is an {@link InputException}.
     */
    public static List<MarketRecord> assemble(List<MarketRecord> prices, List<CovariateSeries> covariates) {
        CovariateSeries[] source = new CovariateSeries[COVARIATES.size()];
        for (CovariateSeries s : covariates) {
            for (String name : s.names()) {
                int i = COVARIATES.indexOf(name);
                if (source[i] != null) {
                    throw new InputException(s.file(), 0,
                            "covariate '" + name + "' is also provided by " + source[i].file());
                }
                source[i] = s;
            }
        }
        List<MarketRecord> out = new ArrayList<>(prices.size());
        for (MarketRecord r : prices) {
            double[] values = r.covariates().clone();
            for (int i = 0; i < values.length; i++) {
                if (source[i] == null) {
                    continue;
                }
                if (!Double.isNaN(values[i])) {
                    throw new InputException(source[i].file(), 0, "covariate '" + COVARIATES.get(i)
                            + "' is also in the price file (" + r.date() + ")");
                }
                values[i] = source[i].asOf(COVARIATES.get(i), r.date(), MAX_AGE_DAYS);
            }
            out.add(new MarketRecord(r.date(), r.close(), r.open(), r.high(), r.low(), r.volume(), values));
        }
        return out;
    }
}
