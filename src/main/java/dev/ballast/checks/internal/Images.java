package dev.ballast.checks.internal;

import org.jspecify.annotations.Nullable;

/**
 * Container image references.
 */
final class Images {

	private Images() {
	}

	/**
	 * Whether an image reference can change under the same name: no tag, or {@code latest}, and no
	 * digest.
	 * @param image e.g. {@code nginx}, {@code nginx:latest}, {@code nginx@sha256:...}
	 * @return {@code true} if mutable
	 */
	static boolean mutable(@Nullable String image) {
		if (image == null || image.isBlank()) {
			return true;
		}
		if (image.contains("@")) {
			return false;
		}
		String tag = tag(image);
		return tag == null || tag.equals("latest");
	}

	/**
	 * The tag of an image reference.
	 * @param image the reference
	 * @return the tag, or {@code null} if none
	 */
	static @Nullable String tag(String image) {
		int slash = image.lastIndexOf('/');
		int colon = image.lastIndexOf(':');
		return (colon > slash) ? image.substring(colon + 1) : null;
	}

	/**
	 * The repository name without registry and tag, lower case.
	 * @param image the reference
	 * @return e.g. {@code eclipse-temurin} for {@code docker.io/library/eclipse-temurin:21}
	 */
	static String name(@Nullable String image) {
		if (image == null) {
			return "";
		}
		String name = image;
		int at = name.indexOf('@');
		if (at >= 0) {
			name = name.substring(0, at);
		}
		String tag = tag(name);
		if (tag != null) {
			name = name.substring(0, name.length() - tag.length() - 1);
		}
		return name.toLowerCase(java.util.Locale.ROOT);
	}

}
