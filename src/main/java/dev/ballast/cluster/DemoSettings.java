package dev.ballast.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demo register the bundled demo cluster on a first start (an empty database), so a new
 * user has something to look at before connecting a real cluster
 */
@ConfigurationProperties("ballast")
record DemoSettings(@DefaultValue("false") boolean demo) {
}
