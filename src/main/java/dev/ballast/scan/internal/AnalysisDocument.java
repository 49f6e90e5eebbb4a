package dev.ballast.scan.internal;

/**
 * The result of one analysis as stored with a scan: a JSON document and the version of its shape,
 * raised whenever a field changes meaning so readers of old scans can tell.
 *
 * @param version the version of the document's shape
 * @param json the document
 */
public record AnalysisDocument(int version, String json) {
}
