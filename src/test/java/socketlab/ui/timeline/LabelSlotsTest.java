package socketlab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import socketlab.trace.Segments;

/** The time lane's words: one where it does not run into another, whichever was claimed first, in each band apart. */
class LabelSlotsTest {

    @Test
    void aWordIsRefusedWhereItWouldRunIntoOneBeforeItAfterItOrAroundItAndTheOtherBandIsFree() {
        LabelSlots s = new LabelSlots(4, 0, 1000);
        assertTrue(s.claim(LabelSlots.ABOVE, 100, 150), "send 11, first");
        assertFalse(s.claim(LabelSlots.ABOVE, 140, 190), "a send label starting inside it");
        assertFalse(s.claim(LabelSlots.ABOVE, 60, 98), "one ending within the gap before it");
        assertFalse(s.claim(LabelSlots.ABOVE, 90, 200), "one around it");
        assertTrue(s.claim(LabelSlots.ABOVE, 155, 190), "one past the gap after it");
        assertTrue(s.claim(LabelSlots.ABOVE, 20, 95), "and before it");
        assertTrue(s.claim(LabelSlots.BELOW, 100, 150), "below the line is another band");
    }

    @Test
    void theSegmentsThatOpenAndEndAConnectionAreNamedAndABareAckIsNot() {
        assertEquals("SYN", TimeLaneRenderer.controlWord(Segments.SYN));
        assertEquals("SYN,ACK", TimeLaneRenderer.controlWord(Segments.SYN | Segments.ACK));
        assertEquals("FIN", TimeLaneRenderer.controlWord(Segments.FIN | Segments.ACK));
        assertEquals("RST", TimeLaneRenderer.controlWord(Segments.RST | Segments.ACK));
        assertNull(TimeLaneRenderer.controlWord(Segments.ACK));
    }

    @Test
    void anErrorIsNamedAsPythonWouldRaiseItAndOnlyWhereItHasOneName() {
        assertEquals("ConnectionResetError", TimeLaneRenderer.pythonError(socketlab.text.Phrase.of("io.reset", "receiving")));
        assertEquals("BrokenPipeError", TimeLaneRenderer.pythonError(socketlab.text.Phrase.of("io.brokenPipe", "sending")));
        assertEquals("ConnectionRefusedError", TimeLaneRenderer.pythonError(socketlab.text.Phrase.of("connect.refused", 9)));
        assertNull(TimeLaneRenderer.pythonError(socketlab.text.Phrase.of("io.other", "x", "y")), "no one name for it");
        assertNull(TimeLaneRenderer.pythonError(null), "a trace from a file without the engine's words");
    }
}
