/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recmodel;

import dev.tandem.api.crd.v1alpha1.recmodel.RecModelSpec;
import dev.tandem.bundle.BundleReader;
import dev.tandem.bundle.InvalidBundleException;
import dev.tandem.bundle.VerifiedBundle;
import dev.tandem.mlflow.MlflowApiException;
import dev.tandem.mlflow.ModelVersion;
import dev.tandem.operator.config.OperatorConfig;
import dev.tandem.operator.mlflow.MlflowRegistries;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Downloads a version's bundle through MLflow's artifact proxy into a directory of its own under the work directory,
 * verifies it (manifest, size and sha256 of every file, embeddings) and its manifest against the registry and the
 * spec, and deletes the download whatever the outcome.
 */
@ApplicationScoped
class BundleVerifier {

    private static final Logger LOG = Logger.getLogger(BundleVerifier.class);

    private final MlflowRegistries registries;
    private final OperatorConfig config;

    BundleVerifier(MlflowRegistries registries, OperatorConfig config) {
        this.registries = registries;
        this.config = config;
    }

    /**
     * The verdict on the version's bundle.
     *
     * @throws RegistryUnavailableException when MLflow cannot serve the files (the verdict is then unknown, not bad)
     */
    Verification verify(RecModelSpec spec, ModelVersion version) throws RegistryUnavailableException {
        String what = "the bundle of version " + version.version() + " (" + version.source() + ")";
        Path dir = newDirectory();
        try {
            Optional<String> unfetchable = download(spec, version, dir);
            if (unfetchable.isPresent()) {
                return new Verification.Refused(what + " " + unfetchable.get());
            }
            VerifiedBundle bundle = BundleReader.verify(dir);
            List<String> problems = ManifestChecks.problems(spec, version, bundle.manifest());
            return problems.isEmpty()
                    ? new Verification.Verified(BundleFacts.of(bundle.manifest()))
                    : new Verification.Refused(what + " does not fit: " + String.join("; ", problems));
        } catch (InvalidBundleException e) {
            // The verifier names the local copy; the user knows the bundle by its artifact URI.
            return new Verification.Refused(
                    what + " failed verification: " + e.getMessage().replace(dir.toString(), version.source()));
        } finally {
            delete(dir);
        }
    }

    /** Fetches every file under the version's source; a phrase saying why when the source cannot be fetched. */
    private Optional<String> download(RecModelSpec spec, ModelVersion version, Path dir)
            throws RegistryUnavailableException {
        try {
            registries.artifacts(spec.getTrackingUri()).downloadDirectory(version.source(), dir);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("cannot be fetched: " + e.getMessage());
        } catch (MlflowApiException e) {
            if (e.httpStatus() == 404) {
                return Optional.of("is not in MLflow's artifact store");
            }
            throw RegistryUnavailableException.answered(spec.getTrackingUri(), e);
        } catch (UncheckedIOException e) {
            throw RegistryUnavailableException.unreachable(spec.getTrackingUri(), e);
        }
    }

    private Path newDirectory() {
        try {
            Files.createDirectories(config.workDir());
            return Files.createTempDirectory(config.workDir(), "recmodel-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a download directory under " + config.workDir(), e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("could not delete the bundle download %s: %s", dir, e.getMessage());
        }
    }
}
