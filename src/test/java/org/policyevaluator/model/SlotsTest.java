package org.policyevaluator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotsTest {

    @Test
    void slotShouldBeEachNamesIndexWhetherAskedByTheSameInstanceOrAnEqualOne() {
        Slots slots = new Slots(List.of("green.pue", "compute.chips", "scenario.sector"));

        assertEquals(0, slots.slot("green.pue"));
        assertEquals(1, slots.slot(new String("compute.chips")));
        assertEquals(2, slots.slot(new StringBuilder("scenario.").append("sector").toString()));
    }

    @Test
    void slotShouldBeMinusOneForANameNotGivenAndForAPrefixOfOne() {
        Slots slots = new Slots(List.of("green.pue", "compute.chips"));

        assertEquals(-1, slots.slot("green.energySavingPercent"));
        assertEquals(-1, slots.slot("green"));
        assertEquals(-1, slots.slot(""));
    }

    @Test
    void slotShouldKeepTheFirstPlaceOfANameGivenTwice() {
        Slots slots = new Slots(List.of("a", "b", "a"));

        assertEquals(0, slots.slot("a"));
        assertEquals(1, slots.slot("b"));
    }

    @Test
    void slotShouldFindEveryNameOfAManyWithCollidingHashes() {
        // "Aa" and "BB" hash alike, and so does every string made of them: all fall on one chain
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            StringBuilder sb = new StringBuilder();
            for (int bit = 0; bit < 6; bit++) {
                sb.append((i >> bit & 1) == 0 ? "Aa" : "BB");
            }
            names.add(sb.toString());
        }
        Slots slots = new Slots(names);

        for (int i = 0; i < names.size(); i++) {
            assertEquals(i, slots.slot(new String(names.get(i))));
        }
        assertEquals(-1, slots.slot("AaAaAaAaAaAb"));
    }
}
