package hindcast.report;

import hindcast.report.ReportData.BackfillMonth;
import hindcast.report.ReportData.Calibration;
import hindcast.report.ReportData.Fan;
import hindcast.report.ReportData.FanPoint;
import hindcast.report.ReportData.Freshness;
import hindcast.report.ReportData.HorizonCrps;
import hindcast.report.ReportData.HorizonSkill;
import hindcast.report.ReportData.PathScores;
import hindcast.report.ReportData.PitHistogram;
import hindcast.report.ReportData.Rejections;
import hindcast.report.ReportData.Reliability;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {
    private static final String[] COMMODITIES = {"Coffee", "Sugar"};
    private static final LocalDate FROM = LocalDate.of(2024, 1, 2);
    private static final int HORIZON = 7;
    /** The last fan points have no realised price yet. */
    private static final int UNKNOWN_TAIL = 5;

    @Test
    void isWellFormedXmlWithoutTheDoctype() throws Exception {
        Document doc = parse(HtmlReport.render(sample(40, "naive", "xgboost")));
        assertEquals("html", doc.getDocumentElement().getTagName());
    }

    @Test
    void drawsOneFanPerCommodityAndModel() throws Exception {
        ReportData data = sample(40, "naive", "xgboost");
        List<Fan> reversed = new ArrayList<>(data.fans());
        Collections.reverse(reversed);
        Document doc = parse(HtmlReport.render(new ReportData(data.generatedAt(), data.horizon(), data.from(),
                data.to(), reversed, data.crps(), data.calibration(), data.pits(), data.backfill(), data.rejections(),
                data.freshness(), data.skill(), data.paths(), data.reliability())));
        List<Element> fans = svgs(doc, "fan");
        assertEquals(COMMODITIES.length * 2, fans.size());
        // Grouped by commodity, models sorted within it.
        assertEquals(List.of("Coffee naive forecast fan", "Coffee xgboost forecast fan", "Sugar naive forecast fan",
                "Sugar xgboost forecast fan"), fans.stream().map(e -> e.getAttribute("aria-label")).toList());
        assertEquals(COMMODITIES.length, svgs(doc, "crps").size());
        assertEquals(COMMODITIES.length, svgs(doc, "calibration").size());
        assertEquals(COMMODITIES.length * 2, svgs(doc, "pit").size());
        assertEquals(COMMODITIES.length, svgs(doc, "backfill").size());
    }

    @Test
    void makesNoNetworkReferences() {
        String html = HtmlReport.render(sample(40, "naive", "xgboost"));
        Matcher m = Pattern.compile("https?://").matcher(html);
        int namespaces = 0;
        while (m.find()) {
            assertTrue(html.startsWith("http://www.w3.org/2000/svg\"", m.start()),
                    "unexpected URL at " + html.substring(m.start(), Math.min(html.length(), m.start() + 60)));
            namespaces++;
        }
        assertTrue(namespaces > 0);
        for (String s : List.of("<script", "<link", "<img", "src=", "url(", "@import", "//cdn")) {
            assertFalse(html.toLowerCase().contains(s), s);
        }
    }

    @Test
    void escapesModelNames() throws Exception {
        String nasty = "x<y&\"z'";
        String html = HtmlReport.render(sample(12, nasty, "naive"));
        parse(html);
        assertFalse(html.contains("x<y"));
        assertTrue(html.contains("x&lt;y&amp;&quot;z&#39;"));
        assertTrue(html.contains("<title>x&lt;y&amp;&quot;z&#39; 2023-07: "), "backfill tooltip");
    }

    @Test
    void emptyDataSaysSoInEverySection() throws Exception {
        ReportData empty = new ReportData(Instant.EPOCH, HORIZON, FROM, FROM, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        String html = HtmlReport.render(empty);
        parse(html);
        assertEquals(6, count(html, "No data yet")); // fans, CRPS, skill, calibration, whole paths, backfill
        assertTrue(html.contains("Hindcast report"));
        assertTrue(html.contains("1970-01-01 00:00 UTC"));

        ReportData nulls = new ReportData(null, 0, null, null, null, null, null, null, null, null, null, null, null, null);
        assertEquals(6, count(HtmlReport.render(nulls), "No data yet"));
        assertEquals(6, count(HtmlReport.render(null), "No data yet"));
    }

    @Test
    void isDeterministicWhateverTheInputOrder() {
        ReportData data = sample(40, "naive", "xgboost");
        String once = HtmlReport.render(data);
        assertEquals(once, HtmlReport.render(data));
        for (long seed = 1; seed <= 5; seed++) {
            assertEquals(once, HtmlReport.render(shuffled(data, seed)), "shuffled with seed " + seed);
        }
    }

    @Test
    void selfClosesOnlyVoidHtmlElements() {
        // XML accepts <span/>, but an HTML parser treats it as an open tag that swallows what follows. Inside
        // <svg> (foreign content) self-closing is fine.
        String html = HtmlReport.render(sample(12, "naive", "xgboost")).replaceAll("(?s)<svg.*?</svg>", "");
        Matcher m = Pattern.compile("<([a-zA-Z0-9]+)[^>]*/>").matcher(html);
        while (m.find()) {
            assertTrue(List.of("meta", "br", "hr", "img", "input", "link").contains(m.group(1)), m.group());
        }
    }

    @Test
    void outerBandEnclosesInnerBandAndMedian() throws Exception {
        Element fan = svgs(parse(HtmlReport.render(sample(40, "naive", "xgboost"))), "fan").get(0);
        double[][] b95 = band(fan, "band-95"), b80 = band(fan, "band-80"), b50 = band(fan, "band-50");
        double[][] median = polyline(fan, "median");
        assertEquals(40, median.length);
        for (int i = 0; i < median.length; i++) {
            double x = median[i][0];
            // SVG y grows downwards: a higher price has a smaller y.
            double[] ys = {b95[i][0], b80[i][0], b50[i][0], median[i][1], b50[i][1], b80[i][1], b95[i][1]};
            for (int k = 1; k < ys.length; k++) {
                assertTrue(ys[k - 1] <= ys[k], "point " + i + ": " + Arrays.toString(ys));
            }
            assertTrue(ys[0] < ys[6], "95% band has height at point " + i);
            assertEquals(x, b95[i][2], 1e-9);
            assertEquals(x, b50[i][2], 1e-9);
            assertTrue(i == 0 || x > median[i - 1][0], "x grows with target date");
        }
    }

    @Test
    void plotsOnlyKnownRealisedPrices() throws Exception {
        Element fan = svgs(parse(HtmlReport.render(sample(40, "naive", "xgboost"))), "fan").get(0);
        assertEquals(40 - UNKNOWN_TAIL, byClass(fan, "circle", "actual").size());
    }

    @Test
    void wholePathsHasAScoreRowPerModelAndAReliabilityTablePerModelAndEvent() throws Exception {
        String html = HtmlReport.render(sample(40, "naive", "xgboost"));
        Document doc = parse(html);
        assertTrue(html.contains("<a href=\"#paths\">Whole paths</a>"));
        Element section = byId(doc, "paths");
        List<Element> tables = byClass(section, "table", "data");
        List<Element> reliability = byClass(section, "table", "reliability");
        assertEquals(COMMODITIES.length * (1 + 2 * 2), tables.size()); // scores + (2 models x 2 events)
        assertEquals(COMMODITIES.length * 2 * 2, reliability.size());
        Element coffee = tables.get(0);
        assertEquals(List.of("naive", "xgboost"), firstCells(coffee));
        String scores = coffee.getTextContent();
        assertTrue(scores.contains("naive40") && scores.contains("0.03000+0.0%"), scores); // model, n, ES, skill
        assertTrue(scores.contains("xgboost40") && scores.contains("0.03200-1.0%0.16000.1200"), scores);
        // First reliability table: Coffee, naive, down (events sorted); bins in order with their share and count.
        Element first = reliability.get(0);
        assertEquals(List.of("0.0–0.1", "0.3–0.4", "0.6–0.7", "0.9–1.0"), firstCells(first));
        assertTrue(first.getTextContent().contains("35.0%30.0%10"), first.getTextContent());
    }

    @Test
    void leavesMonthsWithoutRequestsBlank() throws Exception {
        String html = HtmlReport.render(sample(40, "naive", "xgboost"));
        Element grid = svgs(parse(html), "backfill").get(0);
        List<Element> cells = byClass(grid, "rect", "cell");
        assertEquals(12 + 11, cells.size()); // xgboost has all 12 months, naive misses one
        assertTrue(html.contains("<title>naive 2024-01: 31/31</title>"));
        assertFalse(html.contains("<title>naive 2024-02"));
        assertTrue(html.contains("<title>naive 2024-03: 10/31</title>"));
        assertTrue(html.contains("<title>xgboost 2024-02: 29/29</title>"));
    }

    @Test
    void survivesNonFiniteAndDegenerateValues() throws Exception {
        LocalDate d = FROM;
        List<FanPoint> lone = List.of(new FanPoint(d, d.plusDays(6), 1, 2, 3, 4, 5, 6, 7, Double.NaN),
                new FanPoint(d.plusDays(1), d.plusDays(7), 1, 2, Double.NaN, 4, 5, 6, 7, 4.0));
        List<FanPoint> flat = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            flat.add(new FanPoint(d.plusDays(i), d.plusDays(i + 6), 5, 5, 5, 5, 5, 5, 5,
                    i == 2 ? Double.POSITIVE_INFINITY : 5.0));
        }
        ReportData data = new ReportData(Instant.EPOCH, HORIZON, FROM, FROM,
                List.of(new Fan("Coffee", "lone", lone), new Fan("Coffee", "flat", flat),
                        new Fan("Coffee", "none", List.of()), new Fan("Coffee", "nulls", null)),
                List.of(new HorizonCrps("Coffee", "flat", 1, 2.0, 5), new HorizonCrps("Coffee", "flat", 2, 2.0, 5),
                        new HorizonCrps("Coffee", "lone", 3, Double.NaN, 5),
                        new HorizonCrps("Sugar", "lone", 1, 0.0, 5)),
                List.of(new Calibration("Coffee", "flat", 0.5, Double.NaN, 0),
                        new Calibration("Coffee", "lone", 0.8, 0.8, 1)),
                List.of(new PitHistogram("Coffee", "flat", new long[10]), new PitHistogram("Coffee", "lone", null),
                        new PitHistogram("Coffee", "x", new long[] {3})),
                List.of(new BackfillMonth("Coffee", "flat", YearMonth.of(2024, 1), 0, 0),
                        new BackfillMonth("Coffee", "lone", null, 1, 1)),
                List.of(new Rejections("Coffee", null, null, 1)), List.of(new Freshness("Coffee", "flat", null, 0)),
                List.of(new HorizonSkill("Coffee", "flat", 1, Double.NaN, null, null, null),
                        new HorizonSkill("Coffee", "lone", 2, 0.01, Double.NaN, null, Double.NaN)),
                List.of(), List.of());
        String html = HtmlReport.render(data);
        Document doc = parse(html);
        assertFalse(html.contains("NaN"));
        assertFalse(html.contains("Infinity"));
        List<Element> fans = svgs(doc, "fan");
        assertEquals(4, fans.size());
        // "flat" sorts first: a constant series still gets a band of real points; "lone" has one drawable point,
        // shown as a short bar (4 vertices) rather than an invisible zero-width band.
        assertEquals(10, band(byLabel(fans, "Coffee flat forecast fan"), "band-95").length * 2);
        assertEquals(4, band(byLabel(fans, "Coffee lone forecast fan"), "band-95").length * 2);
        assertEquals(4, byClass(byLabel(fans, "Coffee flat forecast fan"), "circle", "actual").size());
        assertEquals(0, byClass(byLabel(fans, "Coffee lone forecast fan"), "circle", "actual").size());
        assertTrue(count(html, "No data yet") >= 4); // empty fans, all-zero and missing PIT histograms
    }

    @Test
    void skillTableMarksSignificantCells() throws Exception {
        String html = HtmlReport.render(sample(12, "naive", "xgboost"));
        parse(html);
        // xgboost against naive: skill -0.5% - 0.2% h, p = 0.6 / h: only h = 14 (p = 0.043) is below 0.05.
        assertTrue(html.contains("<th class=\"num\">h 1</th><th class=\"num\">h 7</th><th class=\"num\">h 14</th>"),
                "a column per horizon, in order");
        assertEquals(COMMODITIES.length, count(html, "<strong>-3.3%*</strong>"), "h 14 in bold with a star");
        assertEquals(COMMODITIES.length, count(html, "<strong>"), "only that cell");
        assertEquals(COMMODITIES.length, count(html, ">-0.7%<br/><span class=\"interval\">[-1.7%, +0.3%]</span>"),
                "h 1 plain, its interval below");
        assertTrue(html.contains("Diebold–Mariano test (as R&#39;s forecast::dm.test"), "the legend says what the test is");
        assertTrue(html.contains("DM p = 0.04286"), "the p-value in the tooltip");
    }

    // ---- fixture ----

    /**
     * Two commodities with a random-walk price; model i forecasts with a spread growing with i (so the charts
     * differ), the last few targets have no realised price, and the first model has a gap in its backfill.
     */
    static ReportData sample(int points, String... models) {
        List<Fan> fans = new ArrayList<>();
        List<HorizonCrps> crps = new ArrayList<>();
        List<Calibration> calibration = new ArrayList<>();
        List<PitHistogram> pits = new ArrayList<>();
        List<BackfillMonth> backfill = new ArrayList<>();
        List<Rejections> rejections = new ArrayList<>();
        List<Freshness> freshness = new ArrayList<>();
        List<HorizonSkill> skill = new ArrayList<>();
        List<PathScores> paths = new ArrayList<>();
        List<Reliability> reliability = new ArrayList<>();
        for (int c = 0; c < COMMODITIES.length; c++) {
            String commodity = COMMODITIES[c];
            double start = c == 0 ? 185 : 21;
            Random rnd = new Random(42 + c);
            double[] price = new double[points + HORIZON];
            price[0] = start;
            for (int t = 1; t < price.length; t++) {
                price[t] = price[t - 1] * (1 + 0.012 * rnd.nextGaussian() + 0.0004);
            }
            for (int m = 0; m < models.length; m++) {
                String model = models[m];
                double spread = 0.03 * (1.4 - 0.25 * m);
                List<FanPoint> fan = new ArrayList<>();
                for (int t = 0; t < points; t++) {
                    double mid = price[t] * (1 + 0.004 * (m - 1)), s = price[t] * spread;
                    Double actual = t >= points - UNKNOWN_TAIL ? null : price[t + HORIZON - 1];
                    fan.add(new FanPoint(FROM.plusDays(t), FROM.plusDays(t + HORIZON - 1), mid - 1.96 * s,
                            mid - 1.2816 * s, mid - 0.6745 * s, mid, mid + 0.6745 * s, mid + 1.2816 * s,
                            mid + 1.96 * s, actual));
                }
                fans.add(new Fan(commodity, model, fan));
                for (int h = 1; h <= 14; h++) {
                    crps.add(new HorizonCrps(commodity, model, h,
                            start * 0.006 * Math.sqrt(h) * (1 + 0.12 * m) * (1 + 0.02 * Math.sin(h + m)), points));
                }
                double bias = 0.06 * (m - 1.5);
                for (double nominal : new double[] {0.5, 0.8, 0.95}) {
                    calibration.add(new Calibration(commodity, model, nominal,
                            Math.min(1, nominal + bias * (1 - nominal) * 2), points));
                }
                long[] bins = new long[10];
                for (int b = 0; b < 10; b++) {
                    double u = Math.abs(b - 4.5) / 4.5; // U shape for narrow models, hump for wide ones
                    bins[b] = Math.round(40 * (1 - (m - 1.5) * 0.25 * (0.5 - u)));
                }
                pits.add(new PitHistogram(commodity, model, bins));
                for (int k = 0; k < 12; k++) {
                    YearMonth month = YearMonth.of(2023, 7).plusMonths(k);
                    if (m == 0 && month.equals(YearMonth.of(2024, 2))) {
                        continue; // the gap
                    }
                    long days = month.lengthOfMonth();
                    long done = month.equals(YearMonth.of(2024, 3)) && m == 0 ? 10 : k == 11 ? days / (m + 2) : days;
                    backfill.add(new BackfillMonth(commodity, model, month, done, days));
                }
                freshness.add(new Freshness(commodity, model, FROM.plusDays(points - 1), points));
                if (m > 0) { // against the first model, naive in the tests; p falls with the horizon
                    for (int h : new int[] {1, 7, 14}) {
                        double sk = 0.01 * (m - 1.5) - 0.002 * h;
                        skill.add(new HorizonSkill(commodity, model, h, sk, sk - 0.01, sk + 0.01, 0.6 / h));
                    }
                }
                paths.add(new PathScores(commodity, model, points, 0.03 + 0.002 * m, m == 0 ? 0.0 : -0.01 * m,
                        0.15 + 0.01 * m, 0.12));
                for (String event : List.of("up", "down")) {
                    for (int b = 0; b < 10; b += 3) { // bins 0, 3, 6, 9: some bins have no forecast
                        reliability.add(new Reliability(commodity, model, event, b, b / 10.0 + 0.05,
                                b / 10.0 + 0.01 * m, points / 4));
                    }
                }
            }
            rejections.add(new Rejections(commodity, models[0], "INSUFFICIENT_HISTORY", 3 + c));
            rejections.add(new Rejections(commodity, models[models.length - 1], "MODEL_FAILED", 1));
        }
        return new ReportData(Instant.parse("2025-11-16T08:30:00Z"), HORIZON, FROM, FROM.plusDays(points - 1), fans,
                crps, calibration, pits, backfill, rejections, freshness, skill, paths, reliability);
    }

    private static ReportData shuffled(ReportData d, long seed) {
        Random rnd = new Random(seed);
        List<Fan> fans = new ArrayList<>();
        for (Fan f : d.fans()) {
            List<FanPoint> pts = new ArrayList<>(f.points());
            Collections.shuffle(pts, rnd);
            fans.add(new Fan(f.commodity(), f.model(), pts));
        }
        return new ReportData(d.generatedAt(), d.horizon(), d.from(), d.to(), shuffle(fans, rnd),
                shuffle(d.crps(), rnd), shuffle(d.calibration(), rnd), shuffle(d.pits(), rnd),
                shuffle(d.backfill(), rnd), shuffle(d.rejections(), rnd), shuffle(d.freshness(), rnd),
                shuffle(d.skill(), rnd), shuffle(d.paths(), rnd), shuffle(d.reliability(), rnd));
    }

    private static <T> List<T> shuffle(List<T> list, Random rnd) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, rnd);
        return copy;
    }

    // ---- reading the output ----

    private static Document parse(String html) throws Exception {
        String doctype = "<!DOCTYPE html>\n";
        assertTrue(html.startsWith(doctype));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(html.substring(doctype.length()))));
    }

    private static List<Element> svgs(Document doc, String cls) {
        return byClass(doc.getDocumentElement(), "svg", cls);
    }

    private static List<Element> byClass(Element root, String tag, String cls) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = root.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (Arrays.asList(e.getAttribute("class").split(" ")).contains(cls)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element byId(Document doc, String id) {
        NodeList sections = doc.getElementsByTagName("section");
        for (int i = 0; i < sections.getLength(); i++) {
            Element e = (Element) sections.item(i);
            if (e.getAttribute("id").equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no section " + id);
    }

    /** The first cell of each body row. */
    private static List<String> firstCells(Element table) {
        List<String> out = new ArrayList<>();
        NodeList rows = ((Element) table.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
        for (int i = 0; i < rows.getLength(); i++) {
            out.add(((Element) rows.item(i)).getElementsByTagName("td").item(0).getTextContent());
        }
        return out;
    }

    private static Element byLabel(List<Element> svgs, String label) {
        return svgs.stream().filter(e -> e.getAttribute("aria-label").equals(label)).findFirst().orElseThrow();
    }

    /**
     * A band outline as rows {upper y, lower y, x}: the path runs along the upper edge left to right, then back
     * along the lower edge, so vertex i pairs with vertex 2n-1-i.
     */
    private static double[][] band(Element svg, String cls) {
        List<Element> paths = byClass(svg, "path", cls);
        assertEquals(1, paths.size(), cls);
        String d = paths.get(0).getAttribute("d");
        assertTrue(d.startsWith("M") && d.endsWith("Z"), d);
        double[][] v = pairs(d.replaceAll("[MLZ]", " "));
        int n = v.length / 2;
        assertEquals(2 * n, v.length);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] lower = v[2 * n - 1 - i];
            assertEquals(v[i][0], lower[0], 1e-9, "upper and lower vertex share x");
            rows[i] = new double[] {v[i][1], lower[1], v[i][0]};
        }
        return rows;
    }

    private static double[][] polyline(Element svg, String cls) {
        List<Element> lines = byClass(svg, "polyline", cls);
        assertEquals(1, lines.size(), cls);
        return pairs(lines.get(0).getAttribute("points"));
    }

    private static double[][] pairs(String s) {
        return Arrays.stream(s.trim().split("\\s+")).map(p -> p.split(","))
                .map(p -> new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])}).toArray(double[][]::new);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
