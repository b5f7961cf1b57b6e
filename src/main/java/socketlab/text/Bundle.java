package socketlab.text;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * One bundle of the lab's words (English, and Simplified Chinese beside it) and the one way they are
 * filled in, for the engine's words and the window's alike. Placeholders are {@code {0}}, {@code {1}},
 * …, filled with the argument's text; an apostrophe is an apostrophe (no MessageFormat quoting).
 *
 * <p>Numbers: a bundle whose words people read at a glance (the window's) writes a number with the
 * language's digit grouping ("1,025"); one whose words also go into trace files and the command
 * line's output, which scripts read (the engine's), writes its digits plain ("60000"). Either way a
 * port is a name: it is passed as text and never grouped ("8080").
 */
final class Bundle {
    private final String name;
    private final boolean groupNumbers;
    private volatile ResourceBundle words;
    private volatile Locale locale;

    Bundle(String name, Locale locale, boolean groupNumbers) {
        this.name = name;
        this.groupNumbers = groupNumbers;
        setLocale(locale);
    }

    void setLocale(Locale l) {
        locale = l;
        words = ResourceBundle.getBundle(name, l.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT,
                Bundle.class.getModule());
    }

    /** The text of {@code key}, or {@code !key!} so a missing one shows (and a test finds it). */
    String lookup(String key) {
        try {
            return words.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    String tr(String key, Object... args) {
        String s = lookup(key);
        if (args.length == 0 || s.startsWith("!")) {
            return s;
        }
        NumberFormat numbers = null;
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int close = c == '{' ? s.indexOf('}', i) : -1;
            int n = close > i + 1 && close <= i + 3 ? index(s, i + 1, close) : -1;
            if (n < 0 || n >= args.length) {
                out.append(c);
                continue;
            }
            Object a = args[n];
            if (groupNumbers && a instanceof Number num) {
                numbers = numbers != null ? numbers : NumberFormat.getInstance(locale);
                out.append(numbers.format(num));
            } else {
                out.append(a);
            }
            i = close;
        }
        return out.toString();
    }

    /** The placeholder number written in {@code s[from, to)}, or -1 when it is not one. */
    private static int index(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
