package hindcast.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each kind of bad input is an InputException naming the file, the line and the reason. */
class MarketCsvErrorsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"2020/01/03", "20200103", "2020-1-3", "2020-13-01", "2020-02-30", "03-01-2020",
            "2020-01-03T00:00", "2020-01-03 12:00:00+00:00", "x"})
    void unparseableDate(String date) {
        InputException e = priceError("date,close\n2020-01-02,1\n" + date + ",2\n");
        assertError(e, 3, "unparseable date '" + date + "'");
    }

    @Test
    void missingDate() {
        assertError(priceError("date,close\n,1\n"), 2, "missing date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "NaN", "nan", "inf", "Infinity", "-Infinity", "1.2.3", "0x1p3", "1d", "1e999", "1_0"})
    void unparseableNumber(String cell) {
        assertError(priceError("date,close\n2020-01-02," + cell + "\n"), 2, "column 'close': not a number: '" + cell + "'");
        assertError(covariateError("date,VIXCLS\n2020-01-02,1\n2020-01-03," + cell + "\n"), 3,
                "column 'VIXCLS': not a number");
    }

    @Test
    void duplicateDate() {
        assertError(priceError("date,close\n2020-01-02,1\n2020-01-03,2\n2020-01-02,3\n"), 4,
                "duplicate date 2020-01-02 (first on line 2)");
        assertError(covariateError("date,vix\n2020-01-03,1\n2020-01-03,2\n"), 3, "duplicate date 2020-01-03");
    }

    @Test
    void duplicateDateEvenWhenTheCloseIsEmpty() {
        assertError(priceError("date,close\n2020-01-02,\n2020-01-02,3\n"), 3, "duplicate date");
    }

    @ParameterizedTest
    @CsvSource({"close,0", "close,-1.5", "open,0", "high,-2", "low,0"})
    void nonPositivePrice(String column, String value) {
        String row = "date,open,high,low,close\n2020-01-02," + String.join(",",
                Stream.of("open", "high", "low", "close").map(c -> c.equals(column) ? value : "5").toList());
        assertError(priceError(row + "\n"), 2, "column '" + column + "' must be > 0, found " + value);
    }

    @Test
    void negativeVolume() {
        assertError(priceError("date,close,volume\n2020-01-02,1,-3\n"), 2, "column 'volume' must be >= 0, found -3");
    }

    @Test
    void missingRequiredColumn() {
        assertError(priceError("date,open,high\n2020-01-02,1,2\n"), 1,
                "missing required column 'close' (header has: date, open, high)");
        assertError(priceError("day,close\n2020-01-02,1\n"), 1, "missing required column 'date'");
        assertError(priceError("date,total_volume,c1_settle\n2020-01-02,1,2\n"), 1, "missing required column 'c1_high'");
        assertError(covariateError("Date,VIXCLS\n2020-01-02,1\n"), 1, "missing required column 'date' (header has: Date, VIXCLS)");
    }

    @Test
    void noCovariateColumns() {
        assertError(covariateError("date,rain_sum\n2020-01-02,1\n"), 1, "no covariate columns");
    }

    @Test
    void twoColumnsForOneCovariate() {
        assertError(covariateError("date,temperature_2m_max,temp_max_c\n2020-01-02,1,1\n"), 1,
                "columns 'temperature_2m_max' and 'temp_max_c' both give covariate 'temp_max_c'");
    }

    @Test
    void duplicateColumn() {
        assertError(priceError("date,close,close\n2020-01-02,1,1\n"), 1, "duplicate column 'close'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "  \r\n"})
    void emptyFile(String content) {
        assertError(priceError(content), 0, "empty file (no header)");
        assertError(covariateError(content), 0, "empty file (no header)");
    }

    @Test
    void headerWithoutRows() {
        assertError(priceError("date,close\n"), 0, "no data rows");
        assertError(covariateError("date,vix\n\n"), 0, "no data rows");
    }

    @Test
    void wrongNumberOfFields() {
        assertError(priceError("date,close\n2020-01-02,1\n2020-01-03,2,3\n"), 3, "expected 2 fields, found 3");
        assertError(priceError("date,open,close\n2020-01-02,1\n"), 2, "expected 3 fields, found 2");
    }

    @Test
    void semicolonDelimiter() {
        assertError(priceError("date;close\n2020-01-02;1\n"), 1, "expected comma-separated values, found ';'");
        assertError(covariateError("date\tvix\n2020-01-02\t1\n"), 1, "expected comma-separated values, found '\\t'");
    }

    @Test
    void quotedFields() {
        assertError(priceError("date,close\n\"2020-01-02\",1\n"), 2, "quoted fields are not supported");
    }

    @Test
    void notUtf8() {
        byte[] latin1Header = "date,close,r\u00e9gion\n2020-01-02,1,x\n".getBytes(StandardCharsets.ISO_8859_1);
        assertError(priceError(latin1Header), 1, "not valid UTF-8");
        byte[] badRow = "date,close\n2020-01-02,1\n2020-01-03,2\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
        assertError(priceError(badRow), 3, "not valid UTF-8");
    }

    @Test
    void notUtf8FarBeyondTheReadBufferIsReportedOnItsLine() {
        StringBuilder csv = new StringBuilder("date,vix\n");
        LocalDate d = LocalDate.of(2000, 1, 1);
        for (int i = 0; i < 5000; i++) {
            csv.append(d.plusDays(i)).append(",1\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("2030-01-01,\u00c0\n".getBytes(StandardCharsets.ISO_8859_1));
        assertError(covariateError(bytes.toByteArray()), 5002, "not valid UTF-8");
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("nope.csv");
        InputException e = assertThrows(InputException.class, () -> MarketCsv.readPrices(missing));
        assertEquals(missing, e.file());
        assertEquals(0, e.line());
        assertEquals("file not found", e.reason());
    }

    @Test
    void messageNamesFileAndLine() {
        Path f = Path.of("a.csv");
        assertEquals("a.csv:3: bad", new InputException(f, 3, "bad").getMessage());
        assertEquals("a.csv: bad", new InputException(f, 0, "bad").getMessage());
    }

    private InputException priceError(String content) {
        return priceError(content.getBytes(StandardCharsets.UTF_8));
    }

    private InputException priceError(byte[] content) {
        Path f = write(content);
        InputException e = assertThrows(InputException.class, () -> MarketCsv.readPrices(f));
        assertEquals(f, e.file());
        return e;
    }

    private InputException covariateError(String content) {
        return covariateError(content.getBytes(StandardCharsets.UTF_8));
    }

    private InputException covariateError(byte[] content) {
        Path f = write(content);
        InputException e = assertThrows(InputException.class, () -> MarketCsv.readCovariates(f));
        assertEquals(f, e.file());
        return e;
    }

    private Path write(byte[] content) {
        try {
            return Files.write(Files.createTempFile(dir, "bad", ".csv"), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertError(InputException e, long line, String reasonPart) {
        assertEquals(line, e.line(), e::getMessage);
        assertTrue(e.reason().contains(reasonPart), () -> "reason '" + e.reason() + "' lacks '" + reasonPart + "'");
        assertTrue(e.getMessage().startsWith(e.file() + (line > 0 ? ":" + line + ": " : ": ")), e.getMessage());
    }
}
