package socketlab.text;

/**
 * What the engine says of an event, kept as keys and values until someone reads it: a {@link Note}
 * when a socket opens or closes, a {@link Phrase} when something went wrong. Each has two
 * renderings — the trace file's fixed English, and the window's words in its language at the moment
 * they are shown — so a switch of language rewords everything already recorded.
 */
public sealed interface Said permits Note, Phrase {

    /** The trace file's text: English, the same in every language the window speaks. */
    String trace();

    /** The words in the language the lab speaks now. */
    String words();
}
