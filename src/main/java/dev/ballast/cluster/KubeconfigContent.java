package dev.ballast.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Checks a kubeconfig before client-java parses it: bounded size, text not binary, YAML without
 * alias bombs, and the shape of a kubeconfig.
 */
final class KubeconfigContent {

	static final int MAX_BYTES = 1024 * 1024;

	private KubeconfigContent() {
	}

	static void validate(String content) throws InvalidCredentialException {
		if (content.isBlank()) {
			throw new InvalidCredentialException("cluster.credential.kubeconfig-empty");
		}
		if (content.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new InvalidCredentialException("cluster.credential.kubeconfig-too-large", MAX_BYTES / 1024);
		}
		if (content.indexOf('\0') >= 0 || content.indexOf('\uFFFD') >= 0) {
			throw new InvalidCredentialException("cluster.credential.kubeconfig-binary");
		}
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(20);
		options.setNestingDepthLimit(30);
		options.setCodePointLimit(MAX_BYTES);
		options.setAllowDuplicateKeys(false);
		Object document;
		try {
			document = new Yaml(new SafeConstructor(options)).load(content);
		}
		catch (MarkedYAMLException ex) {
			throw new InvalidCredentialException("cluster.credential.kubeconfig-syntax",
					ex.getProblemMark() == null ? 0 : ex.getProblemMark().getLine() + 1, ex.getProblem());
		}
		catch (YAMLException ex) {
			throw new InvalidCredentialException("cluster.credential.kubeconfig-unreadable", ex.getMessage());
		}
		if (!(document instanceof Map<?, ?> map) || !(map.get("clusters") instanceof Iterable<?>)
				|| !(map.get("contexts") instanceof Iterable<?>)) {
			throw new InvalidCredentialException("cluster.credential.kubeconfig-not-kubeconfig");
		}
	}

}
