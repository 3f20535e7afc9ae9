package io.tokenmetrics.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The id set against a {@link HashSet} of the ids themselves, on generated ids: sets of many
 * sizes (so that tables grow, and either side of a merge is the larger), moved into one another
 * in any order ({@link SeenIds#addAll} keeps the larger table), then every id asked again.
 */
class SeenIdsTest {
    private static boolean add(SeenIds s, String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        return s.add(b, 0, b.length, 0, 0);
    }

    @Test
    void movedSetsHoldWhatAHashSetHolds() {
        Random r = new Random(19);
        for (int round = 0; round < 200; round++) {
            int parts = 1 + r.nextInt(5);
            List<SeenIds> sets = new ArrayList<>();
            List<Set<String>> reference = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                SeenIds s = new SeenIds();
                Set<String> ids = new HashSet<>();
                // sizes from none to past a few growths of the 1,024-slot start
                int n = r.nextInt(4) == 0 ? 0 : r.nextInt(r.nextBoolean() ? 50 : 6000);
                for (int i = 0; i < n; i++) {
                    String id = "req_" + round + "_" + r.nextInt(20000);
                    // a repeat within a part: seen before, as the reference says
                    assertEquals(ids.add(id), add(s, id), id);
                }
                sets.add(s);
                reference.add(ids);
            }
            SeenIds all = sets.get(0);
            Set<String> allIds = new HashSet<>(reference.get(0));
            for (int p = 1; p < parts; p++) {
                Set<String> common = new HashSet<>(allIds);
                common.retainAll(reference.get(p));
                assertEquals(!common.isEmpty(), all.containsAny(sets.get(p)), "round " + round + ", part " + p);
                if (common.isEmpty()) {
                    // either order of sizes: the larger table is kept
                    if (r.nextBoolean()) {
                        all.addAll(sets.get(p));
                    } else {
                        sets.get(p).addAll(all);
                        all = sets.get(p);
                    }
                    allIds.addAll(reference.get(p));
                }
            }
            long before = all.duplicates();
            for (String id : allIds) {
                assertEquals(false, add(all, id), "round " + round + ": " + id + " was moved in");
            }
            assertEquals(before + allIds.size(), all.duplicates());
            for (int i = 0; i < 300; i++) {
                String fresh = "new_" + round + "_" + i;
                assertEquals(true, add(all, fresh), fresh);
            }
        }
    }

    @Test
    void aMovedSetIsLeftEmpty() {
        SeenIds a = new SeenIds();
        SeenIds b = new SeenIds();
        for (int i = 0; i < 3000; i++) {
            add(a, "a" + i);
        }
        add(b, "b");
        a.addAll(b);
        // b holds nothing now: every id is new to it, and a holds b's
        assertEquals(true, add(b, "b"));
        assertEquals(true, add(b, "a1"));
        assertEquals(false, add(a, "b"));
        assertEquals(false, add(a, "a2999"));
    }
}
