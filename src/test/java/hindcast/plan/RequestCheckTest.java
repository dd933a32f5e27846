package hindcast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hindcast.model.ModelRegistry;
import hindcast.model.ModelSpec;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Request-level rejections, each with its kind and reason. */
class RequestCheckTest {
    private static final RequestCheck CHECK = new RequestCheck(List.of("Coffee", "Sugar"),
            new ModelRegistry(Map.of("naive", new ModelSpec("naive", "naive", Map.of()))), 36600);

    private static Optional<Rejection> check(String commodity, String model, String frequency, String from, String to) {
        return CHECK.check(new Request("r", commodity, model, frequency, from == null ? null : LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to), null));
    }

    private static void assertKind(Rejection.Kind kind, String reasonPart, Optional<Rejection> r) {
        assertTrue(r.isPresent(), "expected " + kind);
        assertEquals(kind, r.get().kind());
        assertTrue(r.get().reason().contains(reasonPart), () -> r.get().reason() + " lacks " + reasonPart);
    }

    @Test
    void eachKind() {
        assertEquals(Optional.empty(), check("Coffee", "naive", "monthly", "2021-01-01", "2021-01-01"));
        assertKind(Rejection.Kind.MISSING_FIELD, "are required", check("Coffee", null, "monthly", "2021-01-01", "2021-01-02"));
        assertKind(Rejection.Kind.MISSING_FIELD, "are required", check("Coffee", "naive", "monthly", null, "2021-01-02"));
        assertKind(Rejection.Kind.MISSING_FIELD, "are required", check("Coffee", "naive", null, "2021-01-01", "2021-01-02"));
        assertKind(Rejection.Kind.UNKNOWN_COMMODITY, "unknown commodity 'coffee'; configured commodities: [Coffee, Sugar]",
                check("coffee", "naive", "monthly", "2021-01-01", "2021-01-02"));
        assertKind(Rejection.Kind.UNKNOWN_MODEL, "unknown model 'garch'; configured models: [naive]",
                check("Coffee", "garch", "monthly", "2021-01-01", "2021-01-02"));
        assertKind(Rejection.Kind.UNKNOWN_TRAIN_FREQUENCY, "unknown train frequency 'fortnightly'",
                check("Coffee", "naive", "fortnightly", "2021-01-01", "2021-01-02"));
        assertKind(Rejection.Kind.REVERSED_RANGE, "end_date 2021-01-01 is before start_date 2021-01-02",
                check("Coffee", "naive", "monthly", "2021-01-02", "2021-01-01"));
        // 2000-01-01 + 36600 days - 1 is the longest accepted range.
        String last = LocalDate.of(2000, 1, 1).plusDays(36599).toString();
        assertEquals(Optional.empty(), check("Coffee", "naive", "monthly", "2000-01-01", last));
        assertKind(Rejection.Kind.RANGE_TOO_LONG, "the range spans 36601 days; at most 36600 are accepted",
                check("Coffee", "naive", "monthly", "2000-01-01", LocalDate.parse(last).plusDays(1).toString()));
    }
}
