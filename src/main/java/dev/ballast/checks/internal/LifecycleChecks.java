package dev.ballast.checks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1LifecycleHandler;
import io.kubernetes.client.openapi.models.V1Probe;
import org.jspecify.annotations.Nullable;

import dev.ballast.checks.internal.WorkloadView.ContainerView;
import dev.ballast.snapshot.PodFacts;
import dev.ballast.snapshot.PriorityClass;
import dev.ballast.snapshot.Service;

import static dev.ballast.checks.Category.RELIABILITY;
import static dev.ballast.checks.Severity.DANGER;
import static dev.ballast.checks.Severity.INFO;
import static dev.ballast.checks.Severity.WARNING;
import static dev.ballast.checks.Target.CONTAINER;
import static dev.ballast.checks.Target.POD_TEMPLATE;
import static dev.ballast.checks.Target.WORKLOAD;
import static dev.ballast.checks.internal.Define.def;

/**
 * A container's life: probes, graceful shutdown, images, priority, and what really happened to
 * its pods (OOM kills, restarts, crash loops, unready replicas).
 */
final class LifecycleChecks {

	private static final Pattern SLEEP = Pattern.compile("\\bsleep\\s+(\\d+)");

	private static final int RESTARTS = 5;

	private LifecycleChecks() {
	}

	static List<Check> all() {
		List<Check> checks = new ArrayList<>();
		probe(checks, "readiness-probe-missing", "readinessProbe", V1Container::getReadinessProbe);
		probe(checks, "liveness-probe-missing", "livenessProbe", V1Container::getLivenessProbe);
		checks.add(Define.container(def("probes-identical", RELIABILITY, WARNING, CONTAINER, Docs.PROBES),
				Kinds.LONG_RUNNING, false, (workload, c) -> {
					V1Probe liveness = c.container().getLivenessProbe();
					return (liveness != null && liveness.equals(c.container().getReadinessProbe()))
							? new Hit("livenessProbe", "same as readinessProbe") : null;
				}));
		checks.add(Define.container(def("prestop-hook-missing", RELIABILITY, WARNING, CONTAINER, Docs.HOOKS),
				Kinds.REPLICATED, false, (workload, c) -> (preStop(c.container()) == null && serves(workload, c))
						? Hit.unset("lifecycle.preStop") : null));
		checks.add(Define.container(def("prestop-sleep-exceeds-grace", RELIABILITY, WARNING, CONTAINER, Docs.TERMINATION),
				Kinds.LONG_RUNNING, false, LifecycleChecks::sleepExceedsGrace));
		checks.add(Define.container(def("image-tag-mutable", RELIABILITY, DANGER, CONTAINER, Docs.IMAGES), Kinds.ALL,
				true, (workload, c) -> Images.mutable(c.container().getImage())
						? new Hit("image", Values.orUnset(c.container().getImage())) : null));
		checks.add(Define.container(def("image-pull-policy-stale", RELIABILITY, WARNING, CONTAINER, Docs.IMAGES),
				Kinds.ALL, true, (workload, c) -> {
					String policy = c.container().getImagePullPolicy();
					if ("Never".equals(policy)) {
						return new Hit("imagePullPolicy", policy);
					}
					return ("IfNotPresent".equals(policy) && Images.mutable(c.container().getImage()))
							? new Hit("imagePullPolicy", policy + " with image " + c.container().getImage()) : null;
				}));
		checks.add(Define.workload(def("priority-class-missing", RELIABILITY, INFO, POD_TEMPLATE, Docs.PRIORITY),
				Kinds.ALL, (workload) -> (workload.spec().getPriorityClassName() == null && !globalDefault(workload))
						? Hit.unset(workload.spec("priorityClassName")) : null));
		checks.add(Define.container(def("oom-killed", RELIABILITY, DANGER, CONTAINER, Docs.MEMORY), Kinds.ALL, true,
				(workload, c) -> terminated(workload, c, "OOMKilled")));
		checks.add(Define.container(def("crash-looping", RELIABILITY, DANGER, CONTAINER, Docs.DEBUG_PODS), Kinds.ALL,
				true, LifecycleChecks::crashLooping));
		checks.add(Define.container(def("restarts-high", RELIABILITY, WARNING, CONTAINER, Docs.DEBUG_PODS), Kinds.ALL,
				true, LifecycleChecks::restarts));
		checks.add(Define.workload(def("replicas-unavailable", RELIABILITY, WARNING, WORKLOAD, Docs.DEBUG_PODS),
				Kinds.REPLICATED, (workload) -> {
					Integer ready = workload.workload().readyReplicas();
					Integer desired = workload.workload().replicas();
					int want = (desired != null) ? desired : 1;
					return (ready != null && want > 0 && ready < want)
							? new Hit("status.readyReplicas", ready + " of " + want + " ready") : null;
				}));
		return checks;
	}

