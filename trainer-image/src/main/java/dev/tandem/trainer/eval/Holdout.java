/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.eval;

import dev.tandem.trainer.dataset.WatchLog;
import dev.tandem.trainer.model.ItemIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evaluation set of a time split: every user active both before and after the cutoff, with the history
 * the tower reads (the last L watches before the cutoff), everything seen before it (not recommended again)
 * and what was watched after it (the relevant items).
 */
public final class Holdout {

    /**
     * One evaluated user.
     *
     * @param user user id
     * @param history tower input values, most recent last, padded at the front
     * @param seen rows watched before the cutoff
     * @param relevant rows first watched after the cutoff
     */
    public record User(long user, long[] history, Set<Integer> seen, Set<Integer> relevant) {}

    private final List<User> users;
    private final int[] trainingCounts;

    private Holdout(List<User> users, int[] trainingCounts) {
        this.users = users;
        this.trainingCounts = trainingCounts;
    }

    /** A holdout of given users, for callers that built them elsewhere. */
    static Holdout ofUsers(List<User> users, int[] trainingCounts) {
        return new Holdout(List.copyOf(users), trainingCounts.clone());
    }

    public static Holdout of(WatchLog log, ItemIndex index, int historyLength, long cutoff) {
        Map<Long, long[]> histories = new LinkedHashMap<>();
        Map<Long, Set<Integer>> seen = new LinkedHashMap<>();
        Map<Long, Set<Integer>> relevant = new LinkedHashMap<>();
        int[] counts = new int[index.size()];
        for (int i = 0; i < log.size(); i++) {
            int row = index.row(log.item(i));
            if (row < 0) {
                continue;
            }
            long user = log.user(i);
            if (log.timestamp(i) < cutoff) {
                long[] h = histories.computeIfAbsent(user, u -> new long[historyLength]);
                System.arraycopy(h, 1, h, 0, historyLength - 1);
                h[historyLength - 1] = row + 1;
                seen.computeIfAbsent(user, u -> new HashSet<>()).add(row);
                counts[row]++;
            } else if (histories.containsKey(user) && !seen.get(user).contains(row)) {
                relevant.computeIfAbsent(user, u -> new HashSet<>()).add(row);
            }
        }
        List<User> users = new ArrayList<>();
        relevant.forEach((user, items) -> users.add(new User(user, histories.get(user), seen.get(user), items)));
        return new Holdout(users, counts);
    }

    public List<User> users() {
        return users;
    }

    /** Watches per row before the cutoff (popularity as the model could have known it). */
    public int[] trainingCounts() {
        return trainingCounts.clone();
    }
}
