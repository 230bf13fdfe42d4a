/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticGeneratorTest {

    private static final SyntheticConfig TINY = SyntheticConfig.preset("tiny", 42);

    @Test
    void sameSeedGivesTheSameDatasetVersion(@TempDir Path a, @TempDir Path b) throws Exception {
        String first = new SyntheticGenerator(TINY).writeTo(a).version();
        String second = new SyntheticGenerator(TINY).writeTo(b).version();
        String otherSeed = new SyntheticGenerator(SyntheticConfig.preset("tiny", 43))
                .writeTo(b)
                .version();

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void generatesExactlyTheRequestedEventsInTimeOrder() {
        SyntheticGenerator.Output out = new SyntheticGenerator(TINY).generate();

        assertThat(out.events().size()).isEqualTo(TINY.events());
        assertThat(out.items()).hasSize(TINY.items());
        assertThat(out.userTastes()).hasSize(TINY.users());
        for (int i = 1; i < out.events().size(); i++) {
            assertThat(out.events().timestamp(i))
                    .isGreaterThanOrEqualTo(out.events().timestamp(i - 1));
        }
    }

    @Test
    void popularityIsSkewed() {
        SyntheticGenerator.Output out = new SyntheticGenerator(TINY).generate();
        Map<Long, Integer> plays = new HashMap<>();
        for (int i = 0; i < out.events().size(); i++) {
            plays.merge(out.events().item(i), 1, Integer::sum);
        }
        int[] counts =
                plays.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        int top = counts.length / 20;
        long topPlays =
                Arrays.stream(counts, counts.length - top, counts.length).sum();

        // The top 5% of items take far more than 5% of plays under Zipf-like popularity.
        assertThat((double) topPlays / out.events().size()).isGreaterThan(0.30);
    }

    @Test
    void usersMostlyWatchTheirTastes() {
        SyntheticGenerator.Output out = new SyntheticGenerator(TINY).generate();
        Map<Long, List<String>> genreOf = new HashMap<>();
        out.items().forEach(item -> genreOf.put(item.id(), item.genres()));
        int inTaste = 0;
        for (int i = 0; i < out.events().size(); i++) {
            List<String> tastes = out.userTastes().get(out.events().user(i));
            if (tastes.contains(genreOf.get(out.events().item(i)).getFirst())) {
                inTaste++;
            }
        }
        assertThat((double) inTaste / out.events().size()).isGreaterThan(0.80);
    }

    @Test
    void itemsAreWatchedOnlyAfterReleaseAndNewItemsAppearDuringTheLog() {
        SyntheticGenerator.Output out = new SyntheticGenerator(TINY).generate();
        Map<Long, Long> release = new HashMap<>();
        out.items().forEach(item -> release.put(item.id(), item.releaseEpochSeconds()));
        boolean newItemWatched = false;
        for (int i = 0; i < out.events().size(); i++) {
            long released = release.get(out.events().item(i));
            assertThat(out.events().timestamp(i)).isGreaterThanOrEqualTo(released);
            newItemWatched |= released > TINY.startEpochSeconds();
        }
        assertThat(newItemWatched).isTrue();
        assertThat(out.items()).extracting(Item::id).doesNotContain(0L);
    }
}
