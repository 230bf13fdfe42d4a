/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Tandem's images and the references this build gives them: {@code <repository>/<name>:<version>}, e.g.
 * {@code ghcr.io/tandem-dev/tandem-serving:0.1.0}. The build ({@code dev/image}) tags each image archive with this
 * reference, the operator's defaults name it, and the chart's {@code appVersion} is its version, so the three cannot
 * drift apart.
 */
public enum TandemImage {
    /** The serving runtime on TensorFlow's CPU kernels: serving pods and index build Jobs. */
    SERVING("tandem-serving"),
    /** The serving runtime on TensorFlow's CUDA 12 kernels, for pods that ask for GPUs. */
    SERVING_GPU("tandem-serving-gpu"),
    /** The trainer: datasets, training, offline evaluation and promotion decisions. */
    TRAINER("tandem-trainer"),
    /** The operator. */
    OPERATOR("tandem-operator");

    private static final Build BUILD = Build.read();

    private final String repositoryName;

    TandemImage(String repositoryName) {
        this.repositoryName = repositoryName;
    }

    /** The image's name inside the repository, e.g. {@code tandem-serving}. */
    public String repositoryName() {
        return repositoryName;
    }

    /** The image's full reference as this build tags it, e.g. {@code ghcr.io/tandem-dev/tandem-serving:0.1.0}. */
    public String reference() {
        return BUILD.repository() + "/" + repositoryName + ":" + BUILD.version();
    }

    /** The registry and path the images are published under, e.g. {@code ghcr.io/tandem-dev}. */
    public static String repository() {
        return BUILD.repository();
    }

    /** The images' tag: the project's version. */
    public static String version() {
        return BUILD.version();
    }

    private record Build(String repository, String version) {

        private static final String RESOURCE = "images.properties";

        static Build read() {
            Properties properties = new Properties();
            try (InputStream in = TandemImage.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing beside " + TandemImage.class.getName());
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String repository = properties.getProperty("repository", "");
            String version = properties.getProperty("version", "");
            if (repository.isBlank() || repository.contains("${") || version.isBlank() || version.contains("${")) {
                throw new IllegalStateException(
                        RESOURCE + " was not filled in by the build: repository=" + repository + " version=" + version);
            }
            return new Build(repository, version);
        }
    }
}
