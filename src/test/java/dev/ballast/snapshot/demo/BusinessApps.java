package dev.ballast.snapshot.demo;

import java.util.List;
import java.util.Map;

import static dev.ballast.snapshot.demo.App.container;
import static dev.ballast.snapshot.demo.App.httpProbe;
import static dev.ballast.snapshot.demo.PlatformApps.withProbes;
import static dev.ballast.snapshot.demo.Yaml.list;
import static dev.ballast.snapshot.demo.Yaml.map;

/**
 * The demo's business workloads, good and bad on purpose: shop, payments, ml and a production
 * workload in {@code default}.
 */
final class BusinessApps {

	private static final String REGISTRY = "registry.example.com/";

	private BusinessApps() {
	}

	static List<App> all() {
		return List.of(storefront(), cart(), checkout(), catalog(), search(), simple("recommendations", 1, false),
				notification(), imageResizer(), sessionGateway(), reviews(), redis(), mysql(), nightlyReport(),
				catalogImport(), paymentsApi(), fraudDetector(), ledger(), payoutsWorker(), paymentsDb(), dbBackup(),
				modelServing(), trainingRun(), notebook(), featureStore(), retrainWeekly(), legacyPortal(), debugShell());
	}

	private static App storefront() {
		Map<String, Object> web = withProbes(container("storefront", REGISTRY + "shop/storefront:4.12.0", "250m", "256Mi",
				"1", "512Mi"), httpProbe("/healthz", 8080, 10), httpProbe("/ready", 8080, 5));
		web.put("lifecycle", App.preStopSleep(10));
		return new App("Deployment", "shop", "storefront").replicas(3).containers(web)
			.spec("affinity", App.antiAffinity("storefront"), "priorityClassName", "business-critical",
					"terminationGracePeriodSeconds", 30)
			.controller("strategy", map("type", "RollingUpdate", "rollingUpdate", map("maxSurge", "25%", "maxUnavailable", 0)))
			.on("general-a-1", "general-a-2", "general-b-1");
	}

	private static App cart() {
		return new App("Deployment", "shop", "cart").replicas(2)
			.containers(withProbes(container("cart", REGISTRY + "shop/cart:2.3.1", "200m", "256Mi", "500m", "512Mi"),
					httpProbe("/healthz", 8080, 10), httpProbe("/ready", 8080, 5)))
			.on("general-a-2", "general-a-2")
			.restarts(1, 2);
	}

	private static App checkout() {
		Map<String, Object> java = withProbes(container("checkout", REGISTRY + "shop/checkout:2.1.0", "500m", "768Mi",
				null, "1Gi"), httpProbe("/actuator/health/liveness", 8080, 10),
				httpProbe("/actuator/health/readiness", 8080, 5));
		java.put("env", App.env("JAVA_OPTS", "-Xms1536m -Xmx1536m -XX:+UseG1GC", "SPRING_PROFILES_ACTIVE", "prod"));
		return new App("Deployment", "shop", "checkout").replicas(2).containers(java)
			.spec("affinity", App.antiAffinity("checkout"))
			.on("general-a-3", "general-b-2")
			.oomKilled(0, 14);
	}

	private static App catalog() {
		Map<String, Object> probe = httpProbe("/health", 8080, 10);
		return new App("Deployment", "shop", "catalog").replicas(2)
			.containers(withProbes(container("catalog", REGISTRY + "shop/catalog:1.9.4", "250m", "384Mi", "1", "768Mi"),
					probe, new java.util.LinkedHashMap<>(probe)))
			.spec("affinity", App.antiAffinity("catalog"))
			.on("general-a-1", "general-b-2");
	}

	private static App search() {
		Map<String, Object> search = withProbes(container("search", REGISTRY + "shop/search:3.0.2", "500m", "512Mi", "1",
				"1Gi"), httpProbe("/healthz", 8080, 10), httpProbe("/ready", 8080, 5));
		search.put("lifecycle", App.preStopSleep(40));
		return new App("Deployment", "shop", "search").replicas(2).containers(search)
			.spec("affinity", App.antiAffinity("search"), "terminationGracePeriodSeconds", 30)
			.on("general-a-3", "general-b-1");
	}

