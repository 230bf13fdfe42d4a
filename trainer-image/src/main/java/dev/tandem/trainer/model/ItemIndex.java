/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense rows for item ids. Row {@code r} is the item's row in the output (item vector) matrix; the tower's
 * input uses {@code r + 1}, so that 0 can be the padding value.
 */
public final class ItemIndex {

    /** The tower input value of an empty history slot. */
    public static final long PAD = 0;

    private final long[] ids;
    private final Map<Long, Integer> rows;

    public ItemIndex(List<Long> itemIds) {
        this.ids = itemIds.stream().mapToLong(Long::longValue).toArray();
        this.rows = new HashMap<>(ids.length * 2);
        for (int r = 0; r < ids.length; r++) {
            if (rows.put(ids[r], r) != null) {
                throw new IllegalArgumentException("item id " + ids[r] + " appears twice");
            }
        }
    }

    public int size() {
        return ids.length;
    }

    public long id(int row) {
        return ids[row];
    }

    /** The row of an item id, or -1 when the catalog does not have it. */
    public int row(long id) {
        Integer row = rows.get(id);
        return row == null ? -1 : row;
    }

    public long[] ids() {
        return Arrays.copyOf(ids, ids.length);
    }
}
