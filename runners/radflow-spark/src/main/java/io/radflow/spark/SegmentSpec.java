package io.radflow.spark;

import java.io.Serializable;
import java.util.List;

/**
 * The per-patient part of a pipeline as shipped to the executors (one Spark broadcast per run).
 *
 * @param pipelineName        name of the whole pipeline (for messages)
 * @param subPipelineXmi      the per-patient nodes and their cohort source, whose type is replaced by
 *                            {@link PerPatientPlan#PATIENT_SOURCE_TYPE}, as XMI
 * @param sourceNodeId        id of the cohort source node
 * @param sourceOutputs       port name to port type of the source node's outputs
 * @param nodeIds             ids of the per-patient nodes, in execution order
 * @param baseDirectory       folder against which relative paths in parameters resolve
 * @param cacheDirectory      cache folder (must be visible to the executors)
 * @param outputDirectory     run output folder: node work files go to {@code <out>/<node>/files}; may be {@code null}
 * @param checkpointDirectory folder of per-patient checkpoints, or {@code null} for none
 * @param failingPatient      test hook: the task of this patient throws (a simulated executor failure); normally {@code null}
 */
public record SegmentSpec(String pipelineName, String subPipelineXmi, String sourceNodeId,
        java.util.Map<String, String> sourceOutputs, List<String> nodeIds, String baseDirectory, String cacheDirectory,
        String outputDirectory, String checkpointDirectory, String failingPatient) implements Serializable {

    public SegmentSpec {
        sourceOutputs = new java.util.LinkedHashMap<>(sourceOutputs);
        nodeIds = List.copyOf(nodeIds);
    }
}