	private static App simple(String name, int replicas, boolean probes) {
		Map<String, Object> main = container(name, REGISTRY + "shop/" + name + ":1.4.0", "200m", "256Mi", "500m", "512Mi");
		if (probes) {
			withProbes(main, httpProbe("/healthz", 8080, 10), httpProbe("/ready", 8080, 5));
		}
		return new App("Deployment", "shop", name).replicas(replicas).containers(main).on("general-b-1");
	}

	private static App notification() {
		return new App("Deployment", "shop", "notification-service").replicas(2)
			.containers(withProbes(container("notification-service", REGISTRY + "shop/notification-service:1.2.0", "100m",
					"192Mi", "500m", "384Mi"), httpProbe("/healthz", 8080, 10), httpProbe("/ready", 8080, 5)))
			.spec("affinity", App.antiAffinity("notification-service"))
			.on("general-a-1", "general-b-2");
	}

	private static App imageResizer() {
		return new App("Deployment", "shop", "image-resizer")
			.containers(container("image-resizer", REGISTRY + "shop/image-resizer:0.9.0", "700m", "1536Mi", null, "2Gi"))
			.spec("nodeSelector", map("ballast.dev/pool", "legacy"))
			.pending("0/12 nodes are available: 2 Insufficient memory, 10 node(s) didn't match Pod's node"
					+ " affinity/selector. preemption: 0/12 nodes are available: 2 No preemption victims found for"
					+ " incoming pod, 10 Preemption is not helpful for scheduling.");
	}

	private static App sessionGateway() {
		return new App("Deployment", "shop", "session-gateway").replicas(2)
			.containers(withProbes(container("session-gateway", REGISTRY + "shop/session-gateway:5.1.3", "100m", "256Mi",
					"300m", "512Mi"), httpProbe("/healthz", 8080, 10), httpProbe("/ready", 8080, 5)))
			.spec("nodeSelector", map("ballast.dev/pool", "legacy"))
			.on("legacy-1", "legacy-2");
	}

	private static App reviews() {
		return new App("Deployment", "shop", "reviews").replicas(2)
			.containers(withProbes(container("reviews", REGISTRY + "shop/reviews:latest", "100m", "256Mi", "500m", "512Mi"),
					httpProbe("/healthz", 8080, 10), httpProbe("/ready", 8080, 5)))
			.spec("affinity", App.antiAffinity("reviews"))
			.on("general-a-3", "general-b-1");
	}

	private static App redis() {
		return new App("StatefulSet", "shop", "redis")
			.containers(withProbes(container("redis", "redis:7.2.4", "200m", "512Mi", null, "1Gi"),
					map("tcpSocket", map("port", 6379), "periodSeconds", 10),
					map("exec", map("command", list("redis-cli", "ping")), "periodSeconds", 5)))
			.controller("serviceName", "redis")
			.on("general-a-2");
	}

	private static App mysql() {
		Map<String, Object> affinity = map("nodeAffinity", map("requiredDuringSchedulingIgnoredDuringExecution",
				map("nodeSelectorTerms", list(map("matchExpressions",
						list(map("key", "workload", "operator", "In", "values", list("mysql"))))))));
		return new App("StatefulSet", "shop", "mysql").replicas(2)
			.containers(withProbes(container("mysql", "mysql:8.0.36", "4", "16Gi", null, "16Gi"),
					map("exec", map("command", list("mysqladmin", "ping")), "periodSeconds", 10),
					map("exec", map("command", list("mysql", "-h", "127.0.0.1", "-e", "SELECT 1")), "periodSeconds", 5)))
			.spec("affinity", affinity, "tolerations",
					list(map("key", "dedicated", "operator", "Equal", "value", "mysql", "effect", "NoSchedule")))
			.controller("serviceName", "mysql", "volumeClaimTemplates", list(map("metadata", map("name", "data"), "spec",
					map("accessModes", list("ReadWriteOnce"), "storageClassName", "cbs-ssd", "resources",
							map("requests", map("storage", "500Gi"))))))
			.on("highio-1", "highio-2");
	}

