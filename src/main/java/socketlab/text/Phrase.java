package socketlab.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sentence the lab says — an error, a refusal, a decoder's complaint — as the key of its words and
 * the values that fill them, worded only when it is read. The values are numbers, text (a port, an
 * address, the OS's own message) or phrases themselves:
 *
 * <pre>
 *   Phrase.of("io.reset", Phrase.of("doing.receiving"))
 *       trace():  "The peer reset the connection while receiving …"
 *       words():  "对方在接收时重置了连接 …"          (after the window switched to 简体中文)
 * </pre>
 *
 * {@code book} says whose words the key names: the engine's ({@code words*.properties}), the window's
 * ({@code messages*.properties}), or none — {@link #verbatim} text from outside (a library's
 * message) that reads the same in every language. A {@link #sentence()} phrase is capitalised and
 * closed with a full stop, as a decoder's clause is when it stands alone.
 */
public record Phrase(Book book, String key, List<Object> args, boolean sentence) implements Said {

    /** Whose words a key names. */
    public enum Book { ENGINE, WINDOW, VERBATIM }

    public Phrase {
        args = List.copyOf(args);
    }

    /** The engine's words for {@code key}, filled with {@code args} (numbers, text, or phrases). */
    public static Phrase of(String key, Object... args) {
        return new Phrase(Book.ENGINE, key, values(args), false);
    }

    /** The window's words for {@code key}. */
    public static Phrase window(String key, Object... args) {
        return new Phrase(Book.WINDOW, key, values(args), false);
    }

    /** Text that is not ours to translate (the OS's or a library's message), shown as it is. */
    public static Phrase verbatim(String text) {
        return new Phrase(Book.VERBATIM, String.valueOf(text), List.of(), false);
    }

    /** What a problem says: its own phrase when it is one of the lab's ({@link Worded}), else its message as it is. */
    public static Phrase of(Throwable problem) {
        if (problem instanceof Worded w) {
            return w.words();
        }
        return verbatim(problem.getMessage() == null ? problem.getClass().getSimpleName() : problem.getMessage());
    }

    /** This phrase standing as a sentence of its own: capitalised, with a full stop. */
    public Phrase asSentence() {
        return new Phrase(book, key, args, true);
    }

    @Override
    public String trace() {
        return render(true);
    }

    @Override
    public String words() {
        return render(false);
    }

    @Override
    public String toString() {
        return words();
    }

    private String render(boolean english) {
        Object[] filled = new Object[args.size()];
        for (int i = 0; i < filled.length; i++) {
            filled[i] = args.get(i) instanceof Phrase p ? p.render(english) : args.get(i);
        }
        String s = switch (book) {
            case ENGINE -> english ? Words.english(key, filled) : Words.tr(key, filled);
            case WINDOW -> english ? I18n.english(key, filled) : I18n.tr(key, filled);
            case VERBATIM -> key;
        };
        return sentence ? Words.sentence(s, !english && Words.isChinese()) : s;
    }

    /** Numbers and phrases stay what they are; anything else becomes its text now (an exception, a path). */
    private static List<Object> values(Object[] args) {
        List<Object> out = new ArrayList<>(args.length);
        for (Object a : Arrays.asList(args)) {
            out.add(a instanceof Number || a instanceof Phrase ? a : String.valueOf(a));
        }
        return out;
    }
}
