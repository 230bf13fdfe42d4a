/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.model;

import dev.tandem.trainer.dataset.WatchLog;
import java.util.HashMap;
import java.util.Map;

/**
 * Time-ordered next-item examples: for each watch, the user's previous {@code L} watches (most recent last,
 * padded at the front with {@link ItemIndex#PAD}) and the watched item's row as the label. Only events before
 * the cutoff become examples, so nothing from the holdout period leaks into training.
 */
public final class Examples {

    private final int historyLength;
    private final int[] histories;
    private final int[] targets;

    private Examples(int historyLength, int[] histories, int[] targets) {
        this.historyLength = historyLength;
        this.histories = histories;
        this.targets = targets;
    }

    /**
     * @param log the watch log, ordered by time
     * @param index the item rows
     * @param historyLength L
     * @param cutoff events at or after this second are not examples
     */
    public static Examples before(WatchLog log, ItemIndex index, int historyLength, long cutoff) {
        Map<Long, int[]> recent = new HashMap<>();
        int count = 0;
        for (int i = 0; i < log.size() && log.timestamp(i) < cutoff; i++) {
            count++;
        }
        int[] histories = new int[count * historyLength];
        int[] targets = new int[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            int row = index.row(log.item(i));
            if (row < 0) {
                continue;
            }
            int[] history = recent.computeIfAbsent(log.user(i), u -> new int[historyLength]);
            if (history[historyLength - 1] != ItemIndex.PAD) {
                System.arraycopy(history, 0, histories, n * historyLength, historyLength);
                targets[n++] = row;
            }
            System.arraycopy(history, 1, history, 0, historyLength - 1);
            history[historyLength - 1] = row + 1;
        }
        return new Examples(
                historyLength,
                java.util.Arrays.copyOf(histories, n * historyLength),
                java.util.Arrays.copyOf(targets, n));
    }

    public int size() {
        return targets.length;
    }

    public int historyLength() {
        return historyLength;
    }

    /** Copies example {@code i}'s history (tower input values) into {@code out} at {@code offset}. */
    void copyHistory(int i, long[] out, int offset) {
        for (int k = 0; k < historyLength; k++) {
            out[offset + k] = histories[i * historyLength + k];
        }
    }

    int target(int i) {
        return targets[i];
    }
}
