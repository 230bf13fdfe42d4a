/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutPhase;
import dev.tandem.api.crd.v1alpha1.rollout.SwapResult;
import dev.tandem.api.mlflow.ModelAlias;
import dev.tandem.api.naming.TandemLabels;
import dev.tandem.api.serving.ServingEndpoints;
import dev.tandem.helm.dashboard.Dashboards;
import dev.tandem.helm.dashboard.PrometheusQueries;
import dev.tandem.mlflow.MlflowRestClient;
import dev.tandem.mlflow.ModelRegistry;
import dev.tandem.testing.ChatReceiver;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformTest;
import dev.tandem.testing.PrometheusTargets;
import dev.tandem.testing.TestNamespace;
import dev.tandem.testing.node.LocalNode;
import dev.tandem.testing.node.NodeTrainedModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart installed as a platform team installs it: the operator runs as a pod on the local node with its
 * ServiceAccount's token, so the API server enforces the chart's RBAC; the samples, applied as the README says, become
 * a Healthy Rollout under that RBAC; what the RBAC leaves out is refused; an upgrade with changed values rolls the
 * operator; the next version swaps in, and every panel of the chart's dashboards returns series from the real
 * Prometheus scraping that operator and those serving pods; uninstall leaves none of the release's objects (CRDs stay,
 * as Helm keeps them).
 */
@LocalPlatformTest
class HelmInstallIT {

    private static final Duration PATIENCE = LocalNode.PATIENCE;
    private static final String INSTANCE = "app.kubernetes.io/instance";
    /** Not the built-in 100, so that the analysis shows the chart's value reached the operator. */
    private static final int SMOKE_QUERIES = 30;

    private final String release = "it-" + UUID.randomUUID().toString().substring(0, 8);
    private final String system = release + "-system";
    private Helm helm;
    private KubernetesClient admin;
    private ChatReceiver chat;

    @AfterEach
    void uninstall() {
        if (chat != null) {
            chat.close();
        }
        if (helm != null) {
            helm.helm("uninstall", release, "-n", system, "--ignore-not-found", "--wait");
            admin.namespaces().withName(system).delete();
        }
    }

    @Test
    void theOperatorPodServesAndSwapsTheSamplesUnderTheChartsRbacOnDashboardsThatWorkAndLeavesNothingBehind(
            LocalPlatform platform, KubernetesClient client, TestNamespace recs, @TempDir Path home) {
        LocalNode.up();
        helm = new Helm(platform, home);
        admin = client;
        client.namespaces().resource(testNamespace(system)).create();
        chat = ChatReceiver.start();
        client.secrets()
                .inNamespace(system)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("chat")
                        .endMetadata()
                        .addToStringData(
                                "url", chat.url("/services/T000/B000/XXXX").toString())
                        .build())
                .create();

        helm.helm(
                        "install",
                        release,
                        Helm.CHART.toString(),
                        "-n",
                        system,
                        // CRDs other tests applied are owned by another field manager.
                        "--force-conflicts",
                        "-f",
                        Helm.LOCAL_NODE_VALUES.toString(),
                        "--set",
                        "rbac.scope=namespace",
                        "--set",
                        "watchNamespaces={" + recs.name() + "}",
                        "--set",
                        "operator.progressInterval=1s",
                        "--set",
                        "operator.resyncInterval=5s",
                        "--set",
                        "analysis.smokeQueries=" + SMOKE_QUERIES,
                        "--set",
                        "analysis.minRecallAt10=0.5",
                        "--set",
                        "notifications.existingSecret=chat",
                        "--wait",
                        "--timeout",
                        "5m")
                .ok();

        Pod operator = operatorPod(client);
        String serviceAccount = release + "-tandem";
        assertThat(operator.getSpec().getNodeName()).isEqualTo(LocalNode.NAME);
        assertThat(operator.getSpec().getServiceAccountName()).isEqualTo(serviceAccount);
        assertThat(operator.getSpec().getVolumes().stream()
                        .filter(v -> v.getProjected() != null)
                        .flatMap(v -> v.getProjected().getSources().stream()))
                .as("the ServiceAccount's token is mounted, so the operator talks to the API server as it")
                .anySatisfy(
                        source -> assertThat(source.getServiceAccountToken()).isNotNull());
        assertThat(LocalNode.podReady(operator)).isTrue();

