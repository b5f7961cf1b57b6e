package socketlab.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The lab's words, from {@code messages.properties} (English) and {@code messages_zh.properties} (简体中文). */
public final class I18n {
    public static final String BUNDLE = "socketlab.text.messages";
    private static volatile Locale locale = initial();
    private static volatile ResourceBundle bundle = load(locale);

    static {
        socketlab.text.Words.setLocale(locale); // the engine's messages speak the window's language
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

    private static ResourceBundle load(Locale l) {
        return ResourceBundle.getBundle(BUNDLE, l.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT,
                I18n.class.getModule());
    }

    public static Locale locale() {
        return locale;
    }

    public static boolean isChinese() {
        return locale.getLanguage().equals("zh");
    }

    public static void setLocale(Locale l) {
        locale = l;
        bundle = load(l);
        socketlab.text.Words.setLocale(l);
    }

    public static String tr(String key, Object... args) {
        String s = socketlab.text.Words.lookup(bundle, key);
        if (s.startsWith("!")) {
            return s;
        }
        return args.length == 0 ? s : new MessageFormat(s, locale).format(args);
    }
}
