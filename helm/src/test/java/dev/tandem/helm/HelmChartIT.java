/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tandem.api.image.TandemImage;
import dev.tandem.helm.dashboard.Dashboards;
import dev.tandem.testing.LocalPlatform;
import dev.tandem.testing.LocalPlatformTest;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart as helm sees it, without installing it: lint, the schema refusing bad values with a message, the defaults
 * naming this build's images, the pod's hardening, RBAC in both scopes and monitoring objects only where their API
 * exists. {@link HelmInstallIT} installs it.
 */
@LocalPlatformTest
class HelmChartIT {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Helm helm;
    private KubernetesClient client;

    @BeforeEach
    void helm(LocalPlatform platform, KubernetesClient client, @TempDir Path home) {
        this.helm = new Helm(platform, home);
        this.client = client;
    }

    @Test
    void lintsCleanWithItsDefaultsAndTheLocalNodesValues() {
        helm.helm("lint", "--strict", Helm.CHART.toString()).ok();
        helm.helm("lint", "--strict", Helm.CHART.toString(), "-f", Helm.LOCAL_NODE_VALUES.toString())
                .ok();
    }

    @Test
    void itsVersionIsTheProjectsAndItsDefaultsNameThisBuildsImages() throws IOException {
        JsonNode chart = YAML.readTree(Files.readString(Helm.CHART.resolve("Chart.yaml")));
        assertThat(chart.path("version").asText()).isEqualTo(TandemImage.version());
        assertThat(chart.path("appVersion").asText()).isEqualTo(TandemImage.version());

        Deployment operator = only(render(), Deployment.class);
        var container =
                operator.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(container.getImage()).isEqualTo(TandemImage.OPERATOR.reference());
        assertThat(env(operator))
                .containsEntry("TANDEM_OPERATOR_SERVING_IMAGE", TandemImage.SERVING.reference())
                .containsEntry("TANDEM_OPERATOR_SERVING_GPU_IMAGE", TandemImage.SERVING_GPU.reference())
                .containsEntry("TANDEM_OPERATOR_SERVING_SCRAPE_ANNOTATIONS", "true")
                .doesNotContainKey("QUARKUS_OPERATOR_SDK_NAMESPACES");
    }

    @Test
    void theOperatorRunsAsNonRootOnAReadOnlyRootWithoutCapabilities() {
        Deployment operator = only(render(), Deployment.class);
        var pod = operator.getSpec().getTemplate().getSpec();
        var container = pod.getContainers().getFirst();

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(container.getResources().getLimits()).containsKey("memory");
        assertThat(pod.getServiceAccountName()).isEqualTo("t-tandem");
    }

    @Test
    void theSchemaRefusesBadValuesWithAMessageNamingThem() {
        assertRefused("replicaCount=2", "/replicaCount");
        assertRefused("rbac.scope=everywhere", "/rbac/scope");
        assertRefused("operator.resyncInterval=soon", "/operator/resyncInterval");
        assertRefused("service.port=0", "/service/port");
        assertRefused("watchNamespaces={Not_A_Namespace}", "/watchNamespaces/0");
        assertRefused("imagee.tag=1", "imagee");
        assertRefused("analysis.minRecallAt10=1.5", "/analysis/minRecallAt10");
        assertRefused("analysis.smokeQueries=0", "/analysis/smokeQueries");
        assertRefused("mlflow.trackingUri=mlflow:5000", "/mlflow/trackingUri");
        assertRefused("notifications.format=teams", "/notifications/format");
        assertRefused(
                "notifications.existingSecret=chat,notifications.format=telegram", "/notifications/telegramChatId");
    }

