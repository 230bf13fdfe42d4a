/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.helm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboards' JSON holds together as Grafana reads it (Grafana itself cannot run here: it is not in Debian, and its
 * Go module's AGPL is not taken by this project): schema version, unique uids and panel ids, every panel and query on
 * the datasource variable, the namespace and rollout variables, and no variable used that is not defined. The queries
 * run against a real Prometheus in HelmInstallIT.
 */
class DashboardJsonTest {

    private static final String DATASOURCE = "${datasource}";
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)");
    private static final Set<String> GRAFANA_VARIABLES = Set.of("__rate_interval", "__interval", "__range");

    @Test
    void thereAreTheRolloutsAndServingDashboards() {
        assertThat(Dashboards.files().stream()
                        .map(f -> Dashboards.read(f).path("title").asText()))
                .containsExactly("Tandem / Rollouts", "Tandem / Serving");
    }

    @Test
    void eachHasAUniqueUidAndARecentSchema() {
        Set<String> uids = new HashSet<>();
        for (Path file : Dashboards.files()) {
            JsonNode dashboard = Dashboards.read(file);
            assertThat(dashboard.path("schemaVersion").asInt())
                    .as(file.toString())
                    .isGreaterThanOrEqualTo(36);
            String uid = dashboard.path("uid").asText();
            assertThat(uid).as(file + " uid").matches("[a-z0-9-]{1,40}");
            assertThat(uids.add(uid)).as("uid " + uid + " is unique").isTrue();
            assertThat(dashboard.path("tags")).extracting(JsonNode::asText).contains("tandem");
        }
    }

    @Test
    void panelIdsAreUniqueAndEveryPanelIsPlaced() {
        for (Path file : Dashboards.files()) {
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : Dashboards.read(file).path("panels")) {
                assertThat(ids.add(panel.path("id").asInt()))
                        .as(file + ": panel id " + panel.path("id") + " is unique")
                        .isTrue();
                assertThat(panel.path("gridPos").path("w").asInt())
                        .as(panel.path("title").asText())
                        .isPositive();
                assertThat(panel.path("gridPos").path("h").asInt())
                        .as(panel.path("title").asText())
                        .isPositive();
                assertThat(panel.path("targets"))
                        .as(panel.path("title").asText())
                        .isNotEmpty();
            }
        }
    }

    @Test
    void everyPanelAndQueryReadsTheDatasourceVariable() {
        for (Path file : Dashboards.files()) {
            JsonNode dashboard = Dashboards.read(file);
            for (JsonNode panel : dashboard.path("panels")) {
                String title = file + " / " + panel.path("title").asText();
                assertThat(panel.path("datasource").path("uid").asText())
                        .as(title)
                        .isEqualTo(DATASOURCE);
                assertThat(panel.path("datasource").path("type").asText())
                        .as(title)
                        .isEqualTo("prometheus");
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("datasource").path("uid").asText())
                            .as(title)
                            .isEqualTo(DATASOURCE);
                    assertThat(target.path("expr").asText()).as(title).isNotBlank();
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if (variable.path("type").asText().equals("query")) {
                    assertThat(variable.path("datasource").path("uid").asText())
                            .as(file + " variable " + variable.path("name").asText())
                            .isEqualTo(DATASOURCE);
                }
            }
        }
    }

    @Test
    void theDatasourceNamespaceAndRolloutVariablesAreDefinedAndNoOtherIsUsed() {
        for (Path file : Dashboards.files()) {
            JsonNode dashboard = Dashboards.read(file);
            List<String> defined = new ArrayList<>();
            dashboard
                    .path("templating")
                    .path("list")
                    .forEach(v -> defined.add(v.path("name").asText()));
            assertThat(defined).as(file.toString()).containsExactly("datasource", "namespace", "rollout");
            JsonNode datasource = dashboard.path("templating").path("list").get(0);
            assertThat(datasource.path("type").asText()).isEqualTo("datasource");
            assertThat(datasource.path("query").asText()).isEqualTo("prometheus");

            assertThat(Dashboards.variableQueries())
                    .extracting(Dashboards.VariableQuery::variable)
                    .containsExactly("namespace", "rollout", "namespace", "rollout");
            for (Dashboards.Query query : Dashboards.queries()) {
                Matcher used = VARIABLE.matcher(query.expr());
                while (used.find()) {
                    String name = used.group(1);
                    assertThat(defined.contains(name) || GRAFANA_VARIABLES.contains(name))
                            .as(query + " uses $" + name)
                            .isTrue();
                }
            }
        }
    }
}
