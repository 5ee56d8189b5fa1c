/**
 * The view records the render templates read: plain data, already inferred, formatted and
 * reduced to what the markup needs. Built only by {@code com.toaide.render}; templates hold
 * only {@code @if}/{@code @for} over them.
 *
 * <p>Editing attributes ({@code entity}, {@code field}, {@code type}) are null in the
 * published form, and jte leaves out an attribute whose value is null: that is how the
 * published body stays byte-for-byte the editor body minus its editing attributes.
 *
 * <p>Imports: the JDK and jte only.
 */
package com.toaide.render.view;
