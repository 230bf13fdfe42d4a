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

    private ServingMain() {}

    public static void main(String... args) {
        if (args.length > 0 && !args[0].startsWith("-") && !args[0].equals(ServingCli.SERVE)) {
            System.exit(ServingCli.commandLine().execute(args));
        }
        String[] serveArgs =
                args.length > 0 && args[0].equals(ServingCli.SERVE) ? Arrays.copyOfRange(args, 1, args.length) : args;
        Quarkus.run(serveArgs);
    }
}