        try (KubernetesClient asOperator = clientAs(platform, client, system, serviceAccount)) {
            assertThat(asOperator
                            .resources(Rollout.class)
                            .inNamespace(recs.name())
                            .list()
                            .getItems())
                    .isEmpty();
            assertForbidden(() -> asOperator.secrets().inNamespace("default").list());
            assertForbidden(() -> asOperator.secrets().inNamespace(recs.name()).list());
            assertForbidden(() ->
                    asOperator.resources(Rollout.class).inNamespace("default").list());
            assertForbidden(
                    () -> asOperator.apps().deployments().inNamespace(system).list());
        }

        NodeTrainedModel.Model model = NodeTrainedModel.fresh(platform);
        registry(model).setAlias(model.name(), ModelAlias.CHAMPION.alias(), "1");
        applySamples(client, recs.name(), model);

        Rollout healthy = awaitMovies(
                client,
                recs.name(),
                r -> r != null
                        && r.getStatus() != null
                        && r.getStatus().getPhase() == RolloutPhase.Healthy
                        && r.getStatus().getActive() != null);
        assertThat(healthy.getStatus().getActive().getModelVersion()).isEqualTo("1");
        assertThat(client.resources(RecModel.class)
                        .inNamespace(recs.name())
                        .withName("movies")
                        .get()
                        .getSpec()
                        .getTrackingUri())
                .as("the sample names no MLflow: the operator wrote the chart's mlflow.trackingUri into its spec")
                .isEqualTo(model.mlflow());

