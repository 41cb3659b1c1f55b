package org.civiquiz.platform;

import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.civiquiz.platform.CiviquizException.FieldProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebInputException;

/**
 * Says what was wrong with a request's input, for a person to fix it: a detail message
 * ({@code input.<kind>} in the message bundles) naming the field by its JSON path, say
 * {@code answers[2].optionId}, and what it should be, plus the field at fault for the
 * problem's {@code errors}. Never quotes the input itself: it may be huge, or crafted.
 */
final class InputErrors {

	private static final int MAX_NAME = 40;

	private static final int MAX_PATH = 120;

	private InputErrors() {
	}

	/**
	 * What was wrong with the input, or {@code null} when there is nothing more to say
	 * than the generic message.
	 */
	static Described describe(ServerWebInputException ex) {
		JacksonException json = find(ex, JacksonException.class);
		if (json != null) {
			return describe(json);
		}
		TypeMismatchException mismatch = find(ex, TypeMismatchException.class);
		if (mismatch != null && ex.getMethodParameter() != null) {
			String name = safe(parameterName(ex.getMethodParameter()));
			return wrongType(name, type(mismatch.getRequiredType()));
		}
		if ("No request body".equals(ex.getReason())) {
			return new Described("input.EMPTY", new Object[0], null);
		}
		return null;
	}

	private static Described describe(JacksonException ex) {
		if (ex instanceof UnrecognizedPropertyException) {
			String path = path(ex);
			return new Described("input.UNKNOWN_FIELD", new Object[] { path }, new FieldProblem(path, "UNKNOWN_FIELD"));
		}
		if (ex instanceof InputCoercionException) {
			return wrongType(contextPath(ex), type("range"));
		}
		if (ex instanceof MismatchedInputException mismatch) {
			String message = String.valueOf(ex.getOriginalMessage());
			if (message.startsWith("Trailing token")) {
				return new Described("input.TRAILING", new Object[0], null);
			}
			String path = path(ex);
			return path.isEmpty() ? new Described("input.BODY_TYPE", new Object[] { type("object") }, null)
					: wrongType(path, type(mismatch.getTargetType()));
		}
		if (ex instanceof StreamConstraintsException) {
			return new Described("input.TOO_COMPLEX", new Object[0], null);
		}
		if (ex instanceof StreamReadException) {
			String path = contextPath(ex);
			if (String.valueOf(ex.getOriginalMessage()).startsWith("Duplicate Object property")) {
				return new Described("input.DUPLICATE_FIELD", new Object[] { path },
						new FieldProblem(path, "DUPLICATE_FIELD"));
			}
			TokenStreamLocation location = ex.getLocation();
			if (location != null && location.getLineNr() > 0 && location.getColumnNr() > 0) {
				return new Described("input.SYNTAX_AT", new Object[] { location.getLineNr(), location.getColumnNr() },
						null);
			}
			return new Described("input.SYNTAX", new Object[0], null);
		}
		if (ex instanceof DatabindException) {
			String path = path(ex);
			return path.isEmpty() ? null : wrongType(path, type("value"));
		}
		return null;
	}

	private static Described wrongType(String path, MessageSourceResolvable type) {
		return new Described("input.WRONG_TYPE", new Object[] { path, type },
				new FieldProblem(path, "WRONG_TYPE", type));
	}

	/** The field's path as the exception recorded it while unwinding. */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				append(path, reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return limit(path);
	}

	/**
	 * Where the parser was: for errors of the parser itself (a field given twice, a
	 * number out of range), which name the field the recorded path stops short of.
	 */
	private static String contextPath(JacksonException ex) {
		if (!(ex.processor() instanceof JsonParser parser) || parser.streamReadContext() == null) {
			return path(ex);
		}
		List<String> segments = new ArrayList<>();
		for (TokenStreamContext context = parser.streamReadContext(); context != null
				&& !context.inRoot(); context = context.getParent()) {
			if (context.inObject() && context.hasCurrentName()) {
				segments.add(0, "." + safe(context.currentName()));
			}
			else if (context.inArray() && context.hasCurrentIndex()) {
				segments.add(0, "[" + context.getCurrentIndex() + "]");
			}
		}
		StringBuilder path = new StringBuilder();
		segments.forEach(path::append);
		if (!path.isEmpty() && path.charAt(0) == '.') {
			path.deleteCharAt(0);
		}
		return limit(path);
	}

	private static void append(StringBuilder path, String name) {
		if (!path.isEmpty()) {
			path.append('.');
		}
		path.append(safe(name));
	}

	/** A name fit to show: printable, and short. */
	private static String safe(String name) {
		String printable = name.codePoints()
			.map((c) -> (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return (printable.length() > MAX_NAME) ? printable.substring(0, MAX_NAME) + "…" : printable;
	}

	private static String limit(StringBuilder path) {
		return (path.length() > MAX_PATH) ? path.substring(0, MAX_PATH) + "…" : path.toString();
	}

	private static String parameterName(MethodParameter parameter) {
		PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
		if (variable != null && !variable.name().isEmpty()) {
			return variable.name();
		}
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		String name = parameter.getParameterName();
		return (name != null) ? name : "?";
	}

	/** What a value of the type looks like, in the request's language. */
	private static MessageSourceResolvable type(Class<?> type) {
		if (type == null) {
			return type("value");
		}
		if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
				|| type == int.class || type == long.class || type == short.class || type == byte.class
				|| type == java.math.BigInteger.class) {
			return type("integer");
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return type("number");
		}
		if (type == Boolean.class || type == boolean.class) {
			return type("boolean");
		}
		if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
			return type("text");
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return type("list");
		}
		if (type.isEnum()) {
			String choices = Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name())
				.collect(Collectors.joining(", "));
			return new DefaultMessageSourceResolvable(new String[] { "input.type.choice" }, new Object[] { choices },
					choices);
		}
		if (Temporal.class.isAssignableFrom(type) || TemporalAmount.class.isAssignableFrom(type)) {
			return type("time");
		}
		if (type == UUID.class) {
			return type("uuid");
		}
		if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
			return type("object");
		}
		return type("value");
	}

	private static MessageSourceResolvable type(String kind) {
		return new DefaultMessageSourceResolvable(new String[] { "input.type." + kind }, null, kind);
	}

	private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	/**
	 * What was wrong.
	 *
	 * @param detailKey the detail message
	 * @param detailArgs its arguments
	 * @param field the field at fault, if the input has one
	 */
	record Described(String detailKey, Object[] detailArgs, FieldProblem field) {
	}

}
