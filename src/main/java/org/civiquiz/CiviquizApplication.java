package org.civiquiz;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CiviquizApplication {

	/**
	 * How many event loops Reactor Netty runs, for the HTTP server and for the PostgreSQL
	 * driver each.
	 */
	static final String EVENT_LOOPS = "reactor.netty.ioWorkerCount";

	public static void main(String[] args) {
		oneEventLoopPerCore();
		SpringApplication.run(CiviquizApplication.class, args);
	}

	/**
	 * One event loop per core, unless the operator chose a number
	 * ({@code -Dreactor.netty.ioWorkerCount}). Reactor Netty's default is at least four:
	 * on a 2-core machine, two loops per core take turns on it, and a request cost 4–17 %
	 * more CPU for the switches (docs/performance.md, 2026-12-06, third session). Set
	 * before Reactor Netty reads it, when its first loop is made.
	 */
	static void oneEventLoopPerCore() {
		if (System.getProperty(EVENT_LOOPS) == null) {
			System.setProperty(EVENT_LOOPS, Integer.toString(Runtime.getRuntime().availableProcessors()));
		}
	}

}
