package org.civiquiz.platform;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A refusal the client can act on: an HTTP status, a stable {@code code} clients branch
 * on, arguments for the localized message ({@code problem.<code>.detail} in the message
 * bundles) and, for input errors, the fields at fault. Rendered as RFC 9457 problem
 * details.
 */
public class CiviquizException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final transient Object[] args;

	private final List<FieldProblem> fieldProblems;

	protected CiviquizException(HttpStatus status, String code, Object... args) {
		this(status, code, List.of(), args);
	}

	protected CiviquizException(HttpStatus status, String code, List<FieldProblem> fieldProblems, Object... args) {
		super(code, null, false, false);
		this.status = status;
		this.code = code;
		this.args = args;
		this.fieldProblems = List.copyOf(fieldProblems);
	}

	/**
	 * The request is well formed but some fields are not acceptable.
	 * @param fieldProblems the fields at fault, each with its own code
	 * @return the exception to signal
	 */
	public static CiviquizException invalidFields(List<FieldProblem> fieldProblems) {
		return new CiviquizException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", fieldProblems);
	}

	public HttpStatus getStatus() {
		return this.status;
	}

	public String getCode() {
		return this.code;
	}

	Object[] getArgs() {
		return this.args;
	}

	/**
	 * Headers the error response carries, such as {@code Retry-After}.
	 * @return the headers, none by default
	 */
	public HttpHeaders getHeaders() {
		return new HttpHeaders();
	}

	/**
	 * Members the problem carries besides the standard ones, for a client to read (the
	 * tries left on a one-time code).
	 * @return the members, none by default
	 */
	public Map<String, Object> getProperties() {
		return Map.of();
	}

	public List<FieldProblem> getFieldProblems() {
		return this.fieldProblems;
	}

	/**
	 * One field at fault.
	 *
	 * @param field the JSON field name
	 * @param code a stable code; its message is {@code field.<code>} in the message
	 * bundles
	 * @param args arguments of the message
	 */
	public record FieldProblem(String field, String code, Object... args) {
	}

}
