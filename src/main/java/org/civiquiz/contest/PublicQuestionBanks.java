package org.civiquiz.contest;

import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * Which question banks are public: loaded from a file shipped with the platform, whose
 * correct options anyone can read in the public repository. Organizers are warned when a
 * contest draws from one. The question feature answers (it depends on contests, not the
 * other way round).
 */
public interface PublicQuestionBanks {

	/**
	 * The public banks.
	 * @return their names
	 */
	Mono<Set<String>> publicBankNames();

}
