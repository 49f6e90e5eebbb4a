/**
 * The shell every page shares: the layout and its navigation, language (English and Simplified
 * Chinese, remembered in a cookie) and theme, the pages of areas not built yet, error pages
 * without internals. For the API it holds what every module's endpoints share: RFC 9457 problem
 * details for every error (a bad parameter named in the detail and in the property
 * {@code parameter}), CSV for every list ({@code Accept: text/csv} or {@code ?format=csv}), and
 * the OpenAPI document ({@code /api/v1/openapi.json}, Swagger UI at {@code /api/docs}). It
 * depends on no other module; modules add their own pages to the layout and their own model
 * attributes.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package dev.ballast.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
