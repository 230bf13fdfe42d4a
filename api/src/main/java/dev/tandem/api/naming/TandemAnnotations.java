/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.naming;

/**
 * The annotations Tandem puts on the objects it makes (the annotations users put on a Rollout are on
 * {@link dev.tandem.api.crd.v1alpha1.rollout.Rollout}).
 */
public final class TandemAnnotations {

    /** The registered model and version an object serves or indexes: {@code <model>/<version>}. */
    public static final String MODEL = "tandem.dev/model";

    /** Where the index an object serves or builds is: an MLflow artifact directory or {@code pvc://<claim>/<path>}. */
    public static final String INDEX_LOCATION = "tandem.dev/index-location";

    /** A build Job's whole build key (its name carries only the start). */
    public static final String BUILD_KEY = "tandem.dev/build-key";

    /** The RecIndex generation a build Job was made for, so a spec change can retry a failure. */
    public static final String RECINDEX_GENERATION = "tandem.dev/recindex-generation";

    private TandemAnnotations() {}

    /** The value of {@link #MODEL}. */
    public static String model(String modelName, String modelVersion) {
        return modelName + "/" + modelVersion;
    }
}
