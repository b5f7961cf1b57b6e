package socketlab.text;

import java.util.Locale;

/**
 * The window's words, from {@code messages.properties} (English) and {@code messages_zh.properties}
 * (简体中文), filled in the same way as the engine's ({@link Bundle}); and the language of both: a
 * switch here switches the engine's words too, so the window speaks one language throughout.
 */
public final class I18n {
    public static final String BUNDLE = "socketlab.text.messages";
    private static volatile Locale locale = initial();
    private static final Bundle WINDOW = new Bundle(BUNDLE, locale, true);
    private static final Bundle ENGLISH = new Bundle(BUNDLE, Locale.ENGLISH, true);

    static {
        Words.setLocale(locale); // the engine's messages speak the window's language
    }

    private I18n() {
    }

    private static Locale initial() {
        String forced = System.getProperty("socketlab.lang");
        if (forced != null && !forced.isBlank()) {
            return Locale.forLanguageTag(forced);
        }
        return Locale.getDefault().getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    public static Locale locale() {
        return locale;
    }

    public static boolean isChinese() {
        return locale.getLanguage().equals("zh");
    }

    public static void setLocale(Locale l) {
        locale = l;
        WINDOW.setLocale(l);
        Words.setLocale(l);
    }

    public static String tr(String key, Object... args) {
        return WINDOW.tr(key, args);
    }

    /** The window's English words for {@code key}, whatever it speaks now. */
    static String english(String key, Object... args) {
        return ENGLISH.tr(key, args);
    }
}