        String before = operator.getMetadata().getUid();
        helm.helm(
                        "upgrade",
                        release,
                        Helm.CHART.toString(),
                        "-n",
                        system,
                        "--reuse-values",
                        "--set",
                        "operator.logLevel=DEBUG",
                        "--wait",
                        "--timeout",
                        "5m")
                .ok();
        Pod rolled = await().atMost(PATIENCE)
                .until(
                        () -> operatorPod(client),
                        p -> !p.getMetadata().getUid().equals(before) && LocalNode.podReady(p));
        assertThat(rolled.getSpec().getContainers().getFirst().getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("QUARKUS_LOG_LEVEL");
            assertThat(e.getValue()).isEqualTo("DEBUG");
        });

        registry(model).setAlias(model.name(), ModelAlias.CHAMPION.alias(), "2");
        Rollout swapped = awaitMovies(
                client,
                recs.name(),
                r -> r.getStatus().getPhase() == RolloutPhase.Healthy
                        && "2".equals(r.getStatus().getActive().getModelVersion()));
        assertThat(swapped.getStatus().getHistory().getFirst().getResult()).isEqualTo(SwapResult.Promoted);
        var analysis = swapped.getStatus().getLastAnalysis();
        assertThat(analysis.getSmokeQueries())
                .as("the sample sets no analysis thresholds: the chart's analysis.smokeQueries per preview pod")
                .isEqualTo(SMOKE_QUERIES * analysis.getPods());
        assertThat(analysis.getMessage())
                .as("and the chart's analysis.minRecallAt10")
                .contains("(min 0.50)");
        String rollout = "Rollout " + recs.name() + "/movies: ";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(chat.texts())
                        .as("the chat hears of the first pair and of the swap's end, from the Secret's webhook")
                        .anySatisfy(t -> assertThat(t).startsWith(rollout + "PairLive: "))
                        .anySatisfy(t -> assertThat(t)
                                .startsWith(rollout + "Promoted: ")
                                .contains(swapped.getStatus().getActive().getPair())
                                .contains("swap took")));

        assertEveryDashboardQueryReturnsSeries(platform, client, recs.name(), rolled);

        // The Rollout's finalizer is the operator's to remove: the samples go while it still runs.
        client.resources(Rollout.class)
                .inNamespace(recs.name())
                .withName("movies")
                .delete();
        client.resources(RecIndex.class).inNamespace(recs.name()).delete();
        client.resources(RecModel.class).inNamespace(recs.name()).delete();
        await().atMost(PATIENCE)
                .until(() -> client.resources(Rollout.class)
                        .inNamespace(recs.name())
                        .list()
                        .getItems()
                        .isEmpty());

        helm.helm("uninstall", release, "-n", system, "--wait", "--timeout", "5m")
                .ok();
        List<String> left = leftOver(client, recs.name());
        assertThat(left).as("the release's objects after uninstall").isEmpty();
        assertThat(client.apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName("rollouts.tandem.dev")
                        .get())
                .as("CRDs stay, as Helm keeps them")
                .isNotNull();
    }

    /**
     * Registers the operator and the serving pods with the platform's Prometheus, labelled as the chart's
     * ServiceMonitor and PodMonitor label them (namespace, pod, tandem_dev_rollout), and runs every panel's query with
     * the dashboard's variables set to this Rollout: each must parse and return at least one series.
     */
    private void assertEveryDashboardQueryReturnsSeries(
            LocalPlatform platform, KubernetesClient client, String namespace, Pod operator) {
        List<PrometheusTargets.Registration> targets = new ArrayList<>();
        try {
            targets.add(platform.prometheusTargets()
                    .register(release + "-operator", operator.getStatus().getPodIP() + ":8080", "/q/metrics"));
            for (Pod pod : client.pods()
                    .inNamespace(namespace)
                    .withLabel(TandemLabels.ROLLOUT, "movies")
                    .list()
                    .getItems()) {
                targets.add(platform.prometheusTargets()
                        .register(
                                release + "-" + pod.getMetadata().getName(),
                                pod.getStatus().getPodIP() + ":" + ServingEndpoints.HTTP_PORT,
                                ServingEndpoints.METRICS_PATH,
                                Map.of(
                                        "namespace",
                                        namespace,
                                        "pod",
                                        pod.getMetadata().getName(),
                                        "tandem_dev_rollout",
                                        "movies",
                                        "tandem_dev_colour",
                                        pod.getMetadata().getLabels().get(TandemLabels.COLOUR))));
            }
            PrometheusQueries prometheus = new PrometheusQueries(platform.prometheusUrl());
            Map<String, String> variables = Map.of("namespace", namespace, "rollout", "movies");
            List<Dashboards.Query> queries = Dashboards.queries();
            assertThat(queries).hasSizeGreaterThan(15);
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(queries.stream()
                                    .filter(q -> prometheus
                                            .series(q.resolved(variables, "1m"))
                                            .isEmpty())
                                    .map(Dashboards.Query::toString))
                            .as("panels whose query returns no series")
                            .isEmpty());
            List<Dashboards.VariableQuery> variableQueries = Dashboards.variableQueries();
            assertThat(variableQueries).hasSize(4);
            for (Dashboards.VariableQuery query : variableQueries) {
                String expected = query.variable().equals("namespace") ? namespace : "movies";
                assertThat(prometheus.labelValues(query.label(), query.resolvedSelector(variables)))
                        .as(query.dashboard() + " variable " + query.variable() + " offers " + expected)
                        .extracting(JsonNode::asText)
                        .contains(expected);
            }
        } finally {
            targets.forEach(PrometheusTargets.Registration::close);
        }
    }

    /** The samples' Rollout once it satisfies {@code state}. */
    private static Rollout awaitMovies(KubernetesClient client, String namespace, Predicate<Rollout> state) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(2))
                .until(
                        () -> client.resources(Rollout.class)
                                .inNamespace(namespace)
                                .withName("movies")
                                .get(),
                        state);
    }

    private Pod operatorPod(KubernetesClient client) {
        List<Pod> pods = client.pods().inNamespace(system).withLabel(INSTANCE, release).list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .toList();
        assertThat(pods).as("the operator's pods").hasSize(1);
        return pods.getFirst();
    }

    /** The samples as the README applies them (kubectl kustomize), in the test's namespace and for its model. */
    private void applySamples(KubernetesClient client, String namespace, NodeTrainedModel.Model model) {
        String manifests = helm.kubectl("kustomize", "samples/local-node").ok();
        List<HasMetadata> objects = client.load(new ByteArrayInputStream(manifests.getBytes(StandardCharsets.UTF_8)))
                .items();
        assertThat(objects).extracting(HasMetadata::getKind).contains("Namespace", "RecModel", "RecIndex", "Rollout");
        for (HasMetadata object : objects) {
            if (object instanceof Namespace) {
                continue;
            }
            if (object.getKind().equals(HasMetadata.getKind(RecModel.class))) {
                // Read as a generic resource unless the type was registered: made the typed one to change its spec.
                RecModel recModel = client.getKubernetesSerialization().convertValue(object, RecModel.class);
                recModel.getSpec().setRegisteredModel(model.name());
                object = recModel;
            }
            object.getMetadata().setNamespace(namespace);
            client.resource(object).create();
        }
        assertThat(client.resources(RecModel.class)
                        .inNamespace(namespace)
                        .withName("movies")
                        .get()
                        .getSpec()
                        .getRegisteredModel())
                .isEqualTo(model.name());
    }

    private List<String> leftOver(KubernetesClient client, String watched) {
        List<String> left = new ArrayList<>();
        for (String namespace : List.of(system, watched)) {
            client.apps()
                    .deployments()
                    .inNamespace(namespace)
                    .withLabel(INSTANCE, release)
                    .list()
                    .getItems()
                    .forEach(o -> left.add("Deployment " + o.getMetadata().getName()));
            client.services()
                    .inNamespace(namespace)
                    .withLabel(INSTANCE, release)
                    .list()
                    .getItems()
                    .forEach(o -> left.add("Service " + o.getMetadata().getName()));
            client.serviceAccounts()
                    .inNamespace(namespace)
                    .withLabel(INSTANCE, release)
                    .list()
                    .getItems()
                    .forEach(o -> left.add("ServiceAccount " + o.getMetadata().getName()));
            client.secrets()
                    .inNamespace(namespace)
                    .withLabel(INSTANCE, release)
                    .list()
                    .getItems()
                    .forEach(o -> left.add("Secret " + o.getMetadata().getName()));
            client.policy()
                    .v1()
                    .podDisruptionBudget()
                    .inNamespace(namespace)
                    .withLabel(INSTANCE, release)
                    .list()
                    .getItems()
                    .forEach(o ->
                            left.add("PodDisruptionBudget " + o.getMetadata().getName()));
            client.rbac()
                    .roles()
                    .inNamespace(namespace)
                    .withLabel(INSTANCE, release)
                    .list()
                    .getItems()
                    .forEach(o -> left.add("Role " + o.getMetadata().getName()));
            client.rbac()
                    .roleBindings()
                    .inNamespace(namespace)
                    .withLabel(INSTANCE, release)
                    .list()
                    .getItems()
                    .forEach(o -> left.add("RoleBinding " + o.getMetadata().getName()));
            client.configMaps()
                    .inNamespace(namespace)
                    .withLabel(INSTANCE, release)
                    .list()
                    .getItems()
                    .forEach(o -> left.add("ConfigMap " + o.getMetadata().getName()));
        }
        client.rbac()
                .clusterRoles()
                .withLabel(INSTANCE, release)
                .list()
                .getItems()
                .forEach(o -> left.add("ClusterRole " + o.getMetadata().getName()));
        client.rbac()
                .clusterRoleBindings()
                .withLabel(INSTANCE, release)
                .list()
                .getItems()
                .forEach(o -> left.add("ClusterRoleBinding " + o.getMetadata().getName()));
        return left;
    }

    /** A client that authenticates as the ServiceAccount, with a token the API server issues for it. */
    private static KubernetesClient clientAs(
            LocalPlatform platform, KubernetesClient admin, String namespace, String serviceAccount) {
        String token = admin.serviceAccounts()
                .inNamespace(namespace)
                .withName(serviceAccount)
                .tokenRequest(new TokenRequestBuilder()
                        .withNewSpec()
                        .withExpirationSeconds(600L)
                        .endSpec()
                        .build())
                .getStatus()
                .getToken();
        Config adminConfig = platform.kubernetesConfig();
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl(adminConfig.getMasterUrl())
                .withCaCertData(adminConfig.getCaCertData())
                .withCaCertFile(adminConfig.getCaCertFile())
                .withOauthToken(token)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private static void assertForbidden(Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> assertThat(e.getCode()).isEqualTo(403));
    }

    private static ModelRegistry registry(NodeTrainedModel.Model model) {
        return new ModelRegistry(new MlflowRestClient(URI.create(model.mlflow()), HttpClient.newHttpClient()));
    }

    private static Namespace testNamespace(String name) {
        return new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels("tandem.dev/test-namespace", "true")
                .endMetadata()
                .build();
    }
}
