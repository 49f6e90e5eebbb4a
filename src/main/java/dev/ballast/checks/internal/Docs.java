package dev.ballast.checks.internal;

/**
 * Links to the Kubernetes documentation that checks point to.
 */
final class Docs {

	static final String BASE = "https://kubernetes.io/docs/";

	static final String PROBES = BASE + "tasks/configure-pod-container/configure-liveness-readiness-startup-probes/";

	static final String RESOURCES = BASE + "concepts/configuration/manage-resources-containers/";

	static final String EPHEMERAL = RESOURCES + "#local-ephemeral-storage";

	static final String MEMORY = BASE + "tasks/configure-pod-container/assign-memory-resource/";

	static final String SECURITY_CONTEXT = BASE + "tasks/configure-pod-container/security-context/";

	static final String POD_SECURITY = BASE + "concepts/security/pod-security-standards/";

	static final String AFFINITY = BASE + "concepts/scheduling-eviction/assign-pod-node/";

	static final String SPREAD = BASE + "concepts/scheduling-eviction/topology-spread-constraints/";

	static final String PDB = BASE + "tasks/run-application/configure-pdb/";

	static final String HPA = BASE + "tasks/run-application/horizontal-pod-autoscale/";

	static final String IMAGES = BASE + "concepts/containers/images/";

	static final String PRIORITY = BASE + "concepts/scheduling-eviction/pod-priority-preemption/";

	static final String HOOKS = BASE + "concepts/containers/container-lifecycle-hooks/";

	static final String TERMINATION = BASE + "concepts/workloads/pods/pod-lifecycle/#pod-termination";

	static final String CRONJOB = BASE + "concepts/workloads/controllers/cron-jobs/";

	static final String TTL = BASE + "concepts/workloads/controllers/ttlafterfinished/";

	static final String DEPRECATIONS = BASE + "reference/using-api/deprecation-guide/";

	static final String DEPLOYMENT = BASE + "concepts/workloads/controllers/deployment/";

	static final String STATEFULSET = BASE + "concepts/workloads/controllers/statefulset/";

	static final String NAKED_PODS = BASE + "concepts/configuration/overview/";

	static final String DEBUG_PODS = BASE + "tasks/debug/debug-application/debug-pods/";

	static final String SERVICE_ACCOUNT = BASE + "tasks/configure-pod-container/configure-service-account/";

	static final String SECRETS = BASE + "concepts/configuration/secret/";

	static final String CONFIGMAP = BASE + "concepts/configuration/configmap/";

	static final String SECCOMP = BASE + "tutorials/security/seccomp/";

	static final String SYSCTLS = BASE + "tasks/administer-cluster/sysctl-cluster/";

	static final String HOST_PATH = BASE + "concepts/storage/volumes/#hostpath";

	static final String HOST_PROCESS = BASE + "tasks/configure-pod-container/create-hostprocess-pod/";

	static final String RBAC = BASE + "concepts/security/rbac-good-practices/";

	static final String TAINTS = BASE + "concepts/scheduling-eviction/taint-and-toleration/";

	static final String GPUS = BASE + "tasks/manage-gpus/scheduling-gpus/";

	static final String SCHEDULER = BASE + "concepts/scheduling-eviction/kube-scheduler/";

	static final String NETWORK_POLICIES = BASE + "concepts/services-networking/network-policies/";

	static final String SERVICES = BASE + "concepts/services-networking/service/";

	static final String INGRESS = BASE + "concepts/services-networking/ingress/";

	static final String INGRESS_TLS = INGRESS + "#tls";

	static final String DNS = BASE + "concepts/services-networking/dns-pod-service/#pod-dns-config";

	static final String NAMESPACES = BASE + "concepts/overview/working-with-objects/namespaces/";

	static final String LABELS = BASE + "concepts/overview/working-with-objects/common-labels/";

	static final String LABEL_SYNTAX = BASE + "concepts/overview/working-with-objects/labels/#syntax-and-character-set";

	static final String ENV = BASE + "tasks/inject-data-application/define-environment-variable-container/";

	static final String LIMIT_RANGE = BASE + "concepts/policy/limit-range/";

	static final String QUOTA = BASE + "concepts/policy/resource-quotas/";

	static final String DOCKERSHIM = BASE + "tasks/administer-cluster/migrating-from-dockershim/";

	static final String NODE_STATUS = BASE + "reference/node/node-status/";

	static final String NODE_HEALTH = BASE + "tasks/debug/debug-cluster/monitor-node-health/";

	static final String BACKUP = BASE + "tasks/administer-cluster/configure-upgrade-etcd/#backing-up-an-etcd-cluster";

	static final String MONITORING = BASE + "tasks/debug/debug-cluster/resource-usage-monitoring/";

	private Docs() {
	}

}
