package dev.orchestrate.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PixelMarksTest {

    @Test
    void touchingMarksOfAColumnAndColourBecomeOneAndGapsStay() {
        PixelMarks marks = new PixelMarks(2);
        marks.add("#00f", 10.2, 5.0, 3.0);
        marks.add("#00f", 9.8, 8.0, 2.0);
        marks.add("#00f", 10.0, 20.0, 0.1);
        marks.add("#f00", 10.0, 6.0, 1.0);
        marks.add("#00f", 11.0, 5.0, 1.0);
        assertEquals("""
                <rect x="10" y="5" width="2" height="5" fill="#00f"/>
                <rect x="10" y="20" width="2" height="1" fill="#00f"/>
                <rect x="11" y="5" width="2" height="1" fill="#00f"/>
                <rect x="10" y="6" width="2" height="1" fill="#f00"/>
                """, marks.svg());
    }
}
