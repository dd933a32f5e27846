package hindcast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainFrequencyTest {
    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void monthlyFromAMonthEndClampsCumulatively() {
        assertEquals(List.of(d("2021-01-31"), d("2021-02-28"), d("2021-03-28"), d("2021-04-28")),
                TrainFrequency.MONTHLY.schedule(d("2021-01-31"), d("2021-04-30")));
        assertEquals(List.of(d("2020-01-31"), d("2020-02-29"), d("2020-03-29")),
                TrainFrequency.MONTHLY.schedule(d("2020-01-31"), d("2020-04-28")), "leap year");
    }

    @Test
    void everyFrequencyStepsFromTheStartToTheEndInclusive() {
        assertEquals(List.of(d("2021-01-01"), d("2021-01-02"), d("2021-01-03")),
                TrainFrequency.DAILY.schedule(d("2021-01-01"), d("2021-01-03")));
        assertEquals(List.of(d("2021-01-01"), d("2021-01-08"), d("2021-01-15")),
                TrainFrequency.WEEKLY.schedule(d("2021-01-01"), d("2021-01-15")));
        assertEquals(List.of(d("2021-01-01"), d("2021-01-15")),
                TrainFrequency.BIWEEKLY.schedule(d("2021-01-01"), d("2021-01-28")));
        assertEquals(List.of(d("2021-01-15"), d("2021-04-15"), d("2021-07-15"), d("2021-10-15")),
                TrainFrequency.QUARTERLY.schedule(d("2021-01-15"), d("2021-12-31")));
        assertEquals(List.of(d("2023-01-01"), d("2023-07-01"), d("2024-01-01"), d("2024-07-01")),
                TrainFrequency.SEMIANNUALLY.schedule(d("2023-01-01"), d("2024-12-31")));
        assertEquals(List.of(d("2020-02-29"), d("2021-02-28"), d("2022-02-28")),
                TrainFrequency.ANNUALLY.schedule(d("2020-02-29"), d("2022-03-01")));
        assertEquals(List.of(d("2021-05-05")), TrainFrequency.WEEKLY.schedule(d("2021-05-05"), d("2021-05-05")));
        assertEquals(List.of(), TrainFrequency.WEEKLY.schedule(d("2021-05-05"), d("2021-05-04")));
        assertEquals(d("2021-02-28"), TrainFrequency.MONTHLY.next(d("2021-01-31")));
        assertEquals(d("2021-07-31"), TrainFrequency.SEMIANNUALLY.next(d("2021-01-31")));
    }

    @Test
    void parseAcceptsLabelsCaseInsensitively() {
        for (TrainFrequency f : TrainFrequency.values()) {
            assertEquals(f, TrainFrequency.parse(f.label()));
        }
        assertEquals(TrainFrequency.SEMIANNUALLY, TrainFrequency.parse(" SemiAnnually "));
        assertEquals("daily, weekly, biweekly, monthly, quarterly, semiannually, annually", TrainFrequency.labels());
    }

    @Test
    void parseErrorsNameTheValueAndTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainFrequency.parse("fortnightly"));
        assertEquals("unknown train frequency 'fortnightly'; expected one of daily, weekly, biweekly, monthly, "
                + "quarterly, semiannually, annually", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainFrequency.parse(null));
        assertThrows(IllegalArgumentException.class, () -> TrainFrequency.parse(""));
    }
}
