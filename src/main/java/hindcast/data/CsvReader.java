package hindcast.data;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict reader for the simple CSV files we ingest: strict UTF-8, a header line, comma-separated fields,
 * no quoting. Every problem becomes an {@link InputException} with the file and line. Blank lines are
 * skipped because they carry no data.
 */
final class CsvReader implements Closeable {
    /** Open-Meteo writes dates as midnight UTC timestamps. */
    private static final String MIDNIGHT_UTC = " 00:00:00+00:00";

    private final Path file;
    private final BufferedReader in;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private long line;
    private long rows;

    private CsvReader(Path file, BufferedReader in) {
        this.file = file;
        this.in = in;
        String first = nextNonBlankLine();
        if (first == null) {
            throw new InputException(file, 0, "empty file (no header)");
        }
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1); // Excel writes a byte-order mark
        }
        String[] names = split(first);
        if (names.length == 1) {
            for (char c : new char[] {';', '\t', '|'}) {
                if (first.indexOf(c) >= 0) {
                    throw error("expected comma-separated values, found '" + (c == '\t' ? "\\t" : c) + "'");
                }
            }
        }
        for (int i = 0; i < names.length; i++) {
            names[i] = names[i].trim();
            if (columns.putIfAbsent(names[i], i) != null) {
                throw error("duplicate column '" + names[i] + "'");
            }
        }
        header = List.of(names);
    }

    static CsvReader open(Path file) {
        CsvReader reader = null;
        try {
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), utf8), 1 << 16);
            try {
                reader = new CsvReader(file, in);
                return reader;
            } finally {
                if (reader == null) {
                    in.close();
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file, 0, "file not found", e);
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read file: " + e, e);
        }
    }

    Path file() {
        return file;
    }

    List<String> header() {
        return header;
    }

    /** Index of the column, or -1 when the header lacks it. */
    int column(String name) {
        return columns.getOrDefault(name, -1);
    }

    int requireColumn(String name) {
        int i = column(name);
        if (i < 0) {
            throw new InputException(file, 1, "missing required column '" + name + "' (header has: "
                    + String.join(", ", header) + ")");
        }
        return i;
    }

    /** The next data row's fields, or null at the end; a file with no data rows is an error. */
    String[] next() {
        String text = nextNonBlankLine();
        if (text == null) {
            if (rows == 0) {
                throw new InputException(file, 0, "no data rows");
            }
            return null;
        }
        rows++;
        String[] fields = split(text);
        if (fields.length != header.size()) {
            throw error("expected " + header.size() + " fields, found " + fields.length);
        }
        return fields;
    }

    /** Line number of the row last returned. */
    long line() {
        return line;
    }

    InputException error(String reason) {
        return new InputException(file, line, reason);
    }

    /** ISO yyyy-MM-dd, optionally followed by Open-Meteo's " 00:00:00+00:00". */
    LocalDate date(String[] row, int col) {
        String s = row[col].trim();
        if (s.isEmpty()) {
            throw error("missing date");
        }
        if (s.length() == 10 + MIDNIGHT_UTC.length() && s.endsWith(MIDNIGHT_UTC)) {
            s = s.substring(0, 10);
        }
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            throw error("unparseable date '" + row[col] + "' (expected yyyy-MM-dd)");
        }
        try {
            return LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
        } catch (DateTimeException | NumberFormatException e) {
            throw error("unparseable date '" + row[col] + "' (expected yyyy-MM-dd)");
        }
    }

    /** The cell as a finite number, or NaN when it is blank. */
    double number(String[] row, int col) {
        String s = row[col].trim();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        // Double.parseDouble also takes "NaN", "Infinity", hex and a trailing 'd'/'f': none belong in a CSV.
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                throw notANumber(row, col);
            }
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw notANumber(row, col);
        }
        if (!Double.isFinite(v)) {
            throw notANumber(row, col);
        }
        return v;
    }

    private InputException notANumber(String[] row, int col) {
        return error("column '" + header.get(col) + "': not a number: '" + row[col] + "'");
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(s);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private String nextNonBlankLine() {
        try {
            String text;
            do {
                text = in.readLine();
                line++;
            } while (text != null && text.isBlank());
            if (text != null && text.indexOf('"') >= 0) {
                throw error("quoted fields are not supported");
            }
            return text;
        } catch (CharacterCodingException e) {
            // The reader decodes ahead of the current line, so find the bad bytes' line from the file itself.
            throw new InputException(file, lineOfFirstMalformedByte(file), "not valid UTF-8", e);
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read file: " + e, e);
        }
    }

    private static long lineOfFirstMalformedByte(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate(8192);
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            CoderResult result;
            do {
                out.clear();
                result = utf8.decode(in, out, true);
            } while (result.isOverflow());
            if (!result.isError()) {
                return 0;
            }
            long line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            return line;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Splits on commas, keeping empty fields (String.split would drop trailing ones). */
    private static String[] split(String text) {
        int n = 1;
        for (int i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) {
            n++;
        }
        String[] fields = new String[n];
        int start = 0;
        for (int k = 0; k < n - 1; k++) {
            int end = text.indexOf(',', start);
            fields[k] = text.substring(start, end);
            start = end + 1;
        }
        fields[n - 1] = text.substring(start);
        return fields;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot close file: " + e, e);
        }
    }
}
