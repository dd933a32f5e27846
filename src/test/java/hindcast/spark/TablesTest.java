package hindcast.spark;

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
        long rows = f.count("SELECT count(*) FROM " + f.table("market"));
        f.spark.sql("ALTER TABLE " + f.table("market") + " ADD COLUMNS (note STRING)");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SparkSessions.open(f.settings));
        assertTrue(e.getMessage().contains("table market at " + Path.of(f.settings.tableLocation("market")).toUri()),
                e.getMessage());
        assertTrue(e.getMessage().contains("found:    [commodity STRING, date DATE"), e.getMessage());
        assertTrue(e.getMessage().contains("note STRING]"), e.getMessage());
        assertEquals(rows, f.count("SELECT count(*) FROM " + f.table("market")));
    }

    @Test
    void reopeningAnInstallationRegistersTheExistingTables(@TempDir Path home) {
        Fixture first = new Fixture(home).withSampleMarket();
        long rows = first.count("SELECT count(*) FROM " + first.table("market"));
        new Fixture(home.resolve("elsewhere")); // re-points the names at another installation
        Fixture again = new Fixture(home);
        assertEquals(rows, again.count("SELECT count(*) FROM " + again.table("market")));
    }
}
