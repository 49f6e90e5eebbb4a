package dev.ballast;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message exists in English and Simplified Chinese, and every message key a template
 * names literally exists.
 */
class I18nPropertiesSyncTests {

	private static final Path MESSAGES = Path.of("src/main/resources/messages");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-z][a-zA-Z0-9_.-]*)[}(]");

	@Test
	void everyBundleHasTheSameKeysInEveryLanguage() throws IOException {
		List<Path> english = bundles().filter((p) -> !p.getFileName().toString().contains("_")).toList();
		assertThat(english).isNotEmpty();
		for (Path base : english) {
			Path chinese = base.resolveSibling(base.getFileName().toString().replace(".properties", "_zh_CN.properties"));
			assertThat(chinese).as("Chinese bundle beside %s", base).exists();
			Set<String> en = load(base).stringPropertyNames();
			Set<String> zh = load(chinese).stringPropertyNames();
			assertThat(new TreeSet<>(zh)).as("keys of %s", chinese).isEqualTo(new TreeSet<>(en));
			for (String key : zh) {
				assertThat(load(chinese).getProperty(key)).as("%s in %s", key, chinese).isNotBlank();
			}
		}
	}

	@Test
	void everyKeyNamedInATemplateExists() throws IOException {
		Set<String> known = new HashSet<>();
		try (Stream<Path> files = bundles()) {
			for (Path bundle : files.toList()) {
				known.addAll(load(bundle).stringPropertyNames());
			}
		}
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(TEMPLATES)) {
			for (Path template : templates.filter((p) -> p.toString().endsWith(".html")).toList()) {
				Matcher matcher = LITERAL_KEY.matcher(Files.readString(template));
				while (matcher.find()) {
					if (!known.contains(matcher.group(1))) {
						missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private static Stream<Path> bundles() throws IOException {
		return Files.list(MESSAGES).filter((p) -> p.toString().endsWith(".properties")).sorted();
	}

	private static Properties load(Path path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(path);
				Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
