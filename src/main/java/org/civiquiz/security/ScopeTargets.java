package org.civiquiz.security;

import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * What a scope may name, as the contest feature knows it: the admin's scopes are checked
 * against the contests that exist, without this feature depending on contests (the
 * contest feature implements this and depends on security, not the other way round).
 */
public interface ScopeTargets {

	/**
	 * @param slug a contest's slug
	 * @return the codes of the contest's units, or empty if there is no such contest
	 */
	Mono<Set<String>> unitCodes(String slug);

}
