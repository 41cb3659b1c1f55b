package org.civiquiz.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * First-start data.
 *
 * @param enabled create the reference contest if it does not exist; on by default with
 * the embedded default ({@code civiquiz.embedded.active}), off against external servers
 */
@ConfigurationProperties("civiquiz.seed")
public record SeedProperties(@DefaultValue("false") boolean enabled) {

}
