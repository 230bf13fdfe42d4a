/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.naming;

import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** Names, labels and locations of what a RecIndex makes, in one place. */
public final class RecIndexNames {

    /** The build Job's only container. */
    public static final String CONTAINER = "build-index";

    /** Where {@code build-index --summary} writes, so its result becomes the pod's termination message. */
    public static final String TERMINATION_LOG = "/dev/termination-log";

    /** The directory, beside a model version's bundle, that holds the indexes built from it. */
    public static final String INDEX_DIRECTORY = "tandem-indexes";

    /** Where a location on a PersistentVolumeClaim starts; serving pods mount the claim and read the path after it. */
    public static final String PVC_SCHEME = "pvc://";

    /** The label the Job controller puts on a Job's pods. */
    public static final String JOB_NAME_LABEL = "job-name";

    private static final String APP = "tandem-index-build";
    private static final String COMPONENT = "index-build";
    private static final int MAX_LABEL_LENGTH = 63;
    private static final int KEY_IN_NAME = 8;

    private RecIndexNames() {}

    /**
     * The build Job of one build key: {@code <recindex>-<first 8 hex of the key>}. The Job controller copies a Job's
     * name into its pods' {@code job-name} label, so a long RecIndex name is shortened (with a digest of the full
     * name, to stay unique) to keep it within a label value's 63 characters.
     */
    public static String job(RecIndex index, String buildKey) {
        String key = buildKey.substring(0, Math.min(KEY_IN_NAME, buildKey.length()));
        return labelValue(index.getMetadata().getName(), MAX_LABEL_LENGTH - key.length() - 1) + "-" + key;
    }

    /** The value of {@link TandemLabels#REC_INDEX} for this RecIndex: its name, shortened to fit a label value. */
    public static String recIndexLabel(String recIndexName) {
        return labelValue(recIndexName, MAX_LABEL_LENGTH);
    }

    /** Labels of a build Job and its pods. */
    public static Map<String, String> labels(RecIndex index, String modelVersion) {
        Map<String, String> labels = TandemLabels.of(index, APP, COMPONENT);
        labels.put(TandemLabels.INSTANCE, recIndexLabel(index.getMetadata().getName()));
        labels.put(TandemLabels.REC_INDEX, recIndexLabel(index.getMetadata().getName()));
        labels.put(TandemLabels.MODEL_VERSION, modelVersion);
        return labels;
    }

    /**
     * Where a build's index is uploaded for storage type MLflow: beside the model version's bundle, under the run's
     * artifacts, one directory per namespace, RecIndex and build key, e.g.
     * {@code mlflow-artifacts:/1/<run>/artifacts/tandem-indexes/recs/movies-index-0f3a…}. Each key has its own
     * directory because build-index never uploads over an index.
     *
     * @param bundleArtifactUri the RecModel's {@code status.artifactUri}
     */
    public static String mlflowLocation(String bundleArtifactUri, String namespace, String recIndex, String buildKey) {
        return mlflowIndexDirectory(bundleArtifactUri, namespace) + "/" + recIndex + "-" + buildKey;
    }

    /** The directory that holds the MLflow-stored indexes of one namespace built from one model version's bundle. */
    public static String mlflowIndexDirectory(String bundleArtifactUri, String namespace) {
        String bundle = bundleArtifactUri.replaceAll("/+$", "");
        int slash = bundle.lastIndexOf('/');
        String parent = slash <= bundle.indexOf(':') + 1 ? bundle : bundle.substring(0, slash);
        return parent + "/" + INDEX_DIRECTORY + "/" + namespace;
    }

    /** The path of a build's index inside a PersistentVolumeClaim: {@code <namespace>/<recindex>/<build key>}. */
    public static String claimPath(String namespace, String recIndex, String buildKey) {
        return namespace + "/" + recIndex + "/" + buildKey;
    }

    /** The location of an index on a claim, as serving pods read it: {@code pvc://<claim>/<path in the claim>}. */
    public static String pvcLocation(String claim, String claimPath) {
        return PVC_SCHEME + claim + "/" + claimPath;
    }

    private static String labelValue(String name, int max) {
        if (name.length() <= max) {
            return name;
        }
        String digest = HexFormat.of().formatHex(sha256(name)).substring(0, KEY_IN_NAME);
        String head = name.substring(0, max - digest.length() - 1).replaceAll("[-.]+$", "");
        return head + "-" + digest;
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
