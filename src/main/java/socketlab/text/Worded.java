package socketlab.text;

/** A problem that carries its words as a {@link Phrase} (an exception of the lab's), so they are worded when shown. */
public interface Worded {
    Phrase words();
}
