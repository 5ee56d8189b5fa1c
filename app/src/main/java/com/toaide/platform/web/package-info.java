/**
 * The web platform every feature's routes stand on: views, static assets, errors, security
 * headers, the Origin check, body limits, request ids and the request log. Knows no feature.
 */
package com.toaide.platform.web;