	private static App nightlyReport() {
		return new App("CronJob", "shop", "nightly-report")
			.containers(container("report", REGISTRY + "shop/report:latest", "500m", "512Mi", null, "1Gi"))
			.spec("restartPolicy", "OnFailure")
			.controller("schedule", "0 2 * * *", "concurrencyPolicy", "Forbid", "successfulJobsHistoryLimit", 1)
			.on("general-b-2")
			.succeeded();
	}

	private static App catalogImport() {
		return new App("Job", "shop", "catalog-import")
			.containers(container("import", REGISTRY + "shop/catalog-import:1.9.4", "500m", "512Mi", null, "1Gi"))
			.spec("restartPolicy", "Never")
			.controller("backoffLimit", 2)
			.on("general-a-3")
			.succeeded();
	}

	private static App paymentsApi() {
		Map<String, Object> api = withProbes(container("payments-api", REGISTRY + "payments/api:5.0.1", "500m", "768Mi",
				"2", "1536Mi"), httpProbe("/healthz", 8443, 10), httpProbe("/ready", 8443, 5));
		api.put("env", App.env("DB_HOST", "payments-db.payments.svc.cluster.local", "DB_PORT", "5432", "DB_NAME",
				"payments", "DB_USER", "payments", "DB_PASSWORD", "s3cr3t-Passw0rd!", "CURRENCY", "EUR", "TIMEOUT_MS",
				"3000", "RETRIES", "3", "FRAUD_URL", "http://fraud-detector:8080", "LEDGER_URL", "http://ledger:9000",
				"FEATURE_INSTANT_PAYOUT", "true", "FEATURE_3DS2", "true", "LOG_LEVEL", "info", "PSP_ENDPOINT",
				"https://psp.example.com/v2", "PSP_MERCHANT_ID", "M-2231-77", "REGION", "ap-shanghai"));
		api.put("lifecycle", App.preStopSleep(5));
		return new App("Deployment", "payments", "payments-api").replicas(3).containers(api)
			.spec("affinity", App.antiAffinity("payments-api"), "priorityClassName", "business-critical",
					"serviceAccountName", "payments-api")
			.on("general-a-1", "general-a-3", "general-b-2");
	}

	private static App fraudDetector() {
		Map<String, Object> detector = withProbes(container("fraud-detector", REGISTRY + "payments/fraud-detector:2.4.0",
				"500m", "1Gi", "1", "2Gi"), httpProbe("/healthz", 8080, 10), httpProbe("/ready", 8080, 5));
		detector.put("securityContext", map("privileged", true));
		return new App("Deployment", "payments", "fraud-detector").replicas(2).containers(detector)
			.spec("affinity", App.antiAffinity("fraud-detector"))
			.on("general-a-2", "general-b-1");
	}

	private static App ledger() {
		return new App("Deployment", "payments", "ledger").replicas(2)
			.containers(withProbes(container("ledger", REGISTRY + "payments/ledger:7.0.3", "250m", "512Mi", "1", "1Gi"),
					httpProbe("/healthz", 9000, 10), httpProbe("/ready", 9000, 5)))
			.spec("hostNetwork", true, "dnsPolicy", "ClusterFirstWithHostNet", "affinity", App.antiAffinity("ledger"))
			.on("general-a-3", "general-b-1");
	}

	private static App payoutsWorker() {
		return new App("Deployment", "payments", "payouts-worker")
			.containers(map("name", "worker", "image", REGISTRY + "payments/payouts-worker:1.1.0"))
			.on("general-b-2")
			.restarts(0, 3);
	}

