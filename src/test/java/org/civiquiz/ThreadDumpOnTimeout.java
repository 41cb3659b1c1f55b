package org.civiquiz;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test fails because an answer never came (a timeout anywhere in its cause chain),
 * prints every thread of the JVM, server and client alike, with the locks they hold and
 * wait for, then lets the failure through: a rare stall on a busy build machine leaves
 * its evidence in the build log.
 */
public class ThreadDumpOnTimeout implements TestExecutionExceptionHandler {

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		if (timedOut(failure)) {
			StringBuilder dump = new StringBuilder("Thread dump after a timeout in ").append(context.getDisplayName())
				.append(" (")
				.append(context.getRequiredTestClass().getName())
				.append("):\n");
			for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
				dump.append(stack(thread));
			}
			System.err.println(dump);
		}
		throw failure;
	}

	private static boolean timedOut(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

	/** {@link ThreadInfo#toString()} stops at 8 frames: the whole stack instead. */
	private static String stack(ThreadInfo thread) {
		StringBuilder text = new StringBuilder("\"").append(thread.getThreadName())
			.append("\" ")
			.append(thread.getThreadState());
		if (thread.getLockName() != null) {
			text.append(" on ").append(thread.getLockName());
		}
		if (thread.getLockOwnerName() != null) {
			text.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
		}
		text.append('\n');
		for (StackTraceElement frame : thread.getStackTrace()) {
			text.append("\tat ").append(frame).append('\n');
		}
		return text.append('\n').toString();
	}

}
