package dev.ballast.checks;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The catalogue's texts without Spring, for the command line and machine-readable reports: title,
 * why, remediation and example of a check from the {@code messages/checks} bundle, English unless
 * another locale is asked for. A custom check's title is its own.
 */
public final class CheckTexts {

	private final ResourceBundle bundle;

	private CheckTexts(ResourceBundle bundle) {
		this.bundle = bundle;
	}

	/**
	 * The English texts.
	 * @return the texts
	 */
	public static CheckTexts english() {
		return of(Locale.ROOT);
	}

	/**
	 * The texts in a language, English where it has none.
	 * @param locale the language
	 * @return the texts
	 */
	public static CheckTexts of(Locale locale) {
		return new CheckTexts(ResourceBundle.getBundle("messages.checks", locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
	}

	public String title(CheckDefinition check) {
		return check.custom() ? String.valueOf(check.customTitle()) : text(check, "title");
	}

	public String why(CheckDefinition check) {
		return check.custom() ? "" : text(check, "why");
	}

	public String fix(CheckDefinition check) {
		return check.custom() ? "" : text(check, "fix");
	}

	public String example(CheckDefinition check) {
		return check.custom() ? "" : text(check, "example");
	}

	private String text(CheckDefinition check, String part) {
		try {
			return this.bundle.getString(check.messageKey(part));
		}
		catch (MissingResourceException ex) {
			return check.id();
		}
	}

}
