/**
 * The shell every page shares: the layout and its navigation, language (English and Simplified
 * Chinese, remembered in a cookie) and theme, the pages of areas not built yet, error pages
 * without internals, and RFC 9457 problem details for every API error. It depends on no other
 * module; modules add their own pages to the layout and their own model attributes.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package dev.ballast.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
