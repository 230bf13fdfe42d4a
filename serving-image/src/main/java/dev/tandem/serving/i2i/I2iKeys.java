/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.i2i;

/**
 * The Redis key layout of item-to-item neighbours, one model under one prefix:
 *
 * <ul>
 *   <li>{@code <prefix>:<model>:current} — a string, the version readers use ({@code 3});
 *   <li>{@code <prefix>:<model>:v<version>:i2i} — a hash per version, field the item id, value its neighbours
 *       (see {@link Neighbours#encode()});
 *   <li>{@code <prefix>:<model>:v<version>:i2i-staging:<token>} — the hash an export writes before the switch
 *       renames it into place; it carries a TTL, so an export that dies leaves nothing behind for long.
 * </ul>
 *
 * One hash per version rather than one key per item: the switch then renames, persists and expires whole
 * versions in O(1), inside one atomic script, however many items there are.
 *
 * @param prefix the namespace shared with other Tandem keys ({@code tandem})
 * @param model the registered model name
 */
public record I2iKeys(String prefix, String model) {

    public I2iKeys {
        if (prefix == null || prefix.isBlank() || model == null || model.isBlank()) {
            throw new IllegalArgumentException("i2i keys need a prefix and a model name");
        }
    }

    /** The key naming the current version. */
    public String pointer() {
        return prefix + ":" + model + ":current";
    }

    /** The hash of one version's neighbours. */
    public String version(long version) {
        return version(Long.toString(version));
    }

    /** As {@link #version(long)}, for the raw value a pointer holds. */
    public String version(String pointerValue) {
        return prefix + ":" + model + ":v" + pointerValue + ":i2i";
    }

    /** The hash an export of {@code version} writes into before the switch. */
    public String staging(long version, String token) {
        return version(version) + "-staging:" + token;
    }

    /** A {@code SCAN MATCH} pattern for every staging hash of this model (glob characters are not escaped). */
    public String stagingPattern() {
        return prefix + ":" + model + ":v*:i2i-staging:*";
    }
}
