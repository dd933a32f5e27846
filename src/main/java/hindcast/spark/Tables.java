package hindcast.spark;

import hindcast.config.Settings;
import hindcast.error.Errors;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.CatalogTableType;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Creates and registers the tables of the {@link Table} catalogue. Every session registers each table by name
 * over its directory, so {@code SELECT ... FROM distributions} works. A table made by an earlier version, whose
 * columns are the first of ours, gets the nullable columns we added since (its old rows read them as null);
 * any other difference is refused.
 */
public final class Tables {
    private Tables() {
    }

    /**
     * Creates missing tables, adds the columns an earlier version lacked, and registers all of them by name in
     * this session.
     *
     * @throws hindcast.error.BadConfigException if an existing table's columns are not ours or the first of ours
     */
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
                List<StructField> added = missingColumns(name, location, t.schema(), spark.table(quote(name)).schema());
                if (!added.isEmpty()) {
                    // Delta only records the new columns in its log: no data file is rewritten.
                    spark.sql("ALTER TABLE " + quote(name) + " ADD COLUMNS ("
                            + added.stream().map(StructField::toDDL).collect(Collectors.joining(", ")) + ")");
                }
            }
        }
    }

    /**
     * Our columns that {@code actual} lacks. Its columns must be the first of ours (same names, order and types,
     * nullability aside) and the missing ones nullable, so old rows read them as null; otherwise a clear error:
     * our writes depend on the columns.
     */
    static List<StructField> missingColumns(String name, URI location, StructType expected, StructType actual) {
        List<String> want = columns(expected);
        List<String> have = columns(actual);
        List<StructField> missing = Arrays.stream(expected.fields()).skip(have.size()).toList();
        if (have.size() > want.size() || !want.subList(0, have.size()).equals(have)
                || missing.stream().anyMatch(f -> !f.nullable())) {
            throw Errors.tableColumnsDiffer(name, location, want, have);
        }
        return missing;
    }

    /** Each column as its name and type, e.g. {@code path_id INT}: what must match (nullability aside). */
    static List<String> columns(StructType schema) {
        return Arrays.stream(schema.fields()).map(f -> f.name() + " " + f.dataType().sql()).toList();
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
