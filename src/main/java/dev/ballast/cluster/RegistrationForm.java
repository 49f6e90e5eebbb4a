package dev.ballast.cluster;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The "register a cluster" form.
 *
 * @param name DNS label, used in URLs
 * @param displayName free text
 * @param method how to connect
 * @param kubeconfig pasted kubeconfig (an uploaded file replaces it)
 * @param context kubeconfig context; blank for its current context
 * @param server API server URL for the token method
 * @param token bearer token for the token method
 * @param caPem CA certificate (PEM) for the token method; blank for the JVM's CAs
 * @param overrideReason why a write-capable credential is accepted anyway
 */
record RegistrationForm(@NotBlank @Size(max = 63) @Pattern(regexp = "[a-z0-9]([-a-z0-9]*[a-z0-9])?") String name,
		@Size(max = 200) @Nullable String displayName, @NotNull Method method, @Nullable String kubeconfig,
		@Size(max = 253) @Nullable String context, @Size(max = 500) @Nullable String server,
		@Size(max = 10000) @Nullable String token, @Size(max = 20000) @Nullable String caPem,
		@Size(max = 500) @Nullable String overrideReason) {

	enum Method {

		KUBECONFIG, TOKEN, IN_CLUSTER

	}

	static RegistrationForm empty() {
		return new RegistrationForm("", "", Method.KUBECONFIG, "", "", "", "", "", "");
	}

	RegistrationForm withKubeconfig(String content) {
		return new RegistrationForm(this.name, this.displayName, this.method, content, this.context, this.server,
				this.token, this.caPem, this.overrideReason);
	}

	ClusterCredential credential() {
		return switch (this.method) {
			case KUBECONFIG -> new ClusterCredential.Kubeconfig(text(this.kubeconfig),
					text(this.context).isBlank() ? null : text(this.context).strip());
			case TOKEN -> new ClusterCredential.Token(text(this.server).strip(), text(this.token),
					text(this.caPem).isBlank() ? null : text(this.caPem));
			case IN_CLUSTER -> new ClusterCredential.InCluster();
		};
	}

	Registration registration() {
		return new Registration(this.name, text(this.displayName), credential(), this.overrideReason);
	}

	/** The context names of the pasted kubeconfig, to pick from; empty when it cannot be read. */
	List<String> contexts() {
		try {
			LoaderOptions options = new LoaderOptions();
			options.setMaxAliasesForCollections(20);
			if (new Yaml(new SafeConstructor(options)).load(text(this.kubeconfig)) instanceof Map<?, ?> config
					&& config.get("contexts") instanceof List<?> contexts) {
				return contexts.stream()
					.filter(Map.class::isInstance)
					.map((c) -> String.valueOf(((Map<?, ?>) c).get("name")))
					.toList();
			}
		}
		catch (RuntimeException ex) {
			// not readable: the registration itself reports why
		}
		return List.of();
	}

	private static String text(@Nullable String value) {
		return (value == null) ? "" : value;
	}

}
