package dev.ballast.audit.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.ballast.checks.CheckResult;
import dev.ballast.checks.Finding;

/**
 * The audit as JUnit XML, for CI servers that show test reports: one test suite per check, a
 * failing test case per finding at or above {@code --fail-on}, a skipped one per exempted
 * finding, and a passing one for the subjects that pass.
 */
public final class JunitFormat {

	public void write(AuditResult result, PrintStream out) {
		Map<String, List<Finding>> byCheck = new LinkedHashMap<>();
		for (Finding finding : result.report().findings()) {
			byCheck.computeIfAbsent(finding.checkId(), (key) -> new ArrayList<>()).add(finding);
		}
		try {
			XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			xml.writeStartElement("testsuites");
			xml.writeAttribute("name", "ballast audit");
			int tests = 0;
			int failures = 0;
			for (CheckResult check : result.report().results()) {
				tests += Math.max(1, byCheck.getOrDefault(check.check().id(), List.of()).size());
				failures += (int) byCheck.getOrDefault(check.check().id(), List.of()).stream().filter(result::fails).count();
			}
			xml.writeAttribute("tests", String.valueOf(tests));
			xml.writeAttribute("failures", String.valueOf(failures));
			xml.writeCharacters("\n");
			for (CheckResult check : result.report().results()) {
				List<Finding> findings = byCheck.getOrDefault(check.check().id(), List.of());
				String id = check.check().id();
				xml.writeStartElement("testsuite");
				xml.writeAttribute("name", id);
				xml.writeAttribute("tests", String.valueOf(Math.max(1, findings.size())));
				xml.writeAttribute("failures", String.valueOf(findings.stream().filter(result::fails).count()));
				xml.writeAttribute("skipped", String.valueOf(findings.stream().filter((f) -> !f.counts()).count()
						+ ((findings.isEmpty() && check.skipped() != null) ? 1 : 0)));
				xml.writeCharacters("\n");
				if (findings.isEmpty()) {
					xml.writeStartElement("testcase");
					xml.writeAttribute("classname", id);
					xml.writeAttribute("name", (check.skipped() != null) ? "skipped" : "all " + check.checked() + " pass");
					if (check.skipped() != null) {
						xml.writeEmptyElement("skipped");
						xml.writeAttribute("message", check.skipped());
					}
					xml.writeEndElement();
					xml.writeCharacters("\n");
				}
				for (Finding finding : findings) {
					testcase(xml, result, finding);
				}
				xml.writeEndElement();
				xml.writeCharacters("\n");
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.flush();
			out.println();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Cannot write JUnit XML", ex);
		}
	}

	private static void testcase(XMLStreamWriter xml, AuditResult result, Finding finding) throws XMLStreamException {
		xml.writeStartElement("testcase");
		xml.writeAttribute("classname", finding.checkId());
		xml.writeAttribute("name", finding.subject() + ((finding.container() != null) ? " [" + finding.container() + "]" : ""));
		Locations.Location location = result.location(finding);
		if (location != null) {
			xml.writeAttribute("file", location.file());
			xml.writeAttribute("line", String.valueOf(location.line()));
		}
		String detail = finding.path() + " = " + finding.actual() + ((location != null) ? " (" + location + ")" : "");
		if (!finding.counts()) {
			xml.writeEmptyElement("skipped");
			xml.writeAttribute("message", "exempted: " + finding.exempted().reason());
		}
		else if (result.fails(finding)) {
			xml.writeStartElement("failure");
			xml.writeAttribute("type", finding.severity().key());
			xml.writeAttribute("message", AuditResult.TEXTS.title(finding.check()));
			xml.writeCharacters(detail);
			xml.writeEndElement();
		}
		else {
			xml.writeStartElement("system-out");
			xml.writeCharacters(finding.severity().key() + ": " + AuditResult.TEXTS.title(finding.check()) + ": " + detail);
			xml.writeEndElement();
		}
		xml.writeEndElement();
		xml.writeCharacters("\n");
	}

}
