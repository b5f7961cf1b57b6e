package socketlab.text;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The engine's words — error explanations from the sockets and the decoders — in English
 * ({@code words.properties}) and Simplified Chinese ({@code words_zh.properties}). The window sets
 * the language when it switches; the command line and the tests speak English. A message is
 * worded when it happens: a saved trace keeps the language it was recorded in.
 *
 * <p>Placeholders are {@code {0}}, {@code {1}}, …, replaced by the arguments as they are (no
 * MessageFormat: apostrophes stay apostrophes and ports get no thousands separators).
 */
public final class Words {
    private static final String BUNDLE = "socketlab.text.words";
    private static volatile ResourceBundle bundle = load(Locale.ENGLISH);
    private static volatile boolean chinese;

    private Words() {
    }

    private static ResourceBundle load(Locale l) {
        return ResourceBundle.getBundle(BUNDLE, l.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT,
                Words.class.getModule());
    }

    public static void setLocale(Locale l) {
        bundle = load(l);
        chinese = l.getLanguage().equals("zh");
    }

    public static boolean isChinese() {
        return chinese;
    }

    /** The text of {@code key} in {@code b}, or {@code !key!} so a missing one shows (and a test finds it). */
    public static String lookup(ResourceBundle b, String key) {
        try {
            return b.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    public static String tr(String key, Object... args) {
        String s = lookup(bundle, key);
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }

    /** A decoder's clause as a sentence: capitalised and closed with a full stop (。 in Chinese). */
    public static String sentence(String clause) {
        if (clause.isEmpty()) {
            return clause;
        }
        String s = Character.toUpperCase(clause.charAt(0)) + clause.substring(1);
        char last = s.charAt(s.length() - 1);
        if (last == '.' || last == '。' || last == '!' || last == '?') {
            return s;
        }
        return s + (chinese ? "。" : ".");
    }
}
