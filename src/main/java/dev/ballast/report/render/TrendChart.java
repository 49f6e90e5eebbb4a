package dev.ballast.report.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

import dev.ballast.scan.TrendPoint;

/**
 * Draws a cluster's daily score trend as a PNG for the mail, on the server (headless AWT). Labels
 * are numbers and dates only, so no font beyond the JDK's is needed in any language.
 */
final class TrendChart {

	static final int WIDTH = 600;

	static final int HEIGHT = 200;

	private static final Color LINE = new Color(0x1f, 0x6f, 0xb2);

	private static final Color GRID = new Color(0xd8, 0xdd, 0xe3);

	private static final Color TEXT = new Color(0x44, 0x4c, 0x56);

	static {
		System.setProperty("java.awt.headless", "true");
	}

	private TrendChart() {
	}

	/** The trend from {@code from} to {@code to} as PNG bytes, {@link #WIDTH} x {@link #HEIGHT} pixels. */
	static byte[] png(List<TrendPoint> trend, Instant from, Instant to) {
		TimeSeries scores = new TimeSeries("score");
		TimeZone utc = TimeZone.getTimeZone("UTC");
		for (TrendPoint point : trend) {
			scores.addOrUpdate(new Day(Date.from(point.at()), utc, Locale.ROOT), point.score());
		}
		DateAxis time = new DateAxis();
		SimpleDateFormat format = new SimpleDateFormat("MM-dd", Locale.ROOT);
		format.setTimeZone(utc);
		time.setDateFormatOverride(format);
		time.setTimeZone(utc);
		time.setRange(Date.from(from), Date.from(to));
		NumberAxis score = new NumberAxis();
		score.setRange(0, 100);
		score.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
		for (var axis : List.of(time, score)) {
			axis.setTickLabelFont(font);
			axis.setTickLabelPaint(TEXT);
			axis.setAxisLinePaint(GRID);
			axis.setTickMarkPaint(GRID);
		}
		XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
		line.setSeriesPaint(0, LINE);
		line.setSeriesStroke(0, new BasicStroke(2f));
		XYPlot plot = new XYPlot(new TimeSeriesCollection(scores, utc), time, score, line);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setOutlineVisible(false);
		plot.setRangeGridlinePaint(GRID);
		plot.setDomainGridlinesVisible(false);
		JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
		chart.setBackgroundPaint(Color.WHITE);
		chart.setAntiAlias(true);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
