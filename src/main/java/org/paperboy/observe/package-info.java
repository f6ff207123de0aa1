/** What operators watch: Prometheus metrics, a health check, and the HTTP server for both. */
package org.paperboy.observe;
