/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.pair;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.bundle.ItemEmbeddings;
import dev.tandem.bundle.ItemMetadata;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Id ↔ row and the popularity percentiles, checked against the plain collections they replace. */
class ItemCatalogTest {

    @Test
    void everyIdFindsItsRowAndOthersFindNone() {
        SplittableRandom random = new SplittableRandom(17);
        Set<Long> distinct = new HashSet<>();
        // Consecutive ids (what catalogs usually have), random ones and the extremes.
        for (long id = 1; id <= 5_000; id++) {
            distinct.add(id);
        }
        while (distinct.size() < 20_000) {
            distinct.add(random.nextLong());
        }
        distinct.addAll(Set.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE));
        long[] ids = distinct.stream().mapToLong(Long::longValue).toArray();
        ItemCatalog catalog = catalog(ids, new float[ids.length]);

        for (int row = 0; row < ids.length; row++) {
            assertThat(catalog.row(ids[row])).isEqualTo(row);
            assertThat(catalog.id(row)).isEqualTo(ids[row]);
        }
        for (int i = 0; i < 20_000; i++) {
            long other = random.nextLong();
            if (!distinct.contains(other)) {
                assertThat(catalog.row(other)).isEqualTo(-1);
            }
        }
    }

    @Test
    void aRepeatedIdMapsToItsLastRowAsAMapWould() {
        long[] ids = {7, 8, 7, 9, 8};
        Map<Long, Integer> expected = new HashMap<>();
        for (int row = 0; row < ids.length; row++) {
            expected.put(ids[row], row);
        }
        ItemCatalog catalog = catalog(ids, new float[ids.length]);
        expected.forEach((id, row) -> assertThat(catalog.row(id)).isEqualTo(row));
    }

    @Test
    void percentilesRankLikeAStableSortByFloatCompare() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 10_000;
        float[] popularity = new float[n];
        for (int row = 0; row < n; row++) {
            // Many ties, negative values, both zeros and a NaN: every case of Float.compare's order.
            popularity[row] = switch (random.nextInt(6)) {
                case 0 -> 0f;
                case 1 -> -0f;
                case 2 -> random.nextInt(20);
                case 3 -> -random.nextInt(20) - 0.5f;
                case 4 -> (float) random.nextDouble() * 1e6f;
                default -> row == 42 ? Float.NaN : Float.MAX_VALUE;
            };
        }
        long[] ids = new long[n];
        Arrays.setAll(ids, row -> row + 1);
        ItemCatalog catalog = catalog(ids, popularity);

        Integer[] order = new Integer[n];
        Arrays.setAll(order, row -> row);
        Arrays.sort(order, (a, b) -> Float.compare(popularity[a], popularity[b]));
        for (int rank = 0; rank < n; rank++) {
            assertThat(catalog.popularity(order[rank])).isEqualTo((float) rank / (n - 1));
        }
    }

    @Test
    void aCatalogOfOneItemIsFullyPopular() {
        assertThat(catalog(new long[] {5}, new float[] {3f}).popularity(0)).isEqualTo(1f);
        assertThat(catalog(new long[0], new float[0]).row(5)).isEqualTo(-1);
    }

    private static ItemCatalog catalog(long[] ids, float[] popularity) {
        return new ItemCatalog(
                new ItemEmbeddings(ids, new float[ids.length], 1), new ItemMetadata(popularity, new long[ids.length]));
    }
}
