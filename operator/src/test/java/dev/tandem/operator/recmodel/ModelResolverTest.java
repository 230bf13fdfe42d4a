/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.recmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelReason;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelSpec;
import dev.tandem.api.mlflow.MlflowTags;
import dev.tandem.operator.mlflow.MlflowRegistries;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MLflow's answers, as a tracking server on the loopback gives them, become the reasons users read. */
class ModelResolverTest {

    private HttpServer mlflow;
    private int status;
    private String body;
    private ModelResolver resolver;

    @BeforeEach
    void start() throws IOException {
        mlflow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        mlflow.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        mlflow.start();
        resolver = new ModelResolver(new MlflowRegistries(HttpClient.newHttpClient()));
    }

    @AfterEach
    void stop() {
        mlflow.stop(0);
    }

    @Test
    void aVersionIsFoundWithItsStageAliasesAndTags() throws Exception {
        answer(200, """
                {"model_version": {"name": "movies", "version": "3", "current_stage": "Staging",
                 "source": "mlflow-artifacts:/1/r/artifacts/bundle", "run_id": "r", "aliases": ["champion"],
                 "tags": [{"key": "%s", "value": "challenger"}]}}
                """.formatted(MlflowTags.DECISION));

        Resolution resolution = resolver.resolve(spec("3", null));

        assertThat(resolution).isInstanceOfSatisfying(Resolution.Found.class, found -> {
            assertThat(found.version().version()).isEqualTo("3");
            assertThat(found.version().stage()).isEqualTo("Staging");
            assertThat(found.version().aliases()).containsExactly("champion");
            assertThat(found.version().tags())
                    .containsEntry(MlflowTags.DECISION, MlflowTags.Decision.CHALLENGER.value());
        });
    }

    @Test
    void aMissingVersionIsVersionNotFound() throws Exception {
        answer(404, "{\"error_code\": \"RESOURCE_DOES_NOT_EXIST\", \"message\": \"Model Version not found\"}");

        assertThat(resolver.resolve(spec("99", null)))
                .isEqualTo(new Resolution.NotFound(
                        RecModelReason.VersionNotFound, "MLflow at " + uri() + " has no version 99 of model movies"));
    }

    @Test
    void anUnsetAliasOrUnknownModelIsAliasNotFound() throws Exception {
        answer(400, "{\"error_code\": \"INVALID_PARAMETER_VALUE\", \"message\": \"alias champion not found.\"}");
        assertThat(resolver.resolve(spec(null, "champion")))
                .isEqualTo(new Resolution.NotFound(
                        RecModelReason.AliasNotFound, "MLflow at " + uri() + " has no alias champion on model movies"));

        answer(404, "{\"error_code\": \"RESOURCE_DOES_NOT_EXIST\", \"message\": \"Registered Model not found\"}");
        assertThat(resolver.resolve(spec(null, "champion")))
                .isEqualTo(new Resolution.NotFound(
                        RecModelReason.AliasNotFound, "MLflow at " + uri() + " has no registered model movies"));
    }

    @Test
    void serverErrorsAreUnreachableAndRefusalsRefused() {
        answer(503, "<html>Service Unavailable</html>");
        assertThatThrownBy(() -> resolver.resolve(spec("3", null)))
                .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RecModelReason.RegistryUnreachable);
                    assertThat(e.getMessage()).isEqualTo("MLflow at " + uri() + " answered HTTP 503 (HTTP_ERROR)");
                });

        answer(403, "{\"error_code\": \"PERMISSION_DENIED\", \"message\": \"no\"}");
        assertThatThrownBy(() -> resolver.resolve(spec("3", null)))
                .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RecModelReason.RegistryRefused);
                    assertThat(e.getMessage())
                            .isEqualTo("MLflow at " + uri() + " answered HTTP 403 (PERMISSION_DENIED)");
                });
    }

    @Test
    void aServerThatIsGoneIsUnreachable() {
        String gone = uri();
        mlflow.stop(0);
        RecModelSpec spec = spec("3", null);
        spec.setTrackingUri(gone);

        assertThatThrownBy(() -> resolver.resolve(spec))
                .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RecModelReason.RegistryUnreachable);
                    assertThat(e.getMessage())
                            .isEqualTo("MLflow at " + gone + " is unreachable: the connection was refused");
                });
    }

    private void answer(int status, String body) {
        this.status = status;
        this.body = body;
    }

    private String uri() {
        return "http://127.0.0.1:" + mlflow.getAddress().getPort();
    }

    private RecModelSpec spec(String version, String alias) {
        RecModelSpec spec = new RecModelSpec();
        spec.setTrackingUri(uri());
        spec.setRegisteredModel("movies");
        spec.setVersion(version);
        spec.setAlias(alias);
        return spec;
    }
}