	private static App paymentsDb() {
		return new App("StatefulSet", "payments", "payments-db")
			.containers(withProbes(container("postgres", "postgres:15.5", "2", "8Gi", null, "8Gi"),
					map("exec", map("command", list("pg_isready")), "periodSeconds", 10),
					map("exec", map("command", list("pg_isready", "-U", "payments")), "periodSeconds", 5)))
			.spec("nodeSelector", map("workload", "mysql"), "tolerations",
					list(map("key", "dedicated", "operator", "Exists", "effect", "NoSchedule")))
			.controller("serviceName", "payments-db")
			.on("highio-1");
	}

	private static App dbBackup() {
		return new App("CronJob", "payments", "db-backup")
			.containers(container("backup", "postgres:15.5", "200m", "256Mi", null, "512Mi"))
			.spec("restartPolicy", "OnFailure")
			.controller("schedule", "30 1 * * *", "concurrencyPolicy", "Forbid");
	}

	private static App modelServing() {
		Map<String, Object> serving = withProbes(container("triton", "nvcr.io/nvidia/tritonserver:23.12-py3", "2", "8Gi",
				null, "16Gi"), httpProbe("/v2/health/live", 8000, 10), httpProbe("/v2/health/ready", 8000, 5));
		at(serving, "resources", "requests").put("nvidia.com/gpu", "1");
		at(serving, "resources", "limits").put("nvidia.com/gpu", "1");
		return new App("Deployment", "ml", "model-serving").containers(serving)
			.spec("nodeSelector", map("ballast.dev/pool", "gpu"), "tolerations",
					list(map("key", "just-for-gpu-application", "operator", "Exists", "effect", "NoExecute"),
							map("key", "just-for-gpu-application", "operator", "Exists", "effect", "NoSchedule")))
			.on("gpu-2");
	}

	private static App trainingRun() {
		Map<String, Object> trainer = container("trainer", REGISTRY + "ml/trainer:2024.04", "4", "24Gi", null, "24Gi");
		at(trainer, "resources", "requests").put("nvidia.com/gpu", "1");
		at(trainer, "resources", "limits").put("nvidia.com/gpu", "1");
		return new App("Job", "ml", "training-run-42").containers(trainer)
			.spec("restartPolicy", "Never", "nodeSelector", map("ballast.dev/pool", "gpu"))
			.controller("backoffLimit", 1)
			.on("gpu-1");
	}

	private static App notebook() {
		return new App("Deployment", "ml", "notebook")
			.containers(container("notebook", "jupyter/base-notebook:latest", "1", "4Gi", null, null))
			.on("gpu-1");
	}

	private static App featureStore() {
		return new App("Deployment", "ml", "feature-store")
			.containers(withProbes(container("feature-store", REGISTRY + "ml/feature-store:0.34.1", "1", "4Gi", "2", "6Gi"),
					httpProbe("/health", 6566, 10), httpProbe("/ready", 6566, 5)))
			.spec("tolerations", list(map("operator", "Exists")))
			.on("gpu-2");
	}

	private static App retrainWeekly() {
		Map<String, Object> trainer = container("trainer", REGISTRY + "ml/trainer:2024.04", "4", "24Gi", null, "24Gi");
		at(trainer, "resources", "limits").put("nvidia.com/gpu", "1");
		return new App("CronJob", "ml", "retrain-weekly").containers(trainer)
			.spec("restartPolicy", "Never", "tolerations",
					list(map("key", "just-for-gpu-application", "operator", "Exists", "effect", "NoExecute")))
			.controller("schedule", "0 3 * * 0", "suspend", true);
	}

	private static App legacyPortal() {
		return new App("Deployment", "default", "legacy-portal").replicas(2)
			.containers(withProbes(container("portal", REGISTRY + "portal/portal:3.9.1", "300m", "768Mi", null, "1Gi"),
					null, httpProbe("/login", 8080, 10)))
			.on("legacy-1", "general-b-2")
			.restarts(0, 1);
	}

	private static App debugShell() {
		return new App("Pod", "default", "debug-shell")
			.containers(map("name", "shell", "image", "busybox:latest", "command", list("sleep", "infinity")))
			.on("general-a-2");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> at(Map<String, Object> container, String... path) {
		return Yaml.at(container, path);
	}

}
