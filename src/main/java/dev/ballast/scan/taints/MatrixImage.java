package dev.ballast.scan.taints;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.imageio.ImageIO;

import dev.ballast.scan.taints.TaintView.CellView;
import dev.ballast.scan.taints.TaintView.RowView;
import dev.ballast.taints.TaintMap.NodeGroup;
import dev.ballast.taints.TaintMap.TaintText;

/**
 * The matrix of one page of the taint map as an image: a column per node group (pool, size, taints),
 * a row per workload, each cell coloured by its verdict with the pods running there. The same
 * layout is written as SVG (XML text, escaped) and drawn as PNG with Java2D.
 *
 * @param title the image's title
 * @param groups the columns
 * @param rows the rows
 * @param size a group's id and size, from the message bundle
 * @param text the cell texts, from the message bundle: a cell's verdict and runs
 */
record MatrixImage(String title, List<NodeGroup> groups, List<RowView> rows, Function<NodeGroup, String> size,
		Function<CellView, String> text) {

	static final int LABEL_WIDTH = 320;

	static final int COLUMN_WIDTH = 240;

	static final int ROW_HEIGHT = 26;

	static final int LINE = 15;

	static final int PAD = 8;

	/** A colour per badge: fill and text. */
	private static final List<String[]> COLOURS = List.of(new String[] { "badge-ok", "#e4f5e9", "#1e7a3c" },
			new String[] { "badge-warning", "#fff4d6", "#8a5a00" }, new String[] { "badge-info", "#e6effc", "#1f5fbf" },
			new String[] { "badge-danger", "#fdecea", "#b42318" }, new String[] { "badge-muted", "#eef1f5", "#566273" });

	private int headerHeight() {
		int taints = this.groups.stream().mapToInt((group) -> group.taints().size()).max().orElse(0);
		return PAD * 2 + LINE * (3 + taints) + LINE;
	}

	int width() {
		return LABEL_WIDTH + COLUMN_WIDTH * this.groups.size() + PAD;
	}

	int height() {
		return headerHeight() + ROW_HEIGHT * this.rows.size() + PAD;
	}

	String svg() {
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width()).append("\" height=\"")
			.append(height()).append("\" font-family=\"Liberation Sans, WenQuanYi Micro Hei, sans-serif\" font-size=\"12\">\n");
		svg.append("<title>").append(escape(this.title)).append("</title>\n");
		svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
		for (Text text : texts()) {
			if (text.fill() != null) {
				svg.append("<rect x=\"").append(text.x()).append("\" y=\"").append(text.y() - LINE + 2).append("\" width=\"")
					.append(COLUMN_WIDTH - PAD).append("\" height=\"").append(ROW_HEIGHT - 4).append("\" rx=\"4\" fill=\"")
					.append(text.fill()).append("\"/>\n");
			}
			svg.append("<text x=\"").append(text.x() + (text.fill() != null ? PAD / 2 : 0)).append("\" y=\"").append(text.y())
				.append("\" fill=\"").append(text.colour()).append('"')
				.append(text.bold() ? " font-weight=\"bold\"" : "").append(text.mono() ? " font-family=\"Liberation Mono, monospace\" font-size=\"10\"" : "")
				.append('>').append(escape(text.text())).append("</text>\n");
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	byte[] png() {
		BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width(), height());
			g.setStroke(new BasicStroke(1));
			Font sans = new Font("WenQuanYi Micro Hei", Font.PLAIN, 12);
			Font mono = new Font("Liberation Mono", Font.PLAIN, 10);
			for (Text text : texts()) {
				if (text.fill() != null) {
					g.setColor(Color.decode(text.fill()));
					g.fillRoundRect(text.x(), text.y() - LINE + 2, COLUMN_WIDTH - PAD, ROW_HEIGHT - 4, 8, 8);
				}
				g.setColor(Color.decode(text.colour()));
				g.setFont(text.mono() ? mono : (text.bold() ? sans.deriveFont(Font.BOLD) : sans));
				g.drawString(displayable(g.getFont(), text.text()), text.x() + (text.fill() != null ? PAD / 2 : 0), text.y());
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** Every piece of text with its place; a cell's text carries its fill. */
	private List<Text> texts() {
		List<Text> texts = new ArrayList<>();
		texts.add(new Text(PAD, PAD + LINE, this.title, "#1b2430", null, true, false));
		int top = PAD + LINE * 2;
		for (int c = 0; c < this.groups.size(); c++) {
			NodeGroup group = this.groups.get(c);
			int x = LABEL_WIDTH + c * COLUMN_WIDTH;
			texts.add(new Text(x, top + LINE, clip((group.pool() != null) ? group.pool() : TaintFilter.NO_POOL, 28),
					"#1b2430", null, true, false));
			texts.add(new Text(x, top + LINE * 2, this.size.apply(group), "#566273", null, false, false));
			int line = 3;
			for (TaintText taint : group.taints()) {
				texts.add(new Text(x, top + LINE * line++, clip(taint.text(), 40), "#b42318", null, false, true));
			}
		}
		int y = headerHeight();
		for (RowView row : this.rows) {
			texts.add(new Text(PAD, y + LINE, clip(row.subject(), 44), "#1b2430", null, false, true));
			for (int c = 0; c < row.cells().size(); c++) {
				CellView cell = row.cells().get(c);
				String[] colour = COLOURS.stream().filter((pair) -> pair[0].equals(cell.badge())).findFirst().orElse(COLOURS.get(4));
				texts.add(new Text(LABEL_WIDTH + c * COLUMN_WIDTH, y + LINE, clip(this.text.apply(cell), 30), colour[2], colour[1],
						cell.placed() > 0, false));
			}
			y += ROW_HEIGHT;
		}
		return texts;
	}

	/** The text with the characters the font lacks (a symbol such as ✗) drawn as {@code ×}. */
	private static String displayable(Font font, String text) {
		if (font.canDisplayUpTo(text) == -1) {
			return text;
		}
		StringBuilder shown = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> shown.append(font.canDisplay(c) ? Character.toString(c) : "×"));
		return shown.toString();
	}

	private static String clip(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				default -> {
					if (c >= 0x20 || c == '\n' || c == '\t') {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

	/** A text placed on the image. */
	private record Text(int x, int y, String text, String colour, @org.jspecify.annotations.Nullable String fill,
			boolean bold, boolean mono) {
	}

}
