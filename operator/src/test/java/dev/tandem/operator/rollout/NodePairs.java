/*
 * Copyright 2026 The Tandem Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.tandem.operator.rollout;

import dev.tandem.api.crd.v1alpha1.recindex.RecIndex;
import dev.tandem.api.crd.v1alpha1.recindex.RecIndexSpec;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModel;
import dev.tandem.api.crd.v1alpha1.recmodel.RecModelSpec;
import dev.tandem.api.crd.v1alpha1.rollout.PairRef;
import dev.tandem.api.crd.v1alpha1.rollout.Rollout;
import dev.tandem.api.crd.v1alpha1.rollout.RolloutSpec;
import dev.tandem.operator.it.OperatorProcess;
import dev.tandem.testing.node.LocalNode;
import dev.tandem.testing.node.NodeTrainedModel;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/**
 * Pairs that really run: RecModels of versions the trainer registered, RecIndexes built by Jobs on the local node and
 * Rollouts whose pods the local node runs as processes. Everything is labelled for the operator under test, so its
 * RecModel, RecIndex and Rollout controllers all take part.
 */
final class NodePairs {

    private NodePairs() {}

    static final Map<String, String> ON_LOCAL_NODE = Map.of(LocalNode.LABEL, "true");

    static List<Toleration> localNodeToleration() {
        return List.of(new TolerationBuilder()
                .withKey(LocalNode.LABEL)
                .withOperator("Exists")
                .withEffect("NoSchedule")
                .build());
    }

    /** A RecModel of one version and a RecIndex of it, named {@code <name>} and {@code <name>-index}. */
    static void pair(
            KubernetesClient client, String namespace, NodeTrainedModel.Model model, int version, String name) {
        pair(client, namespace, model, version, name, index -> {});
    }

    static void pair(
            KubernetesClient client,
            String namespace,
            NodeTrainedModel.Model model,
            int version,
            String name,
            java.util.function.Consumer<RecIndexSpec> indexSettings) {
        RecModel recModel = new RecModel();
        recModel.setMetadata(metadata(namespace, name));
        RecModelSpec modelSpec = new RecModelSpec();
        modelSpec.setTrackingUri(model.mlflow());
        modelSpec.setRegisteredModel(model.name());
        modelSpec.setVersion(Integer.toString(version));
        recModel.setSpec(modelSpec);
        client.resource(recModel).create();

        RecIndex index = new RecIndex();
        index.setMetadata(metadata(namespace, name + "-index"));
        RecIndexSpec indexSpec = new RecIndexSpec();
        indexSpec.setModelRef(name);
        indexSpec.getBuild().setThreads(1);
        indexSpec.getBuild().setProbeQueries(200);
        indexSpec.getBuild().setNodeSelector(ON_LOCAL_NODE);
        indexSpec.getBuild().setTolerations(localNodeToleration());
        indexSettings.accept(indexSpec);
        index.setSpec(indexSpec);
        client.resource(index).create();
    }

    /** A Rollout of one serving pod on the local node, with a short scale-down delay. */
    static Rollout rollout(String namespace, String name, String pair) {
        Rollout rollout = new Rollout();
        rollout.setMetadata(metadata(namespace, name));
        RolloutSpec spec = new RolloutSpec();
        spec.setServiceName(name + "-api");
        spec.setPair(new PairRef(pair, pair + "-index"));
        spec.setReplicas(1);
        spec.setNodeSelector(ON_LOCAL_NODE);
        spec.setTolerations(localNodeToleration());
        // Two serving JVMs share this machine's two cores during a swap.
        spec.getServing().setJavaOptions("-Xmx384m -XX:+UseSerialGC");
        var blueGreen = spec.getStrategy().getBlueGreen();
        blueGreen.setScaleDownDelaySeconds(5);
        blueGreen.getAnalysis().setSmokeQueries(50);
        blueGreen.getAnalysis().setRecallQueries(100);
        // A loaded 2-core machine shared with builds and two JVMs: the latency bound catches hangs, not tuning.
        blueGreen.getAnalysis().setMaxP99Millis(5000);
        rollout.setSpec(spec);
        return rollout;
    }

    private static io.fabric8.kubernetes.api.model.ObjectMeta metadata(String namespace, String name) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(OperatorProcess.instanceLabels())
                .build();
    }
}
