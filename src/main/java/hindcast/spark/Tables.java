package hindcast.spark;

import hindcast.config.Settings;
import hindcast.error.Errors;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.CatalogTableType;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * Creates and registers the tables of the {@link Table} catalogue. Every session registers each table by name
 * over its directory, so {@code SELECT ... FROM distributions} works; creating over an existing directory checks
 * that the stored schema still matches ours.
 */
public final class Tables {
    private Tables() {
    }

    /** Creates missing tables and registers all of them by name in this session. */
    public static void register(SparkSession spark, Settings settings) {
        for (Table t : Table.values()) {
            String name = t.name(settings);
            URI location = Settings.toUri(t.location(settings));
            unregisterIfElsewhere(spark, name, location);
            boolean exists = DeltaTable.isDeltaTable(spark, location.toString());
            // An existing table keeps its own properties; only its columns must be ours.
            spark.sql("CREATE TABLE IF NOT EXISTS " + quote(name) + " " + (exists ? "USING delta" : t.ddl())
                    + " LOCATION " + Sql.string(location.toString()));
            if (exists) {
                checkColumns(name, location, t.schema(), spark.table(quote(name)).schema());
            }
        }
    }

    /** Same column names, order and types (nullability aside), or a clear error: our writes depend on them. */
    static void checkColumns(String name, URI location, StructType expected, StructType actual) {
        List<String> want = Arrays.stream(expected.fields()).map(f -> f.name() + " " + f.dataType().sql()).toList();
        List<String> have = Arrays.stream(actual.fields()).map(f -> f.name() + " " + f.dataType().sql()).toList();
        if (!want.equals(have)) {
            throw Errors.tableColumnsDiffer(name, location, want, have);
        }
    }

    /**
     * A name registered over another directory (another configuration in the same catalog) is re-pointed,
     * but only if it is an external table: dropping one removes the name, never data.
     */
    private static void unregisterIfElsewhere(SparkSession spark, String name, URI location) {
        if (!spark.catalog().tableExists(name)) {
            return;
        }
        // The catalog entry, not the table: its old directory may be gone.
        CatalogTable entry = spark.sharedState().externalCatalog().getTable(spark.catalog().currentDatabase(), name);
        if (entry.location().normalize().equals(location.normalize())) {
            return;
        }
        if (entry.tableType() != CatalogTableType.EXTERNAL()) {
            throw Errors.managedTableElsewhere(name, entry.location(), location);
        }
        spark.sql("DROP TABLE " + quote(name));
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
