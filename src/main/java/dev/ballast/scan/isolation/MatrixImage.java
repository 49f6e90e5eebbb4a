package dev.ballast.scan.isolation;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.ballast.isolation.ReachMatrix;
import dev.ballast.isolation.ReachMatrix.Cell;

/**
 * A reachability matrix drawn as SVG (written with an XML writer, so names are escaped) or PNG:
 * sources as rows, destinations as columns, each cell filled by its state and labelled with it,
 * a legend below.
 *
 * @param matrix the matrix
 * @param title the title line
 * @param labels the cell labels for {@code all}, {@code none} and {@code empty}; {@code some} shows a percentage
 */
record MatrixImage(ReachMatrix matrix, String title, List<String> labels) {

	private static final int CELL = 44;

	private static final int LABEL = 180;

	private static final int TOP = 40;

	private static final String[] STATES = { "all", "some", "none", "empty" };

	private static final String[] FILLS = { "#1f5fbf", "#9ec1f0", "#eef1f5", "#ffffff" };

	private static final String[] INKS = { "#ffffff", "#1b2430", "#1b2430", "#566273" };

	private int width() {
		return LABEL + CELL * this.matrix.columns().size() + 20;
	}

	private int height() {
		return TOP + LABEL + CELL * this.matrix.rows().size() + 40;
	}

	private String label(Cell cell) {
		return switch (cell.state()) {
			case "all" -> this.labels.get(0);
			case "none" -> this.labels.get(1);
			case "empty" -> this.labels.get(2);
			default -> (cell.allowed() * 100 / cell.pairs()) + "%";
		};
	}

	private static int state(Cell cell) {
		return List.of(STATES).indexOf(cell.state());
	}

	String svg() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("svg");
			xml.writeDefaultNamespace("http://www.w3.org/2000/svg");
			attributes(xml, "width", this.width(), "height", this.height(), "viewBox",
					"0 0 " + this.width() + " " + this.height(), "font-family", "sans-serif", "font-size", 12);
			xml.writeStartElement("title");
			xml.writeCharacters(this.title);
			xml.writeEndElement();
			rect(xml, 0, 0, this.width(), this.height(), "#ffffff");
			text(xml, 10, 24, this.title, "start", "#1b2430", null);
			for (int j = 0; j < this.matrix.columns().size(); j++) {
				int x = LABEL + j * CELL + CELL / 2;
				int y = TOP + LABEL - 6;
				text(xml, x, y, this.matrix.columns().get(j), "start", "#1b2430", "rotate(-60 " + x + " " + y + ")");
			}
			for (int i = 0; i < this.matrix.rows().size(); i++) {
				int y = TOP + LABEL + i * CELL;
				text(xml, LABEL - 6, y + CELL / 2 + 4, this.matrix.rows().get(i), "end", "#1b2430", null);
				for (int j = 0; j < this.matrix.columns().size(); j++) {
					Cell cell = this.matrix.cells().get(i).get(j);
					int x = LABEL + j * CELL;
					rect(xml, x, y, CELL, CELL, FILLS[state(cell)]);
					text(xml, x + CELL / 2, y + CELL / 2 + 4, label(cell), "middle", INKS[state(cell)], null);
				}
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString(java.nio.charset.StandardCharsets.UTF_8);
	}

	byte[] png() {
		BufferedImage image = new BufferedImage(this.width(), this.height(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, this.width(), this.height());
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		g.setColor(Color.decode("#1b2430"));
		g.drawString(this.title, 10, 24);
		for (int j = 0; j < this.matrix.columns().size(); j++) {
			AffineTransform saved = g.getTransform();
			g.rotate(Math.toRadians(-60), LABEL + j * CELL + CELL / 2.0, TOP + LABEL - 6);
			g.drawString(this.matrix.columns().get(j), LABEL + j * CELL + CELL / 2, TOP + LABEL - 6);
			g.setTransform(saved);
		}
		for (int i = 0; i < this.matrix.rows().size(); i++) {
			int y = TOP + LABEL + i * CELL;
			String row = this.matrix.rows().get(i);
			g.setColor(Color.decode("#1b2430"));
			g.drawString(row, LABEL - 6 - g.getFontMetrics().stringWidth(row), y + CELL / 2 + 4);
			for (int j = 0; j < this.matrix.columns().size(); j++) {
				Cell cell = this.matrix.cells().get(i).get(j);
				int x = LABEL + j * CELL;
				g.setColor(Color.decode(FILLS[state(cell)]));
				g.fillRect(x, y, CELL, CELL);
				g.setColor(Color.decode("#d5dbe3"));
				g.drawRect(x, y, CELL, CELL);
				g.setColor(Color.decode(INKS[state(cell)]));
				String text = label(cell);
				g.drawString(text, x + (CELL - g.getFontMetrics().stringWidth(text)) / 2, y + CELL / 2 + 4);
			}
		}
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void rect(XMLStreamWriter xml, int x, int y, int width, int height, String fill)
			throws XMLStreamException {
		xml.writeEmptyElement("rect");
		attributes(xml, "x", x, "y", y, "width", width, "height", height, "fill", fill, "stroke", "#d5dbe3");
	}

	private static void text(XMLStreamWriter xml, int x, int y, String text, String anchor, String fill,
			@org.jspecify.annotations.Nullable String transform) throws XMLStreamException {
		xml.writeStartElement("text");
		attributes(xml, "x", x, "y", y, "text-anchor", anchor, "fill", fill);
		if (transform != null) {
			xml.writeAttribute("transform", transform);
		}
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static void attributes(XMLStreamWriter xml, Object... pairs) throws XMLStreamException {
		for (int i = 0; i < pairs.length; i += 2) {
			xml.writeAttribute((String) pairs[i], String.valueOf(pairs[i + 1]));
		}
	}

}
