package org.policyevaluator.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextMemoTest {

    private static String get(TextMemo memo, String lang, Object... values) {
        return memo.get(TextMemo.hash(lang, values), lang, values);
    }

    private static void put(TextMemo memo, String text, String lang, Object... values) {
        memo.put(TextMemo.hash(lang, values), lang, values, text);
    }

    @Test
    void getShouldFindATextByEqualValuesNotOnlyTheSameInstances() {
        TextMemo memo = new TextMemo(100);
        put(memo, "节能率 22%", "zh", Double.valueOf(22.0));
        put(memo, "芯片 A、B", "zh", List.of("A", "B"), new BigDecimal("5"));

        assertEquals("节能率 22%", get(memo, "zh", Double.valueOf(22.0)));
        assertEquals("芯片 A、B", get(memo, "zh", new ArrayList<>(List.of("A", "B")), new BigDecimal("5")));
    }

    @Test
    void getShouldMissOtherValuesAnotherLanguageAndAnotherCountOfValues() {
        TextMemo memo = new TextMemo(100);
        put(memo, "22%", "zh", 22.0);
        put(memo, "5 / 10", "zh", new BigDecimal("5"), new BigDecimal("10"));

        assertNull(get(memo, "zh", 23.0));
        assertNull(get(memo, "en", 22.0));
        assertNull(get(memo, "zh", 22.0, 22.0));
        assertNull(get(memo, "zh", new BigDecimal("5")));
        // BigDecimal's equality counts the scale, as the text does ("5.0" is not "5")
        assertNull(get(memo, "zh", new BigDecimal("5.0"), new BigDecimal("10")));
    }

    @Test
    void getShouldTellANotDeclaredValueFromAnyOther() {
        TextMemo memo = new TextMemo(100);
        put(memo, "未申报", "zh", (Object) null);
        put(memo, "未申报 / 3", "zh", null, 3);

        assertEquals("未申报", get(memo, "zh", (Object) null));
        assertEquals("未申报 / 3", get(memo, "zh", null, 3));
        assertNull(get(memo, "zh", "null"));
        assertNull(get(memo, "zh", 0, 3));
    }

    @Test
    void getShouldFindEveryTextAsTheTableGrowsAndAmongCollidingHashes() {
        TextMemo memo = new TextMemo(10_000);
        // "Aa" and "BB" hash alike: 2^10 strings made of them share one hash and one chain of slots
        List<String> colliding = new ArrayList<>(List.of(""));
        for (int i = 0; i < 10; i++) {
            List<String> longer = new ArrayList<>();
            for (String s : colliding) {
                longer.add(s + "Aa");
                longer.add(s + "BB");
            }
            colliding = longer;
        }
        for (String s : colliding) {
            put(memo, "text " + s, "zh", s);
        }
        for (int i = 0; i < 2000; i++) {
            put(memo, "number " + i, "zh", (double) i);
        }

        assertEquals(1024 + 2000, memo.size());
        for (String s : colliding) {
            assertEquals("text " + s, get(memo, "zh", s));
        }
        for (int i = 0; i < 2000; i++) {
            assertEquals("number " + i, get(memo, "zh", (double) i));
        }
    }

    @Test
    void putShouldStartAfreshAtTheLimitSoThatMemoryDoesNotGrowWithABatch() {
        TextMemo memo = new TextMemo(3);
        put(memo, "a", "zh", 1);
        put(memo, "b", "zh", 2);
        put(memo, "c", "zh", 3);
        put(memo, "c", "zh", 3); // already kept: not counted twice

        assertEquals(3, memo.size());
        put(memo, "d", "zh", 4);

        assertEquals(1, memo.size());
        assertNull(get(memo, "zh", 1));
        assertEquals("d", get(memo, "zh", 4));
    }
}
