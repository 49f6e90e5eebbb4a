package dev.ballast.checks;

import java.time.LocalDate;

import org.springframework.stereotype.Service;

/**
 * Exempts one check on one workload, for the pages of other modules (the workload page): the same
 * stored exemption as the exemptions page makes, scoped to the cluster, namespace, kind and name.
 * Like every exemption it applies from the next scan.
 */
@Service
public class WorkloadExemptions {

	private final ExemptionStore store;

	WorkloadExemptions(ExemptionStore store) {
		this.store = store;
	}

	/**
	 * Stores an exemption of a check on a workload.
	 * @param cluster the cluster's name
	 * @param workload the workload
	 * @param checkId the check
	 * @param reason why, shown with every finding it exempts
	 * @param until the last day it applies (UTC)
	 * @param by who
	 * @throws CheckRequestException for an unknown check or an expiry in the past, naming the field
	 */
	public void exempt(String cluster, Subject workload, String checkId, String reason, LocalDate until, String by) {
		this.store.create(new ExemptionForm(cluster, workload.namespace(), workload.kind(), workload.name(), checkId,
				reason, until), by);
	}

}
