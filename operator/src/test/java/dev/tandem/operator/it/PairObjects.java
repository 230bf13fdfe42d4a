/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.it;

import dev.tandem.api.crd.v1alpha1.recindex.IndexPhase;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndexSpec;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndexStatus;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelSpec;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelStatus;
import dev.tandem.api.crd.v1alpha1.rollout.PairRef;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutSpec;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/** Tandem resources as the tests create them. */
public final class PairObjects {

    private PairObjects() {}

    /**
     * A RecModel and RecIndex that already say what their controllers would have found: version {@code version}
     * verified, its index built at {@code location}. They carry no operator-instance label, so the operator under
     * test leaves them alone and only its Rollout controller reads them; used where the pods never load the pair
     * (simulated nodes run no process).
     */
    public static void resolvedPair(
            KubernetesClient client, String namespace, String name, String version, String buildKey, String location) {
        RecModel model = new RecModel();
        model.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        RecModelSpec modelSpec = new RecModelSpec();
        modelSpec.setTrackingUri("http://127.0.0.1:5000");
        modelSpec.setRegisteredModel(name + "-dnn");
        modelSpec.setVersion(version);
        model.setSpec(modelSpec);
        model = client.resource(model).create();
        RecModelStatus modelStatus = new RecModelStatus();
        modelStatus.setResolvedVersion(version);
        modelStatus.setConditions(List.of(new ConditionBuilder()
                .withType("Ready")
                .withStatus("True")
                .withReason("Verified")
                .withMessage("set by the test")
                .withLastTransitionTime("2026-12-02T00:00:00Z")
                .build()));
        model.setStatus(modelStatus);
        client.resource(model).updateStatus();

        RecIndex index = new RecIndex();
        index.setMetadata(new ObjectMetaBuilder()
                .withName(name + "-index")
                .withNamespace(namespace)
                .build());
        RecIndexSpec indexSpec = new RecIndexSpec();
        indexSpec.setModelRef(name);
        index.setSpec(indexSpec);
        index = client.resource(index).create();
        RecIndexStatus indexStatus = new RecIndexStatus();
        indexStatus.setPhase(IndexPhase.Built);
        indexStatus.setModelVersion(version);
        indexStatus.setBuildKey(buildKey);
        indexStatus.setLocation(location);
        index.setStatus(indexStatus);
        client.resource(index).updateStatus();
    }

    /** A Rollout of the pair {@code <name>} / {@code <name>-index}, labelled for the operator under test. */
    public static Rollout rollout(String namespace, String name, int replicas) {
        Rollout rollout = new Rollout();
        rollout.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(OperatorProcess.instanceLabels())
                .build());
        RolloutSpec spec = new RolloutSpec();
        spec.setServiceName(name + "-api");
        spec.setPair(new PairRef(name, name + "-index"));
        spec.setReplicas(replicas);
        rollout.setSpec(spec);
        return rollout;
    }
}
