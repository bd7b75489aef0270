package io.labrunner.core;

import java.util.List;
import java.util.Set;

/**
 * What a learner sees of a lab before running it.
 *
 * @param id            stable id, e.g. {@code s3-data-formats}
 * @param title         one line
 * @param summary       two or three sentences
 * @param examDomain    MLA-C01 domain, e.g. {@code 1 Data Preparation for ML}
 * @param examTask      MLA-C01 task, e.g. {@code 1.1 Ingest and store data}
 * @param services      AWS services the lab uses, as AWS names them
 * @param minutes       time a learner needs to do it by hand
 * @param estimatedCost estimated cost of one run on a real account, e.g. {@code < $0.01}
 * @param capabilities  what the target must offer
 */
public record LabInfo(
        String id,
        String title,
        String summary,
        String examDomain,
        String examTask,
        List<String> services,
        int minutes,
        String estimatedCost,
        Set<Capability> capabilities) {

    public LabInfo {
        services = List.copyOf(services);
        capabilities = Set.copyOf(capabilities);
    }
}
