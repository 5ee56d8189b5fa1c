/**
 * The view records the renderer's BodyWriter prints: plain data, already inferred, formatted
 * and reduced to what the markup needs. Built only by {@code com.toaide.render}; the writer
 * holds only conditions and loops over them.
 *
 * <p>Editing attributes ({@code entity}, {@code field}, {@code type}) are null in the
 * published form, and the writer (like jte) leaves out an attribute whose value is null: that is how the
 * published body stays byte-for-byte the editor body minus its editing attributes.
 *
 * <p>Imports: the JDK and jte only.
 */
package com.toaide.render.view;
