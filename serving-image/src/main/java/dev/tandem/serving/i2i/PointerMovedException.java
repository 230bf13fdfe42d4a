/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.i2i;

/** Another export kept switching the model's pointer while this one tried to; this one switched nothing. */
public final class PointerMovedException extends RuntimeException {

    PointerMovedException(String pointer) {
        super(pointer + " kept moving while switching; is another export of this model running?");
    }
}
