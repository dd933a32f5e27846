package hindcast.data;

import java.util.List;

/**
 * The records of one price file, sorted by date, and how many rows were skipped because their close was
 * empty (the ICE file has three such days).
 */
public record PriceFile(List<MarketRecord> records, int skippedRows) {
    public PriceFile {
        records = List.copyOf(records);
    }
}
