package hindcast.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValue;
import hindcast.error.Errors;
import hindcast.model.ModelRegistry;
import hindcast.model.ModelSpec;
import hindcast.model.TrainFrequency;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything configurable, read once from HOCON. Precedence, highest first: JVM system properties,
 * CONFIG_FORCE_* environment variables, the --config file, conf/application.conf.
 */
public record Settings(
        Path home,
        SparkConfig spark,
        TableConfig tables,
        StreamConfig stream,
        ForecastConfig forecast,
        List<String> commodities,
        Map<String, Input> inputs,
        ModelRegistry models) {

    /** {@code hindcast.spark}: used only where spark-submit or the cluster sets nothing. */
    public record SparkConfig(String master, String appName, int shufflePartitions, Map<String, String> conf) {
    }

    /** {@code hindcast.tables}: the warehouse directory and the name of each table (by its key). */
    public record TableConfig(String warehouse, Map<String, String> names) {

        /** Name the table with the given key (e.g. "distributions") is registered under in the Spark session. */
        public String name(String key) {
            String name = names.get(key);
            if (name == null) {
                throw new IllegalArgumentException("no table '" + key + "'");
            }
            return name;
        }

        /** Where the Delta table with the given key lives. */
        public String location(String key) {
            return isUri(warehouse) ? warehouse.replaceAll("/+$", "") + "/" + name(key)
                    : Path.of(warehouse).resolve(name(key)).toString();
        }
    }

    /** {@code hindcast.stream}: the backfill query and the evaluation query that may run beside it. */
    public record StreamConfig(String checkpoint, int maxFilesPerTrigger, Duration interval, boolean trainMissing,
                               boolean evaluate, String evaluationCheckpoint, boolean refresh,
                               String refreshCheckpoint, int maxConcurrentWrites) {
    }

    /** {@code hindcast.forecast}: what a forecast is and how the work is cut; chunk size 0 is {@code auto}. */
    public record ForecastConfig(int paths, int chunkSize, int numPartitions, int maxDataStalenessDays,
                                 int minTrainingRows, int maxRequestDays, TrainFrequency defaultTrainFrequency) {
    }

    /** The files {@code ingest} reads for a commodity when none are given on the command line. */
    public record Input(Path prices, List<Path> covariates) {
        public Input {
            covariates = List.copyOf(covariates);
        }
    }

    /** These settings with {@code stream.train-missing} on: runs train the fits their requests need first. */
    public Settings withTrainMissing() {
        StreamConfig s = stream;
        return new Settings(home, spark, tables, new StreamConfig(s.checkpoint(), s.maxFilesPerTrigger(), s.interval(),
                true, s.evaluate(), s.evaluationCheckpoint(), s.refresh(), s.refreshCheckpoint(), s.maxConcurrentWrites()), forecast, commodities,
                inputs, models);
    }

    public static Settings load(Path userFile) {
        return load(userFile, Map.of());
    }

    /** {@code overrides} (keys like "hindcast.stream.interval", from command-line options) win over everything. */
    public static Settings load(Path userFile, Map<String, ?> overrides) {
        if (userFile != null && !Files.isRegularFile(userFile)) {
            throw Errors.configFileNotFound(userFile);
        }
        try { // syntax, type and substitution errors alike are configuration errors
            Config user = ConfigFactory.empty();
            if (userFile != null) {
                user = ConfigFactory.parseFile(userFile.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
                checkKnownKeys(user, ConfigFactory.parseResourcesAnySyntax("application").resolve());
            }
            Config config = ConfigFactory.parseMap(overrides, "command-line options")
                    .withFallback(ConfigFactory.systemProperties())
                    .withFallback(ConfigFactory.systemEnvironmentOverrides())
                    .withFallback(user)
                    .withFallback(ConfigFactory.parseResourcesAnySyntax("application"))
                    .resolve();
            return from(config.getConfig("hindcast"));
        } catch (ConfigException e) {
            throw Errors.invalidConfig(e.getMessage(), e);
        }
    }

    /** Sections whose keys are names the user chooses (model versions, commodities, Spark settings). */
    private static final List<String> FREE_FORM = List.of("models.", "inputs.", "spark.conf.");

    /**
     * A key under hindcast that the defaults do not have is a typo or a setting from another version: an
     * error naming it and where it is, rather than a silently ignored value.
     */
    static void checkKnownKeys(Config user, Config reference) {
        Config resolved = user.resolve(ConfigResolveOptions.defaults().setAllowUnresolved(true));
        if (!resolved.hasPath("hindcast")) {
            return;
        }
        for (Map.Entry<String, ConfigValue> e : resolved.getConfig("hindcast").entrySet()) {
            String key = e.getKey();
            if (FREE_FORM.stream().noneMatch(key::startsWith) && !reference.hasPathOrNull("hindcast." + key)) {
                String parent = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : "";
                String known = parent.isEmpty() ? String.join(", ", reference.getConfig("hindcast").root().keySet())
                        : reference.hasPath("hindcast." + parent) && reference.getValue("hindcast." + parent)
                        instanceof com.typesafe.config.ConfigObject o ? String.join(", ", new java.util.TreeSet<>(o.keySet()))
                        : "-";
                throw Errors.unknownConfigKey(key, e.getValue().origin().description(), parent, known);
            }
        }
    }

    static Settings from(Config c) {
        Path home = Path.of(c.getString("home")).toAbsolutePath().normalize();
        Map<String, String> sparkConf = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> e : c.getConfig("spark.conf").entrySet()) {
            sparkConf.put(e.getKey().replace("\"", ""), String.valueOf(e.getValue().unwrapped()));
        }
        // Every entry of hindcast.tables but the warehouse names a table (its key in hindcast.spark.Table).
        Map<String, String> tables = new LinkedHashMap<>();
        for (String t : c.getConfig("tables").root().keySet()) {
            if (!t.equals("warehouse")) {
                tables.put(t, c.getString("tables." + t));
            }
        }
        Map<String, ModelSpec> specs = new LinkedHashMap<>();
        Config models = c.getConfig("models");
        for (String name : models.root().keySet()) {
            Config m = models.getConfig(name);
            Map<String, Object> params = new LinkedHashMap<>(m.root().unwrapped());
            params.remove("type");
            specs.put(name, new ModelSpec(name, m.getString("type"), params));
        }
        List<String> commodities = List.copyOf(c.getStringList("commodities"));
        Map<String, Input> inputs = new LinkedHashMap<>();
        Config in = c.getConfig("inputs");
        for (String commodity : in.root().keySet()) {
            if (!commodities.contains(commodity)) {
                throw Errors.inputNotACommodity(commodity, commodities);
            }
            Config files = in.getConfig(commodity);
            inputs.put(commodity, new Input(home.resolve(files.getString("prices")).normalize(),
                    files.hasPath("covariates") ? files.getStringList("covariates").stream()
                            .map(f -> home.resolve(f).normalize()).toList() : List.of()));
        }
        return new Settings(
                home,
                new SparkConfig(c.getString("spark.master"), c.getString("spark.app-name"),
                        c.getInt("spark.shuffle-partitions"), sparkConf),
                new TableConfig(location(home, c.getString("tables.warehouse")), tables),
                new StreamConfig(
                        location(home, c.getString("stream.checkpoint")),
                        positive(c, "stream.max-files-per-trigger"),
                        c.getDuration("stream.interval"),
                        c.getBoolean("stream.train-missing"),
                        c.getBoolean("stream.evaluate"),
                        location(home, c.getString("stream.evaluation-checkpoint")),
                        c.getBoolean("stream.refresh"),
                        location(home, c.getString("stream.refresh-checkpoint")),
                        positive(c, "stream.max-concurrent-writes")),
                new ForecastConfig(
                        positive(c, "forecast.paths"),
                        chunkSize(c, "forecast.chunk-size"),
                        c.getInt("forecast.num-partitions"),
                        positive(c, "forecast.max-data-staleness-days"),
                        positive(c, "forecast.min-training-rows"),
                        positive(c, "forecast.max-request-days"),
                        trainFrequency(c, "forecast.default-train-frequency")),
                commodities,
                inputs,
                new ModelRegistry(specs));
    }

    private static int positive(Config c, String key) {
        int v = c.getInt(key);
        if (v <= 0) {
            throw Errors.notPositive(key, v);
        }
        return v;
    }

    /** A positive number, or {@code auto} (0): sized to the cluster. */
    private static int chunkSize(Config c, String key) {
        return "auto".equals(c.getValue(key).unwrapped()) ? 0 : positive(c, key);
    }

    private static TrainFrequency trainFrequency(Config c, String key) {
        try {
            return TrainFrequency.parse(c.getString(key));
        } catch (IllegalArgumentException e) {
            throw Errors.invalidConfig("hindcast." + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * A configured location: a URI with a scheme (s3a://, hdfs://, abfss://, dbfs:/, file:/) is used as
     * given, for clusters; anything else is a local path, resolved against home.
     */
    static String location(Path home, String configured) {
        return isUri(configured) ? configured : home.resolve(configured).normalize().toString();
    }

    /** A location as a URI; local paths become file: URIs, as Spark's catalog stores them. */
    public static URI toUri(String location) {
        return isUri(location) ? URI.create(location) : Path.of(location).toUri();
    }

    private static boolean isUri(String location) {
        return location.matches("[A-Za-z][A-Za-z0-9+.-]+:/.*");
    }
}
