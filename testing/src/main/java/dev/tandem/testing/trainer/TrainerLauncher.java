/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.testing.trainer;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * How a test runs the trainer's CLI ({@code tandem-trainer}): in the test's JVM ({@link #inProcess}), as the packaged
 * jar in a process of its own ({@link #packagedJar}), or as Jobs on the local node
 * ({@link dev.tandem.testing.node.NodeTrainedModel}). Runs read and write in a workspace, a directory of this machine
 * that the trainer may know by another name (a Job sees it where it is mounted).
 */
public abstract class TrainerLauncher {

    private final Path workspace;

    protected TrainerLauncher(Path workspace) {
        this.workspace = workspace;
    }

    /**
     * The trainer in the test's JVM, for modules that have it on their test classpath.
     *
     * @param cli a new trainer command line each call, e.g. {@code TrainerCli::commandLine}
     */
    public static TrainerLauncher inProcess(Path workspace, Supplier<CommandLine> cli) {
        return new InProcessTrainer(workspace, cli);
    }

    /**
     * The trainer's packaged jar ({@code trainer-image/target}), each run a JVM of its own: for modules that must not
     * have the trainer on their classpath. Such a module declares a test-scope {@code pom} dependency on
     * {@code tandem-trainer}, so that the reactor packages the trainer first.
     */
    public static TrainerLauncher packagedJar(Path workspace) {
        return new PackagedTrainer(workspace);
    }

    /** The directory the runs read and write, on this machine. */
    public final Path workspace() {
        return workspace;
    }

    /** How the trainer names {@code file}, a path under the {@link #workspace()}: here, as this machine does. */
    public String path(Path file) {
        return file.toString();
    }

    /**
     * Runs the trainer with {@code args} to its end.
     *
     * @param name what the run is called (a log file, a Job): unique within the workspace
     * @return what the trainer printed
     * @throws IllegalStateException or {@link AssertionError}, with what it printed, unless it exited 0
     */
    public abstract String run(String name, List<String> args);
}