    @Test
    void theChatWebhookComesFromTheNamedSecretOnly() {
        var none = only(render(), Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .getFirst()
                .getEnv();
        assertThat(none).extracting(EnvVar::getName).noneMatch(n -> n.startsWith("TANDEM_OPERATOR_NOTIFICATIONS"));

        Deployment telegram = only(
                render(
                        "--set",
                        "notifications.existingSecret=chat",
                        "--set",
                        "notifications.format=telegram",
                        // A chat id is a number to YAML and to --set: the schema wants the string it is.
                        "--set-string",
                        "notifications.telegramChatId=-100123"),
                Deployment.class);
        EnvVar url = telegram.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                .filter(e -> e.getName().equals("TANDEM_OPERATOR_NOTIFICATIONS_URL"))
                .findFirst()
                .orElseThrow();
        assertThat(url.getValue()).as("a credential: never in the Deployment").isNull();
        assertThat(url.getValueFrom().getSecretKeyRef().getName()).isEqualTo("chat");
        assertThat(url.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("url");
        assertThat(env(telegram))
                .containsEntry("TANDEM_OPERATOR_NOTIFICATIONS_FORMAT", "TELEGRAM")
                .containsEntry("TANDEM_OPERATOR_NOTIFICATIONS_TELEGRAM_CHAT_ID", "-100123");
    }

    @Test
    void theMlflowAndAnalysisDefaultsReachTheOperatorsSettings() {
        assertThat(env(only(render(), Deployment.class)))
                .as("no default MLflow unless one is named")
                .doesNotContainKey("TANDEM_OPERATOR_MLFLOW_TRACKING_URI")
                .containsEntry("TANDEM_OPERATOR_ANALYSIS_SMOKE_QUERIES", "100")
                .containsEntry("TANDEM_OPERATOR_ANALYSIS_MAX_P99_MILLIS", "250")
                .containsEntry("TANDEM_OPERATOR_ANALYSIS_MIN_RECALL_AT10", "0.9")
                .containsEntry("TANDEM_OPERATOR_ANALYSIS_RECALL_QUERIES", "200");

        Map<String, String> set = env(only(
                render(
                        "--set",
                        "mlflow.trackingUri=http://mlflow.mlops:5000",
                        "--set",
                        "analysis.minRecallAt10=0.95",
                        "--set",
                        "analysis.maxP99Millis=40"),
                Deployment.class));
        assertThat(set)
                .containsEntry("TANDEM_OPERATOR_MLFLOW_TRACKING_URI", "http://mlflow.mlops:5000")
                .containsEntry("TANDEM_OPERATOR_ANALYSIS_MIN_RECALL_AT10", "0.95")
                .containsEntry("TANDEM_OPERATOR_ANALYSIS_MAX_P99_MILLIS", "40");
    }

    @Test
    void aNamespaceScopedInstallHasRightsOnlyInTheWatchedNamespaces() {
        List<HasMetadata> objects = render("--set", "rbac.scope=namespace", "--set", "watchNamespaces={recs,ml}");

        List<Role> roles = all(objects, Role.class);
        assertThat(roles).extracting(r -> r.getMetadata().getNamespace()).containsExactlyInAnyOrder("recs", "ml");
        assertThat(all(objects, ClusterRole.class))
                .singleElement()
                .satisfies(crds -> assertThat(crds.getRules()).singleElement().satisfies(rule -> {
                    assertThat(rule.getResources()).containsExactly("customresourcedefinitions");
                    assertThat(rule.getVerbs()).containsExactly("get");
                    assertThat(rule.getResourceNames())
                            .containsExactlyInAnyOrder(
                                    "recmodels.tandem.dev", "recindexes.tandem.dev", "rollouts.tandem.dev");
                }));
        assertThat(env(only(objects, Deployment.class))).containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES", "recs,ml");
        assertThat(rights(roles.getFirst().getRules()))
                .as("never Secrets, ConfigMaps or anything outside what the reconcilers touch")
                .doesNotContainKeys("secrets", "configmaps", "*")
                .containsEntry("rollouts/status", "get,patch,update")
                .containsEntry("pods", "get,list,watch");
    }

    @Test
    void aClusterScopedInstallGrantsTheSameRightsInEveryNamespace() {
        List<HasMetadata> namespaced = render("--set", "rbac.scope=namespace", "--set", "watchNamespaces={recs}");
        List<HasMetadata> cluster = render();

        ClusterRole operator = all(cluster, ClusterRole.class).stream()
                .filter(r -> r.getMetadata().getName().equals("t-tandem"))
                .findFirst()
                .orElseThrow();
        assertThat(rights(operator.getRules()))
                .isEqualTo(rights(only(namespaced, Role.class).getRules()));
    }

    @Test
    void monitoringObjectsOnlyWhereThePrometheusOperatorsApiExists() {
        assertThat(kinds(render())).doesNotContain("ServiceMonitor", "PodMonitor");

        List<HasMetadata> withApi = render(
                "--api-versions", "monitoring.coreos.com/v1/ServiceMonitor",
                "--api-versions", "monitoring.coreos.com/v1/PodMonitor");
        assertThat(kinds(withApi)).contains("ServiceMonitor", "PodMonitor");
    }

    @Test
    void theDashboardsShipAsConfigMapsTheGrafanaSidecarLoads() throws IOException {
        List<ConfigMap> dashboards = all(render(), ConfigMap.class);

        assertThat(dashboards).hasSize(Dashboards.files().size());
        for (Path file : Dashboards.files()) {
            String name = file.getFileName().toString();
            assertThat(dashboards).as(name).anySatisfy(map -> {
                assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
                assertThat(map.getData().get(name))
                        .isEqualTo(Files.readString(file).strip());
            });
        }
        assertThat(all(render("--set", "dashboards.enabled=false"), ConfigMap.class))
                .isEmpty();
    }

    private void assertRefused(String value, String named) {
        Helm.Result result = helm.helm("template", "t", Helm.CHART.toString(), "--set", value);
        assertThat(result.exitCode()).as(value).isNotZero();
        assertThat(result.err()).as(value).contains(named);
    }

    private List<HasMetadata> render(String... args) {
        List<String> command = new ArrayList<>(List.of("template", "t", Helm.CHART.toString(), "-n", "tandem-system"));
        command.addAll(List.of(args));
        String manifests = helm.helm(command.toArray(String[]::new)).ok();
        return client.load(new ByteArrayInputStream(manifests.getBytes(StandardCharsets.UTF_8)))
                .items();
    }

    private static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type) {
        List<T> found = all(objects, type);
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.getFirst();
    }

    private static List<String> kinds(List<HasMetadata> objects) {
        return objects.stream().map(HasMetadata::getKind).toList();
    }

    private static Map<String, String> env(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    /** resource → its verbs, sorted, for comparing rule sets however they are grouped. */
    private static Map<String, String> rights(List<PolicyRule> rules) {
        return rules.stream()
                .flatMap(rule -> rule.getResources().stream().map(resource -> Map.entry(resource, rule.getVerbs())))
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        e -> e.getValue().stream().sorted().collect(Collectors.joining(",")),
                        (a, b) -> a + ";" + b,
                        java.util.TreeMap::new));
    }
}
