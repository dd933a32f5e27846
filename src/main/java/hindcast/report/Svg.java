package hindcast.report;

import java.util.Locale;

/**
 * A small SVG builder. The page is XHTML-compatible (it parses as XML), so every attribute value and text node goes
 * through {@link #esc}, and every number through {@link #num}, which is locale-independent and never prints NaN.
 */
final class Svg {
    /** The only URL the page may contain: a namespace name, never fetched. */
    static final String NS = "http://www.w3.org/2000/svg";

    private final StringBuilder out = new StringBuilder(4096);

    Svg(String cssClass, double width, double height, String label) {
        out.append("<svg xmlns=\"").append(NS).append('"');
        attrs("class", cssClass, "viewBox", "0 0 " + num(width) + " " + num(height), "width", width, "height", height,
                "role", "img", "aria-label", label);
        out.append('>');
    }

    /** A self-closing element; attributes are name, value pairs (null values are left out). */
    Svg el(String name, Object... attrs) {
        out.append('<').append(name);
        attrs(attrs);
        out.append("/>");
        return this;
    }

    Svg open(String name, Object... attrs) {
        out.append('<').append(name);
        attrs(attrs);
        out.append('>');
        return this;
    }

    Svg close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    Svg text(double x, double y, String text, Object... attrs) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append('"');
        attrs(attrs);
        out.append('>').append(esc(text)).append("</text>");
        return this;
    }

    /** A tooltip: browsers show a {@code <title>} child when the pointer rests on its parent. */
    Svg title(String text) {
        out.append("<title>").append(esc(text)).append("</title>");
        return this;
    }

    /** An element with a tooltip, e.g. a data point whose exact value is worth a hover. */
    Svg withTitle(String name, String title, Object... attrs) {
        return open(name, attrs).title(title).close(name);
    }

    String end() {
        return out.append("</svg>").toString();
    }

    private void attrs(Object... nameValues) {
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            Object v = nameValues[i + 1];
            if (v == null) {
                continue;
            }
            String s = v instanceof Number n ? num(n.doubleValue()) : esc(v.toString());
            out.append(' ').append(nameValues[i]).append("=\"").append(s).append('"');
        }
    }

    /** Coordinates to 2 decimals, trailing zeros dropped: compact and identical on every machine. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "0"; // callers skip non-finite data; this only keeps a stray value from producing invalid markup
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        if (s.indexOf('.') >= 0) {
            int end = s.length();
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            if (s.charAt(end - 1) == '.') {
                end--;
            }
            s = s.substring(0, end);
        }
        return s.equals("-0") ? "0" : s;
    }

    /** Escapes text for both HTML and XML; drops characters XML 1.0 forbids even when escaped. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (!(c < 0x20 && c != '\t' && c != '\n' && c != '\r') && !Character.isSurrogate(c)
                            && c != 0xFFFE && c != 0xFFFF) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
