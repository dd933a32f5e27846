package hindcast.spark;

import hindcast.error.BadConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TablesTest {

    @Test
    void aTableWhoseColumnsAUserChangedIsRefusedWithAClearErrorAndKeepsItsRows(@TempDir Path home) {
        Fixture f = new Fixture(home).withSampleMarket();
        long rows = f.count("SELECT count(*) FROM " + f.table(Table.MARKET));
        f.spark.sql("ALTER TABLE " + f.table(Table.MARKET) + " ADD COLUMNS (note STRING)");

        BadConfigException e = assertThrows(BadConfigException.class, () -> Warehouse.open(f.settings));
        assertTrue(e.getMessage().contains("table market at " + Path.of(Table.MARKET.location(f.settings)).toUri()),
                e.getMessage());
        assertTrue(e.getMessage().contains("found:    [commodity STRING, date DATE"), e.getMessage());
        assertTrue(e.getMessage().contains("note STRING]"), e.getMessage());
        assertEquals(rows, f.count("SELECT count(*) FROM " + f.table(Table.MARKET)));
    }

    @Test
    void aDistributionsTableWithAColumnRenamedIsRefusedAndTheRunWritesNothing(@TempDir Path home) {
        Fixture f = new Fixture(home).withSampleMarket()
                .train("Coffee", java.util.List.of("naive"), "monthly", java.time.LocalDate.of(2021, 3, 1),
                        java.time.LocalDate.of(2021, 3, 1));
        f.spark.sql("ALTER TABLE " + f.table(Table.DISTRIBUTIONS) + " SET TBLPROPERTIES ("
                + "'delta.columnMapping.mode' = 'name', 'delta.minReaderVersion' = '2', 'delta.minWriterVersion' = '5')");
        f.spark.sql("ALTER TABLE " + f.table(Table.DISTRIBUTIONS) + " RENAME COLUMN day_7 TO day_seven");
        f.enqueue(Fixture.request("Coffee", "naive", "monthly", java.time.LocalDate.of(2021, 3, 1),
                java.time.LocalDate.of(2021, 3, 3)));
        long version = f.version(Table.DISTRIBUTIONS);
        Cli run = Cli.run("run", "--config", f.configFile.toString());
        assertEquals(78, run.code(), run.err()); // configuration: the location holds another table
        assertTrue(run.err().contains("table distributions at ") && run.err().contains("day_seven FLOAT"), run.err());
        assertEquals(version, f.version(Table.DISTRIBUTIONS), "nothing written");
    }

    @Test
    void reopeningAnInstallationRegistersTheExistingTables(@TempDir Path home) {
        Fixture first = new Fixture(home).withSampleMarket();
        long rows = first.count("SELECT count(*) FROM " + first.table(Table.MARKET));
        new Fixture(home.resolve("elsewhere")); // re-points the names at another installation
        Fixture again = new Fixture(home);
        assertEquals(rows, again.count("SELECT count(*) FROM " + again.table(Table.MARKET)));
    }
}