	private static void probe(List<Check> checks, String id, String field, Function<V1Container, V1Probe> probe) {
		checks.add(Define.container(def(id, RELIABILITY, WARNING, CONTAINER, Docs.PROBES), Kinds.LONG_RUNNING, false,
				(workload, c) -> (probe.apply(c.container()) == null) ? Hit.unset(field) : null));
	}

	private static @Nullable V1LifecycleHandler preStop(V1Container container) {
		return (container.getLifecycle() != null) ? container.getLifecycle().getPreStop() : null;
	}

	/** Whether a container takes traffic: it declares ports, or a Service selects its pods. */
	private static boolean serves(WorkloadView workload, ContainerView container) {
		if (container.container().getPorts() != null && !container.container().getPorts().isEmpty()) {
			return true;
		}
		Map<String, String> labels = workload.podLabels();
		for (Service service : workload.index().services(workload.namespace())) {
			if (service.selector() != null && !service.selector().isEmpty()
					&& Selectors.contains(labels, service.selector())) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Hit sleepExceedsGrace(WorkloadView workload, ContainerView c) {
		V1LifecycleHandler handler = preStop(c.container());
		if (handler == null) {
			return null;
		}
		long grace = (workload.spec().getTerminationGracePeriodSeconds() != null)
				? workload.spec().getTerminationGracePeriodSeconds() : 30;
		long sleep = -1;
		String path = "lifecycle.preStop.exec.command";
		if (handler.getSleep() != null && handler.getSleep().getSeconds() != null) {
			sleep = handler.getSleep().getSeconds();
			path = "lifecycle.preStop.sleep.seconds";
		}
		else if (handler.getExec() != null && handler.getExec().getCommand() != null) {
			Matcher matcher = SLEEP.matcher(String.join(" ", handler.getExec().getCommand()));
			if (matcher.find()) {
				sleep = Long.parseLong(matcher.group(1));
			}
		}
		return (sleep >= grace) ? new Hit(path, "sleep " + sleep + "s ≥ terminationGracePeriodSeconds " + grace + "s")
				: null;
	}

	private static boolean globalDefault(WorkloadView workload) {
		for (PriorityClass priorityClass : workload.index().snapshot().priorityClasses()) {
			if (priorityClass.globalDefault()) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Hit terminated(WorkloadView workload, ContainerView c, String reason) {
		int affected = 0;
		int pods = 0;
		for (PodFacts pod : workload.pods()) {
			pods++;
			PodFacts.Container status = status(pod, c);
			if (status != null && reason.equals(status.lastTerminationReason())) {
				affected++;
			}
		}
		if (affected == 0) {
			return null;
		}
		var limit = Values.limit(c.container(), "memory");
		return new Hit("resources.limits.memory", reason + " in " + affected + " of " + pods + " pods; memory limit "
				+ ((limit != null) ? Values.text(limit) : Hit.UNSET));
	}

	private static @Nullable Hit crashLooping(WorkloadView workload, ContainerView c) {
		int affected = 0;
		int exitCode = 0;
		for (PodFacts pod : workload.pods()) {
			PodFacts.Container status = status(pod, c);
			if (status != null && "CrashLoopBackOff".equals(status.waitingReason())) {
				affected++;
				exitCode = status.lastExitCode();
			}
		}
		return (affected > 0) ? new Hit("", "CrashLoopBackOff in " + affected + " of " + workload.pods().size()
				+ " pods (last exit code " + exitCode + ")") : null;
	}

	private static @Nullable Hit restarts(WorkloadView workload, ContainerView c) {
		int most = 0;
		int total = 0;
		for (PodFacts pod : workload.pods()) {
			PodFacts.Container status = status(pod, c);
			if (status != null) {
				most = Math.max(most, status.restarts());
				total += status.restarts();
			}
		}
		return (most >= RESTARTS) ? new Hit("", total + " restarts in " + workload.pods().size() + " pods (at most "
				+ most + " in one)") : null;
	}

	private static PodFacts.@Nullable Container status(PodFacts pod, ContainerView c) {
		for (PodFacts.Container status : pod.containers()) {
			if (status.name().equals(c.name()) && status.init() == c.init()) {
				return status;
			}
		}
		return null;
	}

}
