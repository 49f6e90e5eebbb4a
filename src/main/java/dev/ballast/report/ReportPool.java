package dev.ballast.report;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * The report module's own threads for sending (not an {@code Executor} bean, so Spring Boot's
 * application task executor stays as it is): a slow or unreachable SMTP server never holds up
 * scans or the scheduler.
 */
@Component
class ReportPool implements DisposableBean {

	private final ExecutorService executor = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
			new LinkedBlockingQueue<>(100), new CustomizableThreadFactory("report-"),
			new ThreadPoolExecutor.DiscardPolicy());

	void execute(Runnable task) {
		this.executor.execute(task);
	}

	@Override
	public void destroy() {
		this.executor.shutdown();
	}

}
