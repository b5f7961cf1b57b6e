package socketlab.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The time ruler's ticks: on 1, 2, 5 × 10ⁿ ns, labelled in the unit their step reads in. */
class RulerTest {

    @Test
    void theStepIsTheSmallestRoundNumberNoCloserThanAsked() {
        assertEquals(50_000_000L, RulerRenderer.step(31_000_000), "31 ms apart at least: every 50 ms");
        assertEquals(1_000_000L, RulerRenderer.step(1_000_000));
        assertEquals(200L, RulerRenderer.step(101));
        assertEquals(2_000_000_000L, RulerRenderer.step(1.2e9));
    }

    @Test
    void aTickSaysItsTimeInTheUnitItsStepReadsIn() {
        assertEquals("0", RulerRenderer.label(0, 50_000_000));
        assertEquals("150 ms", RulerRenderer.label(150_000_000, 50_000_000));
        assertEquals("250 µs", RulerRenderer.label(250_000, 50_000));
        assertEquals("0.5 ms", RulerRenderer.label(500_000, 500_000));
        assertEquals("4 s", RulerRenderer.label(4_000_000_000L, 2_000_000_000L));
        assertEquals("40 ns", RulerRenderer.label(40, 20));
    }
}
