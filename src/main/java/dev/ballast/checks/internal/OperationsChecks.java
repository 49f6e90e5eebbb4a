package dev.ballast.checks.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.kubernetes.client.openapi.models.V1EnvVar;
import org.jspecify.annotations.Nullable;

import static dev.ballast.checks.Category.OPERATIONS;
import static dev.ballast.checks.Severity.INFO;
import static dev.ballast.checks.Severity.WARNING;
import static dev.ballast.checks.Target.CONTAINER;
import static dev.ballast.checks.Target.NAMESPACE;
import static dev.ballast.checks.Target.WORKLOAD;
import static dev.ballast.checks.internal.Define.def;

/**
 * Keeping things manageable: namespaces and their guard rails, configuration outside the
 * manifest, labels.
 */
final class OperationsChecks {

	/** More literal environment values than this suggests configuration edited in place. */
	static final int LITERALS = 10;

	private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

	private OperationsChecks() {
	}

	static List<Check> all() {
		List<Check> checks = new ArrayList<>();
		checks.add(Define.workload(def("default-namespace", OPERATIONS, INFO, WORKLOAD, Docs.NAMESPACES), Kinds.ALL,
				(workload) -> workload.namespace().equals("default") ? new Hit("metadata.namespace", "default") : null));
		checks.add(Define.container(def("env-literals-many", OPERATIONS, INFO, CONTAINER, Docs.CONFIGMAP), Kinds.ALL,
				false, (workload, c) -> {
					List<V1EnvVar> env = c.container().getEnv();
					long literals = (env != null) ? env.stream().filter((variable) -> variable.getValue() != null).count() : 0;
					return (literals > LITERALS) ? new Hit("env", literals + " literal values") : null;
				}));
		checks.add(Define.container(def("env-duplicate-name", OPERATIONS, WARNING, CONTAINER, Docs.ENV), Kinds.ALL, true,
				(workload, c) -> {
					List<V1EnvVar> env = c.container().getEnv();
					Set<String> seen = new HashSet<>();
					for (int i = 0; env != null && i < env.size(); i++) {
						if (!seen.add(String.valueOf(env.get(i).getName()))) {
							return new Hit("env[" + i + "].name", env.get(i).getName() + " is set twice");
						}
					}
					return null;
				}));
		checks.add(Define.workload(def("recommended-labels-missing", OPERATIONS, INFO, WORKLOAD, Docs.LABELS), Kinds.ALL,
				(workload) -> workload.workload().labels().containsKey("app.kubernetes.io/name") ? null
						: Hit.unset("metadata.labels.app.kubernetes.io/name")));
		checks.add(Define.workload(def("label-value-invalid", OPERATIONS, WARNING, WORKLOAD, Docs.LABEL_SYNTAX), Kinds.ALL,
				(workload) -> {
					Hit hit = invalidLabel("metadata.labels.", workload.workload().labels());
					return (hit != null) ? hit : invalidLabel("spec.template.metadata.labels.", workload.podLabels());
				}));
		checks.add(Define.namespace(def("limit-range-missing", OPERATIONS, WARNING, NAMESPACE, Docs.LIMIT_RANGE,
				"LimitRange"), (namespace, index) -> index.hasLimitRange(namespace.name()) ? null
						: new Hit("LimitRange", "none: containers without requests and limits are unbounded")));
		checks.add(Define.namespace(def("resource-quota-missing", OPERATIONS, INFO, NAMESPACE, Docs.QUOTA,
				"ResourceQuota"), (namespace, index) -> index.snapshot().resourceQuotas().stream()
					.anyMatch((quota) -> quota.getMetadata() != null && namespace.name().equals(quota.getMetadata().getNamespace()))
							? null : new Hit("ResourceQuota", "none")));
		return checks;
	}

	private static @Nullable Hit invalidLabel(String prefix, Map<String, String> labels) {
		for (Map.Entry<String, String> label : labels.entrySet()) {
			String value = String.valueOf(label.getValue());
			if (value.length() > 63 || !LABEL_VALUE.matcher(value).matches()) {
				return new Hit(prefix + label.getKey(), value);
			}
		}
		return null;
	}

}
