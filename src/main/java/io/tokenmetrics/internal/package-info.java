/**
 * Helpers shared by the library's packages. Not part of the API: they may change in any release,
 * and the javadoc leaves them out.
 */
package io.tokenmetrics.internal;
