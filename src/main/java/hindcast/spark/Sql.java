package hindcast.spark;

import java.time.LocalDate;
import java.util.Collection;
import java.util.stream.Collectors;

/** Literals for the few SQL texts we build (MERGE conditions need literals for file pruning). */
final class Sql {
    private Sql() {
    }

    static String string(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static String date(LocalDate d) {
        return "DATE'" + d + "'";
    }

    static String strings(Collection<String> values) {
        return values.stream().map(Sql::string).collect(Collectors.joining(", ", "(", ")"));
    }
}
