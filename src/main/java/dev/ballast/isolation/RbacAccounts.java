package dev.ballast.isolation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which subjects are CI/CD accounts and which are image-pull accounts, guessed from their names and
 * namespaces: Kubernetes has no such notion, so this is a heuristic on words.
 *
 * @param cicd words that mark a CI/CD account (in its name or namespace)
 * @param imagePull words that mark an image-pull account (in its name)
 */
public record RbacAccounts(List<String> cicd, List<String> imagePull) {

	/** The words Ballast uses. */
	public static final RbacAccounts DEFAULT = new RbacAccounts(
			List.of("ci", "cd", "cicd", "jenkins", "gitlab", "github", "argocd", "argo", "flux", "tekton", "deploy",
					"deployer", "pipeline", "pipelines", "spinnaker", "drone", "buildkite", "circleci"),
			List.of("pull", "puller", "registry", "image", "images"));

	private static final Pattern WORDS = Pattern.compile("[^a-z0-9]+");

	boolean isCicd(RbacSubject subject) {
		return !"Group".equals(subject.kind()) && (hasWord(subject.name(), this.cicd)
				|| ("ServiceAccount".equals(subject.kind()) && hasWord(subject.namespace(), this.cicd)));
	}

	boolean isImagePull(RbacSubject subject) {
		return !"Group".equals(subject.kind()) && hasWord(subject.name(), this.imagePull);
	}

	/** A word of a name split on anything but letters and digits: {@code gitlab-ci} has {@code ci}. */
	private static boolean hasWord(String name, List<String> words) {
		for (String word : WORDS.split(name.toLowerCase(Locale.ROOT))) {
			if (words.contains(word)) {
				return true;
			}
		}
		return false;
	}

}
