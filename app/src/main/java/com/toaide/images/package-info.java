/**
 * Photos on a page: upload and processing (type sniffed, orientation applied, metadata
 * stripped, sizes for srcset), private storage in the workspace bucket, quotas per plan.
 * May import platform, billing's service and records, and render's records.
 */
package com.toaide.images;
