package org.civiquiz.security.account;

import java.time.Instant;

import org.civiquiz.security.Role;

/**
 * A staff account as the admin sees it: never its password hash.
 *
 * @param username the login name
 * @param role what it may do
 * @param enabled whether it may log in
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param scope the contests (and units) it may see; {@code null} (left out of the JSON)
 * for every contest
 */
public record Account(String username, Role role, boolean enabled, Instant createdAt, Instant updatedAt,
		AccountScope scope) {

}
