package socketlab.text;

import java.util.Locale;

/**
 * The engine's words — error explanations from the sockets and the decoders — in English
 * ({@code words.properties}) and Simplified Chinese ({@code words_zh.properties}), filled in the
 * one way every word of the lab is ({@link Bundle}). The window sets the language when it switches
 * ({@link I18n#setLocale}); the command line and the tests speak English. What the engine records
 * is a {@link Phrase} (key and values), worded when it is read: in the window's language on screen,
 * in English in a trace file ({@link #english}).
 */
public final class Words {
    private static final String NAME = "socketlab.text.words";
    private static final Bundle ENGINE = new Bundle(NAME, Locale.ENGLISH, false);
    private static final Bundle ENGLISH = new Bundle(NAME, Locale.ENGLISH, false);
    private static volatile boolean chinese;

    private Words() {
    }

    static void setLocale(Locale l) {
        ENGINE.setLocale(l);
        chinese = l.getLanguage().equals("zh");
    }

    public static boolean isChinese() {
        return chinese;
    }

    public static String tr(String key, Object... args) {
        return ENGINE.tr(key, args);
    }

    /** Whether {@code key} names words of the engine's (a trace from elsewhere may name others). */
    public static boolean knows(String key) {
        return !ENGLISH.lookup(key).startsWith("!");
    }

    /** The English words of {@code key}, whatever the window speaks: what a trace file keeps. */
    static String english(String key, Object... args) {
        return ENGLISH.tr(key, args);
    }

    /** A decoder's clause as a sentence: capitalised and closed with a full stop (。 in Chinese). */
    public static String sentence(String clause) {
        return sentence(clause, chinese);
    }

    static String sentence(String clause, boolean chinese) {
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
