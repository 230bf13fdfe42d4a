/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.serving.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Arrays;

/**
 * The image's entry point: {@code serve} (the default) starts the server; {@code build-index} and the other
 * commands run without it and exit with their status, so RecIndex Jobs use the same image as the pods.
 */
@QuarkusMain
public final class ServingMain {

    /** jvector's choice of SIMD implementation, read once when its first vector class loads. */
    static final String VECTORIZATION_PROVIDER = "jvector.vectorization_provider";

    private ServingMain() {}

    public static void main(String... args) {
        // jvector picks its native provider where it can, which measured slower than its Panama one for the
        // model's 32-64 dimensions (benchmarks/run ann at 100k: +57% QPS at recall 0.95, -44% build CPU). An
        // explicit -Djvector.vectorization_provider still wins, and without --add-modules
        // jdk.incubator.vector Panama cannot load, so jvector keeps its own choice.
        if (System.getProperty(VECTORIZATION_PROVIDER) == null
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            System.setProperty(VECTORIZATION_PROVIDER, "panama");
        }
        if (args.length > 0 && !args[0].startsWith("-") && !args[0].equals(ServingCli.SERVE)) {
            System.exit(ServingCli.commandLine().execute(args));
        }
        String[] serveArgs =
                args.length > 0 && args[0].equals(ServingCli.SERVE) ? Arrays.copyOfRange(args, 1, args.length) : args;
        Quarkus.run(serveArgs);
    }
}
