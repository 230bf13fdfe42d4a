/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.trainer.dataset;

import java.util.List;

/**
 * One catalog entry.
 *
 * @param id item id as the catalog knows it
 * @param title display title
 * @param genres genre names, possibly empty
 * @param releaseEpochSeconds when the item became watchable, unix seconds
 */
public record Item(long id, String title, List<String> genres, long releaseEpochSeconds) {

    public Item {
        genres = List.copyOf(genres);
    }
}
