/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.recommend;

/** An item-to-item request for an item the pair's catalog does not have. */
public final class UnknownItemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long itemId;

    public UnknownItemException(long itemId, long version) {
        super("item " + itemId + " is not in model version " + version, null, false, false);
        this.itemId = itemId;
    }

    public long itemId() {
        return itemId;
    }
}
