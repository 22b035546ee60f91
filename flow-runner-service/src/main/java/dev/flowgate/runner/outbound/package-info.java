/**
 * The HTTP client behind http, file and llm nodes: Apache HttpClient 5's async client,
 * sending each request to the addresses the guard checked.
 */
package dev.flowgate.runner.outbound;
