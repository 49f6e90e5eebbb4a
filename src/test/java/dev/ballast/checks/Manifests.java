package dev.ballast.checks;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import dev.ballast.snapshot.ClusterSnapshot;
import dev.ballast.snapshot.ManifestReader;

/**
 * Snapshots from YAML text, for tests.
 */
final class Manifests {

	private Manifests() {
	}

	static ClusterSnapshot read(String yaml) {
		return new ManifestReader().read("test", "test.yaml",
				new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
	}

	static String deployment(String namespace, String name, String annotations) {
		return """
				apiVersion: apps/v1
				kind: Deployment
				metadata:
				  name: %s
				  namespace: %s
				  annotations: {%s}
				spec:
				  replicas: 1
				  selector: {matchLabels: {app: %s}}
				  template:
				    metadata: {labels: {app: %s}}
				    spec:
				      containers:
				      - name: app
				        image: nginx:latest
				        securityContext: {privileged: true}
				---
				""".formatted(name, namespace, annotations, name, name);
	}

}
