package socketlab.trace;

import java.util.Locale;

public enum Side {
    CLIENT, SERVER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Side parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
