/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.api.crd.v1alpha1.recmodel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** Where the model version lives in MLflow and what the operator checks of its bundle. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "has(self.version) != has(self.alias)",
        message = "set exactly one of spec.version or spec.alias")
@ValidationRule(
        value = "(!has(oldSelf.trackingUri) || (has(self.trackingUri) && self.trackingUri == oldSelf.trackingUri))"
                + " && self.registeredModel == oldSelf.registeredModel",
        message = "spec.trackingUri and spec.registeredModel cannot change once set; create another RecModel for"
                + " another model")
public class RecModelSpec {

    @Pattern("^https?://[^\\s]+$")
    @JsonPropertyDescription(
            "Base URL of the MLflow tracking server that holds the model registry, as the operator and the pods reach"
                    + " it, e.g. http://mlflow.mlops:5000. Unset: the operator's default MLflow (the chart's"
                    + " mlflow.trackingUri), which the operator then writes here, so that a later change of the default"
                    + " never moves an existing RecModel to another registry. Immutable once set.")
    private String trackingUri;

    @Required
    @Pattern("^[^\\s/][^/]{0,255}$")
    @JsonPropertyDescription("Name of the registered model in MLflow. Immutable.")
    private String registeredModel;

    @Pattern("^[1-9][0-9]{0,9}$")
    @JsonPropertyDescription("The model version number to serve, e.g. \"3\". Set exactly one of version and alias.")
    private String version;

    @Pattern("^[A-Za-z0-9_][A-Za-z0-9_-]{0,254}$")
    @JsonPropertyDescription(
            "An MLflow alias to follow, e.g. champion. The version it names is pinned in status.resolvedVersion; when"
                    + " the alias moves, the new version becomes a new pair that goes live only through a Rollout's"
                    + " blue/green swap, never by changing running pods. Set exactly one of version and alias.")
    private String alias;

    @Default("serving_default")
    @Pattern("^[A-Za-z0-9_./-]{1,128}$")
    @JsonPropertyDescription(
            "The SavedModel signature of the user tower; the bundle's manifest must name the same one. Default:"
                    + " serving_default.")
    private String signatureName = "serving_default";

    @JsonPropertyDescription(
            "The similarity the model must have been trained for (dot or cosine). When set, a bundle whose manifest says"
                    + " otherwise is refused; when unset, the manifest's similarity is used and shown in status.")
    private SimilarityKind similarity;

    public String getTrackingUri() {
        return trackingUri;
    }

    public void setTrackingUri(String trackingUri) {
        this.trackingUri = trackingUri;
    }

    public String getRegisteredModel() {
        return registeredModel;
    }

    public void setRegisteredModel(String registeredModel) {
        this.registeredModel = registeredModel;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    public String getSignatureName() {
        return signatureName;
    }

    public void setSignatureName(String signatureName) {
        this.signatureName = signatureName;
    }

    public SimilarityKind getSimilarity() {
        return similarity;
    }

    public void setSimilarity(SimilarityKind similarity) {
        this.similarity = similarity;
    }
}
