package dev.ballast.checks.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import org.jspecify.annotations.Nullable;

/**
 * Recognises a JVM in a container and reads how its heap is sized, from the usual environment
 * variables and the command line.
 */
final class Jvm {

	/** Variables JVMs and their launchers read options from. */
	static final Set<String> OPTION_VARIABLES = Set.of("JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
			"_JAVA_OPTIONS", "CATALINA_OPTS", "JVM_OPTS", "ES_JAVA_OPTS", "KAFKA_HEAP_OPTS", "JAVA_OPTIONS");

	private static final List<String> IMAGES = List.of("openjdk", "temurin", "corretto", "adoptopenjdk", "semeru",
			"zulu", "jdk", "jre", "java", "tomcat", "jetty", "wildfly", "jboss", "liberty");

	private static final Pattern XMX = Pattern.compile("-(?:Xmx|XX:MaxHeapSize=)(\\d+)([kKmMgGtT]?)\\b");

	private static final Pattern PERCENTAGE = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)");

	private static final Pattern MAX_RAM = Pattern.compile("-XX:MaxRAM=(\\d+)");

	private Jvm() {
	}

	/**
	 * Reads a container.
	 * @param container the container
	 * @return its heap settings, or {@code null} if it does not look like a JVM
	 */
	static @Nullable Heap of(V1Container container) {
		StringBuilder options = new StringBuilder();
		boolean jvm = false;
		if (container.getEnv() != null) {
			for (V1EnvVar variable : container.getEnv()) {
				if (variable != null && OPTION_VARIABLES.contains(variable.getName())) {
					jvm = true;
					options.append(' ').append(variable.getValue());
				}
			}
		}
		List<String> line = new ArrayList<>();
		if (container.getCommand() != null) {
			line.addAll(container.getCommand());
		}
		if (container.getArgs() != null) {
			line.addAll(container.getArgs());
		}
		for (String word : line) {
			options.append(' ').append(word);
			if (word != null && (word.equals("java") || word.endsWith("/java") || word.startsWith("-Xmx"))) {
				jvm = true;
			}
		}
		String image = Images.name(container.getImage());
		String repository = image.substring(image.lastIndexOf('/') + 1);
		for (String name : IMAGES) {
			if (repository.contains(name)) {
				jvm = true;
			}
		}
		if (!jvm) {
			return null;
		}
		String text = options.toString();
		Matcher xmx = XMX.matcher(text);
		Long heap = null;
		String setting = null;
		while (xmx.find()) {
			heap = bytes(xmx.group(1), xmx.group(2));
			setting = xmx.group();
		}
		Matcher percentage = PERCENTAGE.matcher(text);
		Double percent = null;
		while (percentage.find()) {
			percent = Double.parseDouble(percentage.group(1));
			if (setting == null) {
				setting = percentage.group();
			}
		}
		boolean maxRam = MAX_RAM.matcher(text).find();
		return new Heap(heap, percent, maxRam, setting);
	}

	private static long bytes(String number, String unit) {
		long value = new BigDecimal(number).longValue();
		return switch (unit.toLowerCase(Locale.ROOT)) {
			case "k" -> value << 10;
			case "m" -> value << 20;
			case "g" -> value << 30;
			case "t" -> value << 40;
			default -> value;
		};
	}

	/**
	 * How a JVM's heap is sized.
	 *
	 * @param maxHeapBytes {@code -Xmx} (or {@code -XX:MaxHeapSize}), if set
	 * @param maxRamPercentage {@code -XX:MaxRAMPercentage}, if set
	 * @param maxRam whether {@code -XX:MaxRAM} is set
	 * @param setting the option as written, for findings
	 */
	record Heap(@Nullable Long maxHeapBytes, @Nullable Double maxRamPercentage, boolean maxRam,
			@Nullable String setting) {

		boolean sized() {
			return this.maxHeapBytes != null || this.maxRamPercentage != null || this.maxRam;
		}

	}

}
